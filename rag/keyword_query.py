"""The FTS5 match expression of a keyword search: stop words out, the rarest few terms kept.

A question's common words ("how", "does", "the") match most chunks: at 100k chunks BM25 spent
most of its time walking their posting lists for almost no ranking (bench/latency.py). They
are dropped; of the rest, at most MAX_TERMS are kept, rarest first by document frequency,
read from the index's own fts5vocab table (a count over one term's posting list, cached
until the next write).
"""

from __future__ import annotations

import re
import sqlite3

# Question words that match most chunks in any English corpus; measured on data/docs they
# also ranked nothing the other words did not (hit@5 unchanged, bench/latency.py).
STOP_WORDS = frozenset(
    "a about an and any are as at be been but by can could did do does for from get got had"
    " has have how i if in into is it its me my no not of on or our should so than that the"
    " their them then there these they this those to up us was we were what when where which"
    " who whom why will with would you your".split()
)
# Most terms in one match: eval questions keep 1-5 after stop words (median 3);
# the 6th and later rarest add posting-list work and little ranking.
MAX_TERMS = 5
STEMS_KEPT = 50_000  # distinct query words whose stems are kept (a few MB)


def query_words(query: str) -> list[str]:
    """Distinct lower-case words of two or more characters, stop words dropped (all of them
    when nothing else is left: a question of only common words still finds something)."""
    words = list(dict.fromkeys(w for w in re.findall(r"\w+", query.lower()) if len(w) > 1))
    kept = [w for w in words if w not in STOP_WORDS]
    return kept or words


def rarest(words: list[str], doc_freq: dict[str, int], limit: int = MAX_TERMS) -> list[str]:
    """The `limit` words with the fewest matching chunks, in query order; words no chunk has
    are dropped (they cannot match)."""
    present = [w for w in words if doc_freq.get(w, 0) > 0]
    keep = set(sorted(present, key=lambda w: (doc_freq[w], present.index(w)))[:limit])
    return [w for w in present if w in keep]


def match_expression(words: list[str]) -> str:
    """Any word may match (OR); BM25 weighs the rarer ones more."""
    return " OR ".join(f'"{w}"' for w in words)


class DocFrequency:
    """Chunks containing each word, from FTS5's vocabulary of the store's own index.

    The vocabulary holds porter stems, so words are stemmed by the same tokenizer: an
    in-memory FTS5 table, one row per word, read back through its 'instance' vocabulary.
    """

    def __init__(self, db: sqlite3.Connection, fts_table: str = "chunks_fts"):
        self.db = db
        db.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_vocab USING fts5vocab(main, "
            f"{fts_table}, 'row')"
        )
        self._stemmer = sqlite3.connect(":memory:", check_same_thread=False)
        self._stemmer.executescript(
            "CREATE VIRTUAL TABLE words USING fts5(w, tokenize='porter unicode61');"
            "CREATE VIRTUAL TABLE stems USING fts5vocab(words, 'instance');"
        )
        self._cache: dict[str, int] = {}
        self._generation: object = None
        self._stems: dict[str, list[str]] = {}

    def stems(self, words: list[str]) -> dict[str, list[str]]:
        """Each word's stems (a word like "e-mail's" can make more than one token); kept, as
        they depend on the tokenizer only (at most STEMS_KEPT words)."""
        missing = [w for w in dict.fromkeys(words) if w not in self._stems]
        if missing:
            if len(self._stems) > STEMS_KEPT:
                self._stems.clear()
            with self._stemmer as db:
                db.execute("DELETE FROM words")
                db.executemany("INSERT INTO words(rowid, w) VALUES (?, ?)", enumerate(missing))
                found: dict[str, list[str]] = {w: [] for w in missing}
                for doc, term in db.execute("SELECT doc, term FROM stems ORDER BY doc, offset"):
                    found[missing[doc]].append(term)
            self._stems.update(found)
        return {w: self._stems[w] for w in words}

    def __call__(self, words: list[str], generation: object) -> dict[str, int]:
        """Document frequency per word (a multi-token word: its rarest token's)."""
        if generation != self._generation:
            self._cache, self._generation = {}, generation
        missing = [w for w in words if w not in self._cache]
        if missing:
            stems = self.stems(missing)
            wanted = sorted({s for ss in stems.values() for s in ss})
            marks = ",".join("?" * len(wanted))
            sql = f"SELECT term, doc FROM temp.fts_vocab WHERE term IN ({marks})"
            df = dict(self.db.execute(sql, wanted)) if wanted else {}
            for w, ss in stems.items():
                self._cache[w] = min((df.get(s, 0) for s in ss), default=0)
        return {w: self._cache[w] for w in words}

    def close(self) -> None:
        self._stemmer.close()
