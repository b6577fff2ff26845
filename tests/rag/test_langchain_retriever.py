"""The index as a LangChain retriever (README: `rag.retriever.LangChainRetriever`)."""

from __future__ import annotations

import subprocess
import sys

from rag.retriever import LangChainRetriever, Retriever


def test_langchain_retriever_returns_documents_with_sources(docs_index, embedder):
    settings, store = docs_index
    retriever = LangChainRetriever(retriever=Retriever(store, embedder, settings.retrieval), k=3)
    documents = retriever.invoke("How long do I have to return an item?")
    assert len(documents) == 3
    assert documents[0].metadata["source"] == "returns/return-policy.md"
    assert "30 days" in documents[0].page_content
    assert {"page", "score", "similarity", "id"} <= set(documents[0].metadata)


def test_the_engine_does_not_import_langchain_retrievers():
    code = "import sys, rag.engine, rag.components\n"
    code += "print('langchain_core.retrievers' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
