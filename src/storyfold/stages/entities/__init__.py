"""Entities: the per-article entities stage, the corpus-level merge of aliases, and the name rules
both (and the quotes stage) share."""
