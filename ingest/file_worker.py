"""Loading a file under a time limit (ingest.file_timeout_s): in a worker process that is
killed when the limit passes.

A parser stuck in C code (lxml, a PDF decoder) or in a pure-Python loop never checks a flag,
and a thread cannot be stopped from outside, so a cooperative check would not stop the files
that need stopping. The worker is a plain `python -m ingest.file_worker` child, kept for the
whole run (its imports cost once, not per file); requests and documents go over its
stdin/stdout as JSON lines, so nothing is unpickled and the child needs nothing of the
parent's state. When a file overruns, the child is killed and the next file starts a new one.
A child that dies by itself (out of memory, a crashing C extension) only skips that file.
"""

from __future__ import annotations

import importlib
import json
import os
import select
import subprocess
import sys
from pathlib import Path

from langchain_core.documents import Document

from ingest.loaders import LoadError, load_file

LOADER = "ingest.loaders:load_file"  # module:function the worker calls for each file
# A worker's start (Python and the loaders' imports: ~1.2 s here, several under load) is not
# part of any file's limit: it says it is ready first, and gets this long to do so.
START_TIMEOUT_S = 120.0


def _script_folder() -> str | None:
    """The folder of the file run as `python FILE` (None when run with -m or embedded)."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if path is None or getattr(main, "__spec__", None) is not None:
        return None
    return str(Path(path).resolve().parent)


class FileReader:
    """`load(path, max_bytes)` = load_file in a worker, stopped after `timeout_s` (0: no
    limit, and then in this process as before, with no worker at all)."""

    def __init__(self, timeout_s: float, loader: str = LOADER) -> None:
        self.timeout_s = timeout_s
        self.loader = loader
        self._proc: subprocess.Popen | None = None

    def load(self, path: Path, max_bytes: int) -> list[Document]:
        if not self.timeout_s:
            return _function(self.loader)(path, max_bytes=max_bytes)
        proc = self._worker()
        request = {"load": self.loader, "path": str(path), "max_bytes": max_bytes}
        proc.stdin.write(json.dumps(request) + "\n")
        proc.stdin.flush()
        ready, _, _ = select.select([proc.stdout], [], [], self.timeout_s)
        if not ready:
            self.close()
            raise LoadError(
                f"loading took longer than {self.timeout_s:g} s (ingest.file_timeout_s): "
                "stopped; the rest of the ingest goes on"
            )
        line = proc.stdout.readline()
        if not line:  # the worker died while loading this file
            code = proc.wait()
            self._proc = None
            raise LoadError(f"unreadable: the loader process died (exit code {code})")
        reply = json.loads(line)
        if "error" in reply:
            raise LoadError(reply["error"])
        return [Document(page_content=d["text"], metadata=d["metadata"]) for d in reply["docs"]]

    def _worker(self) -> subprocess.Popen:
        if self._proc is None or self._proc.poll() is not None:
            # The parent's sys.path (a loader may live in any module it can import) without
            # the folder of a script it was started as: `python bench/x.py` puts bench/ first,
            # and on PYTHONPATH its bench/collections.py would shadow the standard library's
            # and kill the worker at import.
            root = str(Path(__file__).resolve().parent.parent)
            paths = [root, *(p for p in sys.path if p and p != _script_folder())]
            env = dict(os.environ, PYTHONPATH=os.pathsep.join(dict.fromkeys(paths)))
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "ingest.file_worker", self.loader],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                env=env,
            )
            ready, _, _ = select.select([self._proc.stdout], [], [], START_TIMEOUT_S)
            if not ready or not self._proc.stdout.readline():
                self.close()
                raise LoadError("unreadable: the loader process did not start")
        return self._proc

    def close(self) -> None:
        if self._proc is not None:
            self._proc.kill()  # a stuck parser ignores anything gentler
            self._proc.wait()
            for pipe in (self._proc.stdin, self._proc.stdout):
                pipe.close()
            self._proc = None


def _function(spec: str):
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def serve() -> None:
    """The worker's loop: one request line in, one reply line out, until stdin closes."""
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # anything a library prints goes to stderr, never into the replies
    if len(sys.argv) > 1:
        _function(sys.argv[1])  # the loader's imports, before the first file's clock starts
    replies.write(json.dumps({"ready": True}) + "\n")
    replies.flush()
    for line in sys.stdin:
        request = json.loads(line)
        try:
            docs = _function(request["load"])(Path(request["path"]), max_bytes=request["max_bytes"])
            reply = {"docs": [{"text": d.page_content, "metadata": d.metadata} for d in docs]}
        except LoadError as err:
            reply = {"error": err.reason}
        except Exception as err:  # load_file raises LoadError only; a test loader may not
            reply = {"error": f"could not be read: {type(err).__name__}: {err}"}
        replies.write(json.dumps(reply, ensure_ascii=False, default=str) + "\n")
        replies.flush()


if __name__ == "__main__":
    serve()

__all__ = ["FileReader", "load_file"]
