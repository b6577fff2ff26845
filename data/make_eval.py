"""Generate the evaluation questions in data/eval from company_facts.py.

    python data/make_eval.py

Writes questions.jsonl (answerable, multi-file, follow-up and unanswerable questions),
fresh_facts.json (a policy change applied to one document) and fresh_facts.jsonl (questions whose
answers are the new values). The question texts live in evalgen/questions_*.py and
evalgen/more.py; page numbers of PDF answers are looked up from the document builders, so they
follow the documents.
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # keep data/ free of __pycache__ folders

from evalgen.fresh import FRESH_FILE, fresh_questions, replacements  # noqa: E402
from evalgen.questions import all_questions  # noqa: E402

OUT = HERE / "eval"


def write_jsonl(path: Path, rows) -> None:
    lines = (json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    path.write_text("".join(lines), encoding="utf-8")


def main() -> None:
    OUT.mkdir(exist_ok=True)
    questions = all_questions()
    ids = [q["id"] for q in questions]
    assert len(ids) == len(set(ids)), "duplicate question ids"
    write_jsonl(OUT / "questions.jsonl", questions)
    change = {
        "file": FRESH_FILE,
        "replace": replacements(),
        "description": "Policy change: longer return window, lower restocking and label "
        "fees, faster refunds and a later holiday return deadline.",
    }
    (OUT / "fresh_facts.json").write_text(json.dumps(change, indent=2) + "\n", encoding="utf-8")
    write_jsonl(OUT / "fresh_facts.jsonl", fresh_questions())
    by_cat = {}
    for q in questions:
        by_cat[q["category"]] = by_cat.get(q["category"], 0) + 1
    print(f"{len(questions)} questions {by_cat}; {len(fresh_questions())} fresh-facts questions")


if __name__ == "__main__":
    main()
