"""Offline ingest pipeline: find files, load them as Documents, chunk, embed and index them."""
