"""Perl's POD documentation format, read into blocks and written as Markdown or plain text.

Enough of perlpodspec for real manuals such as perlfaq: command paragraphs (=headN, =over,
=item, =back, =begin/=end, =for, =cut), verbatim paragraphs (indented: code) and ordinary
ones, and the formatting codes B I C F L E S X Z in both the `C<x>` and the `C<< x >>` forms,
nested. Markdown is what ingest's loaders read (one section per heading, code fenced so a
Perl comment line is never taken for a heading).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_CODE_START = re.compile(r"([BICFLESXZ])(<+)")
_BLANK = re.compile(r"\n(?:[ \t]*\n)+")  # one or more blank lines end a paragraph
_ESCAPES = {"lt": "<", "gt": ">", "verbar": "|", "sol": "/"}


@dataclass
class Block:
    kind: str  # "heading", "item", "para" or "code"
    text: str  # raw POD text (formatting codes not yet rendered); code is dedented
    level: int = 0  # heading level, or list depth for items


def parse(source: str) -> list[Block]:
    """The document's blocks in order; non-POD text (code around =cut) is left out."""
    blocks: list[Block] = []
    in_pod, skip_region, depth = False, False, 0
    for para in _BLANK.split(source.replace("\r\n", "\n").lstrip("\n")):
        if not para.strip():
            continue
        command = re.match(r"=([a-zA-Z]\w*)\s*(.*)", para, re.DOTALL)
        if command:
            name, rest = command.group(1), " ".join(command.group(2).split())
            in_pod = name != "cut"
            if name == "begin":
                skip_region = True  # =begin html … =end: another formatter's raw text
            elif name == "end":
                skip_region = False
            elif name.startswith("head") and name[4:].isdigit():
                blocks.append(Block("heading", rest, int(name[4:])))
            elif name == "over":
                depth += 1
            elif name == "back":
                depth = max(0, depth - 1)
            elif name == "item":
                blocks.append(Block("item", rest, depth))
            continue  # =pod, =encoding, =for: nothing to show
        if not in_pod or skip_region:
            continue
        if para[0] in " \t":
            if blocks and blocks[-1].kind == "code":  # one listing split by blank lines
                blocks[-1].text += "\n\n" + _dedent(para)
            else:
                blocks.append(Block("code", _dedent(para)))
        else:
            blocks.append(Block("para", " ".join(para.split())))
    return blocks


def _dedent(text: str) -> str:
    lines = text.expandtabs(8).rstrip().split("\n")
    margin = min(len(ln) - len(ln.lstrip()) for ln in lines if ln.strip())
    return "\n".join(ln[margin:] for ln in lines)


def render(text: str, markdown: bool = False) -> str:
    """Formatting codes rendered: plain text, or Markdown (`code`, **bold**, *italic*)."""
    out, _ = _render(text, 0, None, markdown)
    return out


def _render(text: str, pos: int, close: str | None, markdown: bool) -> tuple[str, int]:
    """Render from pos until `close` (the code's closing brackets) or the end; returns the
    rendered text and the position after the closing brackets."""
    parts: list[str] = []
    while pos < len(text):
        if close and text.startswith(close, pos):  # ">" or, for C<< … >>, " >>"
            return "".join(parts), pos + len(close)
        found = _CODE_START.match(text, pos)
        if not found:
            parts.append(text[pos])
            pos += 1
            continue
        code, brackets = found.group(1), found.group(2)
        pos = found.end()
        if len(brackets) > 1:  # C<< … >>: the content is spaced off its brackets
            inner, pos = _render(text, pos, " " + ">" * len(brackets), markdown)
            inner = inner.strip()
        else:
            inner, pos = _render(text, pos, ">", markdown)
        parts.append(_apply(code, inner, markdown))
    return "".join(parts), pos


def _apply(code: str, inner: str, markdown: bool) -> str:
    if code == "E":
        if inner.isdigit():
            return chr(int(inner))
        if inner.lower().startswith("0x"):
            return chr(int(inner, 16))
        return _ESCAPES.get(inner) or html.unescape(f"&{inner};")
    if code in "XZ":
        return ""  # index entries and the null code print nothing
    if code == "L":
        return _link(inner)
    if not markdown or code == "S":
        return inner
    if code == "C":
        tick = "``" if "`" in inner else "`"
        return f"{tick}{inner}{tick}"
    return f"**{inner}**" if code == "B" else f"*{inner}*"


def _link(inner: str) -> str:
    """L<text|target> shows text; L<name/"section"> shows 'section in name'."""
    if "|" in inner:
        return inner.split("|", 1)[0]
    if "://" in inner:
        return inner
    name, _, section = inner.partition("/")
    section = section.strip('"')
    if not section and name.startswith('"'):
        return name.strip('"')
    return f'"{section}" in {name}' if section else name


def to_markdown(blocks: list[Block], top_level: int = 1) -> str:
    """The blocks as Markdown; headings shifted so `top_level` POD headings become '#'."""
    lines: list[str] = []
    for block in blocks:
        if block.kind == "heading":
            hashes = "#" * max(1, min(6, block.level - top_level + 1))
            lines.append(f"{hashes} {' '.join(render(block.text, markdown=True).split())}")
        elif block.kind == "item":
            label = block.text.lstrip("*").strip() if block.text.startswith("*") else block.text
            indent = "  " * max(0, block.level - 1)
            lines.append(f"{indent}- {render(label, markdown=True)}".rstrip())
        elif block.kind == "code":
            fence = "~~~~" if "```" in block.text else "```"
            lines.append(f"{fence}\n{block.text}\n{fence}")
        else:
            lines.append(render(block.text, markdown=True))
    return "\n\n".join(lines) + "\n"
