"""`python -m rag.llamacpp_check`: does the installed llama.cpp build run on this CPU?

A wheel built for another CPU can crash with SIGILL or SIGSEGV in its first decode, killing the
interpreter. The check decodes a few tokens of the small preset in a child process, so a crash
becomes a clear message and a non-zero exit instead of a dead test run later.
"""

from __future__ import annotations

import subprocess
import sys

CHILD = """
import llama_cpp
from rag.models import PRESETS, preset_gguf
from rag.settings import get_settings
s = get_settings()
path = preset_gguf(PRESETS["smollm2"], s.resolve(s.llm.cache_dir))
llm = llama_cpp.Llama(model_path=str(path), n_ctx=256, n_threads=2, verbose=False)
out = llm.create_completion("The capital of France is", max_tokens=4, temperature=0.0)
print(repr(out["choices"][0]["text"]))
"""


def main() -> int:
    done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True)
    if done.returncode != 0:
        print(
            f"llama.cpp does not run on this CPU (exit {done.returncode}):\n{done.stderr[-2000:]}\n"
            "Remove the cached wheel (~/.cache/ragchat/wheels) and rerun `make setup`, or set "
            "llm.runtime = transformers.",
            file=sys.stderr,
        )
        return 1
    print(f"llama.cpp runs here: {done.stdout.strip()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
