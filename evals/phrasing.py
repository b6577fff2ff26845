"""Word a document's heading or term as a question a user might ask (evals.draft).

Plain rules, no model: the drafts are for a person to edit, so each rule only has to be
right often enough that editing beats writing from scratch.
"""

from __future__ import annotations

import re

# Section names that say nothing about the content: no question would be asked with them.
GENERIC = frozenset(
    """introduction overview contents table of contents summary references see also notes
    appendix index name description synopsis version author authors copyright license
    licence changelog faq faqs questions contact""".split()
)
_GENERIC_PHRASES = {
    "table of contents",
    "see also",
    "frequently asked questions",
    "author and copyright",
    "questions and answers",
    "last updated",
    "last modified",
}
# Nouns that end in -ing: "Opening hours" is not an action to ask how to do.
_ING_NOUNS = frozenset(
    """opening shipping pricing billing clothing building setting settings warning warnings
    meeting training morning evening packaging listing booking heading wiring lighting spring
    string thing nothing something anything everything ceiling earring governing restocking
    existing remaining matching missing working following upcoming pending rating ratings timing
    licensing""".split()
)
_JOINERS = {"and", "or", "&", "/", "vs", "versus"}  # "Cleaning and care" is two topics
# A heading that states a problem ("The screen is frozen", "Maps are missing").
_STATEMENT = re.compile(
    r"\b(?:is|are|was|were|will|won't|cannot|can't|does|doesn't|do|don't|did|didn't|keeps|"
    r"has|have|stops|fails|not|runs|gets|goes|turns|shows|drains)\b",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"\b(?:that|which|who|whose)\b", re.IGNORECASE)
_YOUR = re.compile(r"\byour\b", re.IGNORECASE)
# A heading that is a question without its '?' ("Who can buy", "When you are charged").
_INTERROGATIVE = {"who", "what", "when", "where", "why", "which", "how", "can", "do", "does",
                  "is", "are", "should"}  # fmt: skip
# The word after an interrogative in a question ("Who can buy") rather than a clause ("When
# you are charged", asked as "What should I know about when I am charged?").
_ASKING = {"can", "do", "does", "is", "are", "should", "will", "would", "long", "much", "many"}
_DETERMINERS = {"the", "a", "an", "my", "our", "this", "these", "those", "its", "their"}
_PRONOUNS = {"i", "it", "they", "we", "you", "he", "she", "this", "that", "these", "those",
             "there", "here"}  # fmt: skip


def is_generic(topic: str) -> bool:
    words = topic.lower().strip(" :?.").split()
    phrase = " ".join(words)
    return not words or phrase in _GENERIC_PHRASES or (len(words) == 1 and phrase in GENERIC)


def as_question(heading: str, text: str = "") -> str:
    """A heading as a question: '?' headings unchanged, "How to X" -> "How do I X?", an
    action ("Resetting your password") -> "How do I go about resetting my password?", a
    problem ("The screen is frozen") -> "What should I do if the screen is frozen?", any
    other topic -> "What should I know about X?". `text` is the document, used to tell a
    common word that starts a heading (lower-cased) from a name (kept)."""
    heading = " ".join(heading.split())
    if "?" in heading:  # "Is my headlamp broken? It will not turn on." is asked as written
        return heading
    heading = _sentence_case(heading.rstrip(":."))
    words = heading.split()
    first = words[0].lower()
    if first == "how" and len(words) > 2 and words[1].lower() == "to":
        return f"How do I {_mine(' '.join(words[2:]))}?"
    if first in _INTERROGATIVE:
        if len(words) == 1 or words[1].lower() in _ASKING:
            return f"{heading}?"  # already worded as a question: "Who can buy"
        return f"What should I know about {_mine(_lower_first(heading, text))}?"
    if first == "about" and len(words) > 1:  # "About your warranty"
        heading, words, first = " ".join(words[1:]), words[1:], words[1].lower()
    phrase = _mine(_lower_first(heading, text))
    if (
        first.endswith("ing")
        and len(first) > 4
        and first not in _ING_NOUNS
        and (len(words) == 1 or words[1].lower() not in _JOINERS)
    ):
        return f"How do I go about {phrase}?"
    if _STATEMENT.search(heading) and not _RELATIVE.search(heading):
        return f"What should I do if {phrase}?"
    return f"What should I know about {_article(phrase, heading)}{phrase}?"


def is_term(term: str) -> bool:
    """Whether "X: …" names a thing: not a sentence ("They are IP65 rated: …")."""
    words = term.lower().split()
    return bool(words) and words[0] not in _PRONOUNS and not _STATEMENT.search(term)


def term_question(term: str, text: str = "") -> str:
    """A defined term as a question: "Restocking fee" -> "What is the restocking fee?"."""
    term = " ".join(term.split()).strip("*: ")
    lowered = _lower_first(term, text)
    article = "the " if lowered != term else ""  # a common noun takes "the"; a name does not
    last = term.split()[-1].lower()
    verb = "are" if last.endswith("s") and not last.endswith(("ss", "us", "is")) else "is"
    return f"What {verb} {article}{lowered}?"


def _article(phrase: str, heading: str) -> str:
    """ "the " before a common singular noun phrase ("the return window"); none before a name
    (kept capitalised), a plural ("refunds") or a phrase with its own determiner."""
    first, last = phrase.split()[0], phrase.split()[-1]
    if phrase == heading or first in _DETERMINERS or last.endswith("s"):
        return ""
    return "the "


def _sentence_case(heading: str) -> str:
    """ "PRIVACY POLICY" -> "Privacy policy": shouting is a typeface, not the words."""
    if heading.isupper() and len(heading.split()) > 1:
        return heading.capitalize()
    return heading


def _lower_first(phrase: str, text: str) -> str:
    """Lower-case the first word unless it is a name: capitalised only because it starts the
    heading, unless the document also capitalises it mid-sentence ("to Canada"). Acronyms and
    CamelCase names (GPS, TrailBeam) stay."""
    first, _, rest = phrase.partition(" ")
    lower = first.lower()
    if first == lower or first[1:] != lower[1:]:
        return phrase
    if re.search(rf"[a-z,] {re.escape(first)}(?![\w-])", text):
        return phrase
    return f"{lower} {rest}".strip()


def _mine(phrase: str) -> str:
    """The user's side: "Tracking your order" -> "tracking my order"."""
    return _YOUR.sub("my", phrase)
