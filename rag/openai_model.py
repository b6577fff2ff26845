"""`llm.mode: openai`: an OpenAI-compatible server answers (vLLM, llama.cpp's server, Ollama).

ragchat still builds every prompt from `prompts/` and sends it as chat messages; the server only
decodes. The LoRA adapter is whatever the server serves under `llm.served_adapter_model` (vLLM
`--lora-modules customer-service=PATH`), so the finetuned modes ask that model name. Errors a
user will meet say which setting to look at.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rag.adapters import NamedAdapters
from rag.generation import GenerationConfig
from rag.models import ModelLoadError
from rag.prompting import Messages
from rag.settings import LLMSettings
from rag.token_count import TokenCounter
from rag.token_steps import TokenStep

log = logging.getLogger(__name__)


class LLMServerError(RuntimeError):
    """The server failed a request; the message names the setting to check."""


def _require_openai() -> Any:
    try:
        import openai
    except ImportError as exc:
        raise ModelLoadError(
            "llm.mode = 'openai' needs the openai client: pip install -e '.[openai]'"
        ) from exc
    return openai


class OpenAIChatModel(NamedAdapters):
    runtime = "openai"

    def __init__(self, settings: LLMSettings, counter: TokenCounter) -> None:
        openai = _require_openai()
        self.settings = settings
        self.url = settings.base_url
        self.counter = counter
        key = settings.api_key.get_secret_value() if settings.api_key else "none"
        self.client = openai.OpenAI(
            base_url=self.url,
            api_key=key,
            timeout=settings.timeout_s,
            max_retries=settings.retries,
        )
        served = self._served_models()
        self.served_model = settings.served_model or self._only(served)
        self._check_served("llm.served_model", self.served_model, served)
        adapter = settings.served_adapter_model
        if adapter:
            self._check_served("llm.served_adapter_model", adapter, served)
        self.adapters: dict[str, Path] = {adapter: Path(adapter)} if adapter else {}
        self.default_adapter = adapter or None
        # Nothing here needs serialising (the server queues requests); kept for the interface.
        self.lock = threading.Lock()
        self.report = {
            "model": self.served_model,
            "runtime": "openai",
            "device": "server",
            "quantization": "as served",
            "base_url": self.url,
            "tokens": counter.method,
        }
        if adapter:
            self.report["adapter"] = adapter

    # -- what the server serves -----------------------------------------------------------
    def _served_models(self) -> list[str]:
        openai = _require_openai()
        try:
            return [m.id for m in self.client.models.list()]
        except openai.AuthenticationError as exc:
            raise ModelLoadError(
                f"llm.api_key: the server at {self.url} refused the key ({exc.status_code})"
            ) from exc
        except openai.APIConnectionError as exc:
            raise ModelLoadError(
                f"llm.base_url = '{self.url}': no OpenAI-compatible server answers there "
                f"({exc.__cause__ or exc}); start it, or set llm.mode: local"
            ) from exc

    def _only(self, served: list[str]) -> str:
        if len(served) == 1:
            return served[0]
        raise ModelLoadError(
            f"llm.served_model is empty and the server at {self.url} serves "
            f"{len(served)} models: name one of {', '.join(served) or '(none)'}"
        )

    def _check_served(self, setting: str, name: str, served: list[str]) -> None:
        if name not in served:
            raise ModelLoadError(
                f"{setting} = '{name}': the server at {self.url} serves {', '.join(served)}"
            )

    def load_adapter(self, path: Path, name: str | None = None) -> str:
        name = name or path.name
        if name not in self.adapters:
            raise ModelLoadError(
                f"LoRA adapter '{name}': with llm.mode = 'openai' the server loads adapters; "
                "serve it (vLLM --lora-modules NAME=PATH) and set llm.served_adapter_model"
            )
        return name

    # -- tokens -----------------------------------------------------------------------------
    def context_window(self) -> int:
        return self.settings.context_window

    def count_messages(self, messages: Messages) -> int:
        return self.counter.count_messages(messages)

    def count_text(self, text: str) -> int:
        return self.counter.count_text(text)

    # -- answering ------------------------------------------------------------------------
    def _model_for(self, adapter: str | None) -> str:
        if adapter is None:
            return self.served_model
        return self.load_adapter(Path(adapter))

    def stream(
        self,
        messages: Messages,
        config: GenerationConfig,
        stop: threading.Event | None = None,
        adapter: str | None = None,
        keep_cache: bool = False,
        steps: list[TokenStep] | None = None,
    ) -> Iterator[str]:
        """Stream the server's answer; `stop` closes the HTTP stream after the current piece.
        steps: filled from the tokens' log-probabilities when the server returns them."""
        model = self._model_for(adapter)
        # top_logprobs too: llama-cpp-python's server returns none for logprobs alone.
        asked = {"logprobs": True, "top_logprobs": 1} if steps is not None else {}
        with self._errors(model):
            response = self.client.chat.completions.create(
                model=model,
                messages=messages,
                max_tokens=config.max_new_tokens,
                temperature=config.temperature,
                stream=True,
                extra_body=_sampling(config),
                **asked,
            )
            try:
                for chunk in response:
                    text = chunk.choices[0].delta.content if chunk.choices else None
                    if steps is not None and chunk.choices and chunk.choices[0].logprobs:
                        for token in chunk.choices[0].logprobs.content or []:
                            steps.append(TokenStep(token.token, math.exp(token.logprob)))
                    if text:
                        yield text
                    if stop is not None and stop.is_set():
                        break
            finally:
                response.close()

    def yes_probability(
        self, messages: Messages, adapter: str | None = None, keep_cache: bool = False
    ) -> float:
        """P(yes) / (P(yes) + P(no)) of the first reply token, from the server's top
        log-probabilities (vLLM and llama.cpp return them; a server that doesn't can't judge).
        The server manages its own prompt cache, so keep_cache has nothing to do here."""
        model = self._model_for(adapter)
        with self._errors(model):
            reply = self.client.chat.completions.create(
                model=model,
                messages=messages,
                max_tokens=1,
                temperature=0.0,
                logprobs=True,
                top_logprobs=20,
                extra_body=_sampling(GenerationConfig()),
            )
        logprobs = reply.choices[0].logprobs if reply.choices else None
        if not logprobs or not logprobs.content:
            raise LLMServerError(
                f"answerability.mode = 'model' needs token log-probabilities, which the server "
                f"at {self.url} did not return; set answerability.mode: none"
            )
        p = {"yes": 0.0, "no": 0.0}
        for top in logprobs.content[0].top_logprobs or []:
            word = top.token.strip().lower()
            if word in p:
                p[word] += math.exp(top.logprob)
        if not p["yes"] + p["no"]:
            log.warning("neither yes nor no among the top 20 first tokens: P(yes) taken as 0.5")
            return 0.5
        return p["yes"] / (p["yes"] + p["no"])

    def _errors(self, model: str) -> _ServerErrors:
        return _ServerErrors(self, model)


