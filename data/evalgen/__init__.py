"""Question builders for data/make_eval.py."""
