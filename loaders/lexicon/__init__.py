"""The genre's shared vocabulary, used by every stage: names, table header words."""
