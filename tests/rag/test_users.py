"""Users for the page's sign-in: scrypt hashes, the users file, and the failure lock."""

from __future__ import annotations

import json
import stat

import pytest

from app.ui.auth import sign_in_required
from rag.settings import UiSettings
from rag.users import MAX_FAILURES, SignInGuard, UserError, UserStore, check_password, hash_password


def test_hashes_are_salted_and_verify(tmp_path):
    first, second = hash_password("correct horse"), hash_password("correct horse")
    assert first != second and first.startswith("scrypt$")
    assert check_password("correct horse", first) and not check_password("wrong horse", first)
    assert not check_password("anything", "not-a-hash")


def test_the_file_holds_hashes_only(tmp_path):
    users = UserStore(tmp_path / "users.json")
    users.add("alice", "correct horse")
    text = (tmp_path / "users.json").read_text()
    assert "correct horse" not in text and json.loads(text)["users"]["alice"]["hash"]
    assert stat.S_IMODE((tmp_path / "users.json").stat().st_mode) == 0o600
    assert users.verify("alice", "correct horse") and not users.verify("alice", "wrong horse")
    assert not users.verify("bob", "correct horse")
    users.remove("alice")
    assert users.names() == []


def test_bad_input_is_refused_with_the_reason(tmp_path):
    users = UserStore(tmp_path / "users.json")
    with pytest.raises(UserError, match="at least 8"):
        users.add("alice", "short")
    with pytest.raises(UserError, match="user name"):
        users.add("a b", "long enough")
    with pytest.raises(UserError, match="no user 'carol'"):
        users.remove("carol")
    (tmp_path / "users.json").write_text("{oops")
    with pytest.raises(UserError, match="not a users file.*ui.users_file"):
        users.names()


def test_repeated_failures_lock_the_name_for_a_doubling_time(tmp_path):
    now = [1000.0]
    guard = SignInGuard(clock=lambda: now[0])
    users = UserStore(tmp_path / "users.json")
    users.add("alice", "correct horse")
    for _ in range(MAX_FAILURES):
        assert not guard.attempt(users, "alice", "guess")
    assert guard.wait_seconds("alice") == pytest.approx(30)
    assert not guard.attempt(users, "alice", "correct horse")  # locked: not even checked
    now[0] += 31
    assert not guard.attempt(users, "alice", "guess again")
    assert guard.wait_seconds("alice") == pytest.approx(60)  # doubled
    now[0] += 61
    assert guard.attempt(users, "alice", "correct horse") and guard.wait_seconds("alice") == 0
    assert guard.wait_seconds("bob") == 0  # other names are not affected


@pytest.mark.parametrize(
    ("auth", "address", "required"),
    [("auto", "127.0.0.1", False), ("auto", "localhost", False), ("auto", None, True),
     ("auto", "0.0.0.0", True), ("on", "127.0.0.1", True), ("off", "0.0.0.0", False)],
)  # fmt: skip
def test_auto_asks_for_sign_in_unless_the_page_listens_on_loopback(auth, address, required):
    assert sign_in_required(UiSettings(auth=auth), address) is required
