"""The chat engine on the real SmolLM2 model and the real docs index (short answers)."""

from __future__ import annotations

import pytest

from prompts import PromptError, load_prompts
from rag.engine import AnswerOptions, ChatEngine, build_engine
from rag.llm import NO_ADAPTER
from rag.prompting import build_prompt
from rag.schema import Hit


@pytest.fixture(scope="module")
def engine(docs_index) -> ChatEngine:
    settings, _ = docs_index
    settings = settings.model_copy(deep=True)
    settings.llm.max_new_tokens = 24
    return build_engine(settings, adapter=NO_ADAPTER)


def test_answer_retrieves_the_right_file_and_cites_a_source(engine):
    answer = engine.ask(
        "How much does standard shipping cost?", options=AnswerOptions(max_new_tokens=32)
    )
    assert answer.error is None and not answer.refused
    assert "help/shipping-options.html" in [h.source for h in answer.hits[:3]]
    assert answer.text
    assert answer.timings.ttft_s is not None and answer.timings.tokens > 0
    # A cited source (marker or best-supporting chunk) is one of the retrieved chunks.
    assert all(s in answer.hits for s in answer.sources)


def test_off_topic_question_gets_the_not_in_documents_reply(engine):
    answer = engine.ask("Who painted the Mona Lisa?")
    assert answer.refused and answer.hits == []
    assert answer.text == engine.prompts.render("not_found")


def test_follow_up_is_condensed_before_retrieval(engine):
    history = [
        {"role": "user", "content": "How long is the warranty on TrailView GPS units?"},
        {"role": "assistant", "content": "TrailView GPS units have a 24-month warranty."},
    ]
    found = engine.retrieve("And what voids it?", history)
    assert "TrailView" in found.query and "voids" in found.query
    assert found.hits


def test_stream_yields_pieces_then_the_answer(engine):
    stream = engine.stream(
        "How do I reset my password?", [], "rag", AnswerOptions(max_new_tokens=12)
    )
    pieces = list(stream)
    assert pieces and "".join(pieces).strip() == stream.answer.text
    assert 1 <= stream.answer.timings.tokens <= 12


def test_finetuned_mode_without_adapter_is_a_clear_error(engine):
    answer = engine.ask("Hello", mode="finetuned")
    assert answer.error and "adapter" in answer.error


def test_prompt_never_overflows_the_context_window(engine):
    long_text = "Returns are accepted within 30 days of delivery. " * 40
    hits = [Hit(id=i, text=long_text, source=f"f{i}.md", page=None, score=1.0) for i in range(12)]
    history = [
        {"role": "user" if i % 2 == 0 else "assistant", "content": long_text} for i in range(10)
    ]
    budget = 1024

    count = engine.llm.count_messages

    built = build_prompt(
        engine.prompts,
        "How long?",
        history,
        hits,
        budget,
        count,
        engine.llm.count_text,
        history_tokens=4096,
    )
    assert built.tokens <= budget and count(built.messages) == built.tokens
    assert 1 <= len(built.hits) < len(hits)
    # Whole chunks only, and the best-ranked ones are kept.
    assert built.hits == hits[: len(built.hits)]
    assert built.history == [] or built.history[0]["role"] == "user"


def test_template_placeholder_errors_name_the_template(tmp_path):
    for name in ("system_rag", "system_plain", "passage", "condense", "not_found"):
        src = load_prompts().templates[name]
        (tmp_path / f"{name}.txt").write_text(src)
    (tmp_path / "context_question.txt").write_text("Context: {contxt}\nQuestion: {question}")
    with pytest.raises(PromptError, match="context_question.*missing.*context.*unknown.*contxt"):
        load_prompts(tmp_path)


def test_an_answer_that_loops_is_stopped_and_cut(docs_index):
    settings, _ = docs_index
    settings = settings.model_copy(deep=True)
    settings.llm.stop_on_repeat = 3  # any repeated 3-word run counts as a loop
    looping = build_engine(settings, adapter=NO_ADAPTER)
    answer = looping.ask("Which products have a restocking fee when they are opened?")
    words = answer.text.lower().split()
    runs = [tuple(words[i : i + 3]) for i in range(len(words) - 2)]
    assert answer.text and len(runs) == len(set(runs))  # the cut answer repeats no 3-word run


def test_answerability_below_the_threshold_is_the_not_found_reply(engine, monkeypatch):
    monkeypatch.setattr(engine.settings.answerability, "min_probability", 1.0)
    answer = engine.ask("How much does standard shipping cost?")
    assert answer.refused and answer.text == engine.prompts.render("not_found")
    assert 0.0 < answer.answerable_p < 1.0
    assert answer.hits and not answer.sources  # the passages are kept as related, none cited
    monkeypatch.setattr(engine.settings.answerability, "min_probability", 0.0)
    assert not engine.ask("How much does standard shipping cost?").refused


