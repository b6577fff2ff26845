"""Text normalisation shared by all loaders.

Paragraph breaks (one blank line) are kept on purpose: the chunker splits on them.
"""

from __future__ import annotations

import re
import unicodedata

# Control characters carry no meaning in extracted text and upset tokenizers and JSON.
# Line-like separators (form feed, vertical tab, NEL, Unicode line/paragraph separators)
# become newlines so page and paragraph boundaries survive.
_NEWLINE_LIKE = {0x0B: "\n", 0x0C: "\n", 0x85: "\n", 0x2028: "\n", 0x2029: "\n\n"}
_INVISIBLE = (0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)  # soft hyphen, zero-width, BOM
_TABLE: dict[int, str | None] = {c: None for c in (*range(0x20), *range(0x7F, 0xA0))}
_TABLE.update({ord("\t"): "\t", ord("\n"): "\n"})
_TABLE.update(_NEWLINE_LIKE)
_TABLE.update({c: None for c in _INVISIBLE})

_SPACES = re.compile(r"[^\S\n]+")  # any whitespace except newline (tabs, NBSP, em space…)
_BLANK_RUNS = re.compile(r"\n{3,}")


def normalize_whitespace(text: str) -> str:
    """`text` in NFC with single spaces, trimmed lines and at most one blank line in a row."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.translate(_TABLE)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()
