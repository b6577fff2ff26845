"""The pages with ui.auth on: nothing but the sign-in form until a user signs in."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import ROOT

from rag.feedback import FeedbackStore
from rag.users import UserStore


@pytest.fixture
def signed_env(app_env, monkeypatch, tmp_path):
    users = tmp_path / "users.json"
    UserStore(users).add("alice", "correct horse")
    monkeypatch.setenv("RAGCHAT_UI__AUTH", "on")
    monkeypatch.setenv("RAGCHAT_UI__USERS_FILE", str(users))
    return app_env


def sign_in(at, name: str, password: str):
    at.text_input[0].input(name)
    at.text_input[1].input(password)
    next(b for b in at.button if b.label == "Sign in").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("name", ["Home.py", "pages/1_Compare.py", "pages/2_Documents.py"])
def test_every_page_shows_only_the_form_until_signed_in(page, signed_env, name):
    at = page(name).run()
    assert not at.chat_input and not at.expander
    assert [t.label for t in at.text_input] == ["User name", "Password"]
    sign_in(at, "alice", "wrong horse")
    assert "Wrong user name or password." in [e.value for e in at.error]
    assert not at.chat_input


def test_signed_in_votes_record_the_user(page, signed_env):
    at = sign_in(page("Home.py").run(), "alice", "correct horse")
    assert at.chat_input and any("alice" in c.value for c in at.sidebar.caption)
    at.chat_input[0].set_value("How much does standard shipping cost?").run()
    at.chat_message[1].get("feedback")[0].set_value(1).run()
    store = FeedbackStore(signed_env.feedback)  # shared with the other page tests
    [vote] = [v for v in store.all() if v.user == "alice"]
    assert vote.score == 1
    store.record(vote.answer_id, None, "", "", "", [])  # withdrawn: the file is as it was


def test_without_users_the_page_says_how_to_add_one(page, app_env, monkeypatch, tmp_path):
    monkeypatch.setenv("RAGCHAT_UI__AUTH", "on")
    monkeypatch.setenv("RAGCHAT_UI__USERS_FILE", str(tmp_path / "none.json"))
    at = page("Home.py").run()
    assert not at.chat_input and "ragchat user add NAME" in at.error[0].value


def test_user_command_adds_lists_and_removes(tmp_path):
    env = {"RAGCHAT_UI__USERS_FILE": str(tmp_path / "users.json"), "HF_HUB_OFFLINE": "1"}

    def ragchat(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "app.cli", "user", *args], input=stdin, cwd=ROOT,
            env={**os.environ, **env}, capture_output=True, text=True,
        )  # fmt: skip

    assert ragchat("add", "bob", "--password-stdin", stdin="long enough\n").returncode == 0
    assert ragchat("list").stdout.split() == ["bob"]
    assert UserStore(tmp_path / "users.json").verify("bob", "long enough")
    short = ragchat("add", "eve", "--password-stdin", stdin="short\n")
    assert short.returncode == 2 and "at least 8" in short.stderr
    assert ragchat("remove", "bob").returncode == 0 and ragchat("list").stdout == ""
