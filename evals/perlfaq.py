"""The perlfaq evaluation corpus: real questions with answers, written elsewhere.

    python -m evals.perlfaq [--pod-dir DIR] [--out .ragchat/perlfaq] [--layout sections|files]

Debian's perl-doc package ships the Perl FAQ (perlfaq1.pod … perlfaq9.pod) as POD, which no
ingest loader reads, so each is written as Markdown (evals.pod) under OUT/docs:
- `sections` (default): one file per FAQ entry, perlfaq4/052-how-do-i-sort-an-array-by-anything.md,
  so a hit names the entry that answers (306 files, like a help centre of one page per question);
- `files`: perlfaq1.md … perlfaq9.md as shipped, so a hit only names one of 9 files.
perlfaq.pod, the index listing every question, is left out: it would answer every one.

Two question files in data/eval/README.md's format go beside the corpus:
- OUT/questions.jsonl: every FAQ entry whose heading has a '?' (304 of 306; "Perl Books" and
  "I copied the Perl binary … don't work." are statements), asked exactly as headed;
  id `faq4-052` (FAQ 4, entry 52), category `perlfaq4`, source relative to OUT/docs;
- OUT/reworded.jsonl: the entries in data/eval/perlfaq_reworded.jsonl, asked in other words
  (written by hand, keyed by heading; ids end in `-rw`).

Without --pod-dir the POD files are looked for under .ragchat/perl-doc, and fetched there with
../shared/tools/fetch-debian-docs (or apt-get download + dpkg-deb) when missing. Then:

    python -m ingest .ragchat/perlfaq/docs --index .ragchat/perlfaq/index
    python -m evals --retrieval-only --questions .ragchat/perlfaq/reworded.jsonl \
        --index .ragchat/perlfaq/index --docs .ragchat/perlfaq/docs --out runs/perlfaq-rw
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evals import pod
from rag.settings import PROJECT_ROOT

REWORDED = PROJECT_ROOT / "data" / "eval" / "perlfaq_reworded.jsonl"
CACHE = PROJECT_ROOT / ".ragchat" / "perl-doc"
FETCH_TOOL = PROJECT_ROOT.parent / "shared" / "tools" / "fetch-debian-docs"
LAYOUTS = ("sections", "files")
_SLUG_WORDS = 8  # enough of the question to tell files apart when listing a folder
# Function words and question scaffolding ("how do I"): the rest are a question's content words.
_STOP = frozenset(
    """a an the and or but of in on at to for from by with without into out up over under about
    as is are was were be been do does did have has had i i'm my me you your it its this that
    these those there what which who whom whose when where why how can could should would will
    may might must not no any some all each every just so than then too very get""".split()
)


@dataclass
class Entry:
    faq: int  # N of perlfaqN
    number: int  # 1-based position among the FAQ's =head2 entries
    heading: str  # the question as written, plain text
    blocks: list[pod.Block]  # the heading and its answer

    @property
    def id(self) -> str:
        return f"faq{self.faq}-{self.number:03d}"

    @property
    def is_question(self) -> bool:
        return "?" in self.heading


def plain(text: str) -> str:
    """A POD heading as plain text, whitespace collapsed (X<> index codes leave gaps)."""
    return " ".join(pod.render(text).split())


def entries(faq: int, source: str) -> list[Entry]:
    """The =head2 entries of one perlfaqN.pod with their answers (up to the next heading)."""
    found: list[Entry] = []
    current: Entry | None = None
    for block in pod.parse(source):
        if block.kind == "heading" and block.level <= 2:
            current = None  # a =head1 ("AUTHOR AND COPYRIGHT") ends the entry before it
            if block.level == 2:
                current = Entry(faq, len(found) + 1, plain(block.text), [block])
                found.append(current)
        elif current is not None:
            current.blocks.append(block)
    return found


def slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())[:_SLUG_WORDS]
    return "-".join(words) or "entry"


def source_of(entry: Entry, layout: str) -> str:
    if layout == "files":
        return f"perlfaq{entry.faq}.md"
    return f"perlfaq{entry.faq}/{entry.number:03d}-{slug(entry.heading)}.md"


def write_corpus(pod_dir: Path, docs: Path, layout: str) -> list[Entry]:
    """Markdown files under `docs` (replaced whole), and every FAQ entry in order."""
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {', '.join(LAYOUTS)}, not {layout!r}")
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    every: list[Entry] = []
    for faq in range(1, 10):
        path = pod_dir / f"perlfaq{faq}.pod"
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found = entries(faq, text)
        every += found
        if layout == "files":
            (docs / source_of(found[0], layout)).write_text(
                pod.to_markdown(pod.parse(text)), encoding="utf-8"
            )
            continue
        for entry in found:
            target = docs / source_of(entry, layout)
            target.parent.mkdir(exist_ok=True)
            target.write_text(pod.to_markdown(entry.blocks, top_level=2), encoding="utf-8")
    if not every:
        raise ValueError(f"{pod_dir}: no perlfaq1.pod … perlfaq9.pod with entries")
    return every


def content_words(text: str) -> set[str]:
    """Lower-cased words outside _STOP, a plural 's' dropped (so 'files' meets 'file')."""
    words = re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower())
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words if w not in _STOP}


def overlap_counts(reworded: list[dict], verbatim: list[dict]) -> dict[int, int]:
    """How many reworded questions share 0, 1, 2 … content words with their heading."""
    heading = {q["id"]: q["question"] for q in verbatim}
    counts: dict[int, int] = {}
    for q in reworded:
        shared = len(content_words(q["question"]) & content_words(heading[q["id"][:-3]]))
        counts[shared] = counts.get(shared, 0) + 1
    return dict(sorted(counts.items()))


def load_reworded(path: Path = REWORDED) -> dict[str, str]:
    """heading (as written) -> the hand-written rewording."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            table[" ".join(row["heading"].split())] = row["question"]
    return table


