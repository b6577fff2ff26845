"""Which request for the evidence sentence separates answerable from unanswerable questions?

    python bench/evidence_prompts.py --out runs/evidence-prompts.jsonl [--shard I/N]

Same questions and order as bench/refusal_signals.py. For each candidate wording appended to
the answer prompt (KV cache reused), the quote the model copies, the share of it found in a
passage, and P(yes) of the standalone check (prompts/evidence_check.txt) are recorded. The
first measured wording offered "none" as a reply, and the model took it for 56 of 57
unanswerable questions but also for 38 of 53 answerable ones: a second yes/no judge, and a
worse one. These wordings always ask for a sentence and leave the decision to the check.
"""

import argparse
import hashlib
import json
import os
import sys
import threading
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evals.questions import DEFAULT_QUESTIONS, load_questions  # noqa: E402
from rag.adapters import NO_ADAPTER  # noqa: E402
from rag.engine import AnswerOptions, _Run, build_engine  # noqa: E402
from rag.evidence import clean_quote, evidence_messages, quote_overlap  # noqa: E402
from rag.generation import GenerationConfig  # noqa: E402
from rag.settings import PROJECT_ROOT, Settings  # noqa: E402

CALIBRATION = PROJECT_ROOT / "data" / "eval" / "unanswerable_calibration.jsonl"
WORDINGS = {
    "copy": "Before answering: copy, word for word, the one sentence from the numbered passages "
    "above that best answers this question. Reply with that sentence only.",
    "which": "Before answering: which sentence of the numbered passages above answers this "
    "question? Copy it exactly, and nothing else.",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("runs/evidence-prompts.jsonl"))
    parser.add_argument("--shard", default="0/1")
    args = parser.parse_args()
    done = set()
    if args.out.exists():
        done = {json.loads(line)["id"] for line in args.out.read_text().splitlines()}
    engine = build_engine(Settings(), adapter=NO_ADAPTER)
    llm, prompts = engine.llm, engine.prompts
    questions = load_questions(CALIBRATION)[0] + load_questions(DEFAULT_QUESTIONS)[0]
    questions.sort(key=lambda q: (q.answerable, hashlib.sha256(q.id.encode()).hexdigest()))
    shard, shards = map(int, args.shard.split("/"))
    with args.out.open("a", encoding="utf-8") as out:
        for q in questions[shard::shards]:
            retrieval = engine.retrieve(q.question, q.conversation)
            if q.id in done or not retrieval.hits:
                continue
            run = _Run(
                q.question, q.conversation, AnswerOptions(), retrieval, threading.Event(), print
            )
            prompt = engine._prompt(run, retrieval.hits)
            *before, last = prompt.messages
            row = {"id": q.id, "answerable": q.answerable}
            for name, wording in WORDINGS.items():
                asked = [*before, {**last, "content": f"{last['content']}\n\n{wording}"}]
                reply = "".join(llm.stream(asked, GenerationConfig(max_new_tokens=60)))
                quote = clean_quote(reply)
                row[name] = quote
                row[f"{name}_found"] = quote_overlap(quote, [h.text for h in prompt.hits])
                row[f"{name}_p"] = llm.yes_probability(
                    evidence_messages(prompts, retrieval.query, quote)
                )
            out.write(json.dumps(row) + "\n")
            out.flush()


if __name__ == "__main__":
    main()
