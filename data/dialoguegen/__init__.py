"""Customer-service dialogue builders for data/make_dialogues.py."""
