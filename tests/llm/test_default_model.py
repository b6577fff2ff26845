"""The default model (Qwen2.5-Coder-1.5B-Instruct Q4_K_M, assembled from its packages) loads
through the engine on llama.cpp, answers from the documents and judges answerability."""

from __future__ import annotations

import hashlib

import pytest

pytest.importorskip("llama_cpp", reason="llama-cpp-python is built by `make setup`")

from rag.engine import AnswerOptions, build_engine  # noqa: E402
from rag.llm import NO_ADAPTER  # noqa: E402
from rag.models import DEFAULT_PRESET, PRESETS, ModelLoadError, preset_gguf  # noqa: E402
from rag.settings import LLMSettings, Settings  # noqa: E402
from rag.support import support_probability  # noqa: E402


@pytest.fixture(scope="module")
def engine(docs_index):
    settings, _ = docs_index
    settings = settings.model_copy(deep=True)
    settings.llm = LLMSettings(adapter=None)  # the defaults, not the tests' small preset
    return build_engine(settings, adapter=NO_ADAPTER)


def test_default_is_the_assembled_and_verified_qwen(engine):
    assert LLMSettings().model == DEFAULT_PRESET == "qwen2.5-coder-1.5b"
    preset = PRESETS[DEFAULT_PRESET]
    gguf = preset_gguf(preset, Settings().resolve(Settings().llm.cache_dir))
    assert gguf.stat().st_size == preset.size
    report = engine.llm.report
    assert (report["model"], report["runtime"], report["quantization"]) == (
        "Qwen2.5-Coder-1.5B-Instruct",
        "llamacpp",
        "Q4_K_M",
    )


def test_default_model_answers_from_the_documents(engine):
    answer = engine.ask(
        "How much does standard shipping cost?", options=AnswerOptions(max_new_tokens=40)
    )
    assert answer.error is None and not answer.refused
    assert "$5.99" in answer.text
    assert answer.answerable_p is not None and answer.answerable_p > 0.5
    assert answer.timings.check_s > 0 and answer.timings.ttft_s >= answer.timings.check_s


def test_default_model_doubts_passages_that_do_not_answer(engine):
    options = AnswerOptions(max_new_tokens=8, min_score=0.0)
    unanswerable = engine.ask("What is the sales tax in Idaho?", options=options)
    answerable = engine.ask("How long is the warranty on TrailView GPS units?", options=options)
    assert unanswerable.answerable_p < answerable.answerable_p


def test_a_damaged_part_is_refused_by_hash(tmp_path, monkeypatch):
    preset = PRESETS[DEFAULT_PRESET]
    parts = [tmp_path / f"part{i}.bin" for i in range(2)]
    for part in parts:
        part.write_bytes(b"x" * 10)
    wrong = hashlib.sha256(b"y").hexdigest()
    damaged = preset.__class__(**{**preset.__dict__, "size": 20, "sha256": wrong})
    monkeypatch.setattr("rag.models._part_files", lambda _preset: parts)
    with pytest.raises(ModelLoadError, match="sha256.*expected .*force-reinstall"):
        preset_gguf(damaged, tmp_path / "cache")
    assert not list((tmp_path / "cache").iterdir())  # nothing half-written is left


def test_default_model_confirms_a_copied_claim_and_doubts_a_stitched_one(engine):
    # The TV-4's battery *life* is in data/docs, its capacity in mAh is not: an answer that
    # reuses the 20 hours as a capacity is what rag.support is there to catch.
    hits = engine.retrieve("How long does the TrailView TV-4 battery last?").hits
    passages = [h.text for h in hits]
    copied = support_probability(
        engine.checker, "The TV-4 lasts 20 hours in normal use [1].", passages
    )
    stitched = support_probability(
        engine.checker,
        "The battery capacity in mAh of the TrailView TV-4 is 20 hours [1].",
        passages,
    )
    assert copied > 0.5 > stitched
