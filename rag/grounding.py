"""Figures in an answer that none of its passages (nor the question) contains, figures the
passages give for another model, and names no document mentions.

A model asked about something the passages don't cover tends to answer with a plausible number
("the sales tax in Idaho is 7.00% [1]"). Prices, percentages, durations and counts are what
customers act on, so an answer whose figures can't be found in what it was given is not
grounded, whatever its wording.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rag.citations import MARKER

if TYPE_CHECKING:
    from rag.settings import AnswerabilitySettings

# [1] markers and "page 2" / "passage 3" name where a fact is, not a fact.
_CITATION = re.compile(MARKER.pattern + r"|\b(?:pages?|passages?)\s+\d+", re.IGNORECASE)
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
# Refusal wording: the prompt's "not in the documents" reply and the usual paraphrases.
_REFUSAL = re.compile(
    r"not (?:in|found in|mentioned in|covered (?:in|by)|stated in) the (?:provided |given )?"
    r"(?:documents?|context|sources?)"
    # "I could not find it/that/any …", not a device that "cannot find a GPS signal".
    r"|(?:could ?n[o']t|can ?n[o']t|cannot|unable to|did ?n[o']t) find"
    r" (?:that|this|it|any|anything|the answer|information|details|a mention|mention)\b"
    r"|(?:do ?n[o']t|does ?n[o']t|do not|does not) (?:have|contain|include|provide|give|mention)"
    r" (?:any )?(?:information|details)"
    r"|no information (?:about|on|in)"
    r"|(?:unable|not able) to (?:provide|answer|find)",
    re.IGNORECASE,
)


def says_not_found(text: str) -> bool:
    """The answer says, in its own words, that the documents don't have it."""
    return bool(_REFUSAL.search(text))


def _number(written: str) -> str:
    """One spelling for one value: "1,200.00" → "1200", "7.50" → "7.5"."""
    number = written.replace(",", "")
    return number.rstrip("0").rstrip(".") if "." in number else number


def figures(text: str) -> set[str]:
    """Numbers in `text` without citation markers, thousands separators or trailing zeros
    ("$1,200.00" → "1200", "7.5%" → "7.5")."""
    return {_number(match.group()) for match in _FIGURE.finditer(_CITATION.sub(" ", text))}


def ungrounded_figures(answer: str, passages: list[str], question: str = "") -> set[str]:
    """The answer's figures that appear in none of the passages and not in the question."""
    known = figures(question)
    for passage in passages:
        known |= figures(passage)
    return figures(answer) - known


# A model's name as the catalogue writes it: capitals, a hyphen, digits ("BC-1000", "RS-8",
# "PC-4K", the SKU "KP-BC2000"). Its digits are a name, not a figure.
MODEL = re.compile(r"\b[A-Z]{1,4}-\d+[A-Z0-9]*\b")


def _model_key(name: str) -> str:
    return name.replace("-", "").upper()


def _same_model(a: str, b: str) -> bool:
    """The SKU "KPBC2000" and the model "BC2000" name the same unit."""
    return a.endswith(b) or b.endswith(a)


def _blank(match: re.Match) -> str:
    return " " * len(match.group())


def figure_spans(text: str) -> list[tuple[int, int]]:
    """Where each figure of `text` is (start, end), citation markers left out (as `figures`)."""
    return [match.span() for match in _FIGURE.finditer(_CITATION.sub(_blank, text))]


def _figures_at(text: str) -> list[tuple[str, int]]:
    """Each figure of `text` with where it starts; model names and citations are blanked out
    first, keeping the offsets."""
    text = MODEL.sub(_blank, _CITATION.sub(_blank, text))
    return [(_number(match.group()), match.start()) for match in _FIGURE.finditer(text)]


def figures_of_other_models(
    claim: str, passages: list[str], question: str = ""
) -> dict[str, list[str]]:
    """The claim's figures that the passages state only of models that neither the claim nor
    the question names, each with those models ("2" → ["BC-1000"] for "The BC-2000 Pro
    charges in 2 hours" when the passage's 2 hours are the BC-1000's).

    A figure is said of the model named last before it in its passage (a manual names its
    model in the page header; a catalogue row starts with its SKU). A figure with no model
    before it, or also said of a named one, counts as the named model's: only a figure that
    every passage ties to another model is returned. Without a named model there is nothing
    to compare and nothing is returned."""
    named = {_model_key(m) for m in MODEL.findall(question + " " + claim)}
    if not named:
        return {}
    asked = {number for number, _ in _figures_at(claim)} - figures(question)
    said_of: dict[str, list[str | None]] = {number: [] for number in asked}
    for passage in passages:
        models = [(m.end(), m.group()) for m in MODEL.finditer(passage)]
        for number, start in _figures_at(passage):
            if number in said_of:
                before = [name for end, name in models if end <= start]
                said_of[number].append(before[-1] if before else None)
    return {
        number: sorted(set(models))
        for number, models in said_of.items()
        if models
        and None not in models
        and not any(_same_model(_model_key(m), n) for m in models for n in named)
    }


@dataclass(frozen=True)
class Withdrawal:
    """Why an answer doesn't hold: the figures or names at fault, and a line for the reader."""

    terms: list[str]
    reason: str


# "Yes" opening the claim: an answer that says something is so.
_YES = re.compile(r"\s*yes\b", re.IGNORECASE)
# A name: a capitalised word ("Alexa", "Toronto", "Care+").
_NAME = re.compile(r"\b[A-Z][A-Za-z+]*[a-z+][A-Za-z+]*")


def unknown_names(
    claim: str, question: str, passages: list[str], mentioned: Callable[[str], bool]
) -> list[str]:
    """Names that a "yes" claim takes from the question and that neither its passages nor
    the documents (`mentioned`, a lookup in the whole index) contain: "Yes, the RS-8 Max works
    with Alexa" when no document says Alexa. A "no" is not checked: the documents often
    answer it by what they leave out (support hours without Sunday)."""
    if not _YES.match(claim):
        return []
    asked = {w.lower() for w in re.findall(r"[\w+]+", question)}
    text = " ".join(passages).lower()
    names = dict.fromkeys(m.group() for m in _NAME.finditer(claim) if m.start() > 0)
    return [
        name
        for name in names
        if name.lower() in asked and name.lower() not in text and not mentioned(name)
    ]


def check_grounding(
    answer: str,
    claim: str,
    passages: list[str],
    question: str,
    check: AnswerabilitySettings,
    mentioned: Callable[[str], bool],
) -> Withdrawal | None:
    """The answerability checks that read the answer's text, in this order:
    check_figures (figures in no passage, of the whole answer or its claim), check_models (the
    claim's figures said of another model) and check_names (a "yes" about a name the documents
    never mention). None when the answer holds or says it found nothing."""
    if says_not_found(answer):
        return None
    if check.check_figures != "none":
        checked = claim if check.check_figures == "claim" else answer
        missing = sorted(ungrounded_figures(checked, passages, question))
        if missing:
            return Withdrawal(missing, f"{', '.join(missing)} is in none of the passages")
    if check.check_models:
        other = figures_of_other_models(claim, passages, question)
        if other:
            reason = "; ".join(f"{n} is said of {', '.join(m)}" for n, m in sorted(other.items()))
            return Withdrawal(sorted(other), reason)
    if check.check_names:
        unknown = unknown_names(claim, question, passages, mentioned)
        if unknown:
            return Withdrawal(unknown, f"{', '.join(unknown)} is in none of the documents")
    return None
