"""Reading files (load, mask, chunk) ahead of the caller, in a child process or inline.

The encoder thread (ingest/encoder_thread.py) needs the GIL between torch's kernels, and
loading and chunking are Python through and through (HTML parsing, the splitter's token
counts). Measured with a 128-chunk encode in a thread: 5.6 s beside a sleeping main thread,
13.8 s beside a Python loop, at the same 3.3 s of CPU: the encoder waits for the GIL, not
for a core. In a child process the reading holds a GIL of its own. The child is spawned, not
forked: it starts with no copy of the model's threads and inherits no file descriptor, so
the ingest lock dies with the parent alone. Its start-up (~2 s of imports) is paid only when
the run has enough files to read (Ingester.process_min_files).
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ingest.chunker import Chunker
from ingest.file_worker import LOADER, FileReader
from ingest.loaders import LoadError, load_file
from ingest.privacy import mask_documents
from rag.schema import Chunk

log = logging.getLogger(__name__)


@dataclass
class ReadJob:
    path: Path
    key: str  # absolute path, the manifest key
    source: str  # the name chunks carry
    mask: bool  # ingest.mask_pii


@dataclass
class ReadResult:
    chunks: list[Chunk] = field(default_factory=list)
    masked: dict[str, int] = field(default_factory=dict)  # kind -> count
    error: str | None = None  # why the file was skipped


Load = Callable[..., list]  # load_file's signature: (path, max_bytes=...)


def read_chunks(
    job: ReadJob, chunker: Chunker, max_bytes: int, load: Load | None = None
) -> ReadResult:
    """One file's chunks. Any failure is about this file's content (a parser tripping over
    odd input), so it becomes this file's skip reason, never the run's end. load: a
    time-limited loader (ingest.file_worker.FileReader.load); None: load_file here."""
    try:
        docs = (load or load_file)(job.path, max_bytes=max_bytes)
        masked = mask_documents(docs) if job.mask else {}
        return ReadResult(chunker.chunk(docs, job.source, job.key), masked)
    except LoadError as err:
        return ReadResult(error=err.reason)
    except OSError as err:
        return ReadResult(error=f"unreadable: {err.strerror or err}")
    except Exception as err:
        log.debug("reading %s failed", job.path, exc_info=True)
        return ReadResult(error=f"could not be read: {type(err).__name__}: {err}")


class BackendCounter:
    """Word pieces of a fast tokenizer's Rust backend, counted as LocalEmbedder.count_tokens
    counts them; small to send to a child process (the model stays behind)."""

    def __init__(self, tokenizer):
        self.backend = tokenizer.backend_tokenizer

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        # sentence-transformers leaves truncation at max_seq_length on the backend; a count
        # must see the whole text, as transformers' own call without truncation does.
        self.backend.no_truncation()
        self.backend.no_padding()

    def __call__(self, text: str) -> int:
        return len(self.backend.encode(text, add_special_tokens=False).ids)


_chunker: Chunker | None = None
_max_bytes = 0
_load: Load | None = None


def _start(
    counter: BackendCounter,
    sizes: tuple[int, int, int],
    max_bytes: int,
    timeout_s: float,
    loader: str = LOADER,
) -> None:
    global _chunker, _max_bytes, _load
    _chunker, _max_bytes = Chunker(counter, *sizes), max_bytes
    # ingest.file_timeout_s holds here too: this child loads through a worker of its own,
    # which it kills at the limit (the pool cannot stop a job it has started).
    _load = FileReader(timeout_s, loader).load if timeout_s else None


def _read(job: ReadJob) -> ReadResult:
    assert _chunker is not None
    return read_chunks(job, _chunker, _max_bytes, _load)


class Reader:
    """submit() files in order; each future's result() is that file's ReadResult."""

    def __init__(
        self,
        chunker: Chunker,
        max_bytes: int,
        tokenizer=None,
        max_tokens: int = 0,
        *,
        load: Load | None = None,
        timeout_s: float = 0.0,
        loader: str = LOADER,
    ):
        """tokenizer (a fast HF tokenizer) given: read in one spawned child process.
        load: the time-limited loader for reading here; timeout_s and loader (module:function
        its worker calls, ingest.file_worker.FileReader): the child's."""
        self.chunker, self.max_bytes, self.load = chunker, max_bytes, load
        self.pool: ProcessPoolExecutor | None = None
        if tokenizer is not None:
            sizes = (max_tokens, chunker.size, chunker.overlap)
            self.pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start,
                initargs=(BackendCounter(tokenizer), sizes, max_bytes, timeout_s, loader),
            )

    def submit(self, job: ReadJob) -> Future[ReadResult]:
        if self.pool is not None:
            return self.pool.submit(_read, job)
        future: Future[ReadResult] = Future()
        future.set_result(read_chunks(job, self.chunker, self.max_bytes, self.load))
        return future

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
