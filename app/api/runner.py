"""One answer generated in its own thread, its text pieces handed to the event loop.

The engine's stream is blocking (the model decodes on this thread's CPU); the event loop keeps
serving /health, /metrics and other clients meanwhile. `stop()` sets the stream's stop event:
generation ends after the current token, also for an answer still waiting in the queue.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

from app.api.limits import AnswerQueue
from rag.engine import AnswerStream
from rag.schema import Answer
from rag.stop_text import StopText

_END = object()


@dataclass
class Reply:
    """The finished answer with the text the client gets (cut at a stop sequence)."""

    answer: Answer
    text: str
    finish_reason: str  # "stop" or "length"
    stopped: bool = False  # the client went away and generation was stopped


class CachedRun:
    """A cached answer with the interface of a run: nothing generates, nothing waits."""

    def __init__(self, answer: Answer, max_tokens: int) -> None:
        at_limit = answer.timings.tokens >= max_tokens
        self.reply = Reply(answer, answer.text, "length" if at_limit else "stop")

    def stop(self) -> None:
        pass

    async def pieces(self) -> AsyncIterator[str]:
        yield self.reply.text


class AnswerRun:
    def __init__(
        self,
        stream: AnswerStream,
        stops: tuple[str, ...],
        max_tokens: int,
        queue: AnswerQueue,
        ticket: object,
        on_done: Callable[[Reply], None],
        streaming: bool = True,
    ) -> None:
        self._stream = stream
        # Without a stream to feed, the pieces stay on the answer's thread: no event-loop
        # wake-up per token (measurable on a loaded CPU).
        self._streaming = streaming
        self._stopper = StopText(stops)
        self._max_tokens = max_tokens
        self._queue = queue
        self._ticket = ticket
        self._on_done = on_done
        self._cancelled = threading.Event()
        self._pieces: asyncio.Queue[object] = asyncio.Queue()
        self._done = asyncio.Event()
        self._loop = asyncio.get_running_loop()
        self.reply: Reply | None = None

    def start(self) -> None:
        threading.Thread(target=self._run, name="answer", daemon=True).start()

    def stop(self) -> None:
        """The client is gone: stop decoding (or leave the queue) and discard the answer."""
        self._cancelled.set()
        self._stream.stop()

    def _push(self, item: object) -> None:
        self._loop.call_soon_threadsafe(self._pieces.put_nowait, item)

    def _run(self) -> None:
        try:
            with self._queue.turn(self._ticket, self._cancelled):
                if not self._cancelled.is_set():
                    self._generate()
        finally:
            self._push(_END)
            self._loop.call_soon_threadsafe(self._done.set)

    def _generate(self) -> None:
        for piece in self._stream:
            shown = self._stopper.feed(piece)
            if self._stopper.stopped:
                self._stream.stop()  # the engine ends after this token; its pieces are dropped
            if shown and self._streaming:
                self._push(shown)
        if (tail := self._stopper.flush()) and self._streaming:
            self._push(tail)
        answer = self._stream.answer
        assert answer is not None
        hit_stop = self._stopper.stopped
        text = self._stopper.text.strip() if hit_stop else answer.text
        at_limit = not hit_stop and answer.timings.tokens >= self._max_tokens
        self.reply = Reply(answer, text, "length" if at_limit else "stop", self._cancelled.is_set())
        self._on_done(self.reply)

    async def pieces(self) -> AsyncIterator[str]:
        while (item := await self._pieces.get()) is not _END:
            assert isinstance(item, str)
            yield item

    async def finished(self, disconnected: Callable[[], object]) -> Reply | None:
        """Wait for the whole answer, stopping it if the client leaves first."""
        while not self._done.is_set():
            try:
                await asyncio.wait_for(self._done.wait(), timeout=0.25)
            except TimeoutError:
                if await disconnected():  # type: ignore[misc]
                    self.stop()
        return self.reply
