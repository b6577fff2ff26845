"""discover(): recursive, sorted, de-duplicated, and explicit about everything it skips."""

from __future__ import annotations

from pathlib import Path

from ingest.discover import Skipped, discover


def test_recursive_sorted_and_resolved(tmp_path: Path, write_file) -> None:
    for name in ("b.txt", "a.md", "sub/z.pdf", "sub/deeper/c.csv", "Upper.HTML"):
        write_file(name, "x")
    files, skipped = discover([tmp_path])
    assert files == sorted(
        (tmp_path / n).resolve()
        for n in ("a.md", "b.txt", "sub/z.pdf", "sub/deeper/c.csv", "Upper.HTML")
    )
    assert skipped == []


def test_hidden_entries_are_skipped_silently(tmp_path: Path, write_file) -> None:
    write_file("visible.txt", "x")
    write_file(".DS_Store", b"\x00")
    write_file(".git/notes.txt", "x")
    write_file("~$draft.docx", b"lock")
    files, skipped = discover([tmp_path])
    assert files == [(tmp_path / "visible.txt").resolve()]
    assert skipped == []


def test_file_given_directly_and_twice(tmp_path: Path, write_file) -> None:
    path = write_file("one.txt", "x")
    files, skipped = discover([path, tmp_path, tmp_path / "." / "one.txt"])
    assert files == [path.resolve()]
    assert skipped == []


def test_symlinked_duplicates_listed_once(tmp_path: Path, write_file) -> None:
    real = write_file("docs/guide.md", "x")
    (tmp_path / "alias").symlink_to(tmp_path / "docs", target_is_directory=True)
    (tmp_path / "docs/link.md").symlink_to(real)
    files, skipped = discover([tmp_path, tmp_path / "alias"])
    assert files == [real.resolve()]
    assert skipped == []


def test_directory_symlink_loop_reported_once(tmp_path: Path, write_file) -> None:
    write_file("root/a/file.txt", "x")
    (tmp_path / "root/a/up").symlink_to(tmp_path / "root", target_is_directory=True)
    files, skipped = discover([tmp_path / "root"])
    assert files == [(tmp_path / "root/a/file.txt").resolve()]
    assert skipped == [Skipped(str(tmp_path / "root/a/up"), "symlink loop")]


def test_missing_and_unsupported_paths_reported(tmp_path: Path, write_file) -> None:
    write_file("keep/notes.txt", "x")
    write_file("keep/Makefile", "all:")
    write_file("keep/data.xyz", "x")
    files, skipped = discover([tmp_path / "keep", tmp_path / "missing"])
    assert files == [(tmp_path / "keep/notes.txt").resolve()]
    assert skipped == [
        Skipped(str(tmp_path / "keep/Makefile"), "unsupported file type (no extension)"),
        Skipped(str(tmp_path / "keep/data.xyz"), "unsupported file type .xyz"),
        Skipped(str(tmp_path / "missing"), "no such file or directory"),
    ]
