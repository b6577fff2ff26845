"""Who may use the page: user names with scrypt password hashes, in a JSON file.

`ragchat user add NAME` stores a hash, never the password. Verification is constant-time. A
name that fails `MAX_FAILURES` times in a row is locked for a time that doubles with every
further failure (capped at an hour), so guessing a password over the page costs hours, while a
user who mistypes twice waits nothing.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import os
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from rag.collections import CollectionError, Scope, parse_allowed

log = logging.getLogger(__name__)

# scrypt n=2**14, r=8, p=1: ~50 ms and 16 MiB per check here, OWASP's minimum for scrypt.
SCRYPT = {"n": 2**14, "r": 8, "p": 1}
NAME = re.compile(r"^[A-Za-z0-9._@-]{1,64}$")
MAX_FAILURES = 5
LOCK_SECONDS = 30.0
MAX_LOCK_SECONDS = 3600.0


class UserError(ValueError):
    """A bad name, a short password, an unknown user or a damaged users file."""


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **SCRYPT)
    encode = base64.b64encode
    return f"scrypt${SCRYPT['n']}${encode(salt).decode()}${encode(digest).decode()}"


def check_password(password: str, stored: str) -> bool:
    try:
        kind, n, salt, digest = stored.split("$")
        expected = base64.b64decode(digest)
        params = {**SCRYPT, "n": int(n)}
        got = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt), dklen=32, **params)
    except (ValueError, TypeError):
        return False
    return kind == "scrypt" and hmac.compare_digest(got, expected)


class UserStore:
    """The users file: {"users": {name: {"hash": …, "created": …, "collections": […]}}},
    written atomically. `collections` is optional: without it a user reads every collection."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def _load(self) -> dict[str, dict]:
        if not self.path.exists():
            return {}
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))["users"]
        except (ValueError, KeyError, TypeError) as exc:
            raise UserError(f"{self.path}: not a users file ({exc}); ui.users_file") from exc

    def _save(self, users: dict[str, dict]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".partial")
        partial.write_text(json.dumps({"users": users}, indent=1, sort_keys=True))
        os.chmod(partial, 0o600)  # hashes only, but nobody else needs to read them
        os.replace(partial, self.path)

    def names(self) -> list[str]:
        return sorted(self._load())

    def add(self, name: str, password: str, collections: list[str] | None = None) -> None:
        """Add a user or set a new password; `collections` limits what they may read (None:
        every collection; a new password keeps an existing limit)."""
        if not NAME.match(name):
            raise UserError(f"user name {name!r}: 1-64 letters, digits or . _ @ -")
        if len(password) < 8:
            raise UserError("the password needs at least 8 characters")
        users = self._load()
        entry = {"hash": hash_password(password), "created": int(time.time())}
        if collections is not None:
            entry["collections"] = sorted(self._checked(collections, name))
        elif "collections" in users.get(name, {}):
            entry["collections"] = users[name]["collections"]
        users[name] = entry
        self._save(users)

    def set_collections(self, name: str, collections: list[str] | None) -> None:
        """Limit a user to these collections; None lifts the limit."""
        users = self._load()
        if name not in users:
            raise UserError(f"no user {name!r} in {self.path}")
        users[name].pop("collections", None)
        if collections is not None:
            users[name]["collections"] = sorted(self._checked(collections, name))
        self._save(users)

    def collections(self, name: str) -> Scope:
        """The collections `name` may read; None: all. An unknown user reads nothing."""
        entry = self._load().get(name)
        if entry is None:
            return frozenset()
        try:
            return parse_allowed(entry.get("collections"), f"{self.path}: user {name!r}")
        except CollectionError as exc:
            raise UserError(str(exc)) from exc

    def _checked(self, collections: list[str], name: str) -> frozenset[str]:
        try:
            return parse_allowed(list(collections), f"user {name!r}") or frozenset()
        except CollectionError as exc:
            raise UserError(str(exc)) from exc

    def remove(self, name: str) -> None:
        users = self._load()
        if name not in users:
            raise UserError(f"no user {name!r} in {self.path}")
        del users[name]
        self._save(users)

    def verify(self, name: str, password: str) -> bool:
        entry = self._load().get(name)
        # An unknown name costs the same scrypt as a known one: timing tells nothing.
        stored = entry["hash"] if entry else hash_password("", b"0" * 16)
        return check_password(password, stored) and entry is not None


@dataclass
class _Failures:
    count: int = 0
    locked_until: float = 0.0


@dataclass
class SignInGuard:
    """Failed sign-ins per user name, shared by every session of the process."""

    clock: object = time.monotonic
    _failures: dict[str, _Failures] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def wait_seconds(self, name: str) -> float:
        with self._lock:
            entry = self._failures.get(name)
            return max(0.0, entry.locked_until - self.clock()) if entry else 0.0

    def attempt(self, users: UserStore, name: str, password: str) -> bool:
        """True when signed in. A locked name is refused without checking the password."""
        if self.wait_seconds(name) > 0:
            log.warning("sign-in refused for %r: locked after repeated failures", name)
            return False
        if users.verify(name, password):
            with self._lock:
                self._failures.pop(name, None)
            log.info("signed in: %r", name)
            return True
        with self._lock:
            entry = self._failures.setdefault(name, _Failures())
            entry.count += 1
            if entry.count >= MAX_FAILURES:
                extra = entry.count - MAX_FAILURES
                entry.locked_until = self.clock() + min(LOCK_SECONDS * 2**extra, MAX_LOCK_SECONDS)
        log.warning("failed sign-in for %r (%d in a row)", name, entry.count)  # never the password
        return False
