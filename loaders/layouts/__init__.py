"""Stage 2, layouts: lines of any linearisation -> the document model (contents, headings, boxes,
paragraphs, tables)."""
