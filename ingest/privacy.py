"""ingest.mask_pii: personal data masked in loaded documents, before chunking and embedding."""

from __future__ import annotations

from collections import Counter

from langchain_core.documents import Document

from rag.pii import mask_pii

# Appended to a masked file's content hash in the manifest: turning ingest.mask_pii on or off
# makes the next ingest re-read every file, so no unmasked chunk stays behind.
MASKED = ":pii-masked"


def mask_documents(docs: list[Document]) -> dict[str, int]:
    """Mask each document's text and its title/heading metadata in place; counts by kind.

    Titles and headings are masked too: they are stored with every chunk and shown as sources.
    """
    counts: Counter[str] = Counter()
    for doc in docs:
        masked = mask_pii(doc.page_content)
        doc.page_content = masked.text
        counts.update(masked.counts)
        for key in ("title", "heading"):
            value = doc.metadata.get(key)
            if isinstance(value, str) and value:
                meta = mask_pii(value)
                doc.metadata[key] = meta.text
                counts.update(meta.counts)
    return dict(sorted(counts.items()))
