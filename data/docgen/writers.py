"""Render a Doc to PDF, DOCX, HTML, Markdown, plain text or CSV, byte-for-byte reproducibly."""

import csv
import html
import io
import textwrap
import zipfile
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from company_facts import COMPANY, EDITION, EFFECTIVE_DATE

from .html_frame import page as html_page

FIXED_TIME = datetime(2024, 3, 1, 9, 0, 0)


def write(doc, root: Path) -> Path:
    target = root / doc.path
    target.parent.mkdir(parents=True, exist_ok=True)
    suffix = target.suffix
    data = {
        ".pdf": pdf_bytes,
        ".docx": docx_bytes,
        ".html": html_bytes,
        ".md": md_bytes,
        ".txt": txt_bytes,
        ".csv": csv_bytes,
    }[suffix](doc)
    target.write_bytes(data)
    return target


# ---------------------------------------------------------------- PDF
def pdf_bytes(doc) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import inch
    from reportlab.platypus import (
        ListFlowable,
        ListItem,
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    total = len(doc.sections)

    def frame(canvas, tpl):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.setFillColor(colors.grey)
        canvas.drawString(inch, LETTER[1] - 0.6 * inch, f"{COMPANY} - {doc.title}")
        canvas.drawString(inch, 0.6 * inch, f"{EDITION} - effective {EFFECTIVE_DATE}")
        canvas.drawRightString(LETTER[0] - inch, 0.6 * inch, f"Page {tpl.page} of {total}")
        canvas.restoreState()

    story = []
    for number, section in enumerate(doc.sections, start=1):
        if number == 1:
            story += [Paragraph(escape(doc.title), styles["Title"]), Spacer(1, 6)]
            story += [Paragraph(escape(p), body) for p in doc.intro]
        else:
            story.append(PageBreak())
        story.append(Paragraph(escape(section.heading), styles["Heading1"]))
        for block in section.blocks:
            if isinstance(block, str):
                story.append(Paragraph(escape(block), body))
            elif block[0] in ("ul", "ol"):
                kind = "bullet" if block[0] == "ul" else "1"
                items = [ListItem(Paragraph(escape(t), body)) for t in block[1]]
                start = None if kind == "bullet" else 1
                story.append(ListFlowable(items, bulletType=kind, start=start))
            elif block[0] == "table":
                cells = [
                    [Paragraph(escape(str(c)), body) for c in row] for row in [block[1]] + block[2]
                ]
                table = Table(cells, hAlign="LEFT")
                table.setStyle(
                    TableStyle(
                        [
                            ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde7ee")),
                            ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ]
                    )
                )
                story += [Spacer(1, 4), table, Spacer(1, 4)]
    out = io.BytesIO()
    template = SimpleDocTemplate(
        out,
        pagesize=LETTER,
        title=doc.title,
        author=COMPANY,
        subject=doc.title,
        creator=f"{COMPANY} documentation",
        invariant=1,
        topMargin=inch,
        bottomMargin=inch,
    )
    template.build(story, onFirstPage=frame, onLaterPages=frame)
    return out.getvalue()


# ---------------------------------------------------------------- DOCX
def docx_bytes(doc) -> bytes:
    from docx import Document

    document = Document()
    props = document.core_properties
    props.title, props.author, props.subject = doc.title, COMPANY, doc.title
    props.last_modified_by, props.revision, props.comments = COMPANY, 1, EDITION
    props.created = props.modified = props.last_printed = FIXED_TIME
    document.add_heading(doc.title, level=0)
    for paragraph in doc.intro:
        document.add_paragraph(paragraph)
    for section in doc.sections:
        document.add_heading(section.heading, level=1)
        for block in section.blocks:
            if isinstance(block, str):
                document.add_paragraph(block)
            elif block[0] in ("ul", "ol"):
                style = "List Bullet" if block[0] == "ul" else "List Number"
                for item in block[1]:
                    document.add_paragraph(item, style=style)
            elif block[0] == "table":
                header, rows = block[1], block[2]
                table = document.add_table(rows=1 + len(rows), cols=len(header))
                table.style = "Light Grid Accent 1"
                for r, row in enumerate([header] + rows):
                    for c, value in enumerate(row):
                        table.cell(r, c).text = str(value)
    raw = io.BytesIO()
    document.save(raw)
    return _fixed_zip(raw.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite a zip with a fixed timestamp on every member so reruns don't churn."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------- HTML
def html_bytes(doc) -> bytes:
    parts = [
        f"<h1>{html.escape(doc.title)}</h1>",
        f'<p class="updated">Last updated: {EFFECTIVE_DATE}</p>',
    ]
    parts += [f"<p>{html.escape(p)}</p>" for p in doc.intro]
    for section in doc.sections:
        parts.append(f"<h2>{html.escape(section.heading)}</h2>")
        for block in section.blocks:
            if isinstance(block, str):
                parts.append(f"<p>{html.escape(block)}</p>")
            elif block[0] in ("ul", "ol"):
                items = "".join(f"\n  <li>{html.escape(t)}</li>" for t in block[1])
                parts.append(f"<{block[0]}>{items}\n</{block[0]}>")
            elif block[0] == "table":
                head = "".join(f"<th>{html.escape(str(c))}</th>" for c in block[1])
                rows = "".join(
                    "\n  <tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>"
                    for row in block[2]
                )
                parts.append(f"<table>\n  <tr>{head}</tr>{rows}\n</table>")
    return html_page(doc, "\n".join(parts)).encode("utf-8")


# ---------------------------------------------------------------- Markdown
def md_bytes(doc) -> bytes:
    lines = [f"# {doc.title}", ""]
    for paragraph in doc.intro:
        lines += [paragraph, ""]
    for section in doc.sections:
        lines += [f"## {section.heading}", ""]
        for block in section.blocks:
            if isinstance(block, str):
                lines += [block, ""]
            elif block[0] == "ul":
                lines += [f"- {t}" for t in block[1]] + [""]
            elif block[0] == "ol":
                lines += [f"{i}. {t}" for i, t in enumerate(block[1], start=1)] + [""]
            elif block[0] == "table":
                lines.append("| " + " | ".join(block[1]) + " |")
                lines.append("|" + "|".join("---" for _ in block[1]) + "|")
                lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in block[2]]
                lines.append("")
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")


# ---------------------------------------------------------------- plain text
def _wrap(text, indent=""):
    return textwrap.fill(
        text,
        width=78,
        initial_indent=indent,
        subsequent_indent=" " * len(indent),
        break_on_hyphens=False,
        break_long_words=False,
    )


def txt_bytes(doc) -> bytes:
    title = doc.title.upper()
    lines = [title, "=" * len(title), ""]
    for paragraph in doc.intro:
        lines += [_wrap(paragraph), ""]
    for section in doc.sections:
        lines += [section.heading, "-" * len(section.heading), ""]
        for block in section.blocks:
            if isinstance(block, str):
                lines += [_wrap(block), ""]
            elif block[0] == "ul":
                lines += [_wrap(t, "  * ") for t in block[1]] + [""]
            elif block[0] == "ol":
                lines += [_wrap(t, f"  {i}. ") for i, t in enumerate(block[1], start=1)] + [""]
            elif block[0] == "table":
                rows = [block[1]] + [[str(c) for c in r] for r in block[2]]
                widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
                for r in rows:
                    padded = (c.ljust(w) for c, w in zip(r, widths, strict=True))
                    lines.append(("  " + "  ".join(padded)).rstrip())
                lines.append("")
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")


# ---------------------------------------------------------------- CSV
def csv_bytes(doc) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(doc.rows)
    return out.getvalue().encode("utf-8")
