"""Stories and events: the document vector stage, the cluster stage and its linkage arithmetic."""
