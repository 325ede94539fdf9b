"""Who said what: the quotes stage, the join of parsed speech events with quotation marks, and the
corpus-level merge of one statement as different outlets rendered it."""
