"""Where llama.cpp reads a prompt from, so that a prompt's logits don't depend on the one before.

llama.cpp keeps the previous prompt's KV cache, and a new prompt is read from where the two part.
Where that is changes which tokens go through one batch together, and the CPU kernels' sums
differ in the last bits with the batch: the answerability judgement of one question came out
0.672, 0.691 or 0.695 depending on the question asked before it (a threshold sits at 0.42). So
the judgement's prompt is read in fixed steps: up to the start of each message's text, one
message a step, and the cache is reused only up to such a start. The cost is small: what two
unrelated prompts share beyond the system turn is a few tokens of the passages' heading.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rag.prompting import Messages


def shared_prefix(a: Sequence[int], b: Sequence[int]) -> int:
    """How many leading tokens `a` and `b` have in common."""
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def message_starts(messages: Messages, tokenize: Callable[[Messages], list[int]]) -> list[int]:
    """The token offsets at which each message's text begins in the prompt of `messages`
    (found as where the prompt parts from the same messages with that text emptied)."""
    tokens = tokenize(messages)
    starts = set()
    for i, message in enumerate(messages):
        emptied = tokenize([*messages[:i], {**message, "content": ""}])
        starts.add(shared_prefix(tokens, emptied))
    return sorted(starts)


def reading_steps(cached: Sequence[int], tokens: Sequence[int], starts: list[int]) -> list[int]:
    """The offsets to read `tokens` to, one step at a time, after keeping the cached tokens up
    to the first offset returned. The last step (to the prompt's end) is left to the caller."""
    common = shared_prefix(cached, tokens)
    if common == len(tokens):  # the very prompt is cached: nothing to read again
        return [common]
    kept = max([0, *(s for s in starts if s <= common)])
    return [kept, *(s for s in starts if s > kept)]
