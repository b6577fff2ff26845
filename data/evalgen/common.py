"""Helpers shared by the question lists: one row builder and the PDF page lookup."""

from docgen import build_corpus

DOCS = {doc.path: doc for doc in build_corpus()}


def page_of(path: str, heading: str) -> int:
    """1-based page of the PDF section whose heading contains `heading`."""
    for number, section in enumerate(DOCS[path].sections, start=1):
        if heading.lower() in section.heading.lower():
            return number
    raise KeyError(f"{path}: no section {heading!r}")


def q(id, category, question, source, answer, facts, page=None, conversation=None):
    """One evaluation row; `page` names the PDF section heading and becomes its page number."""
    sources = source if isinstance(source, list) else [source]
    for path in sources:
        if path not in DOCS:
            raise KeyError(f"{id}: unknown source {path}")
    row = {"id": id, "question": question, "source": source}
    if page is not None:
        pdfs = [s for s in sources if s.endswith(".pdf")]
        assert len(pdfs) == 1, f"{id}: page needs exactly one PDF source"
        row["page"] = page_of(pdfs[0], page)
    row.update(answer=answer, facts=facts, category=category)
    if conversation:
        row["conversation"] = [
            {"role": role, "content": text}
            for i, text in enumerate(conversation)
            for role in ["user" if i % 2 == 0 else "assistant"]
        ]
    return row


def unanswerable(id, question):
    return {
        "id": id,
        "question": question,
        "answer": "not in the documents",
        "facts": [],
        "category": "unanswerable",
    }
