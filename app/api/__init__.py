"""The HTTP API: OpenAI's wire format over the chat engine (FastAPI under uvicorn)."""
