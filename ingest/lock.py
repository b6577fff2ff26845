"""One ingest at a time per index: a lock file beside the docstore.

Two ingests of the same folder at once would each read the manifest, find the same files new
and race to write them. The second waits instead (and says so), then finds them unchanged. The
lock is flock()ed, so the kernel drops it when its process dies, even by SIGKILL: a crashed
ingest never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)
LOCK_NAME = "ingest.lock"
# Folders this process holds the lock of: flock() is per open file, so taking it again through
# a second descriptor would wait for ourselves. The CLI holds it from opening the store (two
# processes creating one new index at once would race on its tables) through the ingest.
_held: set[Path] = set()


@contextmanager
def ingest_lock(folder: Path | None) -> Iterator[None]:
    """Hold the index's ingest lock (waiting for another ingest); no-op without a folder, and
    when this process holds it already."""
    if folder is None or Path(folder).resolve() in _held:
        yield
        return
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
            log.warning(
                "another ingest is running on %s (pid %s); waiting for it to finish", folder, holder
            )
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        _held.add(folder.resolve())
        try:
            yield
        finally:
            _held.discard(folder.resolve())
    finally:
        os.close(fd)  # closing releases the lock
