"""Builders for real test documents, written into tmp_path (no binary fixtures in git)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[..., Path]:
    """write_file(name, content, encoding='utf-8') -> path; bytes are written as they are."""

    def write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content if isinstance(content, bytes) else content.encode(encoding)
        path.write_bytes(data)
        return path

    return write


@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[..., Path]:
    """make_pdf(name, pages, title=None) -> path; an empty string makes a page without text."""

    def make(name: str, pages: list[str], title: str | None = None) -> Path:
        path = tmp_path / name
        pdf = canvas.Canvas(str(path), pagesize=A4)
        if title:
            pdf.setTitle(title)
        for text in pages:
            for i, line in enumerate(text.splitlines()):
                pdf.drawString(72, 760 - 16 * i, line)
            pdf.showPage()
        pdf.save()
        return path

    return make


@pytest.fixture
def make_docx(tmp_path: Path) -> Callable[..., Path]:
    """make_docx(name, blocks, title=None) -> path.

    blocks: ('h1'..'h9', text) headings, ('title', text), ('p', text) paragraphs,
    ('table', [[cell, ...], ...]) tables.
    """

    def make(name: str, blocks: list[tuple[str, object]], title: str | None = None) -> Path:
        document = docx.Document()
        if title:
            document.core_properties.title = title
        for kind, value in blocks:
            if kind == "title":
                document.add_heading(str(value), level=0)
            elif kind.startswith("h"):
                document.add_heading(str(value), level=int(kind[1:]))
            elif kind == "table":
                rows = list(value)  # type: ignore[call-overload]
                table = document.add_table(rows=len(rows), cols=len(rows[0]))
                for r, row in enumerate(rows):
                    for c, cell in enumerate(row):
                        table.cell(r, c).text = cell
            else:
                document.add_paragraph(str(value))
        path = tmp_path / name
        document.save(str(path))
        return path

    return make
