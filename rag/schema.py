"""Plain data shared by ingest, retrieval, the engine and the faces."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple

from rag.collections import DEFAULT


@dataclass
class Chunk:
    """A piece of a document as stored: text plus where it came from."""

    text: str
    source: str  # path relative to the ingested folder, e.g. "warranty/handbook.pdf"
    path: str  # absolute path of the file, the key for incremental ingest
    chunk_index: int
    content_hash: str
    page: int | None = None
    title: str | None = None
    heading: str | None = None
    id: int | None = None  # docstore / FAISS id once stored
    collection: str = DEFAULT  # the collection its file was ingested into (rag.collections)


class QuestionHeading(NamedTuple):
    """A chunk whose heading is a question (an FAQ entry's), as the stores list them."""

    chunk_id: int
    heading: str
    collection: str


@dataclass
class Hit:
    """A retrieved chunk with its relevance."""

    id: int
    text: str
    source: str
    page: int | None
    score: float  # fused rank score (higher is better)
    similarity: float | None = None  # cosine similarity to the query, when vector search saw it
    title: str | None = None
    heading: str | None = None
    collection: str | None = None  # None in answers cached before collections existed

    def label(self) -> str:
        """How a citation names this hit: 'returns/policy.md' or 'manual.pdf (page 3)'."""
        return f"{self.source} (page {self.page})" if self.page else self.source

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def search_dict(self) -> dict[str, Any]:
        """What `ragchat search --json` and the API's sources show of a hit."""
        return {k: getattr(self, k) for k in SEARCH_KEYS}


SEARCH_KEYS = ("source", "page", "score", "similarity", "text")


@dataclass
class Timings:
    retrieve_s: float = 0.0
    ttft_s: float | None = None  # time to first token
    generate_s: float = 0.0
    tokens: int = 0
    tokens_per_s: float | None = None
    prompt_tokens: int = 0
    check_s: float = 0.0  # the answerability check (its prompt is read then, and reused)
    support_s: float = 0.0  # the check of the answer against its passages (rag.support)
    relevance_s: float = 0.0  # the check that the answer answers the question (rag.support)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Answer:
    """A finished answer: text, the sources it cited, everything retrieved, and timings."""

    text: str
    mode: str
    sources: list[Hit] = field(default_factory=list)  # hits the answer cited ([n] markers)
    hits: list[Hit] = field(default_factory=list)  # everything put into the prompt
    timings: Timings = field(default_factory=Timings)
    query: str = ""  # the standalone query used for retrieval
    refused: bool = False  # answered with the "not in the documents" reply
    answerable_p: float | None = None  # the model's P(the passages answer it), when checked
    ungrounded: list[str] = field(default_factory=list)  # figures or names that don't hold
    supported_p: float | None = None  # P(the passages say the answer's claim), when checked
    relevant_p: float | None = None  # P(the claim is a direct answer to the question), when checked
    figure_p: float | None = None  # the least P of a token writing one of the claim's figures
    error: str | None = None
    cached: bool = False  # served from the answer cache (rag.answer_cache), not generated

    def to_dict(self) -> dict[str, Any]:
        return {
            "answer": self.text,
            "mode": self.mode,
            "query": self.query,
            "refused": self.refused,
            "answerable_p": self.answerable_p,
            "ungrounded": self.ungrounded,
            "supported_p": self.supported_p,
            "relevant_p": self.relevant_p,
            "figure_p": self.figure_p,
            "error": self.error,
            "cached": self.cached,
            "sources": [
                {"source": h.source, "page": h.page, "score": round(h.score, 4)}
                for h in self.sources
            ],
            "hits": [h.to_dict() for h in self.hits],
            "timings": self.timings.to_dict(),
        }
