"""Incremental, crash-safe ingest: discover → load → chunk → embed → store.

Each file's chunks are committed in one store transaction (SQLite or PostgreSQL), so a crash
loses at most the files whose embeddings were in flight; the next run redoes exactly those.
Chunks of several files are embedded together in full batches (small files would otherwise waste
the model on tiny batches), in a worker thread while the next files load (ingest/embed_flow.py).
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
import weakref
from collections import deque
from collections.abc import Iterable
from concurrent.futures import Future
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
from tqdm import tqdm

from ingest.chunker import Chunker
from ingest.discover import Skipped, discover
from ingest.embed_flow import EmbedFlow, FlowStats
from ingest.file_worker import FileReader
from ingest.lock import ingest_lock
from ingest.privacy import MASKED
from ingest.reader_process import Reader, ReadJob, ReadResult
from rag.collections import DEFAULT, check_name
from rag.embeddings import Embedder
from rag.schema import Chunk
from rag.settings import Settings
from rag.store_protocol import FileRecord, VectorStore

log = logging.getLogger(__name__)

# Chunks embedded as one window: 16 batches of 32 to sort by length (bench/ingest.py measured
# the padding each window size saves); a crash loses at most the windows in flight.
WINDOW_CHUNKS = 512
# Files read ahead of the embedding flow: enough to cover a slow file without holding many.
READ_AHEAD = 16
# Fewer files to look at are read in this process: a child's start-up (~2 s) would cost more
# than it saves (a single upload, a small folder).
PROCESS_MIN_FILES = 32


@dataclass
class IngestSummary:
    files_seen: int = 0
    files_indexed: int = 0
    files_unchanged: int = 0
    files_removed: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    masked: dict[str, dict[str, int]] = field(default_factory=dict)  # path -> {kind: count}
    chunks_added: int = 0
    chunks_removed: int = 0
    chunks_total: int = 0
    seconds: float = 0.0

    @property
    def readable(self) -> int:
        return self.files_indexed + self.files_unchanged

    def to_dict(self) -> dict:
        data = asdict(self)
        data["skipped"] = [{"path": s.path, "reason": s.reason} for s in self.skipped]
        data["seconds"] = round(self.seconds, 3)
        return data


@dataclass
class _Pending:
    record: FileRecord
    chunks: list[Chunk]


@dataclass
class _ToRead:
    job: ReadJob
    digest: str
    size: int
    mtime: float
    collection: str


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def source_name(path: Path, roots: list[Path]) -> str:
    """The path users and eval sets see: relative to the folder that was ingested."""
    for root in roots:
        if root.is_dir() and path.is_relative_to(root):
            return path.relative_to(root).as_posix()
    return path.name


class Ingester:
    def __init__(self, settings: Settings, store: VectorStore, embedder: Embedder):
        self.settings = settings
        self.store = store
        self.embedder = embedder
        self.chunker = Chunker(
            embedder.count_tokens,
            embedder.max_tokens,
            settings.chunking.chunk_tokens,
            settings.chunking.overlap_tokens,
        )
        self.max_bytes = int(settings.ingest.max_file_mb * 1024 * 1024)
        self.collection: str | None = None  # set per run()
        # Loads each file in a worker process killed past ingest.file_timeout_s; the worker
        # lives as long as this Ingester (the page and the API run it once per upload).
        self.reader = FileReader(settings.ingest.file_timeout_s)
        weakref.finalize(self, self.reader.close)
        # How files are embedded (ingest/embed_flow.py); bench/ingest.py compares the choices.
        self.window_chunks = WINDOW_CHUNKS
        self.threaded = True  # encode in a worker thread while the next files load
        self.sort_batches = True  # batches of similar token length within a window
        self.process_min_files = PROCESS_MIN_FILES  # read files in a child process from here
        self.flow_stats = FlowStats()  # of the last run

    def run(
        self,
        paths: Iterable[Path],
        prune: bool | None = None,
        progress: bool = True,
        force: bool = False,
        follow_links: bool | None = None,
        collection: str | None = None,
    ) -> IngestSummary:
        """Index `paths` (files or folders). force: re-read files even when unchanged (a
        re-index keeps each file's name and swaps its chunks in one transaction).
        follow_links: index link targets outside `paths` (default ingest.follow_external_links).
        collection: put the files in this collection, moving any that are in another; None:
        each known file stays where it is and new files go to `default` (rag.collections)."""
        self.collection = None if collection is None else check_name(collection)
        with ingest_lock(getattr(self.store, "path", None)):  # FAISS mode: beside the index
            return self._run(list(paths), prune, progress, force, follow_links)

    def _run(
        self,
        paths: list[Path],
        prune: bool | None,
        progress: bool,
        force: bool,
        follow_links: bool | None,
    ) -> IngestSummary:
        started = time.perf_counter()
        roots = [Path(p).resolve() for p in paths]
        summary = IngestSummary()
        follow = follow_links
        if follow is None:
            follow = self.settings.ingest.follow_external_links
        files, skipped = discover([Path(p) for p in paths], follow_external_links=follow)
        summary.skipped.extend(skipped)
        summary.files_seen = len(files) + len(skipped)
        flow = EmbedFlow(
            self.store,
            self.embedder,
            lambda item, vectors: self._commit(item, vectors, summary),
            window_chunks=self.window_chunks,
            batch_size=getattr(self.embedder, "batch_size", 32),
            threaded=self.threaded,
            sort=self.sort_batches,
            progress=progress,
        )
        limit = self.reader.timeout_s  # ingest.file_timeout_s, in this process or the child
        reader = Reader(
            self.chunker,
            self.max_bytes,
            *self._child_reader(len(files)),
            load=self.reader.load if limit else None,
            timeout_s=limit,
            loader=self.reader.loader,
        )
        ahead: deque[tuple[_ToRead, Future[ReadResult]]] = deque()
        with flow, reader:
            bar = tqdm(files, desc="files", unit="file", disable=not progress)
            for path in bar:
                bar.set_postfix_str(path.name)  # being read (queued, when a child process reads)
                todo = self._prepare(path, roots, summary, force)
                if todo is not None:
                    ahead.append((todo, reader.submit(todo.job)))
                while ahead and (len(ahead) > READ_AHEAD or ahead[0][1].done()):
                    self._add(*ahead.popleft(), summary, flow)
            while ahead:
                self._add(*ahead.popleft(), summary, flow)
            flow.finish()
        self.flow_stats = flow.stats
        if self.settings.ingest.prune if prune is None else prune:
            self._prune(roots, set(map(str, files)), skipped, summary)
        self.store.flush()
        summary.chunks_total = self.store.count()
        summary.seconds = time.perf_counter() - started
        return summary

    def _prepare(
        self, path: Path, roots: list[Path], summary: IngestSummary, force: bool = False
    ) -> _ToRead | None:
        """What the store decides (unchanged, moved, too large): a file to read, or None."""
        key, source = str(path), source_name(path, roots)
        try:
            stat = path.stat()
            known = self.store.file(key)
            if known and not any(r.is_dir() and path.is_relative_to(r) for r in roots):
                source = known.source  # re-indexing one file keeps its folder-relative name
            mask = self.settings.ingest.mask_pii
            collection = self.collection or (known.collection if known else DEFAULT)
            # A file in another collection is moved: read again and swapped in one transaction
            # (its vectors are found by content hash, so nothing is embedded again).
            moving = known is not None and known.collection != collection
            if force or moving or (known and known.file_hash.endswith(MASKED) != mask):
                known = None  # past this point `known` only decides what may be skipped
            if known and known.size == stat.st_size and known.mtime == stat.st_mtime:
                summary.files_unchanged += 1
                return None
            if stat.st_size > self.max_bytes:
                return self._skip(summary, path, _too_large(stat.st_size, self.max_bytes))
            digest = file_hash(path) + (MASKED if mask else "")  # toggling re-reads the file
            if known and known.file_hash == digest:
                self.store.touch_file(key, source, stat.st_mtime)
                summary.files_unchanged += 1
                return None
        except OSError as err:
            return self._skip(summary, path, f"unreadable: {err.strerror or err}")
        job = ReadJob(path, key, source, mask)
        return _ToRead(job, digest, stat.st_size, stat.st_mtime, collection)

    def _add(
        self, todo: _ToRead, read: Future[ReadResult], summary: IngestSummary, flow: EmbedFlow
    ) -> None:
        """A file read: skipped with its reason, or handed to the embedding flow."""
        result, path = read.result(), todo.job.path
        if result.error is not None:
            return self._skip(summary, path, result.error)
        if result.masked:
            summary.masked[todo.job.key] = result.masked
        if not result.chunks:
            return self._skip(summary, path, "no text after chunking")
        job, n = todo.job, len(result.chunks)
        record = FileRecord(
            job.key, job.source, todo.digest, todo.size, todo.mtime, n, "", todo.collection
        )
        flow.add(_Pending(record, result.chunks))  # embedded in the background

    def _child_reader(self, files: int) -> tuple[object, int]:
        """(tokenizer, max_tokens) when files are read in a child process, else (None, 0)."""
        tokenizer = getattr(self.embedder, "tokenizer", None)
        if files < self.process_min_files or not hasattr(tokenizer, "backend_tokenizer"):
            return None, 0
        return tokenizer, self.embedder.max_tokens

    def _skip(self, summary: IngestSummary, path: Path, reason: str) -> None:
        log.warning("skipped %s: %s", path, reason)
        summary.skipped.append(Skipped(str(path), reason))
        return None

    def _commit(self, item: _Pending, vectors: np.ndarray, summary: IngestSummary) -> None:
        """One file's chunks in one transaction, with their vectors (rows in chunk order)."""
        summary.chunks_removed += self.store.replace_file(item.record, item.chunks, vectors)
        summary.chunks_added += len(item.chunks)
        summary.files_indexed += 1

    def _prune(
        self, roots: list[Path], present: set[str], skipped: list[Skipped], summary: IngestSummary
    ) -> None:
        """Drop files that vanished from an ingested folder (not ones merely unreadable now)."""
        kept = present | {s.path for s in skipped}
        dirs = [r for r in roots if r.is_dir()]
        for record in self.store.files():
            path = Path(record.path)
            inside = any(path.is_relative_to(root) for root in dirs)
            if inside and record.path not in kept and not os.path.exists(record.path):
                summary.chunks_removed += self.store.remove_file(record.path)
                summary.files_removed += 1


def _too_large(size: int, limit: int) -> str:
    mb = 1024 * 1024
    return f"file too large: {size / mb:.1f} MB > {limit / mb:.1f} MB limit (ingest.max_file_mb)"
