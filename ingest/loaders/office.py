"""DOCX: paragraphs and tables in body order, one Document per top-level heading section."""

from __future__ import annotations

import io
import re
import zipfile

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph
from langchain_core.documents import Document

from ingest.loaders.errors import LoadError

_HEADING_STYLE = re.compile(r"heading\s*(\d)", re.IGNORECASE)


def _style_name(paragraph: Paragraph) -> str:
    try:
        style = paragraph.style
        return (style.name or "") if style is not None else ""
    except (KeyError, AttributeError, ValueError):  # dangling style references in odd files
        return ""


def _heading_level(paragraph: Paragraph) -> int | None:
    """1-9 for 'Heading N' styles, 0 for 'Title', None for body text."""
    name = _style_name(paragraph)
    if name.lower() == "title":
        return 0
    found = _HEADING_STYLE.fullmatch(name.strip())
    return int(found.group(1)) if found else None


def _table_text(table: Table) -> str:
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is listed once per grid column it spans
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            lines.append(" | ".join(cells))
    return "\n".join(lines)


def load_docx(data: bytes) -> list[Document]:
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise LoadError(f"corrupt DOCX: {exc or type(exc).__name__}") from exc

    blocks: list[tuple[int | None, str]] = []  # (heading level or None, text) in body order
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            blocks.append((_heading_level(item), item.text.strip()))
        else:
            blocks.append((None, _table_text(item)))

    headings = [(level, text) for level, text in blocks if level is not None and text]
    title = (document.core_properties.title or "").strip() or next(
        (text for _, text in headings), ""
    )
    # Sections split at the shallowest heading level used (documents often start at Heading 2).
    top = min((level for level, _ in headings if level > 0), default=None)

    sections: list[tuple[str | None, list[str]]] = [(None, [])]
    for level, text in blocks:
        if text and level is not None and level == top:
            sections.append((text, []))
        if text:
            sections[-1][1].append(text)

    docs = []
    for heading, texts in sections:
        if len(texts) < 2 and heading:
            continue  # a heading with nothing under it
        meta = {"format": "docx"}
        if title:
            meta["title"] = title
        if heading:
            meta["heading"] = heading
        docs.append(Document(page_content="\n\n".join(texts), metadata=meta))
    return docs
