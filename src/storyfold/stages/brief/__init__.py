"""The cited brief: the brief stage and the support check each of its sentences passes."""
