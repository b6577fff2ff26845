"""The smaller texts the second retrieval stage reads besides a whole chunk (rag.rerank).

- Its sentences: a reworded question usually asks what one sentence says, and a chunk's vector
  averages that sentence with its neighbours; the best sentence's cosine keeps it whole.
- Its heading, when the heading is a question: an FAQ entry's heading is a question the
  section answers, and a user's question matches another question in other words better than
  it matches the answer (question-to-question matching, as in FAQ retrieval).
"""

from __future__ import annotations

import hashlib
import re

# A sentence ends at . ! or ? followed by white space; lines are split first, so list items,
# table rows and headings are sentences of their own.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# Shorter pieces ("1.", "- Yes.", "Page 3 of 8") say too little to match a question on their
# own; they still count inside the whole chunk's vector.
MIN_SENTENCE_CHARS = 16


def sentences(text: str) -> list[str]:
    """The text's sentences of at least MIN_SENTENCE_CHARS characters, in order; the whole text
    (stripped) when it has none."""
    found = []
    for line in text.splitlines():
        found += [
            s.strip() for s in SENTENCE_END.split(line) if len(s.strip()) >= MIN_SENTENCE_CHARS
        ]
    return found or [text.strip()]


def question_heading(heading: str | None) -> str | None:
    """The chunk's own heading when it is a question, else None."""
    heading = (heading or "").strip()
    return heading if heading.endswith("?") else None


def text_hash(text: str) -> str:
    """The key a sentence's or heading's vector is kept under (chunks use their content hash)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
