"""PDF: one Document per page with a 1-based 'page', via pypdf."""

from __future__ import annotations

import io
import logging

from langchain_core.documents import Document
from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

from ingest.loaders.errors import LoadError

# pypdf logs a warning for every recoverable oddity in real-world PDFs; the loader reports
# what matters (unreadable, encrypted, no text) itself.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def _short(exc: Exception) -> str:
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return message[:120]


def _open(data: bytes) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise LoadError("encrypted PDF (password required)")
        pages = len(reader.pages)  # reads the page tree, where truncated files fail
    except DependencyError as exc:  # AES needs the optional 'cryptography' package
        raise LoadError(f"encrypted PDF (cannot decrypt: {_short(exc)})") from exc
    except FileNotDecryptedError as exc:
        raise LoadError("encrypted PDF (password required)") from exc
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise LoadError(f"corrupt PDF: {_short(exc)}") from exc
    if not pages:
        raise LoadError("corrupt PDF: no pages")
    return reader


def _title(reader: PdfReader) -> str | None:
    try:
        title = reader.metadata.title if reader.metadata else None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError):
        return None  # a broken info dictionary must not cost us the text
    return (str(title).strip() or None) if title else None


def load_pdf(data: bytes) -> list[Document]:
    reader = _open(data)
    title = _title(reader)
    docs = []
    error: Exception | None = None
    for number, page in enumerate(reader.pages, start=1):
        try:
            text = page.extract_text() or ""
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
            error = exc  # one damaged page should not cost the others
            continue
        if not text.strip():
            continue
        meta: dict[str, object] = {"format": "pdf", "page": number}
        if title:
            meta["title"] = title
        docs.append(Document(page_content=text, metadata=meta))
    if not docs and error is not None:
        raise LoadError(f"corrupt PDF: {_short(error)}") from error
    if not docs:
        raise LoadError("no text layer (scanned PDF?); OCR is not supported")
    return docs
