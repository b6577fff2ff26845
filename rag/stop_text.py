"""Stop sequences over a stream of text pieces (OpenAI's `stop`).

A stop string may arrive split over several pieces ("\\n\\nQ" + "uestion:"), so the last
len(longest) - 1 characters are held back until they can no longer start a match. The text
before the first stop string is the answer; nothing after it is released.
"""

from __future__ import annotations


class StopText:
    def __init__(self, stops: list[str] | tuple[str, ...] = ()) -> None:
        self.stops = [s for s in stops if s]
        self._hold = max((len(s) for s in self.stops), default=1) - 1
        self.text = ""  # everything released so far, never past a stop string
        self._pending = ""
        self.stopped = False

    def feed(self, piece: str) -> str:
        """The part of `piece` (with held-back text) that is safe to show now."""
        if self.stopped:
            return ""
        self._pending += piece
        cut = min((i for s in self.stops if (i := self._pending.find(s)) >= 0), default=-1)
        if cut >= 0:
            self.stopped = True
            return self._release(self._pending[:cut])
        keep = min(self._hold, len(self._pending))
        ready = self._pending[: len(self._pending) - keep]
        self._pending = self._pending[len(ready) :]
        return self._release(ready, keep_pending=True)

    def flush(self) -> str:
        """Whatever was held back once the stream ended without a stop string."""
        if self.stopped:
            return ""
        return self._release(self._pending)

    def _release(self, text: str, keep_pending: bool = False) -> str:
        if not keep_pending:
            self._pending = ""
        self.text += text
        return text
