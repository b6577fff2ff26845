"""ingest.file_timeout_s: a file whose loading overruns is stopped in its worker process,
skipped with a reason naming the setting, and the rest of the ingest goes on with the index
unchanged for that file."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import docx

from ingest.file_worker import FileReader
from ingest.loaders import LoadError, load_file
from ingest.pipeline import Ingester
from rag.components import open_store
from rag.embeddings import FakeEmbedder
from rag.settings import Settings


def stuck_on_request(path: Path, max_bytes: int) -> list:
    """A loader that never returns for files named stuck*: a pure-Python loop that checks
    no flag, as a parser caught in pathological input does."""
    if path.name.startswith("stuck"):
        while True:
            pass
    if path.name.startswith("crash"):
        import os

        os._exit(7)  # a C extension's crash: the worker dies
    return load_file(path, max_bytes=max_bytes)


def many_paragraphs_docx(path: Path, paragraphs: int) -> Path:
    """A 56 KB .docx of 200,000 one-letter paragraphs (6.8 MB of XML once unzipped): the Word
    loader took 194 s on it here. A real file, not a test loader."""
    blank = io.BytesIO()
    docx.Document().save(blank)
    source = zipfile.ZipFile(io.BytesIO(blank.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                body = "<w:p><w:r><w:t>a</w:t></w:r></w:p>" * paragraphs
                data = data.decode().replace("<w:body>", "<w:body>" + body, 1).encode()
            out.writestr(item, data)
    return path


def ingest(tmp_path: Path, docs: Path, timeout: float, loader: str | None = None):
    settings = Settings(
        store={"path": tmp_path / "index"},
        embedding={"mode": "fake"},
        ingest={"file_timeout_s": timeout},
    )
    store = open_store(settings, FakeEmbedder())
    ingester = Ingester(settings, store, FakeEmbedder())
    if loader:
        ingester.reader = FileReader(timeout, loader)
    try:
        return ingester.run([docs], progress=False), store.files()
    finally:
        ingester.reader.close()
        store.close()


def test_a_hung_loader_is_stopped_and_the_rest_go_on(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a.md", "stuck.md", "b.md", "crash.md", "c.md"):
        (docs / name).write_text(f"# {name}\n\nSome text about {name}.\n")
    started = time.monotonic()
    summary, files = ingest(tmp_path, docs, 1.5, "test_file_timeout:stuck_on_request")
    assert time.monotonic() - started < 60
    reasons = {Path(s.path).name: s.reason for s in summary.skipped}
    assert set(reasons) == {"stuck.md", "crash.md"}
    assert "longer than 1.5 s (ingest.file_timeout_s)" in reasons["stuck.md"]
    assert "loader process died (exit code 7)" in reasons["crash.md"]
    assert sorted(r.source for r in files) == ["a.md", "b.md", "c.md"]  # after both, too


def test_the_docx_once_stopped_at_the_limit_now_loads_within_it(tmp_path):
    # 200,000 paragraphs took 194 s in the Word loader (a style lookup per paragraph), past
    # the default limit; the loader is linear now (bench/hostile_files.py).
    docs = tmp_path / "docs"
    docs.mkdir()
    many_paragraphs_docx(docs / "bomb.docx", 200_000)
    (docs / "ok.txt").write_text("A plain file after it.\n")
    summary, files = ingest(tmp_path, docs, 120.0)
    assert summary.skipped == []
    assert sorted(r.source for r in files) == ["bomb.docx", "ok.txt"]


def test_a_stopped_file_keeps_what_the_index_had(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "stuck.md").write_text("# Notes\n\nThe first version.\n")
    first, _ = ingest(tmp_path, docs, 0)  # no limit: loaded in-process, indexed
    assert first.files_indexed == 1
    (docs / "stuck.md").write_text("# Notes\n\nA second version.\n")
    summary, files = ingest(tmp_path, docs, 1.0, "test_file_timeout:stuck_on_request")
    assert summary.skipped and [r.source for r in files] == ["stuck.md"]
    assert files[0].chunks >= 1  # the first version's chunks are still there


def test_the_worker_returns_what_load_file_returns(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>T</title></head><body><h1>H</h1><p>Body text.</p>")
    reader = FileReader(30)
    try:
        got = reader.load(page, 1 << 20)
        assert [(d.page_content, d.metadata) for d in got] == [
            (d.page_content, d.metadata) for d in load_file(page)
        ]
        missing = tmp_path / "missing.txt"
        try:
            reader.load(missing, 1 << 20)
        except LoadError as err:
            assert "no such file" in err.reason
        else:
            raise AssertionError("a missing file must raise LoadError")
    finally:
        reader.close()


def test_the_limit_holds_when_files_are_read_in_the_child_process(tmp_path, embedder):
    # Many files are read in a spawned child (ingest/reader_process.py), which loads each
    # through a time-limited worker of its own.
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "stuck.md").write_text("# Stuck\n\nNever loads.\n")
    (docs / "ok.txt").write_text("A plain file after it.\n")
    settings = Settings(store={"path": tmp_path / "index"}, ingest={"file_timeout_s": 2.0})
    store = open_store(settings, embedder)
    ingester = Ingester(settings, store, embedder)
    ingester.reader = FileReader(2.0, "test_file_timeout:stuck_on_request")  # the child's too
    ingester.process_min_files = 0  # read in the child even for two files
    try:
        started = time.monotonic()
        summary = ingester.run([docs], progress=False)
        assert time.monotonic() - started < 90
        [skipped] = summary.skipped
        assert skipped.path.endswith("stuck.md") and "ingest.file_timeout_s" in skipped.reason
        assert [r.source for r in store.files()] == ["ok.txt"]
    finally:
        ingester.reader.close()
        store.close()


def test_the_worker_imports_nothing_from_the_calling_script_folder(tmp_path):
    # A script's own folder is first on its sys.path; a module there named like a standard one
    # (bench/collections.py) must not reach the worker, or every file would be skipped.
    import subprocess
    import sys

    (tmp_path / "collections.py").write_text("raise ImportError('shadowed')\n")
    (tmp_path / "doc.txt").write_text("Standard shipping costs $5.99.\n")
    script = tmp_path / "run.py"
    script.write_text(
        "import sys\n"
        f"sys.path.insert(1, {str(Path(__file__).resolve().parents[2])!r})\n"
        "from pathlib import Path\n"
        "from ingest.file_worker import FileReader\n"
        "reader = FileReader(timeout_s=60)\n"
        "docs = reader.load(Path(sys.argv[1]), max_bytes=1 << 20)\n"
        "reader.close()\n"
        "print(docs[0].page_content)\n"
    )
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "doc.txt")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "$5.99" in done.stdout
