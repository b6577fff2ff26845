"""Retrieved-context passages taken from the generated documents, and the prompt block around them.

The block has the shape the app's prompt template produces:

    Context:
    [1] help/shipping-options.html
    <passage>

    [2] warranty/warranty-handbook.pdf (page 2)
    <passage>

    Question: <question>
"""

import re
from pathlib import Path

from docgen import build_corpus

PROMPTS = Path(__file__).resolve().parents[2] / "prompts"

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


def template(name: str) -> str:
    """The app's own prompt template (prompts/NAME.txt), as its loader reads it."""
    return (PROMPTS / f"{name}.txt").read_text(encoding="utf-8").strip()


def block(passages, question: str) -> str:
    """The user turn exactly as the app renders it from prompts/, so training matches use."""
    passage = template("passage")
    context = "\n\n".join(
        passage.format(n=i, label=f"{path}{f' (page {page})' if page else ''}", text=text)
        for i, (path, page, text) in enumerate(passages, start=1)
    )
    return template("context_question").format(context=context, question=question)


def cite(answer: str, n: int) -> str:
    """'... of delivery.' -> '... of delivery [2].'"""
    answer = answer.rstrip()
    if answer[-1] in ".!?":
        return f"{answer[:-1]} [{n}]{answer[-1]}"
    return f"{answer} [{n}]."
