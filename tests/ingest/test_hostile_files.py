"""Long and hostile files load completely and correctly (tests/ingest/hostile_corpus.py, small
sizes here; bench/hostile_files.py times the full ones). Content is asserted, not timing."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

sys.path.insert(0, str(Path(__file__).parent))  # the corpus generator beside this file

import hostile_corpus as corpus  # noqa: E402

from ingest.chunker import Chunker  # noqa: E402
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


def make_chunker(embedder, overlap: int = 20) -> Chunker:
    return Chunker(embedder.count_tokens, embedder.max_tokens, 160, overlap)


def test_single_line_text_keeps_every_word_in_its_chunks(tmp_path, embedder) -> None:
    path = tmp_path / "line.txt"
    path.write_bytes(corpus.single_line_text(300_000))
    [doc] = load_file(path)
    assert "\n" not in doc.page_content
    pieces = make_chunker(embedder, overlap=0).split_text(doc.page_content)
    assert " ".join(pieces).split() == doc.page_content.split()
    assert max(embedder.count_tokens(p) for p in pieces) <= 160
    assert len(pieces) > 300_000 / 1000  # cut at sentences, not kept whole


@pytest.mark.parametrize(
    "text",
    [corpus.unbroken_text(200_000).decode(), "a" * 100_000, "x" * 20_000 + " " + "y" * 300],
    ids=["base64", "one-letter", "two-runs"],
)
def test_a_line_without_spaces_is_cut_within_the_budget(embedder, text: str) -> None:
    pieces = make_chunker(embedder).split_text(text)
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "")
    assert max(embedder.count_tokens(p) for p in pieces) <= 160
    # At most 8 characters a token, even where MiniLM reads the whole run as one [UNK].
    assert max(len(p) for p in pieces) <= 8 * 160


def test_nested_divs_keep_every_div_text_in_order(tmp_path) -> None:
    path = tmp_path / "deep.html"
    path.write_bytes(corpus.nested_divs_html(20_000))
    [doc] = load_file(path)  # no RecursionError: the parser keeps counters, not a tree
    words = list(corpus.words(20_000 * 6))
    expected = [" ".join(words[i : i + 6]) for i in range(0, len(words), 6)]
    assert doc.metadata["title"] == "Deep"
    assert doc.page_content.split("\n\n") == expected


def test_csv_of_quoted_multiline_fields_keeps_every_row(tmp_path) -> None:
    path = tmp_path / "tickets.csv"
    path.write_bytes(corpus.quoted_csv(500))
    docs = load_file(path)
    text = "\n".join(d.page_content for d in docs)
    assert [int(n) for n in re.findall(r"subject: Ticket (\d+), follow-up", text)] == list(
        range(500)
    )
    assert 'notes: said "thanks, bye" on call 499' in text
    # Each row is two lines of the file (a line break inside its description).
    assert docs[0].metadata["rows"].startswith("2-") and docs[-1].metadata["rows"].endswith("-1000")


def test_pdf_of_many_pages_keeps_every_page(tmp_path) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(corpus.pdf(200, 3))
    docs = load_file(path)
    assert [d.metadata["page"] for d in docs] == list(range(1, 201))
    notes = re.findall(r"Note (\d+)\.", " ".join(d.page_content for d in docs))
    assert [int(n) for n in notes] == list(range(len(notes))) and len(notes) > 100
