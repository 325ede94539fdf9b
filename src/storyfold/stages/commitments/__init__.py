"""Commitments: who commits what to whom, how firmly and on which conditions; the stage, the
clauses read from the dependency parse, and the sub-kind rules."""
