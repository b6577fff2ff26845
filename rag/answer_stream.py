"""A streamed answer: its text pieces, what the engine is doing before the first one, and the
finished Answer."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

from rag.schema import Answer

Progress = Callable[[str], None]  # told what the engine is doing before the first token


class AnswerStream:
    """Iterate for text pieces; `answer` holds the finished Answer once iteration ends.

    Set `on_progress` to be told what happens before the first token ("reading 4 passages…"):
    on a CPU the model reads the prompt for seconds before it writes anything."""

    def __init__(self, stop: threading.Event):
        self._pieces: Iterator[str] = iter(())
        self._stop = stop
        self.answer: Answer | None = None
        self.on_progress: Progress | None = None

    def progress(self, text: str) -> None:
        if self.on_progress is not None:
            self.on_progress(text)

    def __iter__(self) -> Iterator[str]:
        yield from self._pieces

    def stop(self) -> None:
        self._stop.set()

    def consume(self) -> Answer:
        for _ in self:
            pass
        assert self.answer is not None
        return self.answer
