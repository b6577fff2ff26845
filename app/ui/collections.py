"""The sidebar's collection choice: only the collections the signed-in user may read.

A user limited in the users file (`ragchat user add NAME --collection a`) is offered those
collections only, and "all" means all of *those*; the scope goes to the engine in the answer
options, and retrieval (rag/) enforces it. The choice persists across pages, like the other
sidebar settings.
"""

from __future__ import annotations

import streamlit as st

from app.ui.sidebar import persistent
from rag.collections import DEFAULT, Scope, permits
from rag.settings import Settings
from rag.store_protocol import VectorStore
from rag.users import UserStore

ALL = ""  # the selectbox value for "every collection I may read"


def user_scope(settings: Settings, user: str | None) -> Scope:
    """What `user` may read; None: everything (no limit, or sign-in off)."""
    if user is None:
        return None
    return UserStore(settings.resolve(settings.ui.users_file)).collections(user)


def readable_collections(store: VectorStore, allowed: Scope) -> list[str]:
    return [name for name in store.collections() if permits(allowed, name)]


def choose_collection(settings: Settings, store: VectorStore, user: str | None) -> Scope:
    """The scope of this page's searches; shows the choice when there is one to make."""
    allowed = user_scope(settings, user)
    names = readable_collections(store, allowed)
    if len(names) < 2:
        return allowed  # nothing to choose: the one collection, or all of an unlimited user's
    saved = st.session_state.setdefault("options", {})
    if saved.get("collection") not in (ALL, *names):
        saved.pop("collection", None)  # a collection since removed, or another user's choice
    choice = persistent(
        st.sidebar.selectbox,
        "Collection",
        "collection",
        ALL,
        options=[ALL, *names],
        format_func=lambda n: n or "all collections",
        help="Search only one collection of documents (`ragchat ingest DIR --collection NAME`).",
    )
    return allowed if choice == ALL else frozenset({choice})


def upload_target(scope: Scope) -> str | None:
    """Where the page's uploads go: the chosen collection, else `default` when readable;
    None when the user must choose one first."""
    if scope is not None and len(scope) == 1:
        return next(iter(scope))
    return DEFAULT if permits(scope, DEFAULT) else None
