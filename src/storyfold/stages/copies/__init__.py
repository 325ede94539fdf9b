"""Copies and rewrites: MinHash signatures, the dedup stage, its near-duplicate index, sentence
alignment of rewrites, nearest-neighbour candidates, and lineages of independent sources."""
