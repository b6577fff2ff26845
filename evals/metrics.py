"""Per-question metrics: fact matching, text overlap, refusal, groundedness, retrieval ranks.

Fact matching follows data/eval/README.md: case-insensitive, whitespace collapsed, a substring
that neither starts nor ends inside a word or number, any of an item's variants counts.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rag.grounding import says_not_found

if TYPE_CHECKING:
    from evals.questions import Question

_SPACE = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+(?:[.,]\w+)*")  # keeps "5.99" and "1,500" whole
_ARTICLES = {"a", "an", "the"}
_CITATION = re.compile(r"\[\d+(?:\s*,\s*\d+)*\]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
# Function words carry no claim; groundedness looks only at the rest.
_STOPWORD_TEXT = """
    a an the and or but if then so of to in on at by for with from as into about over under
    is are was were be been being am do does did doing have has had having can could will would
    shall should may might must not no nor only own same too very just also than that this these
    those there here it its it's they them their theirs we us our ours you your yours he she him
    her his i me my mine what which who whom whose when where why how all any both each few more
    most other some such up down out off again further once per via yes please thank thanks"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def normalize(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


@lru_cache(maxsize=4096)
def _fact_pattern(fact: str) -> re.Pattern[str]:
    needle = normalize(fact)
    pattern = re.escape(needle)
    # Only an edge that is itself part of a word or number needs a boundary: "KC-" still
    # matches "KC-1234", but "6 months" must not match inside "36 months" or "1.6 months".
    if re.match(r"\w", needle):
        pattern = r"(?<!\w)" + (r"(?<!\d[.,])" if needle[0].isdigit() else "") + pattern
    if needle[-1:].isdigit():
        # Zeros after a figure's last digit do not change it: "$1,599.00" states "$1,599"
        # and "11.40" states "11.4" (the model writes prices with cents more often than not).
        decimal = "." in re.search(r"[\d.,]*$", needle).group()
        pattern += (r"0*" if decimal else r"(?:\.0+)?") + r"(?!\w)(?![.,]\d)"
    elif re.search(r"\w$", needle):
        pattern += r"(?!\w)"
    return re.compile(pattern)


def fact_in(fact: str | Sequence[str], text: str) -> bool:
    """True when `text` states the fact (a string, or a list of accepted variants)."""
    variants = [fact] if isinstance(fact, str) else list(fact)
    haystack = normalize(text)
    return any(_fact_pattern(v).search(haystack) for v in variants if v.strip())


def fact_recall(facts: Sequence[str | Sequence[str]], text: str) -> float | None:
    """Share of required facts the text states; None when there are none (unanswerable)."""
    if not facts:
        return None
    return sum(fact_in(f, text) for f in facts) / len(facts)


def tokens(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(_CITATION.sub(" ", text.lower())) if t not in _ARTICLES]


