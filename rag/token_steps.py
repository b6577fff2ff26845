"""How sure the model was of the figures it wrote: the probability of each token it chose.

A figure copied from a passage is a near-certain token: the model has it in front of it. A
figure stitched into a slot the passages leave empty is a guess among several: asked when the
BC-2000 Pro's add-on battery comes out and what it costs, the model chose to write a number
after "released in" with P 0.21 and then borrowed the warranty's 36 months. The runtimes record
(token text, P(chosen)) for each token of the answer as they stream it, at no extra model call;
`figure_confidence` takes the least over the figures of the answer's first sentence, its claim
(rag.support.claim_of reads the same sentence). `answerability.min_figure_confidence` is the
line (README "How sure the model was of its figures").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from rag.grounding import figure_spans
from rag.passage_views import SENTENCE_END


@dataclass(frozen=True)
class TokenStep:
    """One generated token: its text and the probability the model gave it when choosing it."""

    text: str
    p: float


def figure_confidence(steps: Sequence[TokenStep]) -> float | None:
    """The least probability among the tokens that write a figure of the first sentence, or
    None when that sentence states no figure (citation markers are not figures). A figure's
    tokens include a whitespace-only token right before it: Qwen's tokenizer writes " 36" as
    " " then "3", "6", so the choice to state a number at all is made on the space."""
    text = "".join(step.text for step in steps)
    begin = len(text) - len(text.lstrip())
    sentence_end = SENTENCE_END.search(text, begin)
    claim_end = sentence_end.start() if sentence_end else len(text)
    spans = figure_spans(text[:claim_end])
    if not spans:
        return None
    least = 1.0
    start = 0
    for step in steps:
        end = start + len(step.text)
        for first, last in spans:
            overlaps = start < last and end > first
            opens = end == first and step.text.isspace()
            if overlaps or opens:
                least = min(least, step.p)
        start = end
    return least


class StepRecorder:
    """A logits processor that records each chosen token and its probability into `steps`.

    llama.cpp and transformers both call it with the ids so far and the next token's scores,
    before sampling. The token chosen from those scores is known at the next call (the last of
    the ids), so each call settles the step before it; `finish` settles the last one.
    """

    def __init__(self, steps: list[TokenStep], decode: Callable[[int], str]) -> None:
        self.steps = steps
        self._decode = decode
        self._log_p: np.ndarray | None = None  # the pending step's log-probabilities

    def __call__(self, input_ids: Sequence[int], scores: np.ndarray) -> np.ndarray:
        if self._log_p is not None:
            self._settle(int(input_ids[-1]))
        logits = np.asarray(scores, dtype=np.float64).reshape(-1)
        shifted = logits - logits.max()
        self._log_p = shifted - np.log(np.exp(shifted).sum())
        return scores

    def finish(self, greedy: bool) -> None:
        """Settle the last step: the token chosen after the last call is only known when the
        choice was greedy (the most likely); a sampled last token is left out."""
        if self._log_p is not None and greedy:
            self._settle(int(self._log_p.argmax()))
        self._log_p = None

    def _settle(self, token: int) -> None:
        assert self._log_p is not None
        self.steps.append(TokenStep(self._decode(token), float(np.exp(self._log_p[token]))))
