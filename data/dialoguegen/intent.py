"""One thing a customer asks about: many phrasings, a few answer wordings, the facts they state."""

from dataclasses import dataclass, field


@dataclass
class Intent:
    name: str
    topic: str
    asks: list[str]  # different ways a customer asks it
    answers: list[str]  # concise answers, each stating every fact; used in both styles
    facts: list[str]  # strings the answer must contain
    source: str | None = None  # the document whose passage answers it (grounded style)
    anchor: str | None = None  # text identifying that passage; defaults to the first fact
    extra: list[str] = field(default_factory=list)  # plain style only: helpful follow-on sentences
    n: int = 2  # conversations per style
    grounded: list[str] = field(default_factory=list)  # answers for the grounded style if the
    # plain ones say more than the answering passage

    @property
    def grounded_answers(self) -> list[str]:
        return self.grounded or self.answers

    @property
    def key(self) -> str:
        return self.anchor or self.facts[0]


def intent(name, topic, asks, answers, facts, source=None, anchor=None, extra=(), n=2, grounded=()):
    answers = [answers] if isinstance(answers, str) else list(answers)
    for text in answers + list(grounded):
        for fact in facts:
            assert fact.lower() in text.lower(), f"{name}: answer lacks {fact!r}: {text}"
    return Intent(
        name,
        topic,
        list(asks),
        answers,
        list(facts),
        source,
        anchor,
        list(extra),
        n,
        list(grounded),
    )
