"""CSV: rows grouped into Documents that each start with the header, one 'col: value' line a row."""

from __future__ import annotations

import csv
import io

from langchain_core.documents import Document

from ingest.loaders.errors import LoadError
from ingest.loaders.text import check_not_binary, decode_text

MAX_ROWS = 20
MAX_CHARS = 1500
_SNIFF_CHARS = 64 * 1024


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:  # one column, or too irregular to tell
        return csv.excel
    # The sniffer says "no doubled quotes" unless it sees one in a field without a delimiter,
    # and then reads a "" inside a quoted field as its end: "said ""thanks, bye""" became
    # two columns. Writers double quotes (RFC 4180), and a file without any reads the same.
    sniffed.doublequote = True
    return sniffed


def _render(header: list[str], row: list[str]) -> str:
    # Ragged rows: extra cells get generic names, missing cells are simply absent.
    names = header + [f"column {i}" for i in range(len(header) + 1, len(row) + 1)]
    pairs = zip(names[: len(row)], row, strict=True)
    return "; ".join(f"{name}: {value.strip()}" for name, value in pairs if value.strip())


def load_csv(data: bytes) -> list[Document]:
    check_not_binary(data)
    text = decode_text(data)
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text[:_SNIFF_CHARS]))
    try:
        header = [cell.strip() for cell in next(reader, [])]
        head_line = ", ".join(cell for cell in header if cell)
        docs: list[Document] = []
        lines: list[str] = []
        first = last = 0  # 1-based file lines of the group's first and last data rows
        size = 0
        previous_end = reader.line_num
        for row in reader:
            start, previous_end = previous_end + 1, reader.line_num
            line = _render(header, row)
            if not line:
                continue
            if lines and (len(lines) >= MAX_ROWS or size + len(line) > MAX_CHARS):
                docs.append(_group(head_line, lines, first, last))
                lines, size = [], 0
            if not lines:
                first = start
            lines.append(line)
            size += len(line) + 1
            last = start
        if lines:
            docs.append(_group(head_line, lines, first, last))
    except csv.Error as exc:
        raise LoadError(f"malformed CSV at line {reader.line_num}: {exc}") from exc
    if not docs:
        raise LoadError("no data rows" if head_line else "no extractable text")
    return docs


def _group(head_line: str, lines: list[str], first: int, last: int) -> Document:
    return Document(
        page_content="\n".join([head_line, *lines]),
        metadata={"format": "csv", "rows": f"{first}-{last}"},
    )
