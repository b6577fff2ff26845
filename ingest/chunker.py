"""Token-aware recursive chunking on paragraph and sentence boundaries, with overlap.

Sizes are counted in the embedding model's own word pieces, and no chunk is longer than the
model's max_seq_length: all-MiniLM-L6-v2 silently truncates at 256 pieces, so anything past
that would be invisible to search.

The cost stays proportional to the text: each piece's tokens are counted once per split_text
(the splitter asks for the same piece's length up to three times), and a run with no space or
line break in it (base64, a minified line) is cut into blocks of characters instead of
LangChain's last resort of one piece per character, which counted every character on its own
(~25 µs a character: an 8 MB base64 line took 350 s where 8 MB of prose takes 25 s).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

from langchain_core.documents import Document
from langchain_text_splitters import RecursiveCharacterTextSplitter

from rag.schema import Chunk

SEPARATORS = ["\n\n", "\n", ". ", "? ", "! ", "; ", ", ", " "]
_SEPARABLE = re.compile(r"[ \n]")  # what every separator above has in it
# No chunk is longer than 8 characters a token. Real text stays well under it (data/docs'
# chunks at 160 tokens: at most 771 characters, and 5.4 a token); what goes over is mostly
# [UNK] (MiniLM reads a word of over 100 characters, or one with a character it lacks, as a
# single token), and its chunks would otherwise grow without limit: 8 MB of one letter is one.
MAX_CHARS_PER_TOKEN = 8
# Such text, and a run without separators (base64, a minified line), is cut into blocks of 64
# characters merged up to the budget: a tokenizer call costs ~5 µs plus ~0.5 µs a character,
# so blocks of 64 keep the calls' overhead small.
RUN_BLOCK_CHARS = 64


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
        self.max_chars = self.size * MAX_CHARS_PER_TOKEN
        self._counts: dict[str, int] = {}  # within one split_text call
        self.splitter = RecursiveCharacterTextSplitter(
            chunk_size=self.size,
            chunk_overlap=self.overlap,
            length_function=self._count,
            separators=SEPARATORS,
            keep_separator="end",
            strip_whitespace=True,
        )

    def _count(self, text: str) -> int:
        if len(text) > self.max_chars:
            # Over the budget whatever it counts (real text has fewer than 8 characters a
            # token), and cut further anyway: the splitter need not tokenize a run of 8 MB.
            return self.size + 1
        count = self._counts.get(text)
        if count is None:
            count = self._counts[text] = self.count_tokens(text)
        return count

    def split_text(self, text: str) -> list[str]:
        try:
            return self._split(text)
        finally:
            self._counts.clear()

    def _split(self, text: str) -> list[str]:
        out: list[str] = []
        for raw in self.splitter.split_text(text):
            piece, tokens = raw.strip(), self._count(raw)  # spaces at the ends are no token
            if len(piece) > self.max_chars or (tokens > self.size and not _SEPARABLE.search(piece)):
                out.extend(self._cut_run(piece))  # no separator the splitter could use
            elif tokens <= self.size:
                out.append(piece)
            else:
                # The splitter's merge adds up pieces' counts, and a joined text can count a
                # token more than its parts: cut what is over by characters.
                out.extend(self._cut_by_characters(piece))
        return [p for p in out if p]

    def _cut_by_characters(self, piece: str) -> list[str]:
        out = []
        while self.count_tokens(piece) > self.size and len(piece) > 1:
            cut = _longest_prefix(piece, self.size, self.count_tokens)
            out.append(piece[:cut].strip())
            piece = piece[cut:].strip()
        return [*out, piece]

    def _cut_run(self, run: str) -> list[str]:
        """Consecutive blocks of `run` merged up to the token budget and max_chars."""
        # Blocks no wider than the budget fit in it where a word piece is a character or more
        # (MiniLM's are); a block that does not, with a byte-level tokenizer, is cut below.
        width = min(RUN_BLOCK_CHARS, self.size)
        blocks = [run[i : i + width] for i in range(0, len(run), width)]
        counts = [self.count_tokens(block) for block in blocks]
        most = max(1, self.max_chars // width)
        out: list[str] = []
        start = 0
        while start < len(blocks):
            end, tokens = start + 1, counts[start]
            while end < len(blocks) and end - start < most and tokens + counts[end] <= self.size:
                tokens += counts[end]
                end += 1
            piece = "".join(blocks[start:end]).strip()
            # A word cut at a block's edge can read as more tokens once joined: a block fewer
            # (one count, where a search for the longest prefix took nine).
            while end - start > 1 and self.count_tokens(piece) > self.size:
                end -= 1
                piece = "".join(blocks[start:end]).strip()
            # A single block: over the budget only with pieces smaller than a character.
            out.extend(self._cut_by_characters(piece) if end == start + 1 else [piece])
            start = end
        return out

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
