"""Generate the customer-service dialogue set in data/dialogues from company_facts.py.

    python data/make_dialogues.py

Writes train.jsonl, val.jsonl and test.jsonl (split by conversation, 80/10/10, fixed seed) and the
counts in README.md. Two styles: "plain" (question -> answer, what a fine-tuned model sees) and
"grounded" (the last user turn carries numbered context passages quoted from data/docs, and the
answer cites the passage it used). The output is the same on every run.
"""

import json
import random
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # keep data/ free of __pycache__ folders

from dialoguegen.build import Builder  # noqa: E402
from dialoguegen.readme import readme  # noqa: E402

SEED = 20240301
OUT = HERE / "dialogues"


def split(conversations):
    order = list(range(len(conversations)))
    random.Random(SEED).shuffle(order)
    n_val = n_test = round(len(order) * 0.1)
    test, val, train = order[:n_test], order[n_test : n_test + n_val], order[n_test + n_val :]
    return {
        name: [conversations[i] for i in sorted(idx)]
        for name, idx in (("train", train), ("val", val), ("test", test))
    }


def main() -> None:
    builder = Builder(SEED)
    conversations = builder.all()
    parts = split(conversations)
    OUT.mkdir(exist_ok=True)
    for name, rows in parts.items():
        lines = (json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        (OUT / f"{name}.jsonl").write_text("".join(lines), encoding="utf-8")
    (OUT / "README.md").write_text(readme(parts, len(builder.intents)), encoding="utf-8")
    styles = Counter(c["style"] for c in conversations)
    print(
        f"{len(conversations)} conversations {dict(styles)}; "
        + ", ".join(f"{k} {len(v)}" for k, v in parts.items())
    )


if __name__ == "__main__":
    main()
