"""rag.prompt_steps: a prompt is read in fixed steps, whatever the cache held before."""

from rag.prompt_steps import message_starts, reading_steps, shared_prefix


def tokenize(messages):  # one token per character, a template of "<role>text</>" per message
    return [ord(c) for m in messages for c in f"<{m['role']}>{m['content']}</>"]


CHAT = [{"role": "s", "content": "Be brief."}, {"role": "u", "content": "[1] Paris. Capital?"}]


def test_message_starts_are_where_each_text_begins():
    assert shared_prefix([1, 2, 3], [1, 2, 4]) == 2 and shared_prefix([], [1]) == 0
    assert message_starts(CHAT, tokenize) == [3, 3 + len("Be brief.</>") + 3]


def test_the_cache_is_kept_only_up_to_a_message_start():
    tokens = tokenize(CHAT)
    starts = message_starts(CHAT, tokenize)
    other = tokenize([CHAT[0], {"role": "u", "content": "[1] Paris. Size?"}])
    # Shares the system turn and "[1] Paris. ": kept up to the user text's start only.
    assert reading_steps(other, tokens, starts) == [starts[1]]
    assert reading_steps([], tokens, starts) == [0, *starts]  # cold: the same steps
    assert reading_steps(tokenize(CHAT[:1]), tokens, starts) == starts  # short of the user text
    assert reading_steps(tokens, tokens, starts) == [len(tokens)]  # the very prompt