def token_f1(prediction: str, reference: str) -> float:
    """SQuAD-style bag-of-tokens F1 (lower case, articles dropped)."""
    pred, ref = tokens(prediction), tokens(reference)
    if not pred or not ref:
        return float(pred == ref)
    common = sum((Counter(pred) & Counter(ref)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(pred), common / len(ref)
    return 2 * precision * recall / (precision + recall)


@lru_cache(maxsize=1)
def _rouge():
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rougeL"], use_stemmer=True)


def rouge_l(prediction: str, reference: str) -> float:
    """ROUGE-L F-measure (longest common subsequence, stemmed), as rouge_score computes it."""
    if not prediction.strip() or not reference.strip():
        return 0.0
    return float(_rouge().score(reference, _CITATION.sub(" ", prediction))["rougeL"].fmeasure)


def corpus_bleu(predictions: list[str], references: list[str]) -> float | None:
    """sacrebleu corpus BLEU on its usual 0–100 scale; None for an empty corpus."""
    if not predictions:
        return None
    import sacrebleu

    hyps = [_CITATION.sub(" ", p) for p in predictions]
    return float(sacrebleu.corpus_bleu(hyps, [references]).score)


def is_refusal(text: str, refused: bool = False) -> bool:
    """The engine's own refusal flag, or refusal wording in the text."""
    return refused or says_not_found(text)


def refusal_correct(answerable: bool, refused: bool) -> bool:
    """Unanswerable questions should be refused; answerable ones answered."""
    return refused != answerable


def content_words(text: str) -> list[str]:
    return [t for t in tokens(text) if t not in _STOPWORDS]


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(_CITATION.sub(" ", text)) if s.strip()]


def groundedness(answer: str, contexts: Iterable[str], threshold: float = 0.5) -> float | None:
    """Share of answer sentences whose content words are at least `threshold` covered by the
    context (unigram overlap of content words); None when the answer has no content words."""
    context_words = {w for text in contexts for w in content_words(text)}
    scored = 0
    grounded = 0
    for sentence in sentences(answer):
        words = content_words(sentence)
        if not words:
            continue
        scored += 1
        covered = sum(w in context_words for w in words) / len(words)
        grounded += covered >= threshold
    return grounded / scored if scored else None


def first_rank(retrieved: Sequence[str], expected: Sequence[str]) -> int | None:
    """1-based rank of the first retrieved source that is any of the expected ones."""
    wanted = set(expected)
    return next((i for i, s in enumerate(retrieved, start=1) if s in wanted), None)


def hit_at(rank: int | None, k: int) -> bool:
    return rank is not None and rank <= k


def reciprocal_rank(rank: int | None) -> float:
    return 1.0 / rank if rank else 0.0


def rank_summary(ranks: Sequence[int | None]) -> dict[str, float | None]:
    """hit@1, hit@5 and MRR over first-relevant ranks (None: not retrieved)."""
    return {
        "hit@1": mean(hit_at(r, 1) for r in ranks),
        "hit@5": mean(hit_at(r, 5) for r in ranks),
        "mrr": mean(reciprocal_rank(r) for r in ranks),
    }


def page_hit(retrieved: Sequence[tuple[str, int | None]], source: str, page: int, k: int) -> bool:
    """A chunk from the answering PDF page among the top k."""
    return any(s == source and p == page for s, p in retrieved[:k])


def all_sources_at(retrieved: Sequence[str], expected: Sequence[str], k: int) -> bool:
    """Every listed source among the top k (full coverage of a multi-file question)."""
    return set(expected) <= set(retrieved[:k])


def citation_hit(cited: Sequence[str], expected: Sequence[str]) -> bool:
    return bool(set(cited) & set(expected))


def mean(values: Iterable[float | bool | None]) -> float | None:
    kept = [float(v) for v in values if v is not None]
    return sum(kept) / len(kept) if kept else None


def percentile(values: Iterable[float | None], q: float) -> float | None:
    """Linear-interpolated percentile (q in 0–100), like numpy's default."""
    kept = sorted(float(v) for v in values if v is not None)
    if not kept:
        return None
    pos = (len(kept) - 1) * q / 100
    low, high = math.floor(pos), math.ceil(pos)
    return kept[low] + (kept[high] - kept[low]) * (pos - low)


# -- aggregation over result lines (evals.runner writes them) ---------------------------


def latest_records(
    records: list[dict[str, Any]], questions: list[Question], modes: Iterable[str]
) -> dict[tuple[str, str], dict[str, Any]]:
    """The newest line per (question, mode) of this question set (reruns append, never edit)."""
    ids, wanted = {q.id for q in questions}, set(modes)
    return {(r["id"], r["mode"]): r for r in records if r["id"] in ids and r["mode"] in wanted}


def _scores(rows: list[dict[str, Any]], key: str) -> list[Any]:
    return [r["metrics"].get(key) for r in rows]


def _covered(out: dict[str, Any], key: str, values: list[Any]) -> None:
    """The mean of the values that exist, and how many questions it covered."""
    out[key] = mean(values)
    out["covered"][key] = sum(v is not None for v in values)


def summarize(
    records: list[dict[str, Any]], questions: list[Question], modes: list[str], seconds: float
) -> dict[str, Any]:
    """Headline numbers as flat keys (retrieval.hit@5, modes.rag.fact_recall, …) and under
    `covered` the number of questions behind each: a metric is computed only over the
    questions that carry what it needs (hit@k a `source`, fact recall `facts`, …)."""
    latest = latest_records(records, questions, [*modes, "retrieval"])
    by_question: dict[str, dict[str, Any]] = {}
    for (qid, _), record in latest.items():
        by_question.setdefault(qid, record)  # retrieval is the same line for every mode
    with_source = [by_question[q.id] for q in questions if q.sources and q.id in by_question]
    out: dict[str, Any] = {"questions": len(questions), "modes": list(modes), "covered": {}}
    out["retrieval.questions"] = len(with_source)
    for key in ("hit@1", "hit@3", "hit@5", "page_hit@5", "all_sources@5"):
        _covered(out, f"retrieval.{key}", _scores(with_source, key))
    _covered(out, "retrieval.mrr", _scores(with_source, "rr"))
    for category in sorted({r["category"] for r in with_source}):
        rows = [r for r in with_source if r["category"] == category]
        out[f"retrieval.category.{category}.hit@5"] = mean(_scores(rows, "hit@5"))
    unanswerable = {q.id for q in questions if q.unanswerable}
    answerable = {q.id for q in questions if q.answerable}
    for mode in modes:
        rows = [latest[(q.id, mode)] for q in questions if (q.id, mode) in latest]
        with_facts = [r for r in rows if r["metrics"].get("fact_recall") is not None]
        prefix = f"modes.{mode}."
        out[prefix + "questions"] = len(rows)
        out[prefix + "errors"] = sum(bool(r.get("error")) for r in rows)
        for key in ("fact_recall", "rouge_l", "token_f1", "citation_hit"):
            _covered(out, prefix + key, _scores(rows, key))
        scored = [r for r in rows if r["metrics"].get("rouge_l") is not None]
        out[prefix + "bleu"] = corpus_bleu(
            [r["answer"] for r in scored], [r["reference"] for r in scored]
        )
        out["covered"][prefix + "bleu"] = len(scored)
        _covered(out, prefix + "refusal_accuracy", _scores(rows, "refusal_correct"))
        # The two halves of refusal accuracy: with few unanswerable questions in a set, the
        # accuracy alone hides a mode that never refuses.
        refused = [r["metrics"].get("refused") for r in rows if r["id"] in unanswerable]
        _covered(out, prefix + "refusal_recall", refused)
        refused = [r["metrics"].get("refused") for r in rows if r["id"] in answerable]
        _covered(out, prefix + "false_refusal_rate", refused)
        for key in ("groundedness", "answer_words"):
            _covered(out, prefix + key, _scores(rows, key))
        ttft = [r["timings"].get("ttft_s") for r in rows]
        out[prefix + "ttft_p50_s"] = percentile(ttft, 50)
        out[prefix + "ttft_p95_s"] = percentile(ttft, 95)
        out[prefix + "tokens_per_s"] = mean(r["timings"].get("tokens_per_s") for r in rows)
        for category in sorted({r["category"] for r in with_facts}):
            picked = [r for r in with_facts if r["category"] == category]
            out[f"{prefix}category.{category}.fact_recall"] = mean(_scores(picked, "fact_recall"))
    out["seconds"] = seconds
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in out.items()}
