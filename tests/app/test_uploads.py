"""Upload names: no path traversal, no hidden files, no overwrites, size and type limits."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from rag.settings import Settings
from rag.uploads import UploadError, is_upload, safe_name, save_upload, uploads_dir

MB = 1024 * 1024


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("report.pdf", "report.pdf"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\windows\\system.ini.txt", "system.ini.txt"),
        ("/abs/path/notes.md", "notes.md"),
        (".bashrc.txt", "bashrc.txt"),
        ("...hidden.md", "hidden.md"),
        ("..md", "upload.md"),
        ("Ann\u00e9e 2024 (final).DOCX", "Ann\u00e9e 2024 _final.docx"),
        ("a\x00b\nc.csv", "abc.csv"),
        ("<script>alert(1)</script>.html", "script.html"),
        ("CON.txt", "upload_CON.txt"),
        ("  spaced   name  .txt", "spaced name.txt"),
    ],
)
def test_safe_name(name: str, expected: str):
    assert safe_name(name) == expected


def test_safe_name_is_bounded_and_never_escapes():
    name = safe_name("x" * 500 + ".markdown")
    assert len(name) <= 120 and name.endswith(".markdown")
    for hostile in ["../x.txt", "a/../../b.txt", "....//....//c.txt", "~/.ssh/id.txt"]:
        clean = safe_name(hostile)
        assert "/" not in clean and "\\" not in clean and not clean.startswith(".")


@pytest.mark.parametrize("name", ["virus.exe", "archive.tar.gz", "noextension", "script.py"])
def test_unsupported_types_are_refused(name: str):
    with pytest.raises(UploadError, match="unsupported file type"):
        safe_name(name)


def test_save_adds_a_numeric_suffix_instead_of_overwriting(tmp_path: Path):
    first, created = save_upload(tmp_path, "notes.txt", b"one", MB)
    second, created2 = save_upload(tmp_path, "../notes.txt", b"two", MB)
    third, _ = save_upload(tmp_path, "notes.txt", b"three", MB)
    assert (first.name, second.name, third.name) == ("notes.txt", "notes-1.txt", "notes-2.txt")
    assert created and created2
    assert first.read_bytes() == b"one" and second.read_bytes() == b"two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes-1.txt", "notes-2.txt", "notes.txt"]


def test_same_content_again_reuses_the_file(tmp_path: Path):
    path, created = save_upload(tmp_path, "a.md", b"# same", MB)
    again, created_again = save_upload(tmp_path, "a.md", b"# same", MB)
    assert again == path and created and not created_again
    assert len(list(tmp_path.iterdir())) == 1


def test_size_limit(tmp_path: Path):
    with pytest.raises(UploadError, match=r"too large: 2\.0 MB > 1\.0 MB"):
        save_upload(tmp_path, "big.txt", b"x" * (2 * MB), MB)
    assert not tmp_path.exists() or not list(tmp_path.iterdir())


def test_concurrent_uploads_of_one_name_never_clobber(tmp_path: Path):
    barrier = threading.Barrier(8)
    results: list[Path] = []

    def upload(n: int) -> None:
        barrier.wait()
        results.append(save_upload(tmp_path, "same.txt", f"content {n}".encode(), MB)[0])

    threads = [threading.Thread(target=upload, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(results)) == 8
    assert sorted(p.read_text() for p in results) == [f"content {n}" for n in range(8)]


def test_uploads_dir_sits_next_to_the_index(tmp_path: Path):
    settings = Settings(store={"path": tmp_path / "index"})
    folder = uploads_dir(settings)
    assert folder == tmp_path / "uploads"
    assert is_upload(folder / "x.txt", folder) and not is_upload(tmp_path / "x.txt", folder)
