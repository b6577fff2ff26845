"""Ingest jobs: uploads and re-indexing run one at a time on a worker thread.

A job reports its state (queued → running → done | failed), files done, chunks added and the
files skipped with their reasons. Jobs live as long as the process; the index is the record.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from app.api.errors import ApiError
from app.api.metrics import Metrics
from app.api.state import EngineHolder
from ingest.pipeline import Ingester
from rag.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class Job:
    kind: str  # "ingest" (an upload) or "reindex"
    paths: list[Path]
    created_files: set[Path] = field(default_factory=set)  # uploads this job saved
    collection: str | None = None  # an upload's collection; None: files stay where they are
    id: str = field(default_factory=lambda: f"job-{uuid.uuid4().hex[:16]}")
    state: str = "queued"
    files_done: int = 0
    chunks_added: int = 0
    chunks_removed: int = 0
    skipped: list[dict[str, str]] = field(default_factory=list)
    error: str | None = None
    created_at: float = field(default_factory=time.time)
    finished_at: float | None = None

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "object": "ingest.job",
            "kind": self.kind,
            "state": self.state,
            "files": [p.name for p in self.paths],
            "files_total": len(self.paths),
            "collection": self.collection,
            "files_done": self.files_done,
            "chunks_added": self.chunks_added,
            "chunks_removed": self.chunks_removed,
            "skipped": self.skipped,
            "error": self.error,
            "created_at": int(self.created_at),
            "finished_at": int(self.finished_at) if self.finished_at else None,
        }


class Jobs:
    def __init__(self, settings: Settings, holder: EngineHolder, metrics: Metrics) -> None:
        self.settings = settings
        self.holder = holder
        self.metrics = metrics
        self._jobs: dict[str, Job] = {}
        self._todo: queue.Queue[Job] = queue.Queue()
        self._worker: threading.Thread | None = None
        self._lock = threading.Lock()

    def submit(self, job: Job) -> Job:
        with self._lock:
            self._jobs[job.id] = job
            if self._worker is None:
                self._worker = threading.Thread(target=self._work, name="ingest", daemon=True)
                self._worker.start()
        self._todo.put(job)
        return job

    def get(self, job_id: str) -> Job:
        job = self._jobs.get(job_id)
        if job is None:
            raise ApiError(404, f"job_id: no job '{job_id}'", param="job_id", code="job_not_found")
        return job

    def _work(self) -> None:
        while True:
            job = self._todo.get()
            job.state = "running"
            try:
                self._run(job)
                job.state = "done"
            except Exception as err:  # a failed job is reported, the worker lives on
                log.exception("ingest job %s failed", job.id)
                job.state, job.error = "failed", f"{type(err).__name__}: {err}"
            job.finished_at = time.time()

    def _run(self, job: Job) -> None:
        engine = self.holder.get()
        store, embedder = engine.retriever.store, engine.retriever.embedder
        ingester = Ingester(self.settings, store, embedder)
        for path in job.paths:
            # A re-index re-reads the file and swaps its chunks in one transaction: the file
            # is never missing from the index meanwhile, and keeps its folder-relative name.
            summary = ingester.run(
                [path],
                prune=False,
                progress=False,
                force=job.kind == "reindex",
                collection=job.collection,
            )
            job.files_done += 1
            job.chunks_added += summary.chunks_added
            job.chunks_removed += summary.chunks_removed
            self.metrics.ingest_chunks.inc(summary.chunks_added)
            for skipped in summary.skipped:
                job.skipped.append({"path": Path(skipped.path).name, "reason": skipped.reason})
                if path in job.created_files:
                    path.unlink(missing_ok=True)  # keep no copy of a file the index can't use
            outcome = "skipped" if summary.skipped else "indexed"
            if not summary.skipped and not summary.files_indexed:
                outcome = "unchanged"
            self.metrics.ingest_files.labels(outcome).inc()
