"""Failure drills on real ingest processes: SIGKILL at random moments, a full disk, two at once.

Each drill runs `python -m ingest` as a child process on data/docs copied twice into a temp
folder (50 files: HTML, PDF, DOCX, Markdown, text, CSV). The children embed with
`embedding.mode: fake` (hashed vectors): the drills test the store's writes, and eleven loads
of the real model would take minutes on 2 cores. Everything else is the real pipeline, FAISS
and SQLite. The kill moments come from a seeded generator: DRILL_SEED=N replays a run.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rag.embeddings import FakeEmbedder
from rag.store import FaissStore

ROOT = Path(__file__).resolve().parents[2]
SEED = int(os.environ.get("DRILL_SEED", "1313"))
KILLS = 10


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    for copy in ("copy1", "copy2"):
        shutil.copytree(ROOT / "data/docs", docs / copy)
    return docs


def ingest(docs: Path, index: Path, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "RAGCHAT_EMBEDDING__MODE": "fake"}
    cmd = [sys.executable, "-m", "ingest", str(docs), "--index", str(index), "--json", *extra]
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(proc: subprocess.Popen) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out.decode(), err.decode()


def open_index(index: Path) -> FaissStore:
    embedder = FakeEmbedder()
    return FaissStore(index, embedder.name, embedder.dim)


def check_loads_and_answers(index: Path) -> int:
    """The index opens, FAISS matches the docstore, a search answers, no chunk is doubled."""
    store = open_index(index)
    try:
        store.check_consistency()
        pairs = store.db.execute("SELECT path, chunk_index FROM chunks").fetchall()
        assert len(pairs) == len(set(pairs)), "a (file, chunk index) is stored twice"
        if store.count():
            query = FakeEmbedder().encode(["How long do I have to return an item?"])[0]
            assert store.search(query, 5)
            assert store.keyword_search("return policy", 5)
        return store.count()
    finally:
        store.close()


def clean_count(docs: Path, tmp_path: Path) -> tuple[int, float]:
    started = time.perf_counter()
    code, _, err = finish(ingest(docs, tmp_path / "clean"))
    assert code == 0, err[-2000:]
    return check_loads_and_answers(tmp_path / "clean"), time.perf_counter() - started


def revise(docs: Path, round_: int) -> None:
    """Change every Markdown and text file (24 of 50), so that every run has files to write."""
    for path in sorted(p for p in docs.rglob("*") if p.suffix in (".md", ".txt")):
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"\n\nRevision {round_}: this note was added to the document.\n")


def generation(index: Path) -> int:
    """The docstore's generation (one more per committed file), 0 before the first commit."""
    db = index / "docstore.sqlite"
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            row = conn.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
    except sqlite3.Error:
        return 0  # the schema is being created
    return int(row[0]) if row else 0


def kill_after_commits(proc: subprocess.Popen, index: Path, commits: int) -> bool:
    """SIGKILL once `commits` more files are committed (0: during start-up); False if it ended."""
    target = generation(index) + commits
    while proc.poll() is None and generation(index) < target:
        time.sleep(0.002)
    if proc.poll() is not None:
        return False
    proc.send_signal(signal.SIGKILL)
    return True


def test_sigkill_at_random_moments_leaves_a_loadable_index(corpus: Path, tmp_path: Path) -> None:
    """The moments are drawn as "after k more file commits", k from 0 (still starting) to the
    files the run has to write, so every kill lands inside the run, most of them mid-write."""
    rng = random.Random(SEED)
    index, killed, moments, counts = tmp_path / "index", 0, [], []
    for round_ in range(KILLS):
        revise(corpus, round_)
        to_write = 50 if round_ == 0 else 24  # every file first, then the revised ones
        moments.append(rng.randint(0, to_write - 1))
        proc = ingest(corpus, index)
        killed += kill_after_commits(proc, index, moments[-1])
        proc.communicate(timeout=60)
        counts.append(check_loads_and_answers(index))
    code, _, err = finish(ingest(corpus, index))
    assert code == 0, err[-2000:]
    expected, _ = clean_count(corpus, tmp_path / "clean")
    assert check_loads_and_answers(index) == expected
    print(
        f"\nSIGKILL drill (seed {SEED}): {killed}/{KILLS} runs killed, after {moments} commits;"
        f" chunks after each kill {counts}; final {expected} = a clean ingest's"
    )
    assert killed == KILLS


def test_disk_full_names_the_index_and_keeps_the_previous_one(corpus, tmp_path) -> None:
    index = tmp_path / "index"
    code, _, err = finish(ingest(corpus / "copy1", index))
    assert code == 0, err
    before = check_loads_and_answers(index)
    size = sum(p.stat().st_size for p in index.iterdir())
    # A file-size limit a little above today's index: the next writes hit it (EFBIG).
    limit_kb = size // 1024 + 150
    env = {**os.environ, "RAGCHAT_EMBEDDING__MODE": "fake"}
    cmd = f"ulimit -f {limit_kb}; exec {sys.executable} -m ingest {corpus} --index {index} --json"
    done = subprocess.run(
        ["bash", "-c", cmd], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 3, done.stderr[-2000:]
    assert f"could not write the index at {index}: disk full or file size limit" in done.stderr
    assert "Traceback" not in done.stderr
    assert check_loads_and_answers(index) >= before  # the earlier files all still there
    code, _, err = finish(ingest(corpus, index))  # with room again, it finishes
    assert code == 0, err


def test_two_ingests_at_once_finish_without_duplicates(corpus: Path, tmp_path: Path) -> None:
    index = tmp_path / "index"
    first, second = ingest(corpus, index), ingest(corpus, index)
    results = [finish(first), finish(second)]
    assert [code for code, _, _ in results] == [0, 0], results
    expected, _ = clean_count(corpus, tmp_path / "clean-run")
    assert check_loads_and_answers(index) == expected
    waited = [err for _, _, err in results if "another ingest is running" in err]
    assert len(waited) <= 1
    assert not waited or str(index) in waited[0]


def test_a_new_index_is_not_opened_while_another_ingest_holds_the_lock(corpus, tmp_path):
    """Two ingests creating one new index would race on its tables: the CLI takes the lock
    before it opens the store, so the second process creates nothing until the first is done."""
    from ingest.lock import ingest_lock

    index = tmp_path / "index"
    with ingest_lock(index):
        proc = ingest(corpus / "copy1", index)
        time.sleep(3)  # long enough for the process to start and reach the lock
        assert proc.poll() is None and not (index / "docstore.sqlite").exists()
    code, _, err = finish(proc)
    assert code == 0, err[-2000:]
    assert "another ingest is running" in err and (index / "docstore.sqlite").exists()
