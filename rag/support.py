"""Does the passage text say what the answer says? A short check after the answer.

The judgement before the answer (rag.answerability) reads the question against ~500 tokens of
passages, and a small model tends to say "yes" whenever the passages are about the product the
question names, whether or not they give the detail asked ("What is the battery capacity in
mAh of the TrailView TV-4?" → "… is 20 hours [1]", a figure copied from the battery *life*).
This check looks at what the model committed to instead: the answer's first sentence (its
claim) and the two passage sentences closest to it, and asks the model, in a prompt of ~100
tokens, whether that text says it. A claim copied from the passages is confirmed; one stitched
from a neighbouring fact is not. `answerability.min_support` is the line.

Only a claim with a number in it is checked (rag.grounding.figures: a figure, or a model's
number such as BC-2000). Stitched figures are the failure the check is for, and a number is
what a customer acts on. A claim without one is mostly a yes or a no ("Yes, you can buy just a
single walkie-talkie"), and two sentences rarely show what makes it true. At 0.2, checking
every claim refused 6 more of the 78 reworded answerable questions than the judgement alone
and 2 more of the 127 verbatim ones; checking only claims with a number, 3 and none (README
"Checking the answer against its passages").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from prompts import Prompts
from rag.citations import MARKER
from rag.grounding import figures, says_not_found
from rag.passage_views import SENTENCE_END, sentences
from rag.prompting import Messages

if TYPE_CHECKING:  # rag.runtime loads the model back ends; the check needs only the protocol
    from rag.runtime import ChatModel

# The claim is read without its [n] markers (and the space before them): they name where a
# fact is, not the fact.
_MARKERS = re.compile(r"\s*" + MARKER.pattern)
# Two sentences: the claim's own and the next closest, which often holds the other half of a
# claim that joins two facts ("costs $12.99 and takes 2 business days").
EVIDENCE_SENTENCES = 2


def claim_of(answer: str) -> str:
    """The answer's first sentence, without citation markers."""
    text = _MARKERS.sub("", answer).strip()
    return SENTENCE_END.split(text, maxsplit=1)[0] if text else ""


def evidence(
    claim: str, passages: Sequence[str], encode: Callable[[list[str]], np.ndarray]
) -> list[str]:
    """The passages' sentences closest in meaning to the claim, best first."""
    found = list(dict.fromkeys(s for text in passages for s in sentences(text)))
    if not found:
        return []
    vectors = encode([claim, *found])
    closest = np.argsort(-(vectors[1:] @ vectors[0]), kind="stable")[:EVIDENCE_SENTENCES]
    return [found[i] for i in closest]


def support_messages(prompts: Prompts, claim: str, sentences_: Sequence[str]) -> Messages:
    """The check's whole prompt: one user turn, without the answer's system prompt, so the
    model judges the text in front of it rather than its role."""
    text = prompts.render("supported", evidence="\n".join(sentences_), claim=claim)
    return [{"role": "user", "content": text}]


@dataclass(frozen=True)
class Checker:
    """What the check needs of the engine: its model, its prompts and its embedder."""

    llm: ChatModel
    prompts: Prompts
    encode: Callable[[list[str]], np.ndarray]


def support_probability(
    checker: Checker, answer: str, passages: Sequence[str], adapter: str | None = None
) -> float | None:
    """P(yes): the passage sentences closest to the answer's claim say it. None when there is
    nothing to check: no claim, an answer that says it found nothing, or a claim without a
    number (see the module's note)."""
    claim = claim_of(answer)
    if not claim or says_not_found(answer) or not figures(claim):
        return None
    found = evidence(claim, passages, checker.encode)
    messages = support_messages(checker.prompts, claim, found)
    # A side question: the answer's prompt stays cached for the next turn to reuse.
    return checker.llm.yes_probability(messages, adapter, keep_cache=True)


def asked(question: str, history: Messages) -> str:
    """The question as the reader meant it: after the previous user turn, if any, so that a
    follow-up ("And on Saturday?") is judged with what it follows."""
    earlier = [turn["content"] for turn in history if turn["role"] == "user"]
    return " ".join([*earlier[-1:], question])


def direct_answer_messages(prompts: Prompts, question: str, claim: str) -> Messages:
    """The relevance check's prompt: the question and the claim, no passages (~40 tokens)."""
    text = prompts.render("direct_answer", question=question, claim=claim)
    return [{"role": "user", "content": text}]


def relevance_probability(
    checker: Checker,
    question: str,
    answer: str,
    history: Messages | None = None,
    adapter: str | None = None,
) -> float | None:
    """P(yes): the answer's claim is a direct answer to the question. It catches a claim copied
    from the passages that answers something else: asked which company makes the cells, "The
    power stations use LiFePO4 cells". None when there is no claim or the answer says it found
    nothing."""
    claim = claim_of(answer)
    if not claim or says_not_found(answer):
        return None
    messages = direct_answer_messages(checker.prompts, asked(question, history or []), claim)
    return checker.llm.yes_probability(messages, adapter, keep_cache=True)
