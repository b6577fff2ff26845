"""Token-aware recursive chunking on paragraph and sentence boundaries, with overlap.

Sizes are counted in the embedding model's own word pieces, and no chunk is longer than the
model's max_seq_length: all-MiniLM-L6-v2 silently truncates at 256 pieces, so anything past
that would be invisible to search.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from langchain_core.documents import Document
from langchain_text_splitters import RecursiveCharacterTextSplitter

from rag.schema import Chunk

SEPARATORS = ["\n\n", "\n", ". ", "? ", "! ", "; ", ", ", " ", ""]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class Chunker:
    def __init__(
        self,
        count_tokens: Callable[[str], int],
        max_tokens: int,
        chunk_tokens: int,
        overlap_tokens: int,
    ):
        # [CLS] and [SEP] take two of the model's positions.
        self.size = max(8, min(chunk_tokens, max_tokens - 2))
        self.overlap = min(overlap_tokens, self.size // 2)
        self.count_tokens = count_tokens
        self.splitter = RecursiveCharacterTextSplitter(
            chunk_size=self.size,
            chunk_overlap=self.overlap,
            length_function=count_tokens,
            separators=SEPARATORS,
            keep_separator="end",
            strip_whitespace=True,
        )

    def split_text(self, text: str) -> list[str]:
        pieces = self.splitter.split_text(text)
        out: list[str] = []
        for piece in pieces:
            # The splitter may keep an unsplittable run over budget; cut it by characters.
            while self.count_tokens(piece) > self.size and len(piece) > 1:
                cut = _longest_prefix(piece, self.size, self.count_tokens)
                out.append(piece[:cut].strip())
                piece = piece[cut:].strip()
            if piece:
                out.append(piece)
        return [p for p in out if p]

    def chunk(self, docs: list[Document], source: str, path: str) -> list[Chunk]:
        """Chunks of one file's documents, exact duplicates dropped, indexed in order."""
        chunks: list[Chunk] = []
        seen: set[str] = set()
        for doc in docs:
            meta = doc.metadata
            for text in self.split_text(doc.page_content):
                digest = content_hash(text)
                if digest in seen:
                    continue
                seen.add(digest)
                chunks.append(
                    Chunk(
                        text=text,
                        source=source,
                        path=path,
                        chunk_index=len(chunks),
                        content_hash=digest,
                        page=meta.get("page"),
                        title=meta.get("title"),
                        heading=meta.get("heading"),
                    )
                )
        return chunks


def _longest_prefix(text: str, budget: int, count: Callable[[str], int]) -> int:
    """Binary search for the longest prefix within the token budget."""
    lo, hi = 1, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if count(text[:mid]) <= budget:
            lo = mid
        else:
            hi = mid - 1
    return lo
