"""GET /health (alive, no auth), GET /ready (503 until the engine is loaded), GET /metrics."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from app.api.context import ApiContext

public = APIRouter()  # no auth: load balancers and container health checks call it
router = APIRouter()


@public.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/ready")
def ready(request: Request) -> JSONResponse:
    holder = ApiContext.of(request).holder
    body = {"status": "ready" if holder.ready else "not_ready", "reason": holder.reason}
    return JSONResponse(body, status_code=200 if holder.ready else 503)


@router.get("/metrics")
def metrics(request: Request) -> Response:
    body, content_type = ApiContext.of(request).metrics.render()
    return Response(body, media_type=content_type)
