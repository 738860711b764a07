"""Stage 1, readers: bytes of a published plan (text, web page) -> decoded text of lines."""
