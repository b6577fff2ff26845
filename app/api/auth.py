"""Bearer auth and the per-caller rate limit, as one dependency of every route but /health.

A wrong key is counted in the metrics and logged by its hash prefix only, never in clear.
"""

from __future__ import annotations

import logging

from fastapi import Request

from app.api.context import ApiContext
from app.api.errors import ApiError
from app.api.keys import digest

log = logging.getLogger(__name__)


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def caller(request: Request) -> str:
    """The API key's name when keys are on (401 without a valid one), else the client address;
    rate limits count per caller. The collections the key may read go to
    `request.state.collections` (None: all), for the routes to pass on (rag.collections)."""
    ctx = ApiContext.of(request)
    request.state.collections = None
    if not ctx.keys.enabled:
        who = f"address:{request.client.host if request.client else 'unknown'}"
    else:
        token = _bearer(request)
        record = ctx.keys.lookup(token) if token else None
        if record is None:
            ctx.metrics.auth_failures.inc()
            shown = f"sha256 {digest(token)[:8]}…" if token else "no key"
            log.warning("refused %s %s: %s", request.method, request.url.path, shown)
            message = (
                "invalid API key" if token else "missing API key: send Authorization: Bearer KEY"
            )
            raise ApiError(
                401,
                message,
                param="Authorization",
                code="invalid_api_key",
                headers={"WWW-Authenticate": "Bearer"},
            )
        who = f"key:{record.name}"
        request.state.collections = record.scope()
    ctx.limiter.check(who)
    return who
