"""Offline evaluation: retrieval hit@k / MRR, answer metrics per mode, and a comparison report."""
