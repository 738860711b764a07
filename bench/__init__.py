"""Benchmarks of plan-kg (``python bench/run.py``); see docs/benchmarks.md."""
