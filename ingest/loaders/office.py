"""DOCX: paragraphs and tables in body order, one Document per top-level heading section."""

from __future__ import annotations

import io
import re
import zipfile

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import nsmap, qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from langchain_core.documents import Document
from lxml import etree

from ingest.loaders.errors import LoadError

_HEADING_STYLE = re.compile(r"heading\s*(\d)", re.IGNORECASE)
# A paragraph's text as python-docx's Paragraph.text reads it (runs, and runs inside
# hyperlinks; breaks, tabs and no-break hyphens as their characters, by each element's own
# str()), through one XPath compiled once: python-docx compiles two per paragraph, which
# was 37 µs of the 42 each paragraph's text took under cProfile.
_RUN_ITEMS = etree.XPath("w:r/* | w:hyperlink/w:r/*", namespaces={"w": nsmap["w"]})
_TEXT_TAGS = frozenset(qn(f"w:{t}") for t in ("br", "cr", "noBreakHyphen", "ptab", "t", "tab"))


def _style_name(paragraph: Paragraph) -> str:
    try:
        style = paragraph.style
        return (style.name or "") if style is not None else ""
    except (KeyError, AttributeError, ValueError):  # dangling style references in odd files
        return ""


class _HeadingLevels:
    """Heading levels by style id, each id resolved once. python-docx resolves
    `paragraph.style` by scanning every style definition in the document for each paragraph
    (about 1 ms with the default template's 164 styles), so a 56 KB file of 200,000
    one-letter paragraphs took 194 s; a document uses a handful of style ids."""

    def __init__(self) -> None:
        self._levels: dict[str | None, int | None] = {}

    def __call__(self, paragraph: Paragraph) -> int | None:
        """1-9 for 'Heading N' styles, 0 for 'Title', None for body text."""
        style_id = paragraph._p.style  # the w:pStyle value; None: the default style
        if style_id not in self._levels:
            self._levels[style_id] = _heading_level(_style_name(paragraph))
        return self._levels[style_id]


def _heading_level(name: str) -> int | None:
    if name.lower() == "title":
        return 0
    found = _HEADING_STYLE.fullmatch(name.strip())
    return int(found.group(1)) if found else None


def _paragraph_text(paragraph: Paragraph) -> str:
    return "".join(str(e) for e in _RUN_ITEMS(paragraph._p) if e.tag in _TEXT_TAGS)


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
    level = _HeadingLevels()
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            blocks.append((level(item), _paragraph_text(item).strip()))
        else:
            blocks.append((None, _table_text(item)))

    headings = [(level, text) for level, text in blocks if level is not None and text]
    title = (document.core_properties.title or "").strip() or next(
        (text for _, text in headings), ""
    )
    # Sections split at the shallowest heading level used (documents often start at Heading 2).
    top = min((level for level, _ in headings if level > 0), default=None)

    # (heading, texts, deeper headings within) per section
    sections: list[tuple[str | None, list[str], list[str]]] = [(None, [], [])]
    for level, text in blocks:
        if text and level is not None and level == top:
            sections.append((text, [], []))
        elif text and level and top is not None and level > top:
            sections[-1][2].append(text)
        if text:
            sections[-1][1].append(text)

    docs = []
    for heading, texts, subheadings in sections:
        if len(texts) < 2 and heading:
            continue  # a heading with nothing under it
        meta = {"format": "docx"}
        if title:
            meta["title"] = title
        if heading:
            meta["heading"] = heading
        if subheadings:
            meta["subheadings"] = subheadings
        docs.append(Document(page_content="\n\n".join(texts), metadata=meta))
    return docs
