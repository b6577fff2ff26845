"""Stop an answer that has started to loop.

Greedy decoding with repetition_penalty 1.0 (needed so the model can copy facts from the
context) lets a small model fall into loops ("The answer is: The answer is: …"). A run of
`n` words that already occurred earlier in the same answer means it has nothing new to say:
generation stops there and the repeated run is cut. Only the answer is checked, never the
prompt, so copying a passage word for word is unaffected.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\S+")


def repeat_start(text: str, n: int) -> int | None:
    """Character offset where the answer's last `n` words start repeating earlier words.

    None while the last n words are new (or n < 1)."""
    if n < 1:
        return None
    spans = [(m.start(), m.group().lower()) for m in _WORD.finditer(text)]
    if len(spans) < 2 * n:
        return None
    words = [w for _, w in spans]
    tail = words[-n:]
    for i in range(len(words) - n):
        if words[i : i + n] == tail:
            return spans[len(words) - n][0]
    return None
