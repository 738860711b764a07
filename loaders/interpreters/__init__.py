"""Stage 3, interpreters: the document model -> records (goals, measures, targets, indicators,
clusters, entities)."""
