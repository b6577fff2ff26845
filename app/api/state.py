"""The one engine of the API process, built once in a background thread.

/health answers while the model loads (seconds to minutes); routes that need the engine get
503 with the reason until it is ready, and the reason of a failed load afterwards.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from app.api.errors import ApiError
from rag.engine import ChatEngine

log = logging.getLogger(__name__)


class EngineHolder:
    def __init__(self, build: Callable[[], ChatEngine]) -> None:
        self._build = build
        self._engine: ChatEngine | None = None
        self._error: str | None = None
        self._thread: threading.Thread | None = None
        self.created = int(time.time())

    @property
    def started(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._load, name="engine-load", daemon=True)
        self._thread.start()

    def _load(self) -> None:
        started = time.perf_counter()
        try:
            self._engine = self._build()
        except Exception as err:  # any load failure is the /ready reason, never a dead process
            log.exception("the chat engine could not be loaded")
            self._error = f"{type(err).__name__}: {err}"
            return
        log.info("chat engine ready in %.1f s", time.perf_counter() - started)

    def wait(self, timeout: float | None = None) -> bool:
        if self._thread is not None:
            self._thread.join(timeout)
        return self._engine is not None

    @property
    def ready(self) -> bool:
        return self._engine is not None

    @property
    def reason(self) -> str:
        if self._engine is not None:
            return "ready"
        if self._error is not None:
            return f"the chat engine failed to load: {self._error}"
        return "loading the document index and the chat model"

    def get(self) -> ChatEngine:
        if self._engine is None:
            raise ApiError(
                503,
                f"not ready: {self.reason}",
                type="server_error",
                code="not_ready",
                headers={"Retry-After": "5"},
            )
        return self._engine
