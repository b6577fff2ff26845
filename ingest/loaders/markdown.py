"""Markdown: one Document per ATX-heading section, front matter dropped."""

from __future__ import annotations

import re

from langchain_core.documents import Document

from ingest.loaders.text import check_not_binary, decode_text

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_TITLE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.MULTILINE)
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def load_markdown(data: bytes) -> list[Document]:
    check_not_binary(data)
    text = decode_text(data).replace("\r\n", "\n")
    title = None
    front = _FRONT_MATTER.match(text)
    if front:
        found = _FRONT_TITLE.search(front.group(1))
        title = found.group(1).strip("'\"") if found else None
        text = text[front.end() :]

    sections: list[tuple[str | None, list[str]]] = [(None, [])]
    fence: str | None = None  # the open code fence; '#' lines inside code are not headings
    for line in text.split("\n"):
        opened = _FENCE.match(line)
        if opened and (fence is None or opened.group(1).startswith(fence)):
            fence = None if fence else opened.group(1)[:3]
        heading = None if fence or opened else _HEADING.match(line)
        if heading:
            name = (heading.group(2) or "").strip()
            if len(heading.group(1)) == 1 and title is None and name:
                title = name
            sections.append((name or None, []))
        sections[-1][1].append(line)

    docs = []
    for name, lines in sections:
        if not "".join(lines[1:] if name else lines).strip():
            continue  # a heading directly followed by a subheading, or nothing at all
        meta: dict[str, str] = {"format": "markdown"}
        if title:
            meta["title"] = title
        if name:
            meta["heading"] = name
        docs.append(Document(page_content="\n".join(lines), metadata=meta))
    return docs