def questions(
    found: list[Entry], layout: str, reworded: dict[str, str]
) -> tuple[list[dict], list[dict], list[str]]:
    """(verbatim, reworded) question dicts, and the table's headings that match no entry
    (a heading reworded in a later perlfaq release)."""
    asked = [e for e in found if e.is_question]
    verbatim = [_row(e.id, e.heading, e, layout) for e in asked]
    other = [
        _row(f"{e.id}-rw", reworded[e.heading], e, layout) for e in asked if e.heading in reworded
    ]
    unmatched = sorted(set(reworded) - {e.heading for e in asked})
    return verbatim, other, unmatched


def _row(qid: str, text: str, entry: Entry, layout: str) -> dict:
    return {
        "id": qid,
        "question": text,
        "source": source_of(entry, layout),
        "category": f"perlfaq{entry.faq}",
    }


def find_pod_dir(cache: Path = CACHE) -> Path:
    """The folder holding perlfaq1.pod under `cache`, fetching perl-doc there when absent."""
    for hit in sorted(cache.rglob("perlfaq1.pod")) if cache.exists() else []:
        return hit.parent
    cache.mkdir(parents=True, exist_ok=True)
    if FETCH_TOOL.is_file():
        subprocess.run([str(FETCH_TOOL), "perl-doc", str(cache)], check=True)
    else:  # what the tool does: download the .deb (no install, no root) and unpack it
        with tempfile.TemporaryDirectory() as work:
            subprocess.run(["apt-get", "download", "perl-doc"], cwd=work, check=True)
            deb = next(Path(work).glob("*.deb"))
            subprocess.run(["dpkg-deb", "-x", str(deb), str(cache)], check=True)
    for hit in sorted(cache.rglob("perlfaq1.pod")):
        return hit.parent
    raise RuntimeError(f"perl-doc unpacked into {cache} has no perlfaq1.pod")


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")


def build(
    pod_dir: Path, out: Path, layout: str = "sections", table: Path = REWORDED
) -> dict[str, Any]:
    """Corpus and both question files under `out`; returns the counts."""
    found = write_corpus(pod_dir, out / "docs", layout)
    verbatim, other, unmatched = questions(found, layout, load_reworded(table))
    write_jsonl(out / "questions.jsonl", verbatim)
    write_jsonl(out / "reworded.jsonl", other)
    return {
        "entries": len(found),
        "verbatim": len(verbatim),
        "reworded": len(other),
        "shared_words": overlap_counts(other, verbatim),
        "unmatched": unmatched,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evals.perlfaq",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--pod-dir", type=Path, help="folder with perlfaq1.pod … perlfaq9.pod")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / ".ragchat" / "perlfaq")
    parser.add_argument("--layout", choices=LAYOUTS, default="sections")
    args = parser.parse_args(argv)
    try:
        counts = build(args.pod_dir or find_pod_dir(), args.out, args.layout)
    except (OSError, ValueError, RuntimeError, subprocess.CalledProcessError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(
        f"{counts['entries']} entries -> {args.out / 'docs'} ({args.layout}); "
        f"{counts['verbatim']} questions as written, {counts['reworded']} reworded"
    )
    for heading in counts["unmatched"]:
        print(f"warning: no FAQ entry is headed {heading!r} (rewording unused)", file=sys.stderr)
    shared = ", ".join(f"{n}: {c}" for n, c in counts["shared_words"].items())
    print(f"reworded questions by content words shared with the heading: {shared}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
