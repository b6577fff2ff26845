"""Sign-in before anything else on a page that others can reach (ui.auth)."""

from __future__ import annotations

import streamlit as st

from rag.settings import Settings, UiSettings
from rag.users import SignInGuard, UserError, UserStore

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def sign_in_required(ui: UiSettings, address: str | None) -> bool:
    """auto: on unless the page listens on loopback only (no address = every interface)."""
    match ui.auth:
        case "on":
            return True
        case "off":
            return False
        case "auto":
            return (address or "") not in LOOPBACK
        case _:
            raise ValueError(f"ui.auth = {ui.auth!r}: expected one of auto, on, off")


@st.cache_resource(show_spinner=False)
def _guard() -> SignInGuard:
    return SignInGuard()  # one per process: failures count across browser sessions


def current_user() -> str | None:
    return st.session_state.get("user")


def require_sign_in(settings: Settings) -> str | None:
    """The signed-in user's name; shows the sign-in form and stops the page until then.
    None when sign-in is off."""
    if not sign_in_required(settings.ui, st.get_option("server.address")):
        return None
    if user := current_user():
        st.sidebar.caption(f":material/person: {user}")
        st.sidebar.button("Sign out", on_click=lambda: st.session_state.clear())
        return user
    users = UserStore(settings.resolve(settings.ui.users_file))
    try:
        known = users.names()
    except UserError as err:
        st.error(str(err))
        st.stop()
    if not known:
        st.error(
            "Sign-in is on (ui.auth) and there is no user yet: create one with "
            "`ragchat user add NAME`."
        )
        st.stop()
    st.subheader("Sign in")
    with st.form("sign-in"):
        name = st.text_input("User name")
        password = st.text_input("Password", type="password")
        submitted = st.form_submit_button("Sign in")
    if submitted:
        guard = _guard()
        if guard.attempt(users, name, password):
            st.session_state["user"] = name
            st.rerun()
        wait = guard.wait_seconds(name)
        if wait:
            st.error(f"Too many failed attempts for this name: try again in {wait:.0f} s.")
        else:
            st.error("Wrong user name or password.")
    st.stop()
