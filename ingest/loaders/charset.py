"""Which encoding a file's bytes are in, most certain evidence first.

1. A byte-order mark. 2. UTF-16 without one: NUL bytes all on odd (LE) or all on even (BE)
positions, and a clean strict decode. 3. Valid UTF-8 (ASCII included), or mostly-valid UTF-8
with a few bad bytes (a legacy guess would garble every correct character instead). 4. Every
legacy code page in `LEGACY` that decodes the sample without error, ranked by
`implausibility` (charset-normalizer's mess ratio plus language tie-breaks); a declared charset
(an HTML <meta>) wins unless another reads clearly better, and a tie goes to the earlier entry.

The sample for long files is the lines that hold non-ASCII bytes, not the first 64 KB: a manual
whose first accented name is on page 40 is otherwise judged to be ASCII. The winner must decode
the whole file; if it cannot, the next one is tried.
"""

from __future__ import annotations

import codecs
import unicodedata

from ingest.loaders.charset_score import implausibility

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# In order of how common they are in files people have: the first wins a tie. ISO-8859-1 is
# not here: Windows-1252 decodes every Latin-1 text the same (browsers treat them as one).
LEGACY = (
    "cp1252", "iso8859_15", "cp1250", "cp1251", "koi8_r", "shift_jis", "euc_jp", "gb18030",
    "big5", "euc_kr", "cp1253", "cp1254", "cp1257", "iso8859_2",
)  # fmt: skip
_SAMPLE_BYTES = 16 * 1024
_DECLARED_MARGIN = 0.2  # how much better another code page must read to overrule a declaration
_SNIFF = 8 * 1024
_UTF16 = ("utf-16-le", "utf-16-be")


def bom_encoding(data: bytes) -> str | None:
    return next((enc for bom, enc in BOMS if data.startswith(bom)), None)


def utf16_without_bom(data: bytes) -> str | None:
    """utf-16-le/-be for NUL-bearing bytes that read as clean text in one byte order.

    Legacy text never holds NUL bytes; UTF-16 has them wherever a character's code is below
    U+0100 (newlines, spaces, digits) or ends in 00. The byte order is the one whose decode
    has fewer unassigned, private or control characters: a newline read the wrong way round
    is U+0A00, which Unicode leaves unassigned.
    """
    head = data[:_SNIFF]
    if b"\x00" not in head:
        return None
    head = head[: len(head) - len(head) % 2]
    bad = {codec: _odd_chars(head.decode(codec, errors="replace")) for codec in _UTF16}
    codec = min(_UTF16, key=lambda c: bad[c])
    return codec if bad[codec] <= len(head) // 200 else None  # at most 1% of characters


def _odd_chars(text: str) -> int:
    return sum(
        1
        for ch in text
        if (ch < " " and ch not in "\t\n\r\f\v\x1b")
        or ch == "\ufffd"
        or unicodedata.category(ch) in ("Cn", "Co", "Cs")
    )


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode bytes of unknown encoding; never fails (undecodable bytes become U+FFFD)."""
    bom = bom_encoding(data)
    if bom:
        return data.decode(bom, errors="replace")
    wide = utf16_without_bom(data)
    if wide:
        return data.decode(wide, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    good = sum(1 for ch in lenient if ord(ch) > 0x7F) - bad
    if good >= bad:
        return lenient
    for codec in rank(data, declared):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue  # the sample decoded, a later part of the file does not
    return data.decode((rank(data, declared) or ["cp1252"])[0], errors="replace")


def rank(data: bytes, declared: str | None = None) -> list[str]:
    """Legacy code pages that decode the sample, most plausible first."""
    sample = _sample(data)
    declared_codec = _codec(declared)
    scored = []
    for order, codec in enumerate(
        dict.fromkeys([c for c in (declared_codec,) if c] + list(LEGACY))
    ):
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        score = implausibility(text, codec)
        if codec == declared_codec:
            score -= _DECLARED_MARGIN
        scored.append((score, order, codec))
    return [codec for _, _, codec in sorted(scored)]


def _codec(label: str | None) -> str | None:
    """Python's codec name for a declared charset; Latin-1 and ASCII mean Windows-1252 (as in
    every browser); UTF-8 and unknown names declare nothing a legacy code page can use."""
    if not label:
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    if name in ("gbk", "gb2312"):
        return "gb18030"  # its superset: a page declared GB2312 often holds GBK characters
    if name.startswith("utf"):
        return None
    return name.replace("-", "_")


def _sample(data: bytes) -> bytes:
    """The whole of a short file; of a long one, the lines that hold non-ASCII bytes."""
    if len(data) <= _SAMPLE_BYTES:
        return data
    parts, size = [], 0
    for line in data.splitlines(keepends=True):
        if max(line, default=0) > 0x7F:
            parts.append(line)
            size += len(line)
            if size >= _SAMPLE_BYTES:
                break
    return b"".join(parts) or data[:_SAMPLE_BYTES]
