"""retrieval.expand: section: a hit whose neighbouring chunk of the same section also scored
grows into that section, never past retrieval.expand_tokens and never into another section;
the chunker's overlap appears once. Real chunker, embedder, FAISS and SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pipeline import Ingester
from rag.expand import join
from rag.retriever import Retriever
from rag.settings import RetrievalSettings, Settings

# One long section about the lantern's battery (several 40-token chunks), then a short one.
BATTERY = " ".join(
    f"The GlowLantern battery fact {n}: the lithium pack charges in {n + 2} hours over USB-C "
    f"and holds its charge for {n + 10} days in storage."
    for n in range(8)
)
DOC = f"# GlowLantern\n\n## Battery care\n\n{BATTERY}\n\n## Shipping\n\nOrders ship in two days.\n"
QUERY = "How long does the GlowLantern lithium battery take to charge over USB-C?"


@pytest.fixture
def indexed(tmp_path: Path, embedder):
    from rag.components import open_store

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "lantern.md").write_text(DOC)
    settings = Settings(
        store={"path": tmp_path / "index"}, chunking={"chunk_tokens": 40, "overlap_tokens": 8}
    )
    store = open_store(settings, embedder)
    Ingester(settings, store, embedder).run([tmp_path / "docs"], progress=False)
    yield store
    store.close()


def _chunks(store) -> list:
    return [c for c, _ in store.get_chunks(list(range(1, 50))).values()]


def test_expanded_hits_stay_in_their_section_and_the_budget(indexed, embedder):
    budget = 120
    chunks = _chunks(indexed)
    battery = [c for c in chunks if c.heading == "Battery care"]
    assert len(battery) >= 4  # the section really is several chunks
    settings = RetrievalSettings(expand="section", expand_tokens=budget, min_score=0.0)
    hits = Retriever(indexed, embedder, settings).search(QUERY, k=2)
    stored = {c.id: c.text for c in chunks}
    grown = [h for h in hits if h.text != stored[h.id]]
    assert grown, "a battery chunk with a scoring neighbour was not expanded"
    for hit in grown:
        assert embedder.count_tokens(hit.text) <= budget
        assert stored[hit.id] in hit.text
        assert "Orders ship" not in hit.text  # the next section stays out
        held = [c for c in battery if c.text in hit.text]
        assert len(held) >= 2 and len(held) < len(battery)  # bounded: not the whole section
    # No two hits hold the same chunk.
    texts = [c.text for c in battery]
    assert all(sum(t in h.text for h in hits) <= 1 for t in texts)


def test_without_expansion_hits_are_the_stored_chunks(indexed, embedder):
    stored = {c.id: c.text for c in _chunks(indexed)}
    hits = Retriever(indexed, embedder, RetrievalSettings(min_score=0.0)).search(QUERY, k=3)
    assert [h.text for h in hits] == [stored[h.id] for h in hits]


def test_join_writes_the_overlap_once():
    assert join("alpha beta gamma delta epsilon", "gamma delta epsilon zeta") == (
        "alpha beta gamma delta epsilon zeta"
    )
    assert join("one two", "three four") == "one two\nthree four"  # no overlap: both, whole
