"""Record every answerability signal per question, for choosing how "not in the documents" is
decided.

    python bench/refusal_signals.py --out runs/refusal-signals.jsonl [--limit N] [--shard I/N]

On a 2-core machine two shards with `RAGCHAT_LLM__THREADS=1` each finish sooner than one run
on both threads (llama.cpp's two threads wait on each other whenever another process runs).

For each question of data/eval/unanswerable_calibration.jsonl and data/eval/questions.jsonl
(unanswerable ones first), with the default model and retrieval. Measured before reranking
was the default: "none" for 51 of 52 unanswerable and 78 of 104 answerable questions.
- `judge`: P(yes) of the shipped check (prompts/answerable.txt appended to the answer prompt);
- `quote`: the sentence the model copies from the passages as the answer's evidence
  (QUOTE appended to the same prompt, so the passages' KV cache is reused);
- `quote_found`: the share of the quote's words found, in order, in one passage (a copied
  sentence is ~1.0; an invented one is lower);
- `evidence`: P(yes) that the quoted sentence answers the question, asked on its own, without
  the passages (CHECK);
- `similarity`: the best hit's cosine.
The file is appended to and resumed by id, so an interrupted run goes on where it stopped.
`python -m evals.refusal_fit` chooses thresholds on it.
"""

import argparse
import hashlib
import json
import os
import re
import sys
import threading
import time
from difflib import SequenceMatcher
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evals.questions import DEFAULT_QUESTIONS, load_questions  # noqa: E402
from evals.questions import REFUSAL_CALIBRATION as CALIBRATION
from rag.adapters import NO_ADAPTER  # noqa: E402
from rag.answerability import judge_messages  # noqa: E402
from rag.engine import AnswerOptions, _Run, build_engine  # noqa: E402
from rag.generation import GenerationConfig  # noqa: E402
from rag.settings import Settings  # noqa: E402

QUOTE = (
    "Before answering: copy, word for word, the one sentence from the numbered passages above "
    "that gives the answer to this question. If no sentence gives it, reply with: none"
)
CHECK = (
    "Question: {question}\nSentence: {sentence}\n\nDoes this sentence give the answer to the "
    "question? Reply with yes or no only."
)
_CITATION = re.compile(r"\[\d+(?:\s*,\s*\d+)*\]")
_NONE = re.compile(r"(?:none|no (?:such )?sentence|not found)\b")


def clean_quote(reply: str) -> str:
    """The first line of the reply without citation markers or quotation marks."""
    first = reply.strip().splitlines()[0] if reply.strip() else ""
    return _CITATION.sub("", first).strip().strip("\"'“”").strip()


def is_none(quote: str) -> bool:
    text = quote.lower().strip(" .")
    return not text or bool(_NONE.match(text))


def quote_overlap(quote: str, passages: list[str]) -> float:
    """The share of the quote's words found in order in its best passage."""
    quoted = re.findall(r"\w+", quote.lower())
    if not quoted:
        return 0.0
    best = 0
    for passage in passages:
        matcher = SequenceMatcher(None, quoted, re.findall(r"\w+", passage.lower()), autojunk=False)
        best = max(best, sum(block.size for block in matcher.get_matching_blocks()))
    return best / len(quoted)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("runs/refusal-signals.jsonl"))
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument(
        "--shard", default="0/1", help="I/N: every Nth question from the Ith (parallel runs)"
    )
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    done = set()
    if args.out.exists():
        done = {json.loads(line)["id"] for line in args.out.read_text().splitlines()}

    settings = Settings()
    engine = build_engine(settings, adapter=NO_ADAPTER)
    llm, prompts = engine.llm, engine.prompts
    questions = load_questions(CALIBRATION)[0] + load_questions(DEFAULT_QUESTIONS)[0]
    # Unanswerable first (the rare class), then in hash order: a partial run is a fair sample.
    questions.sort(key=lambda q: (q.answerable, hashlib.sha256(q.id.encode()).hexdigest()))
    if args.limit:
        questions = questions[: args.limit]
    shard, shards = map(int, args.shard.split("/"))
    questions = questions[shard::shards]
    with args.out.open("a", encoding="utf-8") as out:
        for q in questions:
            if q.id in done:
                continue
            started = time.perf_counter()
            retrieval = engine.retrieve(q.question, q.conversation)
            row = {"id": q.id, "answerable": q.answerable, "similarity": None}
            if retrieval.hits:
                run = _Run(
                    q.question, q.conversation, AnswerOptions(), retrieval, threading.Event(), print
                )
                prompt = engine._prompt(run, retrieval.hits)
                row["similarity"] = retrieval.hits[0].similarity
                row["judge"] = llm.yes_probability(judge_messages(prompts, prompt.messages))
                *before, last = prompt.messages
                asked = [*before, {**last, "content": f"{last['content']}\n\n{QUOTE}"}]
                quote = clean_quote("".join(llm.stream(asked, GenerationConfig(max_new_tokens=60))))
                row["quote"] = quote
                row["quote_found"] = quote_overlap(quote, [h.text for h in prompt.hits])
                row["none"] = is_none(quote)
                row["evidence"] = (
                    0.0
                    if row["none"]
                    else llm.yes_probability(
                        [
                            {
                                "role": "user",
                                "content": CHECK.format(question=q.question, sentence=quote),
                            }
                        ]
                    )
                )
            row["seconds"] = round(time.perf_counter() - started, 2)
            out.write(json.dumps(row) + "\n")
            out.flush()
            print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
