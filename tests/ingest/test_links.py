"""Ingest stays inside the folders it was given: links that leave them are skipped, with why."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from ingest import cli
from ingest.discover import discover
from ingest.pipeline import Ingester
from rag.settings import Settings, get_settings
from rag.uploads import save_upload

OUTSIDE = "outside the ingested folders; ingest.follow_external_links"


@pytest.fixture
def tree(tmp_path: Path, write_file) -> Path:
    """docs/ with ordinary and bad files, links inside and out; private/ beside it."""
    write_file("private/secret.txt", "The vault code is 4711 and nobody else may read it.")
    write_file("private/dir/diary.md", "# Diary\nA private entry about the garden.")
    write_file("docs/guide.md", "# Guide\nReturns are accepted within 30 days.")
    write_file("docs/sub/faq.txt", "Shipping takes three working days.")
    write_file("docs/noise.pdf", random.Random(7).randbytes(2048))  # bad-file corpus: corrupt
    write_file("docs/empty.txt", b"")
    docs, private = tmp_path / "docs", tmp_path / "private"
    (docs / "to-secret.txt").symlink_to(private / "secret.txt")
    (docs / "to-dir").symlink_to(private / "dir", target_is_directory=True)
    # A chain: two hops inside docs/, the last one leaves.
    (docs / "sub/hop2.txt").symlink_to(private / "secret.txt")
    (docs / "hop1.txt").symlink_to(docs / "sub/hop2.txt")
    (docs / "relative-out.txt").symlink_to(Path("../private/secret.txt"))
    # Links that stay inside keep working.
    (docs / "alias.md").symlink_to(docs / "guide.md")
    (docs / "sub-alias").symlink_to(docs / "sub", target_is_directory=True)
    return tmp_path


def test_links_leaving_the_roots_are_skipped_with_the_reason(tree: Path) -> None:
    docs = tree / "docs"
    files, skipped = discover([docs])
    assert files == sorted(
        [(docs / "empty.txt").resolve(), (docs / "guide.md").resolve()]
        + [(docs / "noise.pdf").resolve(), (docs / "sub/faq.txt").resolve()]
    )
    reasons = {Path(s.path).relative_to(docs).as_posix(): s.reason for s in skipped}
    secret, diary_dir = (tree / "private/secret.txt").resolve(), (tree / "private/dir").resolve()
    assert reasons == {
        "to-secret.txt": f"symlink to {secret} {OUTSIDE} or --follow-links to index it",
        "to-dir": f"symlink to {diary_dir} {OUTSIDE} or --follow-links to index it",
        "hop1.txt": f"symlink to {secret} {OUTSIDE} or --follow-links to index it",
        "sub/hop2.txt": f"symlink to {secret} {OUTSIDE} or --follow-links to index it",
        "relative-out.txt": f"symlink to {secret} {OUTSIDE} or --follow-links to index it",
    }


def test_follow_external_links_indexes_them(tree: Path) -> None:
    files, skipped = discover([tree / "docs"], follow_external_links=True)
    assert (tree / "private/secret.txt").resolve() in files
    assert (tree / "private/dir/diary.md").resolve() in files
    assert not [s for s in skipped if OUTSIDE in s.reason]


def test_a_link_into_another_given_root_is_inside(tree: Path) -> None:
    files, skipped = discover([tree / "docs", tree / "private"])
    assert (tree / "private/secret.txt").resolve() in files
    assert not [s for s in skipped if OUTSIDE in s.reason]


def test_a_root_given_as_a_link_is_trusted(tree: Path) -> None:
    (tree / "docs-link").symlink_to(tree / "docs", target_is_directory=True)
    files, skipped = discover([tree / "docs-link"])
    assert (tree / "docs/guide.md").resolve() in files
    assert len([s for s in skipped if OUTSIDE in s.reason]) == 5  # the same five as above


def _ingest_json(tree: Path, capsys, *extra: str) -> dict:
    code = cli.main([str(tree / "docs"), "--index", str(tree / "index"), "--json", *extra])
    assert code == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def fake_embedding(monkeypatch):
    monkeypatch.setenv("RAGCHAT_EMBEDDING__MODE", "fake")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_cli_skips_by_default_and_follows_with_the_flag(tree, capsys, fake_embedding) -> None:
    summary = _ingest_json(tree, capsys)
    outside = [s for s in summary["skipped"] if OUTSIDE in s["reason"]]
    assert len(outside) == 5
    assert summary["files_indexed"] == 2  # guide.md and faq.txt; the bad files are skipped
    followed = _ingest_json(tree, capsys, "--follow-links")
    assert not [s for s in followed["skipped"] if OUTSIDE in s["reason"]]
    assert followed["files_indexed"] == 2  # secret.txt (one path for the three links), diary


def test_setting_follows_and_the_secret_becomes_searchable(tree, make_store) -> None:
    settings = Settings(store={"path": tree / "index"}, embedding={"mode": "fake"})
    from rag.components import build_embedder, open_store

    embedder = build_embedder(settings.embedding)
    store = open_store(settings, embedder)
    try:
        Ingester(settings, store, embedder).run([tree / "docs"], progress=False)
        assert not store.keyword_search("vault code", 5)  # the private file stayed out
        followed = settings.model_copy(
            update={"ingest": settings.ingest.model_copy(update={"follow_external_links": True})}
        )
        Ingester(followed, store, embedder).run([tree / "docs"], progress=False)
        assert store.keyword_search("vault code", 5)
    finally:
        store.close()


def test_upload_never_writes_through_or_reuses_a_planted_link(tmp_path: Path) -> None:
    uploads, target = tmp_path / "uploads", tmp_path / "elsewhere.txt"
    uploads.mkdir()
    target.write_text("original")
    (uploads / "notes.txt").symlink_to(target)
    path, created = save_upload(uploads, "notes.txt", b"original", 1 << 20)
    assert created and path.name == "notes-1.txt"  # identical bytes, but behind a link
    assert not path.is_symlink() and path.read_bytes() == b"original"
    path2, created2 = save_upload(uploads, "../notes.txt", b"new text", 1 << 20)
    assert created2 and path2.name == "notes-2.txt" and not path2.is_symlink()
    assert target.read_text() == "original"
    assert all(not p.is_symlink() for p in uploads.iterdir() if p.name != "notes.txt")
    assert os.readlink(uploads / "notes.txt") == str(target)
