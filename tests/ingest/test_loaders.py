"""Each loader on a small real file: text, metadata, and what must be left out."""

from __future__ import annotations

import pytest

from ingest.cleaning import normalize_whitespace
from ingest.loaders import SUPPORTED_SUFFIXES, LoadError, load_file


def test_supported_suffixes() -> None:
    assert {".pdf", ".docx", ".html", ".htm", ".md", ".markdown", ".txt", ".csv"} <= set(
        SUPPORTED_SUFFIXES
    )


# --- PDF -----------------------------------------------------------------------------------


def test_pdf_one_document_per_page_with_page_numbers(make_pdf) -> None:
    path = make_pdf("r.pdf", ["Alpha page text", "Beta page text", "Gamma page text"], "Report")
    docs = load_file(path)
    assert [d.metadata["page"] for d in docs] == [1, 2, 3]
    assert [d.page_content for d in docs] == [
        "Alpha page text",
        "Beta page text",
        "Gamma page text",
    ]
    assert all(d.metadata["format"] == "pdf" and d.metadata["title"] == "Report" for d in docs)


def test_pdf_empty_page_dropped_and_numbering_kept(make_pdf) -> None:
    docs = load_file(make_pdf("gap.pdf", ["first", "", "third"]))
    assert [d.metadata["page"] for d in docs] == [1, 3]


# --- DOCX ----------------------------------------------------------------------------------


def test_docx_sections_tables_and_core_title(make_docx) -> None:
    path = make_docx(
        "d.docx",
        [
            ("p", "Preamble before any heading."),
            ("h1", "Returns"),
            ("p", "Items may be returned within 30 days."),
            ("h2", "Exceptions"),
            ("p", "Sale items are final."),
            ("h1", "Shipping"),
            ("table", [["Region", "Days"], ["EU", "3"], ["US", "5"]]),
        ],
        title="Store Policy",
    )
    docs = load_file(path)
    assert [d.metadata.get("heading") for d in docs] == [None, "Returns", "Shipping"]
    assert all(
        d.metadata["title"] == "Store Policy" and d.metadata["format"] == "docx" for d in docs
    )
    returns = docs[1].page_content
    assert returns.startswith("Returns\n\nItems may be returned")
    assert "Exceptions\n\nSale items are final." in returns  # sub-heading stays in its section
    assert "Region | Days\nEU | 3\nUS | 5" in docs[2].page_content


def test_docx_title_falls_back_to_title_paragraph(make_docx) -> None:
    path = make_docx("t.docx", [("title", "Handbook"), ("h2", "Intro"), ("p", "Hello there.")])
    docs = load_file(path)
    assert [d.metadata["title"] for d in docs] == ["Handbook", "Handbook"]
    assert docs[1].metadata["heading"] == "Intro"  # Heading 2 is the top level used here


# --- HTML ----------------------------------------------------------------------------------

PAGE = """<!doctype html><html><head><title> Refund  Policy </title>
<style>body { color: red }</style><script>var secret = "SCRIPT TEXT";</script></head>
<body>
<header role="banner"><a href="/">Site logo</a></header>
<nav><ul><li>Home</li><li>Products</li></ul></nav>
<div role="navigation">Breadcrumb trail</div>
<main>
  <article><header><p class="byline">By the support team</p></header>
  <h1>Refunds</h1>
  <p>Refunds are issued
     within 14 days.</p><p>Contact us &amp; we help.</p>
  <h2>Exceptions</h2>
  <ul><li>Gift cards</li><li>Sale items</li></ul>
  <table><tr><th>Plan</th><th>Days</th></tr><tr><td>Basic</td><td>14</td></tr></table>
  <noscript>Enable JavaScript</noscript><template><p>TEMPLATE TEXT</p></template>
  </article>
</main>
<aside>Related articles</aside>
<footer>Copyright 2024</footer>
<div role="contentinfo">Legal footer</div>
</body></html>"""


def test_html_main_text_without_boilerplate_or_scripts(write_file) -> None:
    docs = load_file(write_file("p.html", PAGE))
    text = "\n".join(d.page_content for d in docs)
    for absent in ("SCRIPT TEXT", "color: red", "Site logo", "Home", "Breadcrumb", "Related",
                   "Copyright", "Legal footer", "Enable JavaScript", "TEMPLATE TEXT"):  # fmt: skip
        assert absent not in text
    assert "Refunds are issued within 14 days.\n\nContact us & we help." in text
    assert "By the support team" in text  # an article's own header is content
    assert "Gift cards\nSale items" in text
    assert "Plan | Days\nBasic | 14" in text
    assert all(d.metadata["title"] == "Refund Policy" for d in docs)
    assert [d.metadata.get("heading") for d in docs] == [None, "Refunds", "Exceptions"]


def test_html_without_main_uses_body_but_drops_nav(write_file) -> None:
    page = "<body><nav>Menu</nav><h1>Guide</h1><p>Body text.</p><footer>Foot</footer></body>"
    docs = load_file(write_file("plain.htm", page))
    assert [d.page_content for d in docs] == ["Guide\n\nBody text."]
    assert docs[0].metadata["title"] == "Guide"  # no <title>: first heading


