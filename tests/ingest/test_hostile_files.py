"""Long and hostile files load completely and correctly (tests/ingest/hostile_corpus.py, small
sizes here; bench/hostile_files.py times the full ones). Content is asserted, not timing."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

sys.path.insert(0, str(Path(__file__).parent))  # the corpus generator beside this file

import hostile_corpus as corpus  # noqa: E402

from ingest.loaders import load_file  # noqa: E402
from ingest.loaders.office import _paragraph_text  # noqa: E402


def test_docx_paragraph_text_is_what_python_docx_reads(tmp_path) -> None:
    # The loader reads paragraphs through its own compiled XPath; python-docx's
    # Paragraph.text is the reference for every kind of run content.
    document = docx.Document()
    paragraph = document.add_paragraph("Tab")
    run = paragraph.add_run("bed")
    run.add_tab()
    run.add_text("then a line")
    run.add_break()
    run.add_text("break, a page")
    run.add_break(WD_BREAK.PAGE)
    run.add_text("break.")
    link = (
        f'<w:hyperlink {nsdecls("w", "r")} r:id="rId99"><w:r><w:t xml:space="preserve">'
        "linked </w:t></w:r><w:r><w:t>text</w:t></w:r></w:hyperlink>"
    )
    paragraph._p.append(parse_xml(link))
    odd = f"<w:r {nsdecls('w')}><w:t>non</w:t><w:noBreakHyphen/><w:t>break</w:t><w:cr/>"
    paragraph._p.append(parse_xml(odd + "<w:ptab w:relativeTo='margin' w:alignment='left' "
                                  "w:leader='none'/><w:t>end</w:t></w:r>"))  # fmt: skip
    document.add_heading("A heading", level=1)
    document.add_paragraph("")
    for item in document.iter_inner_content():
        assert _paragraph_text(item) == item.text
    assert "\t" in paragraph.text and "-" in paragraph.text and "linked text" in paragraph.text


def test_docx_of_many_paragraphs_keeps_every_one(tmp_path) -> None:
    path = tmp_path / "many.docx"
    path.write_bytes(corpus.many_paragraphs_docx(20_000))
    [doc] = load_file(path)
    assert doc.page_content.split("\n\n") == ["a"] * 20_000


def test_docx_headings_split_sections_among_many_paragraphs(tmp_path) -> None:
    path = tmp_path / "sections.docx"
    path.write_bytes(corpus.ordinary_docx(20_000))
    docs = load_file(path)
    headings = [d.metadata.get("heading") for d in docs]
    assert headings == [f"Section {n}" for n in range(len(docs))]
    notes = re.findall(r"Note (\d+)\.", " ".join(d.page_content for d in docs))
    assert [int(n) for n in notes] == list(range(len(notes))) and len(notes) > 50
