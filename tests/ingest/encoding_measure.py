"""Decode every corpus case through the real loader and tabulate the share read exactly."""

from __future__ import annotations

import tempfile
from collections import defaultdict
from pathlib import Path

from encoding_corpus import Case

from ingest.loaders import LoadError, load_file


def _flat(text: str) -> str:
    return " ".join(text.split())


def decoded(case: Case, folder: Path) -> str:
    path = folder / case.name.replace("/", "__")
    path.write_bytes(case.data)
    try:
        return "\n".join(d.page_content for d in load_file(path))
    except LoadError as err:
        return f"<{err.reason}>"


def measure(cases: list[Case]) -> tuple[dict[str, list[bool]], list[tuple[Case, str]]]:
    """Exactness per encoding and the wrong results (case, what came out)."""
    by_encoding: dict[str, list[bool]] = defaultdict(list)
    wrong = []
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            got = decoded(case, Path(tmp))
            exact = _flat(got) == _flat(case.text)
            by_encoding[_row(case)].append(exact)
            if not exact:
                wrong.append((case, got))
    return by_encoding, wrong


def _row(case: Case) -> str:
    kind = case.length if case.length.startswith("html") else "text"
    return f"{case.encoding} {kind}"


def table(by_encoding: dict[str, list[bool]]) -> str:
    lines = ["| encoding | files | exact | share |", "|---|---|---|---|"]
    total = [v for values in by_encoding.values() for v in values]
    for row, values in sorted(by_encoding.items()):
        lines.append(f"| {row} | {len(values)} | {sum(values)} | {sum(values) / len(values):.0%} |")
    lines.append(f"| all | {len(total)} | {sum(total)} | {sum(total) / len(total):.1%} |")
    return "\n".join(lines)
