"""What every route shares in one API process: settings, the engine, limits, keys, metrics."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from fastapi import Request

from app.api.jobs import Jobs
from app.api.keys import KeyStore
from app.api.limits import AnswerQueue, RateLimiter
from app.api.metrics import Metrics
from app.api.state import EngineHolder
from rag.answer_cache import AnswerCache
from rag.settings import Settings


@dataclass
class ApiContext:
    settings: Settings
    holder: EngineHolder
    queue: AnswerQueue
    limiter: RateLimiter
    keys: KeyStore
    metrics: Metrics
    jobs: Jobs
    _cache: AnswerCache | None = None
    _cache_lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def build(cls, settings: Settings, holder: EngineHolder) -> ApiContext:
        metrics = Metrics()
        queue = AnswerQueue(settings.api.max_queue)
        metrics.queue_depth.set_function(lambda: queue.depth)
        return cls(
            settings=settings,
            holder=holder,
            queue=queue,
            limiter=RateLimiter(settings.api.rate_per_minute),
            keys=KeyStore(settings.resolve(settings.api.keys_file)),
            metrics=metrics,
            jobs=Jobs(settings, holder, metrics),
        )

    def answer_cache(self) -> AnswerCache:
        """The cache beside the engine's index, opened on first use (the engine loads late)."""
        with self._cache_lock:
            if self._cache is None:
                self._cache = AnswerCache(self.holder.get(), self.settings.cache)
            return self._cache

    @classmethod
    def of(cls, request: Request) -> ApiContext:
        return request.app.state.ctx
