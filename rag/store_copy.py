"""Copy a FAISS + SQLite index into another store (pgvector) without embedding anything.

The docstore keeps every chunk's vector, so moving an index to PostgreSQL is a copy of rows:
file by file, each in the destination's own transaction, keeping the manifest (hash, size,
mtime), so an incremental ingest afterwards finds every copied file unchanged. Files the
destination already holds with the same content hash are skipped: an interrupted copy resumes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rag.store import FaissStore, StoreMismatchError
from rag.store_protocol import VectorStore


@dataclass
class CopySummary:
    files_copied: int = 0
    files_unchanged: int = 0
    chunks_copied: int = 0


def copy_index(source: FaissStore, target: VectorStore) -> CopySummary:
    """Every file of `source` into `target`; both must use the same embedding model."""
    src_meta, dst_meta = source.manifest()["meta"], target.manifest()["meta"]
    src_model = (src_meta.get("embedding_model"), int(src_meta.get("dim", 0)))
    dst_model = (dst_meta.get("embedding_model"), int(dst_meta.get("dim", 0)))
    if src_model != dst_model:
        raise StoreMismatchError(
            f"source index uses embedding model '{src_model[0]}' ({src_model[1]}-d), the target "
            f"'{dst_model[0]}' ({dst_model[1]}-d): copy into a store opened with the source's model"
        )
    summary = CopySummary()
    for record in source.files():
        known = target.file(record.path)
        if known and known.file_hash == record.file_hash:
            summary.files_unchanged += 1
            continue
        ids = [
            row[0]
            for row in source.db.execute(
                "SELECT id FROM chunks WHERE path = ? ORDER BY chunk_index", (record.path,)
            )
        ]
        stored = source.get_chunks(ids)
        chunks = [stored[i][0] for i in ids]
        vectors = np.stack([stored[i][1] for i in ids]) if ids else np.zeros((0, source.dim))
        target.replace_file(record, chunks, vectors.astype(np.float32))
        summary.files_copied += 1
        summary.chunks_copied += len(chunks)
    target.flush()
    return summary
