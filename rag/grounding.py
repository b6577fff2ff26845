"""Figures in an answer that none of its passages (nor the question) contains.

A model asked about something the passages don't cover tends to answer with a plausible number
("the sales tax in Idaho is 7.00% [1]"). Prices, percentages, durations and counts are what
customers act on, so an answer whose figures can't be found in what it was given is not
grounded, whatever its wording.
"""

from __future__ import annotations

import re

from rag.citations import MARKER

# [1] markers and "page 2" / "passage 3" name where a fact is, not a fact.
_CITATION = re.compile(MARKER.pattern + r"|\b(?:pages?|passages?)\s+\d+", re.IGNORECASE)
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
# Refusal wording: the prompt's "not in the documents" reply and the usual paraphrases.
_REFUSAL = re.compile(
    r"not (?:in|found in|mentioned in|covered (?:in|by)|stated in) the (?:provided |given )?"
    r"(?:documents?|context|sources?)"
    r"|(?:could ?n[o']t|can ?n[o']t|cannot|unable to|did ?n[o']t) find"
    r"|(?:do ?n[o']t|does ?n[o']t|do not|does not) (?:have|contain|include|provide|give|mention)"
    r" (?:any )?(?:information|details)"
    r"|no information (?:about|on|in)"
    r"|(?:unable|not able) to (?:provide|answer|find)",
    re.IGNORECASE,
)


def says_not_found(text: str) -> bool:
    """The answer says, in its own words, that the documents don't have it."""
    return bool(_REFUSAL.search(text))


def figures(text: str) -> set[str]:
    """Numbers in `text` without citation markers, thousands separators or trailing zeros
    ("$1,200.00" → "1200", "7.5%" → "7.5")."""
    found = set()
    for match in _FIGURE.finditer(_CITATION.sub(" ", text)):
        number = match.group().replace(",", "")
        if "." in number:
            number = number.rstrip("0").rstrip(".")
        found.add(number)
    return found


def ungrounded_figures(answer: str, passages: list[str], question: str = "") -> set[str]:
    """The answer's figures that appear in none of the passages and not in the question."""
    known = figures(question)
    for passage in passages:
        known |= figures(passage)
    return figures(answer) - known
