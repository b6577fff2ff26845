"""Load limits: one answer generates at a time, a bounded queue waits, per-key rates.

The queue is FIFO (a plain lock lets any waiter in next): the request that waited longest
answers next, so Retry-After estimates stay honest.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager

from app.api.errors import ApiError


class AnswerQueue:
    """At most 1 + max_queue chat requests admitted; the rest get 429 with Retry-After."""

    def __init__(self, max_queue: int) -> None:
        self.max_queue = max_queue
        self._cond = threading.Condition()
        self._line: deque[object] = deque()  # admitted tickets, the first one answering
        self._seconds = 2.0  # moving average of one answer's duration, for Retry-After

    @property
    def depth(self) -> int:
        """Requests admitted: the one answering and those waiting behind it."""
        return len(self._line)

    def admit(self) -> object:
        with self._cond:
            if len(self._line) > self.max_queue:
                wait = max(1, math.ceil(self._seconds * len(self._line)))
                raise too_many(
                    f"the answer queue is full ({self.max_queue} waiting, api.max_queue)",
                    "queue_full",
                    wait,
                )
            ticket = object()
            self._line.append(ticket)
            return ticket

    @contextmanager
    def turn(self, ticket: object, cancelled: threading.Event) -> Iterator[None]:
        """Wait until `ticket` is first in line (or `cancelled` is set: the client left), then
        hold the model until the block ends."""
        with self._cond:
            while not self._cond.wait_for(lambda: self._line[0] is ticket, timeout=0.2):
                if cancelled.is_set():
                    break
        started = time.perf_counter()
        try:
            yield
        finally:
            self.leave(ticket, time.perf_counter() - started)

    def leave(self, ticket: object, seconds: float | None = None) -> None:
        with self._cond:
            if ticket in self._line:
                self._line.remove(ticket)
            if seconds is not None:
                self._seconds = 0.8 * self._seconds + 0.2 * seconds
            self._cond.notify_all()


class RateLimiter:
    """A sliding one-minute window per caller (API key name, or client address)."""

    def __init__(self, per_minute: int, clock=time.monotonic) -> None:
        self.per_minute = per_minute
        self._clock = clock
        self._calls: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, caller: str) -> None:
        if self.per_minute <= 0:
            return
        now = self._clock()
        with self._lock:
            calls = self._calls.setdefault(caller, deque())
            while calls and calls[0] <= now - 60.0:
                calls.popleft()
            if len(calls) >= self.per_minute:
                wait = max(1, math.ceil(calls[0] + 60.0 - now))
                raise too_many(
                    f"rate limit: {self.per_minute} requests per minute (api.rate_per_minute)",
                    "rate_limited",
                    wait,
                )
            calls.append(now)


def too_many(reason: str, code: str, wait: int) -> ApiError:
    """429 with Retry-After: the one shape of every "come back later" answer."""
    return ApiError(
        429,
        f"{reason}; retry in {wait} s",
        type="rate_limit_error",
        code=code,
        headers={"Retry-After": str(wait)},
    )
