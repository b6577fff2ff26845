"""Assemble conversations from intents: plain (no context) and grounded (context in the last turn)."""

# ruff: noqa: E501  (dialogue text reads better unwrapped)
import random

from company_facts import CONTACT

from . import intents_products, intents_service
from . import smalltalk as st
from .context import PROMPTS, Corpus, block, cite, contains

# The app's system prompts, read from prompts/ so the tuned model sees what the app sends.
SYSTEM_PLAIN = PROMPTS.render("system_plain")
SYSTEM_GROUNDED = PROMPTS.render("system_rag")
OPENERS = [
    "",
    "",
    "",
    "Sure! ",
    "Happy to help. ",
    "Of course. ",
    "Good question. ",
    "Thanks for asking. ",
]
CLOSERS = [
    " Is there anything else I can help you with?",
    " Let me know if you have any other questions.",
    " Anything else I can do for you?",
    " Hope that helps!",
]
NO_OPENER = ("No", "Sorry", "I'm sorry", "Of course", "Sure", "Please", "It's probably", "That's")
PREFIXES = ["Hi, ", "Hello! ", "Hey, ", "Quick question: ", "Hi there. ", "Good morning! "]
SUFFIXES = [" Thanks!", " Thank you.", " Thanks in advance."]


def msg(role, content):
    return {"role": role, "content": content}


class Builder:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.corpus = Corpus()
        self.intents = {i.name: i for i in intents_service.ALL + intents_products.ALL}

    # ------------------------------------------------------------ phrasing
    def ask(self, text: str) -> str:
        r = self.rng.random()
        if r < 0.18:
            text = self.rng.choice(PREFIXES) + text[0].lower() + text[1:]
        elif r < 0.26:
            text = text[0].lower() + text[1:].rstrip("?")
        if self.rng.random() < 0.08:
            text += self.rng.choice(SUFFIXES)
        return text

    def plain_answer(self, it, final=True) -> str:
        answer = self.rng.choice(it.answers)
        opener = self.rng.choice(OPENERS)
        text = answer if answer.startswith(NO_OPENER) else opener + answer
        if it.extra and self.rng.random() < 0.6:
            text += " " + self.rng.choice(it.extra)
        if final and self.rng.random() < 0.3:
            text += self.rng.choice(CLOSERS)
        return text

    def grounded_turn(self, it, question: str):
        """(user content with context, assistant answer ending in the citation marker)."""
        answer_passage = self.corpus.answering(it.source, it.key)
        for fact in it.facts:
            assert contains(answer_passage[2], fact), f"{it.name}: passage lacks {fact!r}"
        # 3-4 passages, mostly from the answer's own file: what top_k 4 retrieval returns
        # (a fine-tune trained on 2-3 passages from different files picks the wrong one there).
        k = self.rng.choice([2, 3, 3])
        others = self.corpus.distractors(self.rng, it.facts, [it.source], k)
        at = self.rng.randrange(k + 1)
        passages = others[:at] + [answer_passage] + others[at:]
        answer = cite(self.rng.choice(it.grounded_answers), at + 1)
        return block(passages, question), answer

    def not_found_turn(self, question: str, near: list[str]):
        k = self.rng.choice([3, 4])
        passages = self.corpus.distractors(self.rng, [], near, k)
        return block(passages, question), self.rng.choice(st.NOT_FOUND)

    # ------------------------------------------------------------ conversations
    def single(self, it, style: str, question: str):
        turns = []
        if self.rng.random() < 0.12:
            turns += [
                msg("user", self.rng.choice(st.GREETINGS)),
                msg("assistant", self.rng.choice(st.GREETING_REPLIES)),
            ]
        if style == "plain":
            turns += [msg("user", question), msg("assistant", self.plain_answer(it))]
            facts = it.facts
            if self.rng.random() < 0.06:
                turns += [
                    msg("user", self.rng.choice(st.THANKS)),
                    msg("assistant", self.rng.choice(st.THANKS_REPLIES)),
                ]
                facts = []
        else:
            user, answer = self.grounded_turn(it, question)
            turns += [msg("user", user), msg("assistant", answer)]
            facts = it.facts
        return self.conv(style, it.topic, turns, facts)

    def follow_up(self, first, second, phrasing: str, style: str):
        turns = [
            msg("user", self.ask(self.rng.choice(first.asks))),
            msg("assistant", self.plain_answer(first, final=False)),
        ]
        if style == "plain":
            turns += [msg("user", phrasing), msg("assistant", self.plain_answer(second))]
        else:
            user, answer = self.grounded_turn(second, phrasing)
            turns += [msg("user", user), msg("assistant", answer)]
        return self.conv(style, second.topic, turns, second.facts)

    def conv(self, style, topic, turns, facts):
        system = SYSTEM_PLAIN if style == "plain" else SYSTEM_GROUNDED
        return {
            "messages": [msg("system", system)] + turns,
            "style": style,
            "topic": topic,
            "facts": list(facts),
        }

    def all(self):
        rng, out = self.rng, []
        for it in self.intents.values():
            asks = list(it.asks)
            rng.shuffle(asks)
            for i in range(2 * it.n):
                style = "plain" if i % 2 == 0 else "grounded"
                out.append(self.single(it, style, self.ask(asks[i % len(asks)])))
        for first, second, phrasings in st.FOLLOW_UPS:
            for style, phrasing in zip(("plain", "grounded"), phrasings, strict=True):
                out.append(
                    self.follow_up(self.intents[first], self.intents[second], phrasing, style)
                )
        for text in st.GREETINGS:
            out.append(
                self.conv(
                    "plain",
                    "greeting",
                    [msg("user", text), msg("assistant", rng.choice(st.GREETING_REPLIES))],
                    ["help"],
                )
            )
        for i, text in enumerate(st.OUT_OF_SCOPE):
            out.append(
                self.conv(
                    "plain",
                    "out of scope",
                    [msg("user", text), msg("assistant", rng.choice(st.REFUSALS))],
                    ["only help with"],
                )
            )
            if i % 2 == 0:
                user, answer = self.not_found_turn(text, [])
                out.append(
                    self.conv(
                        "grounded",
                        "out of scope",
                        [msg("user", user), msg("assistant", answer)],
                        ["could not find"],
                    )
                )
        for text, near in st.UNKNOWN:
            out.append(
                self.conv(
                    "plain",
                    "unknown",
                    [msg("user", text), msg("assistant", rng.choice(st.UNKNOWN_PLAIN))],
                    [CONTACT["phone"]],
                )
            )
            # Three grounded refusals each: with fewer, the tuned model answered every
            # unanswerable evaluation question from a merely related passage.
            for _ in range(3):
                user, answer = self.not_found_turn(self.ask(text), near)
                out.append(
                    self.conv(
                        "grounded",
                        "unknown",
                        [msg("user", user), msg("assistant", answer)],
                        ["could not find"],
                    )
                )
        return out
