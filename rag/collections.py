"""Document collections and who may read them.

Every chunk carries the name of its collection (a column in the one index, not an index per
collection: one FAISS file, one keyword index, one manifest; a search over several collections
is one search). A file is in one collection at a time: ingesting it with another
`--collection` moves its chunks there (their vectors are reused, nothing is embedded twice).

A *scope* is the set of collections one search may read: `None` means every collection. The
faces turn what a user or an API key may read plus what the request asks for into a scope with
`resolve_scope`; the store filters by it on both the vector and the keyword side, and the
retriever drops any chunk outside it again before it becomes a hit, so a face that forgets to
pass a scope can widen nothing that a limited caller was given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

DEFAULT = "default"  # where documents go without --collection, and where old indexes' chunks are
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")

Scope = frozenset[str] | None  # the collections a search may read; None: all of them


class CollectionError(ValueError):
    """A collection name that is not allowed (empty, too long, odd characters)."""


class CollectionDenied(PermissionError):
    """A request for a collection the caller may not read; names it."""

    def __init__(self, name: str, allowed: Iterable[str]):
        self.collection = name
        self.allowed = sorted(allowed)
        shown = ", ".join(self.allowed) or "none"
        super().__init__(f"collection '{name}' is not readable here (readable: {shown})")


def check_name(name: str) -> str:
    """The name as stored; raises CollectionError for anything a path or URL would mangle."""
    name = name.strip()
    if not _NAME.match(name):
        raise CollectionError(
            f"collection {name!r}: 1-64 letters, digits or . _ - (starting with a letter or digit)"
        )
    return name


def parse_allowed(value: object, where: str) -> Scope:
    """A users or keys file's `collections` entry: absent (None) means every collection."""
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CollectionError(f"{where}: 'collections' must be a list of names")
    return frozenset(check_name(v) for v in value)


def resolve_scope(requested: str | Iterable[str] | None, allowed: Scope) -> Scope:
    """What one search reads: the requested collections (all when none are named), within
    what the caller may read. A named collection outside `allowed` is refused, never dropped
    in silence: the caller would read an answer from fewer documents than it asked for."""
    if requested is None or requested == []:
        return allowed
    names = [requested] if isinstance(requested, str) else list(requested)
    wanted = frozenset(check_name(n) for n in names)
    if allowed is not None:
        for name in sorted(wanted):
            if name not in allowed:
                raise CollectionDenied(name, allowed)
    return wanted


def permits(scope: Scope, collection: str) -> bool:
    return scope is None or collection in scope


def scope_key(scope: Scope) -> list[str] | None:
    """The scope as canonical JSON data (the answer cache keys by it)."""
    return None if scope is None else sorted(scope)
