"""Reference data true beyond one plan (a national gazetteer, suffix and term lists), each entry
with its source."""
