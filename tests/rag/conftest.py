"""A real PostgreSQL with pgvector for the pgvector store tests.

RAGCHAT_TEST_POSTGRES_URL (or DATABASE_URL) names a server to use instead. Otherwise one server
is started per test session from the `pgserver` package (PostgreSQL 16 binaries with pgvector,
no system service or Docker), on a unix socket in a temp folder, and stopped at the end.
PostgreSQL refuses to run as root: pgserver then runs it as an unprivileged `pgserver` user it
creates with useradd and chowns the data folder to it, so the folder lives in /tmp (world
traversable) rather than under pytest's root-only temp folder.
"""

from __future__ import annotations

import os
import tempfile
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from rag.settings import Settings


@pytest.fixture(scope="session")
def url() -> Iterator[str]:
    url = os.environ.get("RAGCHAT_TEST_POSTGRES_URL") or os.environ.get("DATABASE_URL")
    if url:
        yield url
        return
    with warnings.catch_warnings():  # platformdirs: "XDG_RUNTIME_DIR is not set" as root
        warnings.simplefilter("ignore")
        import pgserver

    folder = Path(tempfile.mkdtemp(prefix="ragchat-pg-"))
    server = pgserver.get_server(folder / "data", cleanup_mode="delete")
    try:
        yield server.get_uri()
    finally:
        server.cleanup()
        folder.rmdir()


@pytest.fixture
def pg_settings(tmp_path: Path, url: str) -> Iterator[Settings]:
    """Settings for a fresh pgvector index (its own table prefix), dropped afterwards."""
    from rag.pgvector_store import drop_index

    prefix = f"t{uuid.uuid4().hex[:10]}_"
    settings = Settings(
        store={
            "mode": "pgvector",
            "url": url,
            "table_prefix": prefix,
            "path": tmp_path / "index",
        }
    )
    yield settings
    drop_index(url, prefix)
