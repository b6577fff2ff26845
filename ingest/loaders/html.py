"""HTML: visible main text without scripts or page boilerplate, one Document per h1/h2 section.

A streaming HTMLParser with depth counters instead of a tree: it needs no recursion, so
pathological nesting (100,000 <div>s) costs nothing, and it never holds a DOM in memory.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from langchain_core.documents import Document

from ingest.loaders.text import check_not_binary, decode_text

_INVISIBLE = {"script", "style", "noscript", "template", "svg", "math", "iframe", "object"}
# Form controls are page furniture ("Yes" / "No" vote buttons, dropdowns), never content.
_CONTROLS = {"button", "select", "textarea"}
_BOILERPLATE = {"nav", "aside"}
_PAGE_FRAME = {"header", "footer"}  # boilerplate for the page, not inside an article/section
_BOILERPLATE_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary"}
# class/id tokens of site chrome in generated docs (DocBook's navheader/navfooter, themes'
# navbar/sidebar). Whole tokens only: a substring match would drop real content.
_BOILERPLATE_NAMES = {
    "navheader", "navfooter", "navbar", "navigation", "breadcrumb", "breadcrumbs", "sidebar",
    "skip-link", "skiplink", "site-header", "site-footer", "cookie-banner",
    # "Was this article helpful?" and share widgets repeat on every help-centre page.
    "article-vote", "article-votes", "feedback", "page-feedback", "md-feedback",
    "was-this-helpful", "share", "share-buttons", "social-share",
}  # fmt: skip
_SECTIONING = {"main", "article", "section"}
_PARAGRAPH = {
    "p", "div", "section", "article", "main", "blockquote", "pre", "table", "ul", "ol", "dl",
    "figure", "figcaption", "form", "fieldset", "address", "details", "summary", "hr",
    "h3", "h4", "h5", "h6",
}  # fmt: skip
_LINE = {"br", "li", "tr", "dt", "dd", "caption", "option"}
_SPLIT_HEADINGS = {"h1", "h2"}
_SUB_HEADINGS = {"h3", "h4", "h5", "h6"}  # kept in the section, listed in its metadata
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source",
         "track", "wbr", "param"}  # fmt: skip
_EMPTY_ROW = re.compile(r"^[ \t|]*\|[ \t|]*$", re.MULTILINE)  # a table row of empty cells
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_tag: str | None = None  # the element whose whole subtree is being dropped
        self.skip_depth = 0  # nesting of skip_tag inside itself
        self.depth = {"main": 0, "article": 0, "section": 0, "pre": 0, "title": 0}
        self.role_main = 0  # nesting of <div role="main">-like elements, counted by tag
        self.role_main_tag: str | None = None
        self.title = ""
        self.heading_tag: str | None = None
        self.heading_text: list[str] = []
        self.sub_tag: str | None = None
        self.sub_text: list[str] = []
        self.subheadings: list[list[str]] = [[]]  # per section, in order
        self.row_cells = 0
        # (heading or None, [(text, in_content)]) per section
        self.sections: list[tuple[str | None, list[tuple[str, bool]]]] = [(None, [])]

    @property
    def in_content(self) -> bool:
        return bool(self.depth["main"] or self.depth["article"] or self.role_main)

    def _emit(self, text: str) -> None:
        self.sections[-1][1].append((text, self.in_content))

    def _skips(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        found = dict(attrs)
        if tag in _INVISIBLE or tag in _BOILERPLATE or tag in _CONTROLS or "hidden" in found:
            return True
        if tag in _PAGE_FRAME and not any(self.depth[t] for t in _SECTIONING):
            return True
        names = f"{found.get('class') or ''} {found.get('id') or ''}".lower().split()
        if _BOILERPLATE_NAMES.intersection(names):
            return True
        return (found.get("role") or "").lower() in _BOILERPLATE_ROLES or (
            found.get("aria-hidden") or ""
        ).lower() == "true"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_tag:
            self.skip_depth += tag == self.skip_tag
            return
        if tag == "title":
            self.depth["title"] += 1
            return
        if self._skips(tag, attrs):
            if tag not in _VOID:
                self.skip_tag, self.skip_depth = tag, 1
            return
        if tag in self.depth:
            self.depth[tag] += 1
        if self.role_main_tag == tag:
            self.role_main += 1
        elif not self.role_main and (dict(attrs).get("role") or "").lower() == "main":
            self.role_main_tag, self.role_main = tag, 1
        if tag in _SPLIT_HEADINGS and self.heading_tag is None:
            self.heading_tag, self.heading_text = tag, []
            self.sections.append((None, []))
            self.subheadings.append([])
        elif tag in _SUB_HEADINGS and not (self.heading_tag or self.sub_tag):
            self.sub_tag, self.sub_text = tag, []
        if tag == "tr":
            self.row_cells = 0
        if tag in ("td", "th"):
            self._emit(" | " if self.row_cells else "")
            self.row_cells += 1
        self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skip_tag:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if not self.skip_depth:
                    self.skip_tag = None
            return
        if self.depth.get(tag):
            self.depth[tag] -= 1
        if tag == self.role_main_tag and self.role_main:
            self.role_main -= 1
        if tag == self.heading_tag:
            heading = " ".join("".join(self.heading_text).split())
            self.sections[-1] = (heading or None, self.sections[-1][1])
            self.heading_tag = None
        if tag == self.sub_tag:
            if sub := " ".join("".join(self.sub_text).split()):
                self.subheadings[-1].append(sub)
            self.sub_tag = None
        if tag not in _LINE:  # a line break before each item is enough; after would double it
            self._break(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.handle_starttag(tag, attrs)
        elif not self.skip_tag:
            self._break(tag)  # <div/> is an empty element, not an unclosed one

    def _break(self, tag: str) -> None:
        if tag in _PARAGRAPH or tag in _SPLIT_HEADINGS:
            self._emit("\n\n")
        elif tag in _LINE:
            self._emit("\n")

    def handle_data(self, data: str) -> None:
        if self.depth["title"]:
            self.title += data
            return
        if self.skip_tag:
            return
        if not self.depth["pre"]:
            data = data.replace("\r", " ").replace("\n", " ")  # source line breaks are spaces
        if self.heading_tag:
            self.heading_text.append(data)
        if self.sub_tag:
            self.sub_text.append(data)
        self._emit(data)


def load_html(data: bytes) -> list[Document]:
    check_not_binary(data)
    declared = _META_CHARSET.search(data[:4096])
    text = decode_text(data, declared.group(1).decode("ascii") if declared else None)
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()

    # Prefer <main>/<article> text when the page has any: the rest is site chrome.
    has_content = any(
        inside and piece.strip() for _, pieces in parser.sections for piece, inside in pieces
    )
    title = " ".join(parser.title.split()) or None
    docs = []
    for (heading, pieces), subheadings in zip(parser.sections, parser.subheadings, strict=True):
        body = "".join(piece for piece, inside in pieces if inside or not has_content)
        body = _EMPTY_ROW.sub("", body)
        if title is None and heading:
            title = heading
        meta = {"format": "html"}
        if heading:
            meta["heading"] = heading
        if subheadings:
            meta["subheadings"] = subheadings
        docs.append(Document(page_content=body, metadata=meta))
    for doc in docs:
        if title:
            doc.metadata["title"] = title
    return docs
