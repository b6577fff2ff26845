"""Long and hostile files, and ordinary files of the same type and size, written at test or
bench time from the prose of data/docs (no binary fixtures in git).

Hostile: text on one single line (prose, or base64 without a space), thousands of nested
<div>s, a CSV of thousands of rows with quoted multi-line fields, a PDF of a thousand pages, a
.docx of hundreds of thousands of paragraphs. Ordinary: the same prose as people usually
write it (wrapped lines, flat HTML sections, a catalogue-like CSV, full PDF pages, a Word file
of headed sections).
Used small by tests/ingest/test_hostile_files.py and at full size by bench/hostile_files.py.
"""

from __future__ import annotations

import base64
import functools
import io
import itertools
import math
import random
import textwrap
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "data" / "docs"


@functools.cache
def paragraphs() -> tuple[str, ...]:
    """The prose paragraphs of data/docs' text and Markdown files, each on one line."""
    found = []
    for path in sorted(DOCS.rglob("*")):
        if path.suffix not in (".txt", ".md"):
            continue
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            words = block.split()
            # Headings, bullet lists and underlines are not prose paragraphs.
            if len(words) >= 8 and not block.lstrip().startswith(("#", "*", "-", "|", "=")):
                found.append(" ".join(words))
    return tuple(found)


def prose(chars: float = math.inf) -> Iterator[str]:
    """Paragraphs until `chars` characters (no end by default), each numbered so that no two
    chunks are alike (identical chunks are embedded once, which would hide the cost measured)."""
    total = 0
    for n, text in enumerate(itertools.cycle(paragraphs())):
        if total >= chars:
            return
        paragraph = f"Note {n}. {text}"
        total += len(paragraph) + 2
        yield paragraph


def words(count: int) -> Iterator[str]:
    """`count` words of the prose, in order."""
    for paragraph in prose(count * 12):  # twice the ~6 characters a word and its space take
        found = paragraph.split()[:count]
        yield from found
        count -= len(found)
        if count <= 0:
            return


# -- text ------------------------------------------------------------------------------------
def ordinary_text(size: int) -> bytes:
    """Prose wrapped at 76 columns, a blank line between paragraphs."""
    return "\n\n".join(textwrap.fill(p, 76) for p in prose(size)).encode()


def single_line_text(size: int) -> bytes:
    """The same prose without a single line break: one line of `size` bytes."""
    return " ".join(prose(size)).encode()


def unbroken_text(size: int) -> bytes:
    """One line without a space either: base64 of seeded random bytes (a pasted attachment)."""
    return base64.b64encode(random.Random(13).randbytes(size * 3 // 4))


# -- HTML ------------------------------------------------------------------------------------
def nested_divs_html(depth: int, words_per_div: int = 6) -> bytes:
    """`depth` <div>s each inside the one before, each holding a few words of its own."""
    stream = words(depth * words_per_div)
    texts = (" ".join(itertools.islice(stream, words_per_div)) for _ in range(depth))
    body = "".join(f"<div>{escape(t)}" for t in texts) + "</div>" * depth
    return f"<html><head><title>Deep</title></head><body>{body}</body></html>".encode()


def ordinary_html(size: int) -> bytes:
    """A flat article of about `size` bytes: a heading every eight paragraphs, each in a <p>."""
    parts = ["<html><head><title>Handbook</title></head><body><main>"]
    total = 0
    for n, paragraph in enumerate(prose(size)):
        if total >= size:
            break
        if n % 8 == 0:
            parts.append(f"<h2>Section {n // 8}</h2>")
        parts.append(f"<div class='para'><p>{escape(paragraph)}</p></div>\n")
        total += len(parts[-1]) + len(parts[-2]) * (n % 8 == 0)
    return ("".join(parts) + "</main></body></html>").encode()


# -- CSV -------------------------------------------------------------------------------------
def quoted_csv(rows: int) -> bytes:
    """A ticket export: quoted text fields holding commas, doubled quotes and line breaks."""
    lines = ['id,customer,subject,"description, as written",status,notes']
    for n, text in zip(range(rows), prose(), strict=False):
        text = text.replace('"', '""')
        half = len(text) // 2
        description = f'"{text[:half]}\n{text[half:]}"'  # a line break inside the field
        notes = f'"said ""thanks, bye"" on call {n}"'
        lines.append(f'{n},"Customer {n % 97}","Ticket {n}, follow-up",{description},open,{notes}')
    return ("\n".join(lines) + "\n").encode()


def ordinary_csv(size: int) -> bytes:
    """Rows like data/docs' product catalogue, each with its own SKU, to `size` bytes."""
    head, *rows = (DOCS / "products" / "catalogue.csv").read_text(encoding="utf-8").splitlines()
    lines, total = [head], len(head)
    for n, row in enumerate(itertools.cycle(rows)):
        if total >= size:
            break
        line = f"X{n}-{row}"
        lines.append(line)
        total += len(line) + 1
    return ("\n".join(lines) + "\n").encode()


# -- PDF -------------------------------------------------------------------------------------
def pdf(pages: int, lines_per_page: int) -> bytes:
    """A PDF of `pages` pages of prose, `lines_per_page` lines of ~90 characters each."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    sheet = canvas.Canvas(out, pagesize=A4, invariant=1)
    lines = (line for p in prose(pages * lines_per_page * 92) for line in textwrap.wrap(p, 90))
    for _ in range(pages):
        for i, line in enumerate(itertools.islice(lines, lines_per_page)):
            sheet.drawString(40, 800 - 15 * i, line)  # 15 points a line: 52 lines fit on A4
        sheet.showPage()
    sheet.save()
    return out.getvalue()


# -- DOCX ------------------------------------------------------------------------------------
def _docx(body_xml: str) -> bytes:
    """python-docx's blank document with `body_xml` as its body: writing the XML directly
    takes a second where python-docx's add_paragraph would take minutes for 200,000."""
    import docx

    blank = io.BytesIO()
    docx.Document().save(blank)
    source = zipfile.ZipFile(io.BytesIO(blank.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.decode().replace("<w:body>", "<w:body>" + body_xml, 1).encode()
            archive.writestr(item, data)
    return out.getvalue()


def _paragraph(text: str, style: str | None = None) -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}<w:r><w:t>{escape(text)}</w:t></w:r></w:p>"


def many_paragraphs_docx(paragraphs: int, text: str = "a") -> bytes:
    """`paragraphs` paragraphs of `text` each: 200,000 of "a" make a 56 KB file of 6.8 MB XML."""
    return _docx(_paragraph(text) * paragraphs)


def ordinary_docx(size: int) -> bytes:
    """Prose paragraphs under a Heading 1 every eight, about `size` bytes once zipped."""
    body = []
    for n, paragraph in enumerate(prose(size * 3)):  # deflate shrinks this prose about 3x
        if n % 8 == 0:
            body.append(_paragraph(f"Section {n // 8}", "Heading1"))
        body.append(_paragraph(paragraph))
    return _docx("".join(body))
