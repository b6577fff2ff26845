"""Turn one file into cleaned LangChain Documents, or fail with a LoadError saying why."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from langchain_core.documents import Document

from ingest.cleaning import normalize_whitespace
from ingest.loaders.errors import LoadError
from ingest.loaders.html import load_html
from ingest.loaders.markdown import load_markdown
from ingest.loaders.office import load_docx
from ingest.loaders.pdf import load_pdf
from ingest.loaders.tabular import load_csv
from ingest.loaders.text import load_text

__all__ = ["SUPPORTED_SUFFIXES", "LoadError", "load_file"]

_LOADERS: dict[str, Callable[[bytes], list[Document]]] = {
    ".pdf": load_pdf,
    ".docx": load_docx,
    ".html": load_html,
    ".htm": load_html,
    ".md": load_markdown,
    ".markdown": load_markdown,
    ".txt": load_text,
    ".text": load_text,
    ".rst": load_text,
    ".csv": load_csv,
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_LOADERS)
_MB = 1024 * 1024


def load_file(path: Path, max_bytes: int = 20 * _MB) -> list[Document]:
    """Documents with cleaned page_content and metadata 'format', plus 'page' (PDF, 1-based),
    'title' and 'heading' when known, 'subheadings' (HTML h3-h6 and deeper DOCX headings inside
    the section), 'rows' (CSV). Empty pages and sections are dropped.

    Raises LoadError(reason) for anything unreadable, and no other exception type.
    """
    try:
        return _load(Path(path), max_bytes)
    except LoadError:
        raise
    except PermissionError as exc:
        raise LoadError("permission denied") from exc
    except FileNotFoundError as exc:
        raise LoadError("no such file or directory") from exc
    except IsADirectoryError as exc:
        raise LoadError("is a directory") from exc
    except RecursionError as exc:
        raise LoadError("unreadable: structure nested too deeply") from exc
    except MemoryError as exc:
        raise LoadError("unreadable: out of memory while loading") from exc
    except Exception as exc:  # a loader bug or library quirk must not stop a whole ingest run
        raise LoadError(f"unreadable: {type(exc).__name__}: {exc}") from exc


def _load(path: Path, max_bytes: int) -> list[Document]:
    suffix = path.suffix.lower()
    loader = _LOADERS.get(suffix)
    if loader is None:
        raise LoadError(f"unsupported file type {suffix or '(no extension)'}")
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise LoadError("not a regular file")
    if info.st_size == 0:
        raise LoadError("empty file (0 bytes)")
    if info.st_size > max_bytes:
        raise LoadError(_too_large(info.st_size, max_bytes))
    with open(path, "rb") as handle:
        data = handle.read(max_bytes + 1)  # the size may have changed since stat()
    if len(data) > max_bytes:
        raise LoadError(_too_large(len(data), max_bytes))
    if not data:
        raise LoadError("empty file (0 bytes)")

    docs = []
    for doc in loader(data):
        doc.page_content = normalize_whitespace(doc.page_content)
        if doc.page_content:
            docs.append(doc)
    if not docs:
        raise LoadError("no extractable text")
    return docs


def _too_large(size: int, limit: int) -> str:
    return f"file too large: {size / _MB:.1f} MB > {limit / _MB:.1f} MB limit (ingest.max_file_mb)"