def _sampling(config: GenerationConfig) -> dict[str, float]:
    # Not in OpenAI's schema: llama.cpp reads repeat_penalty (default 1.1 there, which would
    # change greedy answers against the local mode), vLLM repetition_penalty.
    penalty = config.repetition_penalty
    return {"repeat_penalty": penalty, "repetition_penalty": penalty}


class _ServerErrors:
    """Turns the openai client's exceptions into messages naming the setting to check."""

    def __init__(self, model: OpenAIChatModel, name: str) -> None:
        self.model, self.name, self.started = model, name, time.perf_counter()

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type | None, exc: BaseException | None, tb: Any) -> bool:
        if exc is None:
            return False
        openai = _require_openai()
        url = self.model.url
        if isinstance(exc, openai.APITimeoutError):
            waited = time.perf_counter() - self.started
            raise LLMServerError(
                f"the server at {url} sent nothing for {self.model.settings.timeout_s:g} s "
                f"(llm.timeout_s) after {waited:.0f} s; the answer so far is kept"
            ) from exc
        if isinstance(exc, openai.APIConnectionError):
            raise LLMServerError(f"llm.base_url = '{url}': the server went away ({exc})") from exc
        if isinstance(exc, openai.AuthenticationError):
            raise LLMServerError(f"llm.api_key: the server at {url} refused the key") from exc
        if isinstance(exc, openai.NotFoundError):
            served = ", ".join(m.id for m in self.model.client.models.list())
            raise LLMServerError(
                f"model '{self.name}' is not served at {url} (it serves {served})"
            ) from exc
        if isinstance(exc, openai.BadRequestError) and "context" in str(exc).lower():
            raise LLMServerError(
                f"the prompt is longer than '{self.name}' takes at {url}: lower "
                f"llm.context_window ({self.model.settings.context_window}) to the served "
                f"context, or set llm.tokenizer so tokens are counted exactly ({exc})"
            ) from exc
        return False


def load_openai(settings: LLMSettings, cache_root: Path, adapter: Path | None) -> OpenAIChatModel:
    from rag.adapters import NO_ADAPTER
    from rag.token_count import token_counter

    if adapter is not None and adapter != NO_ADAPTER:
        raise ModelLoadError(
            f"--adapter {adapter}: with llm.mode = 'openai' the server serves adapters; "
            "name one in llm.served_adapter_model"
        )
    model = OpenAIChatModel(settings, token_counter(settings, cache_root))
    if adapter == NO_ADAPTER:
        model.adapters, model.default_adapter = {}, None
        model.report.pop("adapter", None)
    log.info("answering through %s", {k: v for k, v in model.report.items()})
    return model
