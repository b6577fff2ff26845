"""How sure is the model of the answer it writes? Per-token confidence as an answerability signal.

    python bench/answer_confidence.py --out runs/answer-confidence.jsonl [--shard I/N]

The questions of bench/refusal_signals.py, unanswerable and answerable alternating. For each the
default model writes its greedy answer on llama.cpp while a logits processor records, at every
step, the probability of the token chosen (greedy: the largest). A copied figure or name is a
near-certain token; an invented one is a guess among several. Recorded: the answer, the mean
and minimum chosen-token probability over the first sentence, the same over tokens holding a
digit or a capital letter (the facts), whether the answer refuses in its own words, the shipped
judgement's P(yes) and the best hit's cosine. --judge-only skips the answer (a quicker run).
--per-passage also asks, after the same prompt (its KV cache reused, so each costs one line),
whether each numbered passage alone holds the answer ("passages": P(yes) per passage) and a
stricter wording that discounts passages on the right topic without the asked detail
("strict").
--verify also asks, after the answer (the KV cache of the prompt and the answer reused, so each
costs one line), whether the passages state that answer ("verify") and a stricter wording
that asks for every figure and name ("verify_strict"): a check of what the model committed to,
not of the question.
--questions names other question files, e.g. data/eval/paraphrased.jsonl (answerable questions
reworded away from the documents' wording, as people ask them): no threshold may refuse those.
"""

import argparse
import hashlib
import json
import os
import sys
import threading
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evals.questions import DEFAULT_QUESTIONS, load_questions  # noqa: E402
from evals.questions import REFUSAL_CALIBRATION as CALIBRATION
from rag.adapters import NO_ADAPTER  # noqa: E402
from rag.answerability import judge_messages  # noqa: E402
from rag.engine import AnswerOptions, _Run, build_engine  # noqa: E402
from rag.grounding import says_not_found  # noqa: E402
from rag.settings import Settings  # noqa: E402


def greedy_with_confidence(llm, messages, max_tokens: int = 80) -> tuple[str, list[tuple]]:
    """The greedy answer and (token text, P(chosen token)) per step."""
    steps: list[tuple] = []

    def capture(_ids, scores):
        chosen = int(scores.argmax())  # greedy: the token generated at this step
        p = float(1.0 / np.exp(scores - scores[chosen]).sum())  # its softmax probability
        steps.append((llm.llama.detokenize([chosen]).decode("utf-8", "ignore"), p))
        return scores

    tokens = llm.prompt_tokens(messages)
    with llm.lock:
        llm._activate(None)
        out = llm.llama.create_completion(
            tokens, max_tokens=max_tokens, temperature=0.0, top_k=0, logits_processor=[capture]
        )
    return out["choices"][0]["text"], steps


PER_PASSAGE = (
    "Before answering: does passage [{n}] above contain the answer to this question? "
    "Reply with yes or no only."
)
STRICT = (
    "Before answering: do the numbered passages above state what this question asks for? "
    "Passages about the same product or topic that do not give the asked detail do not count: "
    "if the question asks for a speaker's weight and the passages give only its battery life "
    "and price, the reply is no. Reply with yes or no only."
)


VERIFY = (
    "Check your answer above against the numbered passages: do they state it? "
    "Reply with yes or no only."
)
VERIFY_STRICT = (
    "Is every figure, name and yes-or-no in your answer above stated in the numbered passages, "
    "not guessed or taken from elsewhere? Reply with yes or no only."
)


def after_answer(messages: list[dict], answer: str, line: str) -> list[dict]:
    """The answer prompt, the model's own answer as its turn, then `line` as the next turn."""
    return [*messages, {"role": "assistant", "content": answer}, {"role": "user", "content": line}]


def asked(messages: list[dict], line: str) -> list[dict]:
    """The answer prompt with `line` appended to its last user turn (as judge_messages)."""
    *before, last = messages
    return [*before, {**last, "content": f"{last['content']}\n\n{line}"}]


def stats(steps: list[tuple]) -> dict:
    first: list[tuple] = []
    for piece, p in steps:  # the first sentence holds the answer; the rest is often padding
        first.append((piece, p))
        if piece.strip().endswith((".", "!", "?")) and len(first) > 3:
            break
    facts = [p for piece, p in first if any(c.isdigit() or c.isupper() for c in piece)]
    all_p = [p for _, p in first] or [1.0]
    return {
        "mean_p": float(np.mean(all_p)),
        "min_p": float(np.min(all_p)),
        "fact_mean_p": float(np.mean(facts)) if facts else 1.0,
        "fact_min_p": float(np.min(facts)) if facts else 1.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("runs/answer-confidence.jsonl"))
    parser.add_argument("--shard", default="0/1")
    parser.add_argument("--judge-only", action="store_true", help="only P(yes), no answer")
    parser.add_argument("--per-passage", action="store_true", help="also per passage, strict")
    parser.add_argument("--verify", action="store_true", help="also P(yes) after the answer")
    parser.add_argument(
        "--questions", type=Path, nargs="+", default=[CALIBRATION, DEFAULT_QUESTIONS]
    )
    args = parser.parse_args()
    done = set()
    if args.out.exists():
        done = {json.loads(line)["id"] for line in args.out.read_text().splitlines()}
    engine = build_engine(Settings(), adapter=NO_ADAPTER)
    llm, prompts = engine.llm, engine.prompts
    questions = [q for path in args.questions for q in load_questions(path)[0]]
    questions.sort(key=lambda q: hashlib.sha256(q.id.encode()).hexdigest())
    # Alternate unanswerable and answerable questions: a partial run is a balanced sample.
    unanswerable = [q for q in questions if not q.answerable]
    answerable = [q for q in questions if q.answerable]
    questions = [q for pair in zip(unanswerable, answerable, strict=False) for q in pair]
    questions += answerable[len(unanswerable) :]
    shard, shards = map(int, args.shard.split("/"))
    with args.out.open("a", encoding="utf-8") as out:
        for q in questions[shard::shards]:
            if q.id in done:
                continue
            retrieval = engine.retrieve(q.question, q.conversation)
            if not retrieval.hits:
                continue
            options = AnswerOptions()
            run = _Run(q.question, q.conversation, options, retrieval, threading.Event(), print)
            prompt = engine._prompt(run, retrieval.hits)
            row = {"id": q.id, "answerable": q.answerable}
            row["judge"] = llm.yes_probability(judge_messages(prompts, prompt.messages))
            row["similarity"] = retrieval.hits[0].similarity
            row["score"] = retrieval.hits[0].score
            if args.per_passage:
                lines = [PER_PASSAGE.format(n=n) for n in range(1, len(prompt.hits) + 1)]
                row["passages"] = [llm.yes_probability(asked(prompt.messages, x)) for x in lines]
                row["strict"] = llm.yes_probability(asked(prompt.messages, STRICT))
            if not args.judge_only:
                answer, steps = greedy_with_confidence(llm, prompt.messages)
                row.update(answer=answer.strip(), refuses=says_not_found(answer), **stats(steps))
                if args.verify:
                    for key, line in (("verify", VERIFY), ("verify_strict", VERIFY_STRICT)):
                        messages = after_answer(prompt.messages, answer.strip(), line)
                        row[key] = llm.yes_probability(messages)
            out.write(json.dumps(row) + "\n")
            out.flush()


if __name__ == "__main__":
    main()
