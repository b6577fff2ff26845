"""FTS5's BM25, computed from the index's postings held in memory (`store.keyword_index: memory`).

At 100k chunks a keyword query spent ~25 ms in FTS5 (bench/latency.py): its rarest five words
still matched ~22k chunks, and FTS5 calls its bm25() function once per matching row. Here the
postings of every term are read once from FTS5's own 'instance' vocabulary (the same porter
tokens, so the same matches) into arrays, and a query is a few vectorised sums over the query
terms' postings. The scores are FTS5's: the same formula (k1 1.2, b 0.75, idf floored at 1e-6),
row count and lengths, so results equal the FTS5 path's (tests/rag/test_keyword_memory.py).

The arrays match one docstore generation; KeywordReader rebuilds them in the background after a
write and answers from FTS5 meanwhile.
"""

from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass

import numpy as np

K1, B = 1.2, 0.75  # FTS5's bm25() defaults (sqlite/ext/fts5/fts5_aux.c)


@dataclass
class KeywordIndex:
    generation: int
    ids: np.ndarray  # chunk id per row position, ascending
    collections: np.ndarray  # collection code per row position
    collection_codes: dict[str, int]
    lengths: np.ndarray  # tokens per row
    average_length: float
    term_rows: dict[str, tuple[int, int]]  # term -> slice of postings
    posting_rows: np.ndarray  # row position per posting
    posting_tf: np.ndarray  # the term's count in that row

    @property
    def memory_bytes(self) -> int:
        arrays = (self.ids, self.collections, self.lengths, self.posting_rows, self.posting_tf)
        return sum(a.nbytes for a in arrays)

    def hits(self, term: str) -> int:
        """Rows holding the term (FTS5's document frequency)."""
        start, end = self.term_rows.get(term, (0, 0))
        return end - start

    def search(
        self, terms: list[str], k: int, collections: set[str] | None = None
    ) -> list[tuple[int, float]]:
        """(chunk id, BM25 score) of the k best rows with any of the terms (FTS5 tokens),
        best first; only rows of the named collections when given."""
        n_rows = len(self.ids)
        rows, weights = [], []
        for term in dict.fromkeys(terms):
            start, end = self.term_rows.get(term, (0, 0))
            if start == end:
                continue
            hits = end - start
            idf = max(math.log((n_rows - hits + 0.5) / (hits + 0.5)), 1e-6)
            r, tf = self.posting_rows[start:end], self.posting_tf[start:end].astype(np.float64)
            norm = K1 * (1 - B + B * self.lengths[r] / self.average_length)
            rows.append(r)
            weights.append(idf * tf * (K1 + 1) / (tf + norm))
        if not rows:
            return []
        scores = np.bincount(np.concatenate(rows), np.concatenate(weights), minlength=n_rows)
        matched = np.flatnonzero(scores)
        if collections is not None:
            codes = [self.collection_codes[c] for c in collections if c in self.collection_codes]
            matched = matched[np.isin(self.collections[matched], codes)]
        if len(matched) > k:
            matched = matched[np.argpartition(-scores[matched], k - 1)[:k]]
        best = matched[np.lexsort((self.ids[matched], -scores[matched]))]
        return [(int(self.ids[r]), float(scores[r])) for r in best]


def build(db_path: str) -> KeywordIndex | None:
    """The postings of the docstore at db_path, read in one snapshot; None when FTS5's tables
    and the chunks disagree (the caller keeps using FTS5)."""
    uri = f"file:{db_path}?mode=ro"
    db = sqlite3.connect(uri, uri=True)
    try:
        db.execute("CREATE VIRTUAL TABLE temp.vocab_row USING fts5vocab(main, chunks_fts, 'row')")
        db.execute(
            "CREATE VIRTUAL TABLE temp.vocab_at USING fts5vocab(main, chunks_fts, 'instance')"
        )
        db.execute("BEGIN")  # one snapshot: a writer's commit meanwhile is not half seen
        row = db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        generation = int(row[0]) if row else 0
        chunk_rows = db.execute("SELECT id, collection FROM chunks ORDER BY id").fetchall()
        terms = db.execute("SELECT term, cnt FROM temp.vocab_row").fetchall()
        # Every token's row id, term by term and in row order within a term (FTS5's order),
        # as one string parsed in C: ~10x faster than a Python tuple per token.
        (joined,) = db.execute("SELECT group_concat(doc) FROM temp.vocab_at").fetchone()
        db.execute("COMMIT")
    finally:
        db.close()
    return _arrays(generation, chunk_rows, terms, joined or "")


def _arrays(generation: int, chunk_rows: list, terms: list, joined: str) -> KeywordIndex | None:
    ids = np.array([r[0] for r in chunk_rows], dtype=np.int64)
    names = sorted({r[1] for r in chunk_rows})
    codes = {name: i for i, name in enumerate(names)}
    collections = np.array([codes[r[1]] for r in chunk_rows], dtype=np.int32)
    counts = np.array([c for _, c in terms], dtype=np.int64)
    token_ids = np.array(joined.split(","), dtype=np.int64) if joined else np.zeros(0, np.int64)
    if len(token_ids) != counts.sum():
        return None
    token_rows = np.searchsorted(ids, token_ids)
    if len(ids) == 0 or (token_rows >= len(ids)).any() or (ids[token_rows] != token_ids).any():
        return None  # a token of a row the chunks table lacks: out of step
    term_of_token = np.repeat(np.arange(len(terms)), counts)
    # A posting per (term, row): tokens of one term are in row order, so runs are postings.
    first = np.ones(len(token_rows), dtype=bool)
    first[1:] = (token_rows[1:] != token_rows[:-1]) | (term_of_token[1:] != term_of_token[:-1])
    starts = np.flatnonzero(first)
    tf = np.diff(np.append(starts, len(token_rows))).astype(np.uint32)
    posting_term = term_of_token[starts]
    bounds = np.searchsorted(posting_term, np.arange(len(terms) + 1))
    lengths = np.bincount(token_rows, minlength=len(ids)).astype(np.float64)
    return KeywordIndex(
        generation=generation,
        ids=ids,
        collections=collections,
        collection_codes=codes,
        lengths=lengths,
        average_length=float(lengths.sum() / max(len(ids), 1)),
        term_rows={t: (int(bounds[i]), int(bounds[i + 1])) for i, (t, _) in enumerate(terms)},
        posting_rows=token_rows[starts].astype(np.int32),
        posting_tf=tf,
    )
