"""Incremental ingest over the real embedding model, on both store back ends (every test runs
once on FAISS + SQLite and once on PostgreSQL/pgvector: ids "faiss", "pgvector"): unchanged files
skipped, changed ones replaced, removed ones deleted."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from ingest.pipeline import Ingester


@pytest.fixture
def settings(store_settings):
    """`settings` (and so `make_store`) names a fresh index on each back end in turn."""
    return store_settings


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def corpus(root: Path) -> None:
    write(root / "returns.md", "# Returns\n\nItems can be returned within 30 days of delivery.\n")
    write(root / "shipping" / "rates.txt", "Standard shipping costs $4.99 and takes 5 days.\n")
    write(root / "warranty.md", "# Warranty\n\nThe Trailhead tent has a 2-year warranty.\n")


class CountingEmbedder:
    """The real embedder, counting how many texts it was asked to encode."""

    def __init__(self, inner):
        self.inner, self.encoded = inner, 0
        self.name, self.dim, self.max_tokens = inner.name, inner.dim, inner.max_tokens

    def count_tokens(self, text):
        return self.inner.count_tokens(text)

    def encode(self, texts, progress=False):
        self.encoded += len(texts)
        return self.inner.encode(texts)


def run(settings, store, embedder, root, **kw):
    return Ingester(settings, store, embedder).run([root], progress=False, **kw)


def test_first_run_indexes_every_file_with_metadata(tmp_path, settings, make_store, embedder):
    corpus(tmp_path / "docs")
    store = make_store()
    summary = run(settings, store, embedder, tmp_path / "docs")
    assert summary.files_indexed == 3 and summary.skipped == []
    assert summary.chunks_total == store.count() == summary.chunks_added == 3
    assert {f.source for f in store.files()} == {"returns.md", "shipping/rates.txt", "warranty.md"}
    store.check_consistency()


def test_second_run_embeds_nothing(tmp_path, settings, make_store, embedder):
    corpus(tmp_path / "docs")
    counting = CountingEmbedder(embedder)
    store = make_store()
    run(settings, store, counting, tmp_path / "docs")
    first = counting.encoded
    again = run(settings, store, counting, tmp_path / "docs")
    assert counting.encoded == first
    assert again.files_unchanged == 3 and again.files_indexed == 0 and again.chunks_added == 0
    # Touched but identical content: hashed, still not re-embedded.
    os.utime(tmp_path / "docs" / "returns.md", (time.time() + 5, time.time() + 5))
    assert run(settings, store, counting, tmp_path / "docs").files_unchanged == 3
    assert counting.encoded == first


def test_changed_file_replaces_its_chunks(tmp_path, settings, make_store, embedder):
    corpus(tmp_path / "docs")
    store = make_store()
    run(settings, store, embedder, tmp_path / "docs")
    write(tmp_path / "docs" / "returns.md", "# Returns\n\nItems can be returned within 45 days.\n")
    summary = run(settings, store, embedder, tmp_path / "docs")
    assert summary.files_indexed == 1 and summary.chunks_removed == 1
    texts = [c.text for c, _ in store.get_chunks(list(range(1, 100))).values()]
    assert any("45 days" in t for t in texts) and not any("30 days" in t for t in texts)
    assert store.count() == 3
    store.check_consistency()


def test_deleted_file_is_pruned_and_no_prune_keeps_it(tmp_path, settings, make_store, embedder):
    corpus(tmp_path / "docs")
    store = make_store()
    run(settings, store, embedder, tmp_path / "docs")
    (tmp_path / "docs" / "warranty.md").unlink()
    kept = run(settings, store, embedder, tmp_path / "docs", prune=False)
    assert kept.files_removed == 0 and store.count() == 3
    pruned = run(settings, store, embedder, tmp_path / "docs")
    assert pruned.files_removed == 1 and pruned.chunks_removed == 1 and store.count() == 2
    store.check_consistency()


def test_ingesting_another_folder_does_not_prune_the_first(
    tmp_path, settings, make_store, embedder
):
    corpus(tmp_path / "a")
    write(tmp_path / "b" / "extra.txt", "Gift cards never expire.\n")
    store = make_store()
    run(settings, store, embedder, tmp_path / "a")
    summary = run(settings, store, embedder, tmp_path / "b")
    assert summary.files_removed == 0 and store.count() == 4


def test_index_reopens_after_close(tmp_path, settings, make_store, embedder):
    corpus(tmp_path / "docs")
    store = make_store()
    run(settings, store, embedder, tmp_path / "docs")
    store.close()
    again = make_store()
    assert again.count() == 3 and len(again.files()) == 3
    again.check_consistency()
    assert run(settings, again, embedder, tmp_path / "docs").files_unchanged == 3


def test_reindexing_one_file_keeps_its_folder_relative_source(
    tmp_path, settings, make_store, embedder
):
    corpus(tmp_path / "docs")
    store = make_store()
    run(settings, store, embedder, tmp_path / "docs")
    nested = tmp_path / "docs" / "shipping" / "rates.txt"
    write(nested, "Standard shipping costs $5.99 and takes 5 days.\n")
    summary = Ingester(settings, store, embedder).run([nested], progress=False)
    assert summary.files_indexed == 1
    assert store.file(str(nested.resolve())).source == "shipping/rates.txt"
