"""Saving uploaded documents safely: clean names, no overwrites, size and type limits.

A browser sends whatever file name it likes ("../../etc/passwd", ".bashrc", "a/b\\c.pdf",
names with control characters). Only the last path component survives, reduced to a plain
character set; a name already taken gets a numeric suffix ("report-1.pdf") unless the bytes are
identical, in which case the existing file is reused (uploading twice adds nothing).
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from rag.settings import Settings

ALLOWED_TYPES: tuple[str, ...] = ("pdf", "docx", "html", "htm", "md", "markdown", "txt", "csv")
MAX_NAME = 120  # characters, extension included
_UNSAFE = re.compile(r"[^\w. -]+")  # letters (any script), digits, _ . - space
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10))}
_RESERVED |= {f"lpt{i}" for i in range(10)}


class UploadError(ValueError):
    """An upload was refused; the message says why."""


def uploads_dir(settings: Settings) -> Path:
    """Where uploaded documents live: next to the index (`<store.path>/../uploads`)."""
    return settings.resolve(settings.store.path).parent / "uploads"


def safe_name(name: str) -> str:
    """A plain, visible file name from an untrusted one; raises UploadError for a bad type."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFKC", name))[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")  # control chars
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    ext = ext.strip().lower()
    if ext not in ALLOWED_TYPES:
        shown = f".{ext}" if ext else "no extension"
        allowed = ", ".join(ALLOWED_TYPES)
        raise UploadError(f"{name!r}: unsupported file type ({shown}); allowed: {allowed}")
    stem = _UNSAFE.sub("_", stem)
    stem = re.sub(r"\s+", " ", stem).strip(" ._-")  # no hidden (.name) or blank names
    if not stem or stem.lower() in _RESERVED:
        stem = f"upload_{stem}" if stem else "upload"
    return f"{stem[: MAX_NAME - len(ext) - 1]}.{ext}"


def _candidates(folder: Path, name: str) -> Iterator[Path]:
    """name, then name-1, name-2, ...: the first free one is used."""
    stem, ext = name.rsplit(".", 1)
    yield folder / name
    for n in range(1, 1000):
        yield folder / f"{stem}-{n}.{ext}"


def save_upload(folder: Path, name: str, data: bytes, max_bytes: int) -> tuple[Path, bool]:
    """Store `data` under a safe, unused name in `folder`. Returns (path, created).

    created is False when a file of that name with identical content was already there.
    Files are created exclusively (O_EXCL), so two sessions uploading at once never clobber
    each other.
    """
    if len(data) > max_bytes:
        mb = 1024 * 1024
        raise UploadError(
            f"{name!r}: file too large: {len(data) / mb:.1f} MB > {max_bytes / mb:.1f} MB "
            "limit (ingest.max_file_mb)"
        )
    clean = safe_name(name)
    folder.mkdir(parents=True, exist_ok=True)
    for path in _candidates(folder, clean):
        try:
            # O_EXCL (and O_NOFOLLOW, for clarity) never write through a link planted there.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
        except FileExistsError:
            if _same_regular_file(path, data):
                return path, False
            continue
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return path, True
    raise UploadError(f"{name!r}: too many files named {clean} already")


def _same_regular_file(path: Path, data: bytes) -> bool:
    """A plain file (not a link: its target could be anywhere) already holding `data`."""
    info = path.lstat()
    if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
        return False
    return path.read_bytes() == data


def is_upload(path: str | Path, folder: Path) -> bool:
    """Whether `path` is a file the page stored in the uploads folder."""
    return Path(path).resolve().parent == folder.resolve()