def test_html_generated_doc_chrome_dropped(write_file) -> None:
    page = (
        '<div class="navheader"><table><tr><td><a>Prev</a></td><td><a>Next</a></td></tr></table>'
        '</div><div class="sect1"><h2>2.6. Joins</h2><p>Join text.</p>'
        "<table><tr><td></td><td></td></tr></table></div>"
        '<div class="navfooter"><a>Home</a></div><div class="sidebar-note">Kept note.</div>'
    )
    docs = load_file(write_file("docbook.html", page))
    assert [d.page_content for d in docs] == ["2.6. Joins\n\nJoin text.\n\nKept note."]


def test_html_feedback_widgets_and_controls_dropped(write_file) -> None:
    page = (
        "<main><h1>Gift cards</h1><p>Cards never expire.</p>"
        '<div class="article-vote">Was this article helpful? <button>Yes</button></div>'
        '<p>Pick one: <select><option>Red</option></select> <button type="submit">Send</button>'
        '</p><div class="share-buttons"><a>Share on X</a></div><p>Balance online.</p></main>'
    )
    docs = load_file(write_file("help.html", page))
    text = "\n".join(d.page_content for d in docs)
    assert "Cards never expire." in text and "Balance online." in text
    for absent in ("helpful", "Yes", "Red", "Send", "Share on X"):
        assert absent not in text


def test_html_meta_charset_respected(write_file) -> None:
    page = '<meta charset="iso-8859-1"><p>Crème brûlée et café à la française, très bon.</p>'
    docs = load_file(write_file("l1.html", page, encoding="latin-1"))
    assert "Crème brûlée et café" in docs[0].page_content


# --- Markdown ------------------------------------------------------------------------------

MARKDOWN = """---
title: Front Title
tags: [a, b]
---
Intro line before headings.

# User Guide

Welcome text.

## Install  ##

Run the installer.

```bash
# not a heading
pip install thing
```

## Empty

### Deeper
Deep text.
"""


def test_markdown_sections_headings_and_front_matter(write_file) -> None:
    docs = load_file(write_file("g.md", MARKDOWN))
    assert [d.metadata.get("heading") for d in docs] == [None, "User Guide", "Install", "Deeper"]
    assert all(d.metadata["title"] == "Front Title" for d in docs)
    assert all(d.metadata["format"] == "markdown" for d in docs)
    assert "tags:" not in docs[0].page_content
    assert docs[1].page_content == "# User Guide\n\nWelcome text."
    assert "# not a heading\npip install thing" in docs[2].page_content


def test_markdown_title_from_first_h1(write_file) -> None:
    docs = load_file(write_file("n.markdown", "## Part\ntext\n# Main\nbody\n# Second\nmore\n"))
    assert {d.metadata["title"] for d in docs} == {"Main"}


# --- Text ----------------------------------------------------------------------------------


def test_text_file(write_file) -> None:
    docs = load_file(
        write_file("notes.TXT", "Line one   with  spaces.\r\n\r\n\r\n\r\nSecond para.\n")
    )
    assert len(docs) == 1
    assert docs[0].page_content == "Line one with spaces.\n\nSecond para."
    assert docs[0].metadata == {"format": "text"}


def test_utf16_with_bom_is_text_not_binary(write_file) -> None:
    docs = load_file(write_file("u16.txt", "\ufeffHello wide world", encoding="utf-16-le"))
    assert docs[0].page_content == "Hello wide world"


# --- CSV -----------------------------------------------------------------------------------


def test_csv_groups_of_twenty_rows_with_header(write_file) -> None:
    rows = "\n".join(f"item{i},{i * 10}" for i in range(1, 46))
    docs = load_file(write_file("t.csv", f"name,price\n{rows}\n"))
    assert [d.metadata["rows"] for d in docs] == ["2-21", "22-41", "42-46"]
    assert all(d.page_content.startswith("name, price\n") for d in docs)
    assert docs[0].page_content.splitlines()[1] == "name: item1; price: 10"
    assert all(d.metadata["format"] == "csv" for d in docs)


def test_csv_semicolons_quotes_and_ragged_rows(write_file) -> None:
    text = 'city;note\nParis;"multi\nline; quoted"\nLyon\nNice;sunny;extra\n'
    docs = load_file(write_file("r.csv", text))
    assert len(docs) == 1
    lines = docs[0].page_content.splitlines()
    assert lines[0] == "city, note"
    assert lines[1] == "city: Paris; note: multi"  # the quoted newline stays inside the value
    assert "city: Lyon" in lines
    assert "city: Nice; note: sunny; column 3: extra" in lines
    assert docs[0].metadata["rows"] == "2-5"


def test_csv_long_rows_split_by_size(write_file) -> None:
    rows = "\n".join(f"{i},{'x' * 400}" for i in range(10))
    docs = load_file(write_file("wide.csv", f"id,text\n{rows}\n"))
    assert len(docs) > 1
    assert all(len(d.page_content) < 2000 for d in docs)


# --- cleaning and dispatch -----------------------------------------------------------------


def test_normalize_whitespace() -> None:
    raw = "  a\t\tb \u00a0 c  \n\n\n\nd\x00e\x07\x0cf\u200b \r\nCafe\u0301\n"
    assert normalize_whitespace(raw) == "a b c\n\nde\nf\nCafé"


def test_unsupported_suffix_is_a_load_error(write_file) -> None:
    with pytest.raises(LoadError, match=r"unsupported file type \.xyz"):
        load_file(write_file("a.xyz", "hello"))
