"""Retrieved-context passages taken from the generated documents, and the prompt block around them.

The block is rendered by the app's own rag.prompting.user_turn, so a training example's last user
turn is exactly what the engine sends for the same passages and question:

    Context:
    [1] help/shipping-options.html
    <passage>

    [2] warranty/warranty-handbook.pdf (page 2)
    <passage>

    Question: <question>
    <the template's instruction line>
"""

import re

from docgen import build_corpus

from prompts import load_prompts
from rag.prompting import user_turn
from rag.schema import Hit

PROMPTS = load_prompts()  # the app's templates in prompts/, checked by its own loader

MAX_WORDS = 80
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).lower()


def contains(text: str, fact: str) -> bool:
    """Fact in passage text; CSV rows write prices as 899.00 / 1599.00 rather than $899 / $1,599."""
    t, f = _norm(text), _norm(fact)
    if f in t:
        return True
    if f.startswith("$"):
        bare = f[1:].replace(",", "")
        return bare in t or f"{bare}.00" in t
    return False


def trim(text: str, anchor: str | None = None, limit: int = MAX_WORDS) -> str:
    """At most `limit` words: whole sentences (or table lines) around the one holding `anchor`."""
    if len(text.split()) <= limit:
        return text
    lines = "\n" in text
    units = text.split("\n") if lines else _SENTENCE.split(text)
    hit = next((i for i, u in enumerate(units) if anchor and anchor.lower() in u.lower()), 0)
    keep = {hit} | ({0} if lines else set())
    total = sum(len(units[i].split()) for i in keep)
    lo = hi = hit
    grown = True
    while grown:  # add the next unit on either side while it fits
        grown = False
        for i in (hi + 1, lo - 1):
            if 0 <= i < len(units) and i not in keep and total + len(units[i].split()) <= limit:
                keep.add(i)
                total += len(units[i].split())
                lo, hi = min(lo, i), max(hi, i)
                grown = True
    return ("\n" if lines else " ").join(units[i] for i in sorted(keep))


class Corpus:
    def __init__(self):
        self.passages = [
            (doc.path, page, text)
            for doc in build_corpus()
            for page, _heading, text in doc.passages()
        ]

    def answering(self, path: str, anchor: str):
        for p, page, text in self.passages:
            if p == path and anchor.lower() in text.lower():
                return p, page, trim(text, anchor)
        raise KeyError(f"no passage in {path} contains {anchor!r}")

    def distractors(self, rng, avoid: list[str], near: list[str], k: int):
        """k real passages that state none of `avoid`: preferably from the `near` documents."""

        def ok(text):
            return not any(contains(text, a) for a in avoid)

        pool_near = [p for p in self.passages if p[0] in near and ok(p[2])]
        pool_far = [p for p in self.passages if p[0] not in near and ok(p[2])]
        picked = []
        while len(picked) < k:
            pool = pool_near if pool_near and (not picked or rng.random() < 0.5) else pool_far
            choice = rng.choice(pool)
            if choice not in picked:
                picked.append(choice)
        return [(p, page, trim(text)) for p, page, text in picked]


def block(passages, question: str) -> str:
    """The user turn for (path, page, text) passages, rendered as the engine renders its hits."""
    # As retrieval would return them: Hit.label() names the passage ("file.pdf (page 2)"); the
    # id and score are not rendered.
    hits = [
        Hit(id=i, text=text, source=path, page=page, score=0.0)
        for i, (path, page, text) in enumerate(passages, start=1)
    ]
    return user_turn(PROMPTS, question, hits)


def cite(answer: str, n: int) -> str:
    """'... of delivery.' -> '... of delivery [2].'"""
    answer = answer.rstrip()
    if answer[-1] in ".!?":
        return f"{answer[:-1]} [{n}]{answer[-1]}"
    return f"{answer} [{n}]."
