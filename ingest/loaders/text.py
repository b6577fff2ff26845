"""Plain text: byte decoding (shared by HTML, Markdown and CSV) and the text loader."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes
from langchain_core.documents import Document

from ingest.loaders.errors import LoadError

_SNIFF_BYTES = 8 * 1024
_DETECT_BYTES = 64 * 1024  # charset detection on a prefix: whole-file detection is slow
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Bytes that legitimately occur in text: tab, LF, VT, FF, CR, ESC (ANSI colour codes).
_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1b")


def _bom_encoding(data: bytes) -> str | None:
    return next((enc for bom, enc in _BOMS if data.startswith(bom)), None)


def check_not_binary(data: bytes) -> None:
    """Raise LoadError when the first 8 KB look like binary data rather than text."""
    head = data[:_SNIFF_BYTES]
    if _bom_encoding(head) in ("utf-16", "utf-32"):
        return  # NUL bytes are expected there
    controls = sum(1 for b in head if (b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F)
    if b"\x00" in head or controls > len(head) / 10:
        raise LoadError("binary data, not text")


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode bytes of unknown encoding; never fails (undecodable bytes become U+FFFD).

    UTF-8 is tried first. A file that is mostly valid UTF-8 with a few bad bytes is
    decoded as UTF-8 with replacement characters, because guessing a legacy code page
    for it would garble every correct non-ASCII character instead.
    """
    bom = _bom_encoding(data)
    if bom:
        return data.decode(bom, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    good = sum(1 for ch in lenient if ord(ch) > 0x7F) - bad
    if good >= bad:
        return lenient
    for encoding in (declared, _detect(data)):
        if encoding:
            try:
                return data.decode(encoding, errors="replace")
            except LookupError:  # unknown codec name from a <meta charset> or the detector
                continue
    return data.decode("cp1252", errors="replace")


def _detect(data: bytes) -> str | None:
    best = from_bytes(data[:_DETECT_BYTES]).best()
    return best.encoding if best else None


def load_text(data: bytes) -> list[Document]:
    check_not_binary(data)
    return [Document(page_content=decode_text(data), metadata={"format": "text"})]
