"""The checks that run after an answer from passages was streamed, in order, each of which may
withdraw it (README "Not in the documents"):

1. its text: figures in no passage, another model's figures, a "yes" about a name no document
   mentions (rag.grounding.check_grounding, no model call);
2. how sure the model was of the figures of its claim, recorded while it wrote them
   (rag.token_steps, `answerability.min_figure_confidence`, no model call);
3. its claim against the two passage sentences closest to it (rag.support,
   `answerability.min_support`);
4. its claim as an answer to the question, without the passages (rag.support,
   `answerability.min_answer_relevance`).

The first that fails gives the reason shown to the reader; the answer records what each check
that ran measured (`ungrounded`, `figure_p`, `supported_p`, `relevant_p`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rag.grounding import check_grounding
from rag.prompting import Messages
from rag.schema import Answer
from rag.settings import AnswerabilitySettings
from rag.support import Checker, claim_of, relevance_probability, support_probability


@dataclass(frozen=True)
class AnswerChecks:
    """What the checks need of the engine."""

    settings: AnswerabilitySettings
    checker: Checker
    # Whether any document of the collections asked contains a word (check_names).
    mentioned: Callable[[str], bool]


def withdrawal_reason(
    checks: AnswerChecks,
    answer: Answer,
    question: str,
    passages: Sequence[str],
    adapter: str | None = None,
    history: Messages | None = None,
) -> str | None:
    """Why the answer must be withdrawn, or None when every check passes."""
    settings = checks.settings
    passages = list(passages)
    if settings.check_figures != "none" or settings.check_models or settings.check_names:
        claim = claim_of(answer.text)
        found = check_grounding(answer.text, claim, passages, question, settings, checks.mentioned)
        if found is not None:
            answer.ungrounded = found.terms
            return found.reason
    least = settings.min_figure_confidence
    if least > 0 and answer.figure_p is not None and answer.figure_p < least:
        return "the model guessed a figure"
    if settings.min_support > 0:
        started = time.perf_counter()
        answer.supported_p = support_probability(checks.checker, answer.text, passages, adapter)
        answer.timings.support_s = time.perf_counter() - started
        if answer.supported_p is not None and answer.supported_p < settings.min_support:
            return "the passages do not say this"
    if settings.min_answer_relevance > 0:
        started = time.perf_counter()
        answer.relevant_p = relevance_probability(
            checks.checker, question, answer.text, history, adapter
        )
        answer.timings.relevance_s = time.perf_counter() - started
        if answer.relevant_p is not None and answer.relevant_p < settings.min_answer_relevance:
            return "this does not answer the question"
    return None
