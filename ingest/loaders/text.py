"""Plain text: byte decoding (shared by HTML, Markdown and CSV) and the text loader."""

from __future__ import annotations

from langchain_core.documents import Document

from ingest.loaders.charset import bom_encoding, decode_bytes, utf16_without_bom
from ingest.loaders.errors import LoadError

_SNIFF_BYTES = 8 * 1024
# Bytes that legitimately occur in text: tab, LF, VT, FF, CR, ESC (ANSI colour codes).
_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1b")


def check_not_binary(data: bytes) -> None:
    """Raise LoadError when the first 8 KB look like binary data rather than text."""
    head = data[:_SNIFF_BYTES]
    if bom_encoding(head) in ("utf-16", "utf-32") or utf16_without_bom(head):
        return  # NUL bytes are expected there
    controls = sum(1 for b in head if (b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F)
    if b"\x00" in head or controls > len(head) / 10:
        raise LoadError("binary data, not text")


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode bytes of unknown encoding (ingest.loaders.charset); never fails: undecodable
    bytes become U+FFFD. `declared`: a charset the file names itself (HTML <meta>)."""
    return decode_bytes(data, declared)


def load_text(data: bytes) -> list[Document]:
    check_not_binary(data)
    return [Document(page_content=decode_text(data), metadata={"format": "text"})]
