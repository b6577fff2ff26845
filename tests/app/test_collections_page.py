"""The pages with a user limited to one collection: offered only it, answered only from it,
shown only its files; an unlimited user chooses among all of them."""

from __future__ import annotations

import pytest
from conftest import DOCS
from support import COLLECTION_FILES, copy_index, split_collections

from rag.components import open_store
from rag.settings import Settings
from rag.users import UserStore

WARRANTY = "How long is the warranty on the solar panels?"
RETURNS = set(COLLECTION_FILES["returns"])


@pytest.fixture(scope="module")
def split_index(tmp_path_factory, app_files, embedder):
    folder = tmp_path_factory.mktemp("page-collections") / "index"
    copy_index(app_files.index, folder)
    settings = Settings(store={"path": folder})
    store = open_store(settings, embedder)
    split_collections(settings, store, embedder, DOCS)
    store.close()
    return folder


@pytest.fixture
def limited_env(app_env, split_index, monkeypatch, tmp_path):
    users = UserStore(tmp_path / "users.json")
    users.add("rita", "returns desk pw", ["returns"])
    users.add("admin", "admin password")
    monkeypatch.setenv("RAGCHAT_STORE__PATH", str(split_index))
    monkeypatch.setenv("RAGCHAT_UI__AUTH", "on")
    monkeypatch.setenv("RAGCHAT_UI__USERS_FILE", str(users.path))
    return app_env


def signed_in(page, name: str, user: str, password: str):
    at = page(name).run()
    at.text_input[0].input(user)
    at.text_input[1].input(password)
    next(b for b in at.button if b.label == "Sign in").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_limited_user_is_answered_only_from_their_collection(page, limited_env):
    at = signed_in(page, "Home.py", "rita", "returns desk pw")
    assert not [s for s in at.sidebar.selectbox if s.label == "Collection"]  # one: no choice
    at.chat_input[0].set_value(WARRANTY).run()
    assert not at.exception, [e.value for e in at.exception]
    turn = at.session_state["turns"][-1]
    assert {h["source"] for h in turn["hits"]} <= RETURNS
    assert {h["source"] for h in turn["sources"]} <= RETURNS


def test_a_limited_user_sees_only_their_files(page, limited_env):
    at = signed_in(page, "pages/2_Documents.py", "rita", "returns desk pw")
    [table] = at.dataframe
    assert set(table.value["file"]) == RETURNS and set(table.value["collection"]) == {"returns"}


def test_an_unlimited_user_chooses_a_collection(page, limited_env):
    at = signed_in(page, "Home.py", "admin", "admin password")
    [choice] = [s for s in at.sidebar.selectbox if s.label == "Collection"]
    assert choice.options == ["all collections", "default", "returns", "warranty"]
    choice.set_value("warranty").run()
    at.chat_input[0].set_value(WARRANTY).run()
    turn = at.session_state["turns"][-1]
    assert turn["hits"] and {h["source"] for h in turn["hits"]} == set(COLLECTION_FILES["warranty"])
