"""Draft a question file from a user's own documents, for the user to edit.

    ragchat eval --draft-questions DIR --out FILE [--max-per-file N] [--limit N]

Every file the ingest loaders read is loaded the same way (so every supported format works);
questions come from what documents already mark as topics (evals.phrasing words them):
- headings, HTML h3-h6 and deeper DOCX headings among them: one that ends in '?' as it is,
  others phrased as a question ("Return window" -> "What should I know about the return
  window?");
- question lines in the text (FAQ sections in text and PDF files, "Q: …?");
- "Term: definition" lines and Markdown definition lists ("Term" then ": definition"),
  asked as "What is term?" with the definition as the reference `answer`.
Each row has `source` (relative to DIR) and `page` (PDF pages), in data/eval/README.md's
format. Unreadable files are reported with the reason and skipped; the rest go on.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from collections.abc import Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evals.phrasing import as_question, is_generic, is_term, term_question

# A question line: short enough to be a heading or FAQ entry, not a sentence of prose
# that happens to end in '?' (those run past 200 characters).
_QUESTION_LINE = re.compile(r"^(?:Q[:.]\s*|\*\*)?([A-Z][^\n]{8,200}\?)(?:\*\*)?$")
# "Term: definition": a term of at most 4 words and a definition of at least 3.
_DEFINITION = re.compile(r"^(?:[-*]\s+)?\**([A-Z][\w'()/&.-]*(?: [\w'()/&.-]+){0,3})\**:\s+(.+)$")
_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]")
_SETEXT = re.compile(r"^(=+|-+)[ \t]*$")  # a plain-text heading's underline
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# PDF and plain text mark headings only by layout: a short line of its own (at most 7 words,
# no closing punctuation) after a finished sentence, followed by a sentence of 6+ words.
_SHORT_LINE = re.compile(r"^[A-Z][^.,;:!]*[^\W_]$")
_LAYOUT_FORMATS = {"pdf", "text"}


@dataclass
class Drafts:
    rows: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    empty: list[str] = field(default_factory=list)  # read, but nothing to ask about


def draft_questions(
    folder: Path, max_per_file: int | None = None, limit: int | None = None
) -> Drafts:
    """Questions for every supported file under `folder`, in path order."""
    from ingest.discover import discover
    from ingest.loaders import LoadError, load_file

    root = Path(folder)
    if not root.is_dir():
        raise ValueError(f"{folder}: not a folder")
    files, skipped = discover([root])
    out = Drafts(skipped=[(_relative(Path(s.path), root), s.reason) for s in skipped])
    base = root.resolve()
    for path in files:
        source = path.relative_to(base).as_posix()
        try:
            docs = load_file(path)
        except LoadError as err:
            out.skipped.append((source, str(err)))
            continue
        rows = file_questions(docs, source)[:max_per_file]
        if not rows:
            out.empty.append(source)
        out.rows += rows
    out.rows = out.rows[:limit]
    for number, row in enumerate(out.rows, start=1):
        row["id"] = f"draft-{number:03d}"
    return out


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def file_questions(docs: list[Any], source: str) -> list[dict[str, Any]]:
    """The drafted rows of one loaded file (its Documents, in order), duplicates dropped."""
    text = "\n".join(d.page_content for d in docs)
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()

    def add(question: str, page: int | None, answer: str = "") -> None:
        key = question.lower()
        if key in seen:
            return
        seen.add(key)
        row: dict[str, Any] = {"question": question, "source": source}
        if page is not None:
            row["page"] = page
        if answer:
            row["answer"] = answer
        rows.append(row)

    # A line on more than one page is a running header or footer, never a topic.
    pages = Counter(
        line for d in docs for line in {ln.strip() for ln in d.page_content.split("\n")}
    )
    repeated = {line for line, count in pages.items() if count > 1} if len(docs) > 2 else set()
    found = [
        (doc.metadata.get("page"), *topic)
        for doc in docs
        for topic in topics(
            doc.page_content,
            doc.metadata.get("heading"),
            doc.metadata.get("format") in _LAYOUT_FORMATS,
            set(doc.metadata.get("subheadings", ())),
        )
        if topic[1] not in repeated
    ]
    headings = [i for i, (_, kind, topic, _) in enumerate(found) if kind == "heading"]
    if len(headings) > 1 and "?" not in found[headings[0]][2]:
        del found[headings[0]]  # the document's title: too broad to ask about on its own
    terms = Counter(topic.lower() for _, kind, topic, _ in found if kind == "term")
    for page, kind, topic, answer in found:
        if is_generic(topic) or (kind == "term" and terms[topic.lower()] > 1):
            continue  # "Introduction", "Last updated", or "Models:" under every product
        if kind == "term":
            add(term_question(topic, text), page, answer)
        else:
            add(as_question(topic, text), page)
    return rows


def topics(
    content: str, heading: str | None, layout: bool = False, subheadings: Set[str] = frozenset()
) -> list[tuple[str, str, str]]:
    """(kind, topic, answer) found in one section: its heading, the sub-headings its loader
    marked (HTML h3-h6, deeper DOCX headings), question lines, plain-text headings (underlined,
    or with `layout` a short line standing alone) and definitions, in reading order; code
    blocks are left out."""
    found = [("heading", heading, "")] if heading else []
    lines = content.split("\n")
    fence = None
    for i, raw in enumerate(lines):
        line = raw.strip()
        opened = _FENCE.match(raw)
        if opened:
            fence = None if fence else opened.group(1)[:3]
            continue
        if fence or not line or line == heading:
            continue
        before = lines[i - 1].strip() if i else ""
        after = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if _MD_HEADING.match(raw):
            continue  # the section's own heading line (Markdown keeps it in the text)
        underlined = _SETEXT.match(after) and len(after) >= 3 and len(line.split()) <= 12
        if underlined or line in subheadings or (layout and _stands_alone(line, before, after)):
            found.append(("heading", line, ""))
        elif question := _QUESTION_LINE.match(line):
            found.append(("heading", question.group(1), ""))
        elif after.startswith(": ") and len(line.split()) <= 4:
            found.append(("term", line, after[2:].strip()))  # a Markdown definition list
        elif (term := _DEFINITION.match(line)) and _is_definition(term.group(1), term.group(2)):
            found.append(("term", term.group(1), term.group(2).strip()))
    return found


def _is_definition(term: str, text: str) -> bool:
    # "Note: call us" is an aside; "sku: KB-H150; model: …" a table row (CSV), not a term.
    return is_term(term) and len(text.split()) >= 3 and ";" not in text and "://" not in text


def _stands_alone(line: str, before: str, after: str) -> bool:
    return (
        len(line.split()) <= 7
        and bool(_SHORT_LINE.match(line))
        and (
            not before or before.endswith((".", ":", "!", "?")) or _SETEXT.match(before) is not None
        )
        and len(after.split()) >= 6
        and after[:1].isupper()
    )


def write_drafts(rows: list[dict[str, Any]], out: Path, overwrite: bool = False) -> None:
    """One JSON object per line, written to a temporary file and renamed into place, so an
    edited draft is never half overwritten; an existing file is kept unless `overwrite`."""
    out = Path(out)
    if out.exists() and not overwrite:
        raise ValueError(f"{out} exists (it may hold your edits); choose another --out or --fresh")
    out.parent.mkdir(parents=True, exist_ok=True)
    ordered = [{"id": r["id"], **{k: v for k, v in r.items() if k != "id"}} for r in rows]
    tmp = out.with_name(out.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in ordered)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, out)


def run_draft(
    folder: Path,
    out: Path,
    max_per_file: int | None = None,
    limit: int | None = None,
    overwrite: bool = False,
) -> int:
    """The `--draft-questions` command: draft, write, and say what was skipped and why."""
    try:
        drafts = draft_questions(folder, max_per_file, limit)
        if not drafts.rows:
            raise ValueError(f"{folder}: no headings, questions or definitions to draft from")
        write_drafts(drafts.rows, out, overwrite)
    except (ValueError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    for source, reason in drafts.skipped:
        print(f"skipped {source}: {reason}", file=sys.stderr)
    files = len({r["source"] for r in drafts.rows})
    print(f"{len(drafts.rows)} questions from {files} files -> {out}")
    if drafts.empty:
        print(f"nothing to ask about in {len(drafts.empty)}: {', '.join(drafts.empty)}")
    if drafts.skipped:
        print(f"{len(drafts.skipped)} files skipped (reasons above)")
    print("edit the questions, then: ragchat eval --retrieval-only --questions FILE --docs DIR")
    return 0
