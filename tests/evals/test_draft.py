"""`ragchat eval --draft-questions DIR --out FILE`: a question file drafted from documents."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import docx
import pytest

from evals.cli import add_arguments, evaluate
from evals.cli import run as run_cli
from evals.draft import draft_questions, file_questions, write_drafts
from evals.phrasing import as_question, term_question
from evals.questions import load_questions
from ingest.loaders import load_file

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "data" / "docs"


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return parser.parse_args(["--quiet", *argv])


@pytest.fixture(scope="module")
def drafted(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("draft") / "draft.jsonl"
    assert run_cli(parse("--draft-questions", str(DOCS), "--out", str(out))) == 0
    return out


def test_drafts_from_the_shipped_docs_load_and_name_real_sources(drafted):
    questions, problems = load_questions(drafted)
    assert problems == [] and len(questions) >= 60
    sources = {s for q in questions for s in q.sources}
    assert len(sources) >= 20  # every format: Markdown, HTML, DOCX, text, PDF
    for q in questions:
        (source,) = q.sources
        assert (DOCS / source).is_file(), source
        assert q.question.endswith(("?", "?.")) or "?" in q.question, q.question
        assert q.id.startswith("draft-")
    by_text = {q.question: q for q in questions}
    assert by_text["Where do you ship?"].sources == ["faq.md"]  # an FAQ heading as written
    pdf = [q for q in questions if q.sources[0].endswith(".pdf")]
    assert pdf and all(q.page and q.page >= 1 for q in pdf)
    for q in pdf:  # the page named is a page of that PDF
        pages = {d.metadata["page"] for d in load_file(DOCS / q.sources[0])}
        assert q.page in pages


def test_retrieval_only_eval_runs_over_the_drafted_file(
    drafted, docs_index, embedder, tmp_path, monkeypatch
):
    settings, _ = docs_index
    monkeypatch.setattr("rag.components.build_embedder", lambda _settings: embedder)
    args = parse(
        "--questions", str(drafted), "--index", str(settings.store.path), "--retrieval-only",
        "--out", str(tmp_path / "run"),
    )  # fmt: skip
    summary = evaluate(args, settings)
    covered = summary["covered"]["retrieval.hit@5"]
    assert covered == len(load_questions(drafted)[0])
    assert summary["retrieval.hit@5"] > 0.5  # drafted from the answering file's own headings


def test_an_unreadable_file_is_reported_and_the_rest_drafted(tmp_path, capsys):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(DOCS / "faq.md", folder / "faq.md")
    shutil.copy(DOCS / "manuals" / "basecamp-bc1000-manual.pdf", folder / "manual.pdf")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 this is not a PDF")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "mine.jsonl"

    drafts = draft_questions(folder, max_per_file=3)
    assert {s for s, _ in drafts.skipped} == {"broken.pdf", "binary.txt"}
    assert all(reason for _, reason in drafts.skipped)
    assert {r["source"] for r in drafts.rows} == {"faq.md", "manual.pdf"}
    assert len(drafts.rows) == 6  # --max-per-file 3 of each readable file

    assert run_cli(parse("--draft-questions", str(folder), "--out", str(out))) == 0
    err = capsys.readouterr().err
    assert "skipped broken.pdf: corrupt PDF" in err and "skipped binary.txt:" in err
    edited = out.read_text().replace("Where do you ship?", "Which countries do you ship to?")
    out.write_text(edited)
    assert run_cli(parse("--draft-questions", str(folder), "--out", str(out))) == 2
    assert "Which countries" in out.read_text()  # an edited draft is never overwritten
    args = ("--draft-questions", str(folder), "--out", str(out), "--fresh", "--limit", "2")
    assert run_cli(parse(*args)) == 0
    assert len(out.read_text().splitlines()) == 2


def test_headings_terms_and_question_lines_of_a_text_file(tmp_path):
    text = (
        "PEAKCAM HELP\n============\n\nPeakCam cameras record in 4K at up to sixty frames.\n\n"
        "The camera does not respond\n---------------------------\n\nHold both buttons down.\n\n"
        "Q: Can I use it under water?\nYes, to 10 metres.\n\n"
        "Battery life: about two hours at 4K.\nNote: see\n"
    )
    path = tmp_path / "help.txt"
    path.write_text(text)
    rows = file_questions(load_file(path), "help.txt")
    assert [r["question"] for r in rows] == [
        "What should I do if the camera does not respond?",  # the title above it is left out
        "Can I use it under water?",
        "What is the battery life?",
    ]
    assert rows[2]["answer"] == "about two hours at 4K."
    write_drafts([{"id": "draft-001", **rows[0]}], tmp_path / "d.jsonl")
    assert json.loads((tmp_path / "d.jsonl").read_text())["source"] == "help.txt"


def test_html_and_docx_sub_headings_become_questions(tmp_path):
    html = tmp_path / "help.html"
    html.write_text(
        "<html><body><main><h1>Help centre</h1><h2>Shipping</h2><p>We ship from Leeds.</p>"
        "<h3>Where do you deliver?</h3><p>To every EU country.</p>"
        "<h4>Parcel lockers</h4><p>Lockers hold a parcel for five days.</p></main></body></html>"
    )
    document = docx.Document()
    document.add_heading("Returns", level=1)
    document.add_paragraph("Returns are free within thirty days of delivery.")
    document.add_heading("Damaged items", level=2)
    document.add_paragraph("Send us a photo of the damage and we replace the item.")
    document.save(str(tmp_path / "returns.docx"))
    asked = {
        name: [r["question"] for r in file_questions(load_file(tmp_path / name), name)]
        for name in ("help.html", "returns.docx")
    }
    assert asked["help.html"] == [
        "What should I know about the shipping?",
        "Where do you deliver?",
        "What should I know about parcel lockers?",
    ]
    assert "What should I know about damaged items?" in asked["returns.docx"]


@pytest.mark.parametrize(
    ("heading", "question"),
    [
        ("Where do you ship?", "Where do you ship?"),
        ("How to reset the radio", "How do I reset the radio?"),
        ("Resetting your password", "How do I go about resetting my password?"),
        ("The screen is frozen", "What should I do if the screen is frozen?"),
        ("Return window", "What should I know about the return window?"),
        ("Canada", "What should I know about Canada?"),
        ("Opening hours", "What should I know about opening hours?"),
        ("Who can buy", "Who can buy?"),
        ("PRIVACY POLICY", "What should I know about the privacy policy?"),
    ],
)
def test_headings_become_questions(heading, question):
    text = "We ship to Canada. Our return window and opening hours are below."
    assert as_question(heading, text) == question


def test_terms_become_questions():
    assert term_question("Restocking fee", "a restocking fee applies") == (
        "What is the restocking fee?"
    )
    assert term_question("Contact details", "your contact details") == (
        "What are the contact details?"
    )
    assert term_question("UPS mode", "") == "What is UPS mode?"
