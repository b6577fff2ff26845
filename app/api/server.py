"""The FastAPI app: routes, auth, error shape, metrics; the engine built once at startup."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI

from app.api import chat, collections, documents, embeddings, health
from app.api.auth import caller
from app.api.context import ApiContext
from app.api.errors import install_handlers
from app.api.metrics import MetricsMiddleware
from app.api.state import EngineHolder
from rag.engine import build_engine
from rag.settings import Settings


def engine_holder(
    settings: Settings, index: Path | None = None, adapter: Path | None = None
) -> EngineHolder:
    return EngineHolder(lambda: build_engine(settings, index=index, adapter=adapter))


def create_app(settings: Settings, holder: EngineHolder) -> FastAPI:
    """The app around `holder`; its engine loads when the app starts (not yet loaded is fine:
    /health answers at once, /ready says why it is not ready)."""
    ctx = ApiContext.build(settings, holder)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if not holder.started:
            holder.start()
        yield

    app = FastAPI(title="ragchat", version="0.1.0", lifespan=lifespan)
    app.state.ctx = ctx
    install_handlers(app)
    app.include_router(health.public)
    secured = [Depends(caller)]
    for module in (health, chat, embeddings, documents, collections):
        app.include_router(module.router, dependencies=secured)
    app.add_middleware(MetricsMiddleware, metrics=ctx.metrics)
    return app
