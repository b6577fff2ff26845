"""ragchat runtime core: settings, embeddings, store, retrieval, prompting, LLM and chat engine."""
