"""Vector search over some collections of a pgvector index (rag.collections).

pgvector's HNSW scan (0.6, as pgserver ships it) returns at most `hnsw.ef_search` rows and
applies a WHERE afterwards, so a filter on a small collection would leave a few rows or none.
A scope of at most EXACT_UP_TO chunks, or under a fifth of the index, is searched exactly over
its own rows instead (a materialized subquery the planner cannot push into the HNSW scan); a
larger share keeps HNSW with ef_search widened to expect k allowed rows among those it returns.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

EXACT_UP_TO = 10_000  # the size FAISS's `auto` still searches flat (store.auto_above)
EXACT_SHARE = 0.2  # as rag.store_filter: HNSW with a filter below it misses neighbours
MAX_EF_SEARCH = 1000  # pgvector's upper limit for hnsw.ef_search


def scoped_search(
    cur: Any, chunks: str, query: np.ndarray, k: int, names: list[str], ef_search: int
) -> list[tuple[int, float]]:
    """(id, inner product) of the k nearest chunks in the collections `names`, inside the
    caller's transaction (a widened ef_search is local to it)."""
    sql = f"SELECT count(*) FROM {chunks} WHERE collection = ANY(%s::text[])"
    inside = int(cur.execute(sql, (names,)).fetchone()[0])
    if not inside:
        return []
    total = int(cur.execute(f"SELECT count(*) FROM {chunks}").fetchone()[0])
    if inside <= EXACT_UP_TO or inside < EXACT_SHARE * total:
        sql = (
            f"WITH scoped AS MATERIALIZED (SELECT id, embedding FROM {chunks}"
            " WHERE collection = ANY(%s::text[]))"
            " SELECT id, embedding <#> %s FROM scoped ORDER BY 2 LIMIT %s"
        )
        rows = cur.execute(sql, (names, query, k)).fetchall()
    else:
        ef = min(MAX_EF_SEARCH, max(ef_search, math.ceil(k * total / inside)))
        cur.execute("SELECT set_config('hnsw.ef_search', %s, true)", (str(ef),))
        sql = (
            f"SELECT id, embedding <#> %s FROM {chunks} WHERE collection = ANY(%s::text[])"
            " ORDER BY embedding <#> %s LIMIT %s"
        )
        rows = cur.execute(sql, (query, names, query, k)).fetchall()
    return [(int(i), -float(distance)) for i, distance in rows]
