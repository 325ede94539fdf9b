"""Language tools shared by several stages: the sentence splitter, number words, the spaCy loader,
the sentence encoder and the content-hash cache of heavy per-text results."""
