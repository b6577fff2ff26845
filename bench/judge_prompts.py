"""Which answerability question separates answerable from unanswerable questions best?

    python bench/judge_prompts.py

For the 17 unanswerable eval questions and 40 answerable ones (a fixed hash-ordered sample),
each candidate wording is appended to the answer's own prompt, and the default model's
P(yes) is read (rag.answerability); AUC over the pairs says how well a wording separates the
two kinds (1.0: every answerable one above every unanswerable one). The prompts share
everything but their last line, so on llama.cpp each extra wording costs only that line.
Variant A is prompts/answerable.txt.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import hashlib  # noqa: E402
import json  # noqa: E402
import threading  # noqa: E402

from evals.questions import DEFAULT_QUESTIONS, load_questions  # noqa: E402
from rag.adapters import NO_ADAPTER  # noqa: E402
from rag.engine import AnswerOptions, _Run, build_engine  # noqa: E402
from rag.settings import PROJECT_ROOT, Settings  # noqa: E402

V = {
    "A": (PROJECT_ROOT / "prompts" / "answerable.txt").read_text(encoding="utf-8").strip(),
    "B": "Is the exact answer to this question stated in the passages above? Answer yes only "
    "if a passage states it; otherwise answer no. Reply with yes or no only.",
    "C": "Could a customer-service agent answer this question using only the passages above, "
    "without guessing? Reply with yes or no only.",
}
s = Settings()
e = build_engine(s, adapter=NO_ADAPTER)
qs = load_questions(DEFAULT_QUESTIONS)[0]
un = [q for q in qs if not q.answerable]
an = sorted(
    [q for q in qs if q.answerable], key=lambda q: hashlib.sha256(q.id.encode()).hexdigest()
)[:40]
out = []
for q in un + an:
    r = e.retrieve(q.question, q.conversation)
    if not r.hits:
        continue
    run = _Run(q.question, q.conversation, AnswerOptions(), r, threading.Event(), lambda t: None)
    p = e._prompt(run, r.hits)
    *before, last = p.messages
    row = {"id": q.id, "answerable": q.answerable}
    for k, v in V.items():
        row[k] = e.llm.yes_probability([*before, {**last, "content": last["content"] + "\n\n" + v}])
    out.append(row)
    print(json.dumps(row), flush=True)


def auc(k):
    pos = [r[k] for r in out if r["answerable"]]
    neg = [r[k] for r in out if not r["answerable"]]
    return sum((a > b) + 0.5 * (a == b) for a in pos for b in neg) / (len(pos) * len(neg))


for k in V:
    print("AUC", k, round(auc(k), 3))
