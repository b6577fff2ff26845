"""Token-aware chunking against the real MiniLM tokenizer."""

from __future__ import annotations

from langchain_core.documents import Document

from ingest.chunker import Chunker


def make(embedder, size=64, overlap=8) -> Chunker:
    return Chunker(embedder.count_tokens, embedder.max_tokens, size, overlap)


def test_chunks_respect_budget_and_keep_metadata(embedder):
    text = "\n\n".join(
        f"Paragraph {i}. " + "The warranty covers parts and labour. " * 6 for i in range(8)
    )
    doc = Document(
        page_content=text, metadata={"page": 3, "title": "Handbook", "heading": "Claims"}
    )
    chunks = make(embedder).chunk([doc], "handbook.pdf", "/abs/handbook.pdf")
    assert len(chunks) > 4
    assert all(embedder.count_tokens(c.text) <= 64 for c in chunks)
    assert [c.chunk_index for c in chunks] == list(range(len(chunks)))
    first = chunks[0]
    assert (first.page, first.title, first.heading, first.source) == (
        3,
        "Handbook",
        "Claims",
        "handbook.pdf",
    )


def test_never_longer_than_the_model_window(embedder):
    chunker = make(embedder, size=10_000, overlap=0)
    assert chunker.size == embedder.max_tokens - 2
    unbroken = "x" * 20_000  # no separator at all
    pieces = chunker.split_text(unbroken)
    assert all(embedder.count_tokens(p) <= embedder.max_tokens - 2 for p in pieces)
    assert "".join(pieces) == unbroken


def test_exact_duplicate_chunks_are_dropped(embedder):
    docs = [
        Document(page_content="Call us at 555-0100."),
        Document(page_content="Call us at 555-0100."),
    ]
    chunks = make(embedder).chunk(docs, "a.txt", "/a.txt")
    assert len(chunks) == 1


def test_splits_on_paragraphs_first(embedder):
    text = "Short paragraph number one here.\n\nShort paragraph number two here."
    assert make(embedder, size=8, overlap=0).split_text(text) == [
        "Short paragraph number one here.",
        "Short paragraph number two here.",
    ]
