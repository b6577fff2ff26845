"""Parent-section expansion (retrieval.expand: section): match on small chunks, answer from more.

A section is one file's chunks that share page and heading (the loaders split Markdown, HTML
and Office files at headings, PDFs by page). When a hit's neighbouring chunk of its section
(chunk_index ± 1) also scored among the candidates, the passage around the hit probably
continues there, so the hit's text becomes the section around it: neighbours are added
nearest first, after then before, while the whole stays within `max_tokens`. The chunker's
overlap is joined once, not repeated. Hits an expanded one already contains are dropped and
the next candidates fill their places.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from rag.schema import Chunk, Hit
from rag.store_protocol import VectorStore

# Chunk ids are assigned in chunk order within a file, so a section's chunks are near the hit's
# id; look this many ids either way (3 default chunks ≈ expand_tokens' default of 480).
_REACH = 3
_MIN_OVERLAP = 12  # characters: a shorter common edge is a coincidence, not the chunker's overlap
_MAX_OVERLAP = 400  # characters: 20 overlap tokens (the default) are ~100; half a chunk at most


def section_of(chunk: Chunk) -> tuple:
    # the collection too: no neighbour from outside the search's scope can join a hit
    return (chunk.collection, chunk.path, chunk.page, chunk.heading)


def join(first: str, second: str) -> str:
    """first + second with the chunker's overlap (second's start repeating first's end) once."""
    for size in range(min(len(first), len(second), _MAX_OVERLAP), _MIN_OVERLAP - 1, -1):
        if first.endswith(second[:size]):
            return first + second[size:]
    return f"{first}\n{second}"


def _neighbours(chunk: Chunk, hit_id: int, store: VectorStore) -> tuple[list, list]:
    """The section's chunks just before and just after the hit, nearest first."""
    ids = [i for i in range(hit_id - _REACH, hit_id + _REACH + 1) if i != hit_id and i > 0]
    near = {
        i: c for i, (c, _) in store.get_chunks(ids).items() if section_of(c) == section_of(chunk)
    }
    before, after = [], []
    for step in range(1, _REACH + 1):
        for side, sign in ((before, -1), (after, 1)):
            found = [c for c in near.values() if c.chunk_index == chunk.chunk_index + sign * step]
            if found and (len(side) == step - 1):  # contiguous runs only
                side.append(found[0])
    return before, after


def expand_hit(
    hit: Hit,
    chunk: Chunk,
    store: VectorStore,
    count: Callable[[str], int],
    max_tokens: int,
    taken: set[int] = frozenset(),
) -> tuple[Hit, set[int]]:
    """The hit grown to its section within max_tokens, and the ids of the chunks it now holds.
    Chunks in `taken` (already in an earlier hit) stop the growth on their side."""
    before, after = _neighbours(chunk, hit.id, store)
    sides = {"before": before, "after": after}
    used = {"before": 0, "after": 0}
    open_sides = {name for name, side in sides.items() if side}
    text = chunk.text
    while open_sides:
        for name in ("after", "before"):
            if name not in open_sides:
                continue
            nxt = sides[name][used[name]]
            trial = join(text, nxt.text) if name == "after" else join(nxt.text, text)
            if nxt.id in taken or count(trial) > max_tokens:
                open_sides.discard(name)  # contiguous only: nothing past a chunk left out
                continue
            text, used[name] = trial, used[name] + 1
            if used[name] == len(sides[name]):
                open_sides.discard(name)
    held = {hit.id} | {c.id for c in before[: used["before"]] + after[: used["after"]]}
    return replace(hit, text=text), held


def expand_sections(
    hits: list[Hit],
    chunks: dict[int, Chunk],
    store: VectorStore,
    count: Callable[[str], int],
    max_tokens: int,
    k: int,
) -> list[Hit]:
    """The top k hits, each expanded where a neighbour in its section also scored."""
    scored = {(c.path, c.chunk_index): c for i, c in chunks.items() if i in {h.id for h in hits}}
    out: list[Hit] = []
    held: set[int] = set()
    for hit in hits:
        if hit.id in held:
            continue
        chunk = chunks[hit.id]
        near = [scored.get((chunk.path, chunk.chunk_index + d)) for d in (-1, 1)]
        if any(n is not None and section_of(n) == section_of(chunk) for n in near):
            hit, ids = expand_hit(hit, chunk, store, count, max_tokens, held)
            held |= ids
        held.add(hit.id)
        out.append(hit)
        if len(out) == k:
            break
    return out