def test_an_answer_with_invented_figures_is_withdrawn(engine, monkeypatch):
    monkeypatch.setattr(engine.settings.answerability, "check_figures", "answer")
    monkeypatch.setattr(engine.settings.answerability, "min_probability", 0.0)
    # The model's words are fixed here so the answer surely states a figure no passage has.
    monkeypatch.setattr(
        engine.llm, "stream", lambda *a, **k: iter(["Idaho's tax", " is 7.35% [1]."])
    )
    stream = engine.stream("How much does standard shipping cost?")
    shown = "".join(stream)
    answer = stream.answer
    assert answer.refused and answer.ungrounded == ["7.35"]
    assert answer.text == engine.prompts.render("not_found") and "withdrawn" in shown


@pytest.mark.parametrize("scope, withdrawn", [("claim", False), ("answer", True)])
def test_the_claim_scope_checks_only_the_first_sentence(engine, monkeypatch, scope, withdrawn):
    monkeypatch.setattr(engine.settings.answerability, "check_figures", scope)
    monkeypatch.setattr(engine.settings.answerability, "min_probability", 0.0)
    monkeypatch.setattr(engine.settings.answerability, "min_support", 0.0)
    # The first sentence copies nothing numeric; the second works out a figure of its own.
    reply = ["Standard shipping is cheap [1].", " Two orders would cost 13.37 in all."]
    monkeypatch.setattr(engine.llm, "stream", lambda *a, **k: iter(reply))
    answer = engine.ask("How much does standard shipping cost?")
    assert answer.refused is withdrawn
    assert answer.ungrounded == (["13.37"] if withdrawn else [])


@pytest.mark.parametrize("model, withdrawn", [("BC-2000 Pro", True), ("BC-1000", False)])
def test_a_figure_the_passages_give_for_another_model_is_withdrawn(
    engine, monkeypatch, model, withdrawn
):
    check = engine.settings.answerability
    monkeypatch.setattr(check, "check_models", True)
    monkeypatch.setattr(check, "check_figures", "none")
    monkeypatch.setattr(check, "min_probability", 0.0)
    monkeypatch.setattr(check, "min_support", 0.0)
    # The BC-1000 manual's wall-charging time, given for the model asked about.
    reply = [f"The {model} takes 2 hours", " to charge from a wall outlet [1]."]
    monkeypatch.setattr(engine.llm, "stream", lambda *a, **k: iter(reply))
    stream = engine.stream(f"How long does the {model} take to charge from a wall outlet?")
    shown = "".join(stream)
    assert stream.answer.refused is withdrawn
    assert stream.answer.ungrounded == (["2"] if withdrawn else [])
    assert ("[withdrawn: 2 is said of BC-1000" in shown) is withdrawn


@pytest.mark.parametrize("name, withdrawn", [("Alexa", True), ("PartyLink", False)])
def test_a_yes_about_a_name_no_document_mentions_is_withdrawn(engine, monkeypatch, name, withdrawn):
    check = engine.settings.answerability
    monkeypatch.setattr(check, "check_names", True)
    monkeypatch.setattr(check, "min_probability", 0.0)
    monkeypatch.setattr(check, "min_support", 0.0)
    reply = ["Yes, the RidgeSound RS-8 Max works", f" with {name} [1]."]
    monkeypatch.setattr(engine.llm, "stream", lambda *a, **k: iter(reply))
    # PartyLink (stereo pairing) is in the RidgeSound documents; Alexa is in none.
    stream = engine.stream(f"Does the RidgeSound RS-8 Max work with {name}?")
    shown = "".join(stream)
    assert stream.answer.refused is withdrawn
    assert stream.answer.ungrounded == ([name] if withdrawn else [])
    assert (f"[withdrawn: {name} is in none of the documents]" in shown) is withdrawn


def test_search_terms_from_the_model_are_searched_beside_the_question(engine):
    settings = engine.settings.model_copy(deep=True)
    settings.retrieval.query_terms = "model"
    settings.retrieval.query_terms_under = 1.0  # every question's best hit is under it
    with_terms = ChatEngine(settings, engine.retriever, engine.llm, engine.prompts)
    question = "How much does standard shipping cost?"
    found = with_terms.retrieve(question)
    assert found.query.startswith(question + " ") and len(found.query) > len(question) + 2
    assert "help/shipping-options.html" in [h.source for h in found.hits[:3]]
    # Off, or with a best hit above query_terms_under, the question is searched as asked.
    assert engine.retrieve(question).query == question
    settings.retrieval.query_terms_under = engine.retriever.relevance(found.hits[0]) / 2
    assert with_terms.retrieve(question).query == question
    settings.retrieval.query_terms_under = 1.0
    # Nothing over the gate: terms are asked for, and when nothing passes with them either the
    # question is refused as before.
    steps = []
    refused = with_terms.retrieve("Who painted the Mona Lisa?", progress=steps.append)
    assert refused.hits == [] and steps == ["choosing search terms…"]
    steps = []
    stream = with_terms.stream(question, options=AnswerOptions(max_new_tokens=4))
    stream.on_progress = steps.append
    stream.consume()
    assert steps[0] == "choosing search terms…" and steps[1].startswith("reading ")
    assert stream.answer.query == found.query
