"""The collections a request reads: the `collection` field within what its API key may read.

A key made with `ragchat api-key create NAME --collection a` reads only `a`: a request naming
another collection gets a 403 that names it (never an answer from fewer documents than asked
for), and one naming none reads every collection the key may. GET /v1/collections lists them.
"""

from __future__ import annotations

from fastapi import APIRouter, Request

from app.api.context import ApiContext
from app.api.errors import ApiError
from rag.collections import (
    DEFAULT,
    CollectionDenied,
    CollectionError,
    Scope,
    permits,
    resolve_scope,
)

router = APIRouter()


def allowed(request: Request) -> Scope:
    """What the caller's key may read (None: every collection), set by app.api.auth."""
    return getattr(request.state, "collections", None)


def request_scope(request: Request, requested: str | list[str] | None) -> Scope:
    """The scope one search of this request runs over; 403 / 400 for a bad `collection`."""
    try:
        return resolve_scope(requested, allowed(request))
    except CollectionDenied as err:
        raise ApiError(
            403, f"collection: {err}", param="collection", code="collection_forbidden"
        ) from None
    except CollectionError as err:
        raise ApiError(400, f"collection: {err}", param="collection") from None


def upload_collection(request: Request, requested: str | None) -> str:
    """Where an upload goes: the named collection, else the key's only one, else `default`."""
    limit = allowed(request)
    if requested is None and limit is not None and len(limit) == 1:
        return next(iter(limit))
    scope = request_scope(request, requested or DEFAULT)
    assert scope is not None and len(scope) == 1
    return next(iter(scope))


def readable(request: Request, collection: str) -> bool:
    return permits(allowed(request), collection)


@router.get("/v1/collections")
def list_collections(request: Request) -> dict:
    """The collections this key may read, with their chunk counts."""
    found = ApiContext.of(request).holder.get().retriever.store.collections()
    data = [
        {"object": "collection", "name": name, "chunks": chunks}
        for name, chunks in found.items()
        if readable(request, name)
    ]
    return {"object": "list", "data": data}
