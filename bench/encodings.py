"""Share of files decoded exactly, per encoding, on the generated encoding corpus.

    python bench/encodings.py

The corpus (tests/ingest/encoding_corpus.py): the same real sentences in UTF-8 with and without
BOM, UTF-16 LE/BE with and without BOM, Windows-1252, ISO-8859-1, ISO-8859-15, Windows-1250,
Windows-1251, KOI8-R, Shift-JIS, EUC-JP, GB18030 and Big5, from one line to ~150 KB, plus HTML
pages with a correct, a wrong or no <meta charset>. Exact: the loader's text equals the original
(whitespace normalised). Also prints each miss with what came out.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0:0] = [str(ROOT), str(ROOT / "tests" / "ingest")]  # not bench/ingest.py as `ingest`

from encoding_corpus import all_cases  # noqa: E402
from encoding_measure import measure, table  # noqa: E402


def main() -> None:
    started = time.perf_counter()
    by_encoding, wrong = measure(all_cases())
    print(table(by_encoding))
    print(f"\n{time.perf_counter() - started:.1f} s")
    for case, got in wrong:
        print(f"miss {case.name}: {' '.join(got.split())[:80]!r}")


if __name__ == "__main__":
    main()
