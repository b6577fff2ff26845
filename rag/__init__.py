"""ragchat runtime core: settings, embeddings, store, retrieval, prompting, LLM and chat engine."""

import logging

# bitsandbytes warns on import about an optional kernel hub download we never use.
logging.getLogger("bitsandbytes").setLevel(logging.ERROR)
