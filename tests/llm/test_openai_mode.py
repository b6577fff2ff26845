"""llm.mode: openai against a real OpenAI-compatible server: llama.cpp's (llama-cpp-python's
server) on a loopback port, serving the packaged SmolLM2 GGUF and, under a second name, the
shipped adapter converted to a GGUF LoRA."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from support import free_port

from rag.adapters import resolve_adapter
from rag.engine import AnswerOptions, ChatEngine, build_engine
from rag.generation import GenerationConfig
from rag.lora_gguf import gguf_lora
from rag.models import ModelLoadError, preset_for, preset_gguf
from rag.runtime import describe, load_chat_model
from rag.settings import Settings
from rag.token_count import EstimatedCounter, GgufCounter
from rag.token_steps import TokenStep

pytest.importorskip("llama_cpp.server.app", reason="llama-cpp-python's server extra")
pytest.importorskip("openai")

DOCS = Path(__file__).resolve().parents[2] / "data" / "docs"
KEY = "sk-test-key"
QUESTIONS = [
    "How much does standard shipping cost?",
    "What is the restocking fee for opened items?",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The server process, its /v1 URL; stopped at the end of the module."""
    settings = Settings()
    cache = settings.resolve(settings.llm.cache_dir)
    gguf = preset_gguf(preset_for("smollm2"), cache)
    adapter = resolve_adapter(settings.llm, None)
    common = {"model": str(gguf), "n_ctx": 2048, "n_threads": 2, "verbose": False}
    port = free_port()
    config = {
        "host": "127.0.0.1",
        "port": port,
        "api_key": KEY,
        "models": [
            {**common, "model_alias": "smollm2"},
            {
                **common,
                "model_alias": "customer-service",
                "lora_path": str(gguf_lora(adapter, gguf, cache)),
            },
            {**common, "model_alias": "smollm2-256", "n_ctx": 256},
        ],
    }
    folder = tmp_path_factory.mktemp("llama-server")
    (folder / "config.json").write_text(json.dumps(config))
    log = (folder / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--config_file", str(folder / "config.json")],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/v1"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            httpx.get(f"{url}/models", headers={"Authorization": f"Bearer {KEY}"}, timeout=2)
            break
        except httpx.HTTPError:
            assert process.poll() is None, (folder / "server.log").read_text()
            time.sleep(0.5)
    yield url
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def served(url: str, store: object = None, **llm: object) -> Settings:
    """Settings answering through the server at `url`, with `llm` overrides."""
    return Settings(
        store=store or {},
        llm={
            "mode": "openai",
            "base_url": url,
            "api_key": KEY,
            "served_model": "smollm2",
            "tokenizer": "smollm2",
            **llm,
        },
    )


@pytest.fixture(scope="module")
def engines(server, tmp_path_factory, embedder) -> tuple[ChatEngine, ChatEngine]:
    """The same index answered by the server and by the local model."""
    from ingest.pipeline import Ingester
    from rag.components import open_store

    index = tmp_path_factory.mktemp("openai-index")
    remote = served(server, served_adapter_model="customer-service", store={"path": index})
    store = open_store(remote, embedder)
    Ingester(remote, store, embedder).run([DOCS], progress=False)
    store.close()
    local = Settings(store={"path": index})
    return build_engine(remote), build_engine(local)


def test_greedy_answers_agree_with_the_local_model(engines):
    remote, local = engines
    assert remote.llm.runtime == "openai" and local.llm.runtime == "llamacpp"
    assert "server http://127.0.0.1" in describe(remote.llm.report)
    options = AnswerOptions(max_new_tokens=32)
    pairs = [(remote.ask(q, options=options), local.ask(q, options=options)) for q in QUESTIONS]
    for served_answer, local_answer in pairs:
        assert served_answer.error is None and served_answer.text
        assert served_answer.hits == local_answer.hits or not served_answer.refused
    agree = sum(a.text == b.text for a, b in pairs)
    print(f"greedy answers identical: {agree} of {len(pairs)}")
    assert agree >= 1  # same GGUF, same prompt, greedy: only float summation order differs


def test_the_finetuned_modes_ask_the_served_adapter(engines):
    remote, _ = engines
    assert remote.available_modes() == ("rag", "finetuned", "finetuned+rag")
    messages = [{"role": "user", "content": "My order arrived damaged. What should I do?"}]
    config = GenerationConfig(max_new_tokens=24)
    base = "".join(remote.llm.stream(messages, config))
    tuned = "".join(remote.llm.stream(messages, config, adapter="customer-service"))
    assert base and tuned and tuned != base


def test_the_judgement_matches_the_local_model(engines):
    remote, local = engines
    messages = [{"role": "user", "content": "Is Paris in France? Reply with yes or no only."}]
    served_p = remote.llm.yes_probability(messages)
    local_p = local.llm.yes_probability(messages)
    assert served_p == pytest.approx(local_p, abs=0.05)


def test_token_probabilities_match_the_local_model(engines):
    remote, local = engines
    messages = [{"role": "user", "content": "How many days are in a week? Answer in a sentence."}]
    config = GenerationConfig(max_new_tokens=16)
    served: list[TokenStep] = []
    here: list[TokenStep] = []
    text = "".join(remote.llm.stream(messages, config, steps=served))
    assert "".join(local.llm.stream(messages, config, steps=here)) == text
    assert "".join(step.text for step in served) == text
    pairs = list(zip(served, here, strict=False))  # the last, end-of-turn step may differ
    assert len(pairs) >= 4 and all(a.text == b.text for a, b in pairs[:-1])
    assert [a.p for a, _ in pairs] == pytest.approx([b.p for _, b in pairs], abs=0.02)


def test_stop_closes_the_stream(engines):
    remote, _ = engines
    stop = threading.Event()
    pieces = []
    messages = [{"role": "user", "content": "Count from one to one hundred in words."}]
    for piece in remote.llm.stream(messages, GenerationConfig(max_new_tokens=150), stop):
        pieces.append(piece)
        stop.set()
    assert len(pieces) == 1


def test_the_tokenizer_counts_match_the_local_model(engines):
    remote, local = engines
    messages = [{"role": "user", "content": "How much does standard shipping cost?"}]
    assert remote.llm.count_messages(messages) == local.llm.count_messages(messages)


def test_the_estimate_over_counts_real_text(docs_index):
    """The character estimate must not let a prompt through that the server can't take."""
    settings, store = docs_index
    ids = [row[0] for row in store.db.execute("SELECT id FROM chunks")]
    texts = [chunk.text for chunk, _ in store.get_chunks(ids).values()]
    estimate = EstimatedCounter()
    for preset in ("smollm2", "qwen2.5-coder-1.5b"):
        exact = GgufCounter(
            preset_gguf(preset_for(preset), settings.resolve(settings.llm.cache_dir))
        )
        under = [t for t in texts if estimate.count_text(t) < exact.count_text(t)]
        assert not under, f"{preset}: {len(under)} chunks under-counted, e.g. {under[0][:80]!r}"


def test_server_down_names_the_setting():
    with pytest.raises(ModelLoadError, match=r"llm.base_url = 'http://127.0.0.1:\d+/v1'"):
        load_chat_model(served(f"http://127.0.0.1:{free_port()}/v1", retries=0).llm, Path("."))


def test_a_wrong_model_name_lists_what_is_served(server):
    with pytest.raises(ModelLoadError, match="llm.served_model = 'gpt-9'.*serves smollm2"):
        load_chat_model(served(server, served_model="gpt-9").llm, Path("."))


def test_a_wrong_key_names_the_setting(server):
    with pytest.raises(ModelLoadError, match="llm.api_key"):
        load_chat_model(served(server, api_key="sk-wrong").llm, Path("."))


def test_a_prompt_over_the_served_context_names_the_settings(server, docs_index):
    settings, _ = docs_index
    engine = build_engine(served(server, served_model="smollm2-256", store=settings.store))
    answer = engine.ask(QUESTIONS[0], options=AnswerOptions(max_new_tokens=16))
    assert answer.error and "llm.context_window" in answer.error


def test_a_timeout_keeps_the_answer_and_marks_it(server, docs_index):
    settings, _ = docs_index
    engine = build_engine(served(server, store=settings.store))
    # A server that stops answering: the client waits at most llm.timeout_s for each read.
    llm = engine.llm
    llm.client = llm.client.with_options(timeout=0.05, max_retries=0)
    llm.settings = llm.settings.model_copy(update={"timeout_s": 0.05})
    answer = engine.ask(QUESTIONS[0], options=AnswerOptions(max_new_tokens=16))
    assert answer.error and "llm.timeout_s" in answer.error
    assert "[error:" in answer.text


def test_without_the_openai_package_the_extra_is_named(monkeypatch, server):
    monkeypatch.setitem(sys.modules, "openai", None)
    with pytest.raises(ModelLoadError, match=r"pip install -e '\.\[openai\]'"):
        load_chat_model(served(server).llm, Path("."))


@pytest.mark.gpu
def test_vllm_serves_the_base_and_the_adapter(tmp_path, docs_index):
    """The same engine against vLLM on CUDA, the shipped adapter as a LoRA module; the greedy
    answers are compared with the local model's (llama.cpp on the same weights)."""
    torch = pytest.importorskip("torch")
    if not torch.cuda.is_available():
        pytest.skip("needs CUDA")
    # vLLM pins its own torch: it may live in a virtual environment of its own.
    python = os.environ.get("VLLM_PYTHON", sys.executable)
    found = subprocess.run([python, "-c", "import vllm"], capture_output=True).returncode == 0
    if not found:
        pytest.skip("vLLM is not installed (set VLLM_PYTHON to a python that has it)")
    from rag.llm import resolve_model_dir

    settings, _ = docs_index
    cache = settings.resolve(settings.llm.cache_dir)
    folder = resolve_model_dir(settings.llm, cache)  # the GGUF as a safetensors folder
    adapter = resolve_adapter(settings.llm, None)
    port = free_port()
    command = [python, "-m", "vllm.entrypoints.openai.api_server", "--model", str(folder),
               "--served-model-name", "smollm2", "--enable-lora", "--lora-modules",
               f"customer-service={adapter}", "--max-model-len", "2048", "--port", str(port),
               "--api-key", KEY, "--gpu-memory-utilization", "0.3"]  # fmt: skip
    with (tmp_path / "vllm.log").open("w") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.time() + 420
        while time.time() < deadline:
            assert process.poll() is None, (tmp_path / "vllm.log").read_text()[-3000:]
            try:
                httpx.get(f"{url}/models", headers={"Authorization": f"Bearer {KEY}"}, timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(2)
        remote = build_engine(
            served(url, store=settings.store, served_adapter_model="customer-service")
        )
        local = build_engine(Settings(store=settings.store))
        options = AnswerOptions(max_new_tokens=32)
        agree = 0
        for question in QUESTIONS:
            served_answer = remote.ask(question, options=options)
            assert served_answer.error is None and served_answer.text
            agree += served_answer.text == local.ask(question, options=options).text
        print(f"vLLM and local greedy answers identical: {agree} of {len(QUESTIONS)}")
        tuned = remote.ask(QUESTIONS[0], mode="finetuned+rag", options=options)
        assert tuned.error is None and tuned.text
    finally:
        process.terminate()
        process.wait(timeout=60)
