"""Documents page: upload (names sanitised, bad files explained), remove, re-index; and a
document carrying HTML is only ever shown as text in the chat."""

from __future__ import annotations

from conftest import DOCS

from app.ui import engine as ui_engine
from rag.settings import Settings

PAGE = "pages/2_Documents.py"
QUOKKA = (
    "The Quokka desk lamp ships in a bright orange box with two spare bulbs.\n"
    "<script>alert(1)</script> <b>x</b>\n"
)


def button(at, label: str):
    return next(b for b in at.button if b.label == label)


def indexed_sources(at) -> list[str]:
    return list(at.dataframe[0].value["file"])


def upload(at, *files: tuple[str, bytes, str]):
    at.file_uploader[0].set_value(list(files)).run()
    button(at, "Add to the index").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def choose(at, *sources: str):
    """Select files in the multiselect by the names the table shows."""
    frame = at.dataframe[0].value
    paths = dict(zip(frame["file"], frame["path"], strict=True))
    at.multiselect[0].set_value([paths[source] for source in sources]).run()
    return at


def test_upload_sanitises_names_and_explains_bad_files(page, app_env):
    at = page(PAGE).run()
    assert not at.exception
    upload(
        at,
        ("../../escape.txt", b"Nothing outside the uploads folder is ever written.", "text/plain"),
        ("broken.pdf", b"this is not a PDF at all", "application/pdf"),
    )
    assert (app_env.uploads / "escape.txt").is_file()
    assert not (app_env.root.parent / "escape.txt").exists()
    assert not (app_env.uploads / "broken.pdf").exists()  # no copy of a file the index can't use
    errors = " ".join(e.value for e in at.error)
    assert "broken.pdf" in errors and "Not indexed" in errors
    assert "escape.txt" in at.success[0].value
    assert "escape.txt" in indexed_sources(at)

    # Same name, other content: a numbered copy, never an overwrite.
    upload(at, ("escape.txt", b"A second, different file with the same name.", "text/plain"))
    assert (app_env.uploads / "escape-1.txt").is_file()
    assert {"escape.txt", "escape-1.txt"} <= set(indexed_sources(at))

    choose(at, "escape.txt", "escape-1.txt")
    button(at, "Remove from the index").click().run()
    assert not {"escape.txt", "escape-1.txt"} & set(indexed_sources(at))
    assert not (app_env.uploads / "escape.txt").exists()
    assert "Removed" in at.success[0].value


def test_reindex_a_file(page, app_env):
    at = page(PAGE).run()
    frame = at.dataframe[0].value
    chunks = dict(zip(frame["file"], frame["chunks"], strict=True))
    choose(at, "faq.md")
    assert at.multiselect[0].value == [str((DOCS / "faq.md").resolve())]
    button(at, "Re-index").click().run()
    assert not at.exception and "Re-indexed: faq.md" in at.success[0].value
    frame = at.dataframe[0].value
    assert dict(zip(frame["file"], frame["chunks"], strict=True))["faq.md"] == chunks["faq.md"]


def test_document_html_is_shown_as_text_never_rendered(page, app_env):
    # Uploaded on the documents page, asked on the chat page with the adapter: one engine (one
    # model, one in-memory index) serves both pages and every adapter, so the chat finds it.
    docs = page(PAGE).run()
    upload(docs, ("quokka.txt", QUOKKA.encode(), "text/plain"))
    assert "quokka.txt" in indexed_sources(docs)
    assert ui_engine._settings_key(Settings()) in ui_engine._built

    chat = page("Home.py").run()
    chat.chat_input[0].set_value("What colour is the box the Quokka desk lamp ships in?").run()
    assert not chat.exception, [e.value for e in chat.exception]
    turn = chat.session_state["turns"][-1]
    assert "quokka.txt" in [h["source"] for h in turn["hits"]]
    passages = [c.value for c in chat.chat_message[1].expander[0].code]
    assert any("<script>alert(1)</script> <b>x</b>" in p for p in passages)
    for element in chat.markdown:  # answer text and captions: Markdown, never raw HTML
        assert not element.proto.allow_html
        assert "<script" not in element.value.replace("\\<", "")
        assert "<b>" not in element.value.replace("\\<", "")

    choose(docs, "quokka.txt")
    button(docs, "Remove from the index").click().run()
    assert "quokka.txt" not in indexed_sources(docs)
