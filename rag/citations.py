"""Which retrieved chunks an answer cites: its [n] markers, numbered as in the prompt."""

from __future__ import annotations

import re

from rag.schema import Hit

MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")


def cited_numbers(text: str) -> list[int]:
    numbers: list[int] = []
    for group in MARKER.findall(text):
        for part in group.split(","):
            n = int(part)
            if n not in numbers:
                numbers.append(n)
    return numbers


def cited_hits(text: str, hits: list[Hit]) -> list[Hit]:
    """Hits the answer points at with [n]; markers outside 1..len(hits) are ignored."""
    return [hits[n - 1] for n in cited_numbers(text) if 1 <= n <= len(hits)]


_WORD = re.compile(r"[a-z0-9$€£%.-]+")
_COMMON = frozenset(
    "the a an and or of to in on for is are was be with by at it this that you your our we "
    "can will from as if not no any all has have".split()
)


def _content_words(text: str) -> set[str]:
    return {w.strip(".-") for w in _WORD.findall(text.lower())} - _COMMON - {""}


def supporting_hits(text: str, hits: list[Hit], min_coverage: float = 0.5) -> list[Hit]:
    """When an answer carries no [n] marker: the hit covering most of its content words."""
    words = _content_words(text)
    if not words or not hits:
        return []
    coverage = [(len(words & _content_words(h.text)) / len(words), h) for h in hits]
    best, hit = max(coverage, key=lambda pair: pair[0])
    return [hit] if best >= min_coverage else []
