"""Generate the sample knowledge base in data/docs from company_facts.py.

    python data/make_docs.py

Reruns produce the same bytes: PDFs are written in reportlab's invariant mode and DOCX files get
fixed core properties and zip timestamps. Files in data/docs that the generator no longer makes
are removed.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # keep data/ free of __pycache__ folders

from docgen import build_corpus  # noqa: E402
from docgen.writers import write  # noqa: E402

DOCS = HERE / "docs"


def main() -> None:
    docs = build_corpus()
    written = {write(doc, DOCS) for doc in docs}
    for stale in sorted(p for p in DOCS.rglob("*") if p.is_file() and p not in written):
        stale.unlink()
    for folder in sorted((p for p in DOCS.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    print(f"wrote {len(written)} files to {DOCS}")


if __name__ == "__main__":
    main()
