"""LangChain's OpenAI integrations pointed at the server, as a user's chain would use them.

LangChain keeps only OpenAI's own fields of a response, so `sources` don't reach its messages:
a chain that needs them asks /v1/search or uses the openai client (README: HTTP API)."""

from __future__ import annotations

from langchain_openai import ChatOpenAI


def test_chat_openai_invoke_and_stream(server):
    llm = ChatOpenAI(base_url=server.v1, api_key="unused", model="rag", max_tokens=12)
    reply = llm.invoke("How much does standard shipping cost?")
    assert reply.content and reply.usage_metadata["output_tokens"] > 0
    assert reply.response_metadata["model_name"] == "rag"
    pieces = list(llm.stream("How do I reset my password?"))
    assert "".join(p.content for p in pieces).strip()
