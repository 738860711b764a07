"""The document model: tables of cells with their lines, clean text mapped to the input, the unit tree."""
