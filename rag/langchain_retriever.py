"""The ragchat index as a LangChain retriever, for users' own chains (`retriever.invoke(q)`).

Kept out of rag/retriever.py so the page and the CLI don't import LangChain's retriever
classes; `rag.retriever.LangChainRetriever` still finds it.
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever


class LangChainRetriever(BaseRetriever):
    """The ragchat index as a LangChain retriever, for use in users' own chains."""

    retriever: Any
    k: int | None = None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return [
            Document(
                page_content=hit.text,
                metadata={
                    "source": hit.source,
                    "page": hit.page,
                    "score": hit.score,
                    "similarity": hit.similarity,
                    "id": hit.id,
                },
            )
            for hit in self.retriever.search(query, k=self.k)
        ]
