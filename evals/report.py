"""report.md and report.html (same content, built from one list of blocks) plus PNG plots."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from evals.questions import Problem

SECTIONS = (  # the h2 headings of a run with answers, in order
    "Summary", "Retrieval", "Answers by mode", "Mode comparison", "Fact recall by category",
    "Latency", "Where each wins", "Worst questions", "Fresh facts", "Skipped lines",
    "How the numbers are computed",
)  # fmt: skip
ANSWER_KEYS = (
    "fact_recall", "rouge_l", "token_f1", "bleu", "refusal_accuracy", "refusal_recall",
    "false_refusal_rate", "groundedness", "citation_hit", "answer_words", "ttft_p50_s",
    "ttft_p95_s", "tokens_per_s", "errors",
)  # fmt: skip
BAR_KEYS = ("fact_recall", "rouge_l", "token_f1", "refusal_accuracy", "groundedness")
METHOD = [
    "Retrieval: the top 5 chunks for the engine's standalone query (follow-ups condensed), "
    "scored by source file. For a list of sources a hit on any listed file counts for hit@k and "
    "MRR; all_sources@5 needs every file; page_hit@5: a chunk from the answering PDF page.",
    "Fact recall: share of a question's required facts the answer states (case-insensitive, "
    "whitespace collapsed, never inside a longer word or number; any variant counts), averaged "
    "over answerable questions, as are ROUGE-L F, token F1 and BLEU (sacrebleu corpus BLEU, "
    "0–100). citation_hit: the answer cites the right file (context modes only).",
    "Refusal accuracy, over all questions: unanswerable ones should be refused, answerable ones "
    "answered; a refusal is the engine's flag or wording like 'could not find'. Its two halves: "
    "refusal_recall, the share of unanswerable questions refused, and false_refusal_rate, the "
    "share of answerable ones refused.",
    "Groundedness: share of answer sentences whose content words are at least 50% covered by "
    "the retrieved chunks' text (unigram overlap; function words ignored; refusals left out). "
    "Modes without context are checked against the chunks retrieved anyway.",
]


COVERED = (
    "questions: how many questions each metric covered; a metric is computed only over the "
    "questions that carry what it needs (hit@k and MRR a source, page hit a PDF page, fact "
    "recall facts, ROUGE-L/F1/BLEU a reference answer, refusal recall the unanswerable "
    "category, false refusals a question known to be answerable)."
)


def fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return "–" if value is None else str(value)


def _table(headers: list[str], rows: list[list[Any]]) -> tuple:
    return ("table", headers, [[fmt(c) for c in row] for row in rows])


def to_markdown(blocks: list[tuple]) -> str:
    out = []
    for kind, *rest in blocks:
        if kind in ("h1", "h2", "h3"):
            out.append("#" * int(kind[1]) + " " + rest[0])
        elif kind == "p":
            out.append(rest[0])
        elif kind == "img":
            out.append(f"![{rest[1]}]({rest[0]})")
        elif kind == "quote":
            out.append("\n".join("> " + (ln or " ") for ln in rest[0].splitlines() or ["(empty)"]))
        elif kind == "table":
            headers, rows = rest
            cell = lambda c: str(c).replace("|", "\\|").replace("\n", " ")  # noqa: E731
            out.append("| " + " | ".join(map(cell, headers)) + " |")
            out[-1] += "\n|" + "---|" * len(headers)
            out[-1] += "".join("\n| " + " | ".join(map(cell, r)) + " |" for r in rows)
    return "\n\n".join(out) + "\n"


def to_html(blocks: list[tuple], title: str) -> str:
    esc = html.escape
    out = [
        f"<!doctype html><html><head><meta charset='utf-8'><title>{esc(title)}</title>",
        "<style>body{font-family:sans-serif;max-width:70em;margin:auto}table{border-collapse:"
        "collapse}td,th{border:1px solid #ccc;padding:.2em .5em}blockquote{white-space:"
        "pre-wrap;background:#f6f6f6;padding:.5em}</style></head><body>",
    ]
    for kind, *rest in blocks:
        if kind in ("h1", "h2", "h3"):
            out.append(f"<{kind}>{esc(rest[0])}</{kind}>")
        elif kind == "p":
            out.append(f"<p>{esc(rest[0])}</p>")
        elif kind == "img":
            out.append(f"<p><img src='{esc(rest[0])}' alt='{esc(rest[1])}'></p>")
        elif kind == "quote":
            out.append(f"<blockquote>{esc(rest[0])}</blockquote>")
        elif kind == "table":
            headers, rows = rest
            head = "".join(f"<th>{esc(str(h))}</th>" for h in headers)
            body = "".join(
                "<tr>" + "".join(f"<td>{esc(str(c))}</td>" for c in r) + "</tr>" for r in rows
            )
            out.append(f"<table><tr>{head}</tr>{body}</table>")
    return "\n".join(out) + "\n</body></html>\n"


def _categories(summary: dict[str, Any], mode: str) -> dict[str, float | None]:
    prefix, suffix = f"modes.{mode}.category.", ".fact_recall"
    found = {k: v for k, v in summary.items() if k.startswith(prefix) and k.endswith(suffix)}
    return {k[len(prefix) : -len(suffix)]: v for k, v in found.items()}


def _bars(ax: Any, labels: list[str], series: dict[str, list[float | None]], title: str) -> None:
    """Grouped bars, one colour per series, on a 0–1 scale."""
    import numpy as np

    width = 0.8 / max(len(series), 1)
    for i, (name, values) in enumerate(series.items()):
        ax.bar(np.arange(len(labels)) + i * width, [v or 0 for v in values], width, label=name)
    ax.set_xticks(np.arange(len(labels)) + width * (len(series) - 1) / 2, labels)
    ax.tick_params(axis="x", labelrotation=20)
    ax.set(ylim=(0, 1), title=title)
    if len(series) > 1:
        ax.legend()


def plots(out: Path, summary: dict[str, Any], latest: list[dict[str, Any]]) -> list[Path]:
    """retrieval.png always; with answers also metrics.png, categories.png and latency.png."""
    import matplotlib

    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as plt

    modes, keys = summary["modes"], ["hit@1", "hit@3", "hit@5", "mrr", "page_hit@5"]
    charts = {"retrieval.png": ("Retrieval", keys, {"": [summary[f"retrieval.{k}"] for k in keys]})}
    if modes:
        by_cat = {md: _categories(summary, md) for md in modes}
        cats = sorted({c for found in by_cat.values() for c in found})
        values = {md: [summary.get(f"modes.{md}.{k}") for k in BAR_KEYS] for md in modes}
        charts["metrics.png"] = ("Answer metrics per mode", list(BAR_KEYS), values)
        values = {md: [by_cat[md].get(c) for c in cats] for md in modes}
        charts["categories.png"] = ("Fact recall by category", cats, values)
    figures = []
    for name, (title, labels, series) in charts.items():
        fig, ax = plt.subplots(figsize=(max(6, 0.8 * len(labels) * len(series)), 4))
        _bars(ax, labels, series, title)
        figures.append((fig, out / name))
    if modes:
        fig, ax = plt.subplots(figsize=(6, 4))
        ttft = [[r["timings"]["ttft_s"] or 0 for r in latest if r["mode"] == md] for md in modes]
        ax.boxplot([t or [0] for t in ttft], tick_labels=modes)
        ax.set(ylabel="seconds", title="Time to first token per mode")
        figures.append((fig, out / "latency.png"))
    for fig, path in figures:
        fig.tight_layout()
        fig.savefig(path, dpi=100)
        plt.close(fig)
    return [path for _, path in figures]


WIN_KEYS = (  # (label, summary key, True when higher is better)
    ("fact recall", "fact_recall", True),
    ("refusal accuracy", "refusal_accuracy", True),
    ("unanswerable refused", "refusal_recall", True),
    ("answerable refused", "false_refusal_rate", False),
    ("groundedness", "groundedness", True),
    ("TTFT p50 (s)", "ttft_p50_s", False),
    ("tokens/s", "tokens_per_s", True),
)


def _winner(a: float | None, b: float | None, names: tuple[str, str], higher: bool) -> str:
    if a is None or b is None or a == b:
        return "–" if a is None or b is None else "tie"
    return f"{names[0] if (a > b) == higher else names[1]} by {abs(a - b):.3f}"


def where_each_wins(summary: dict[str, Any], modes: list[str]) -> list[tuple]:
    """Per fine-tuned mode against rag: category fact-recall deltas, then headline metrics."""
    others = [md for md in modes if md != "rag"]
    if "rag" not in modes or not others:
        return [("p", "Needs the rag mode and at least one fine-tuned mode in the same run.")]
    blocks: list[tuple] = []
    rag_cats = _categories(summary, "rag")
    for other in others:
        cats = _categories(summary, other)
        shared = [c for c in rag_cats if cats.get(c) is not None and rag_cats[c] is not None]
        deltas = {c: cats[c] - rag_cats[c] for c in shared}
        ft = [f"{c} (+{d:.2f})" for c, d in deltas.items() if d > 0]
        ctx = [f"{c} (+{-d:.2f})" for c, d in deltas.items() if d < 0]
        line = f"Fact recall by category: {other} ahead in {len(ft)} of {len(deltas)}: "
        line += f"{', '.join(ft) or 'none'}; rag ahead in {len(ctx)}: {', '.join(ctx) or 'none'}."
        rows = []
        for label, key, higher in WIN_KEYS:
            a, b = summary.get(f"modes.rag.{key}"), summary.get(f"modes.{other}.{key}")
            rows.append([label, a, b, _winner(a, b, ("rag", other), higher)])
        blocks += [
            ("h3", f"{other} against rag (context injection)"),
            ("p", line),
            _table(
                ["category", "rag", other, f"{other} − rag"],
                [[c, rag_cats[c], cats[c], d] for c, d in deltas.items()],
            ),
            _table(["metric", "rag", other, "winner"], rows),
        ]
    return blocks


def _quality(record: dict[str, Any]) -> float:
    """Worst first: fact recall for answerable questions, refusal right/wrong otherwise."""
    value = record["metrics"].get("fact_recall")
    return float(record["metrics"].get("refusal_correct", 0)) if value is None else value


def worst_questions(latest: list[dict[str, Any]], modes: list[str], n: int = 5) -> list[tuple]:
    blocks: list[tuple] = []
    for mode in modes:
        blocks.append(("h3", f"Worst questions: {mode}"))
        for r in sorted((r for r in latest if r["mode"] == mode), key=_quality)[:n]:
            head = f"{r['id']} ({r['category']}), score {_quality(r):.2f}: {r['question']}"
            reference = "Reference: " + (r.get("reference") or "not in the documents")
            blocks += [("p", head), ("quote", r.get("answer") or "(none)"), ("p", reference)]
    return blocks


def _retrieval(summary: dict[str, Any]) -> list[tuple]:
    get = lambda key: summary.get(f"retrieval.{key}")  # noqa: E731
    keys = ["hit@1", "hit@3", "hit@5", "mrr", "page_hit@5", "all_sources@5"]
    cats = sorted({k.split(".")[2] for k in summary if k.startswith("retrieval.category.")})
    covered = summary.get("covered", {})
    rows = [[k, get(k), covered.get(f"retrieval.{k}")] for k in keys]
    rows.insert(0, ["questions", get("questions"), get("questions")])
    return [
        ("h2", "Retrieval"),
        ("p", COVERED),
        _table(["metric", "value", "questions"], rows),
        _table(["category", "hit@5"], [[c, get(f"category.{c}.hit@5")] for c in cats]),
        ("img", "retrieval.png", "retrieval hit@k"),
    ]


def _modes(summary: dict[str, Any], latest: list[dict[str, Any]], modes: list[str]) -> list:
    get = lambda md, key: summary.get(f"modes.{md}.{key}")  # noqa: E731
    blocks: list[tuple] = [("h2", "Answers by mode")]
    covered = summary.get("covered", {})
    for mode in modes:
        rows = [[k, get(mode, k), covered.get(f"modes.{mode}.{k}")] for k in ANSWER_KEYS]
        rows.insert(0, ["questions", get(mode, "questions"), get(mode, "questions")])
        blocks += [("h3", f"Mode: {mode}"), _table(["metric", "value", "questions"], rows)]
    by_cat = {md: _categories(summary, md) for md in modes}
    cats = sorted({c for found in by_cat.values() for c in found})
    latency = ("ttft_p50_s", "ttft_p95_s", "tokens_per_s", "answer_words")
    return blocks + [
        ("h2", "Mode comparison"),
        _table(["metric", *modes], [[k, *(get(md, k) for md in modes)] for k in ANSWER_KEYS]),
        ("img", "metrics.png", "answer metrics per mode"),
        ("h2", "Fact recall by category"),
        _table(["category", *modes], [[c, *(by_cat[md].get(c) for md in modes)] for c in cats]),
        ("img", "categories.png", "fact recall by category"),
        ("h2", "Latency"),
        _table(["mode", *latency], [[md, *(get(md, k) for k in latency)] for md in modes]),
        ("img", "latency.png", "time to first token per mode"),
        ("h2", "Where each wins"),
        *where_each_wins(summary, modes),
        ("h2", "Worst questions"),
        *worst_questions(latest, modes),
    ]


def _fresh(fresh: dict[str, Any] | None) -> list[tuple]:
    if not fresh:
        return [("h2", "Fresh facts"), ("p", "Not run (add --fresh-facts).")]
    modes = [k.split(".")[1] for k in fresh if k.endswith(".fact_recall")]
    rows = [[md, fresh[f"fresh.{md}.fact_recall"], fresh[f"fresh.{md}.stale_rate"]] for md in modes]
    note = "The documents changed after training (data/eval/fresh_facts.json); stale rate: "
    return [
        ("h2", "Fresh facts"),
        ("p", note + "answers that still state an old value."),
        _table(["mode", "fact recall", "stale rate"], rows),
    ]


def build_blocks(
    summary: dict[str, Any],
    latest: list[dict[str, Any]],
    problems: list[Problem],
    fresh: dict[str, Any] | None,
) -> list[tuple]:
    modes = summary["modes"]
    rows = [
        ["questions", summary["questions"]],
        ["modes", ", ".join(modes) or "retrieval only"],
        ["modes skipped (no adapter)", ", ".join(summary.get("modes_skipped", [])) or "none"],
        ["seconds", summary.get("seconds")],
        ["skipped lines", len(problems)],
    ]
    blocks = [("h1", "Evaluation report"), ("h2", "Summary"), _table(["", ""], rows)]
    blocks += _retrieval(summary)
    if modes:
        blocks += _modes(summary, latest, modes)
    else:
        blocks += [("h2", "Answers by mode"), ("p", "Retrieval only: no answers generated.")]
    blocks += _fresh(fresh)
    blocks += [("h2", "Skipped lines")] + ([("p", str(p)) for p in problems] or [("p", "None.")])
    return blocks + [("h2", "How the numbers are computed")] + [("p", t) for t in METHOD]


def write_report(
    out: Path,
    summary: dict[str, Any],
    latest: list[dict[str, Any]],
    problems: list[Problem] | None = None,
    fresh: dict[str, Any] | None = None,
) -> list[Path]:
    """Write report.md, report.html and the plots into `out`; returns the files written."""
    images = plots(out, summary, latest)
    blocks = build_blocks(summary, latest, problems or [], fresh)
    (out / "report.md").write_text(to_markdown(blocks), encoding="utf-8")
    (out / "report.html").write_text(to_html(blocks, "Evaluation report"), encoding="utf-8")
    return [out / "report.md", out / "report.html", *images]
