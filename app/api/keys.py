"""API keys: the file holds SHA-256 hashes only; a key is shown once, when it is created.

The file is re-read when it changes, so `ragchat api-key create` takes effect on a running
server, and removing the last key turns auth off again.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from rag.collections import Scope, parse_allowed

PREFIX = "rgc-"  # makes a leaked key recognisable in logs and secret scanners


@dataclass(frozen=True)
class KeyRecord:
    name: str
    sha256: str
    created: str
    collections: list[str] | None = None  # what the key may read (rag.collections); None: all

    def scope(self) -> Scope:
        return parse_allowed(self.collections, f"API key '{self.name}'")


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class KeyStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._records: list[KeyRecord] = []

    def records(self) -> list[KeyRecord]:
        with self._lock:
            try:
                stat = self.path.stat()
            except FileNotFoundError:
                self._stamp, self._records = None, []
                return []
            stamp = (stat.st_mtime_ns, stat.st_size)
            if stamp != self._stamp:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                self._records = [KeyRecord(**r) for r in data.get("keys", [])]
                self._stamp = stamp
            return list(self._records)

    @property
    def enabled(self) -> bool:
        return bool(self.records())

    def check(self, key: str) -> str | None:
        """The name of the key, or None. Compares digests in constant time."""
        record = self.lookup(key)
        return record.name if record else None

    def lookup(self, key: str) -> KeyRecord | None:
        """The key's record (name, collections), or None; every digest is compared."""
        wanted = digest(key)
        found = None
        for record in self.records():
            if hmac.compare_digest(record.sha256, wanted):
                found = record
        return found

    def create(self, name: str, collections: list[str] | None = None) -> str:
        """A new random key stored by its hash; the caller shows it once."""
        name = name.strip()
        if not name:
            raise ValueError("NAME: give the key a name (who or what uses it)")
        if any(r.name == name for r in self.records()):
            raise ValueError(f"NAME: a key named '{name}' exists already in {self.path}")
        key = PREFIX + secrets.token_urlsafe(32)
        created = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        limit = None if collections is None else sorted(parse_allowed(list(collections), name))
        records = [*self.records(), KeyRecord(name, digest(key), created, limit)]
        self._write(records)
        return key

    def _write(self, records: list[KeyRecord]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.tmp-{os.getpid()}")
        body = json.dumps({"keys": [asdict(r) for r in records]}, indent=1)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(body)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)
