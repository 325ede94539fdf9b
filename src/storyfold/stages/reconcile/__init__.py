"""Reconciliation: claims merged across articles, figure conflicts, commitments and their conflicts."""
