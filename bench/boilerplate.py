"""How much page boilerplate reaches the chunker: paragraphs repeated across a folder's files.

Called by bench/ingest.py on its corpus. Identical chunk texts are already encoded once
(ingest/embed_flow.py); a repeated paragraph inside longer chunks is not, since each chunk
around it differs. This counts, after the loaders (the HTML loader drops nav, header, footer,
sidebars and share widgets), the paragraphs that occur in more than one file, and the share
of all token positions their repeats take: the most that embedding each such paragraph once
could save. Paragraphs under MIN_WORDS words are left out: those are headings ("Description",
"Examples") that belong to their page's text, not boilerplate.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ingest.discover import discover
from ingest.loaders import LoadError, load_file

MIN_WORDS = 5


@dataclass
class Repeats:
    files: int
    paragraphs: int  # distinct paragraphs per file, summed over files
    tokens: int  # their tokens
    repeated: int  # distinct paragraph texts found in two files or more
    repeat_tokens: int  # tokens of every occurrence after a text's first
    top: list[tuple[int, str]]  # (files, text) of the most repeated


def repeated_paragraphs(folder: Path, count_tokens) -> Repeats:
    files, _ = discover([folder])
    seen: Counter[str] = Counter()
    paragraphs = 0
    for path in files:
        try:
            docs = load_file(path)
        except (LoadError, OSError):
            continue
        texts = {p.strip() for d in docs for p in d.page_content.split("\n\n")}
        texts = {t for t in texts if len(t.split()) >= MIN_WORDS}
        paragraphs += len(texts)
        seen.update(texts)
    tokens = {t: count_tokens(t) for t in seen}
    repeats = {t: n for t, n in seen.items() if n > 1}
    return Repeats(
        files=len(files),
        paragraphs=paragraphs,
        tokens=sum(tokens[t] * n for t, n in seen.items()),
        repeated=len(repeats),
        repeat_tokens=sum(tokens[t] * (n - 1) for t, n in repeats.items()),
        top=sorted(((n, t) for t, n in repeats.items()), reverse=True)[:5],
    )


def print_repeats(folder: Path, count_tokens) -> None:
    r = repeated_paragraphs(folder, count_tokens)
    share = r.repeat_tokens / max(r.tokens, 1)
    print(
        f"\nparagraphs of {MIN_WORDS}+ words in more than one of {r.files} files, after the "
        f"loaders: {r.repeated} distinct of {r.paragraphs}; their repeats hold "
        f"{r.repeat_tokens} of {r.tokens} tokens ({share:.1%}: the most that embedding each "
        f"once inside longer chunks could save)"
    )
    for n, text in r.top:
        print(f"  {n} files: {text[:90]!r}")
