"""Documents: upload files into the index, see what is indexed, remove or re-index a file."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from app.ui.auth import require_sign_in
from app.ui.collections import choose_collection, upload_target
from app.ui.engine import get_engine, load_settings
from app.ui.render import safe_markdown
from ingest.pipeline import Ingester
from rag.collections import permits
from rag.uploads import ALLOWED_TYPES, UploadError, is_upload, save_upload, uploads_dir

st.set_page_config(page_title="ragchat · documents", page_icon=":material/folder_open:")
st.title("Documents")

settings = load_settings()
user = require_sign_in(settings)
engine = get_engine(settings)
store = engine.retriever.store
folder = uploads_dir(settings)
max_mb = settings.ingest.max_file_mb
scope = choose_collection(settings, store, user)  # the files shown, and where uploads go
target = upload_target(scope)


def notify(kind: str, text: str) -> None:
    """A message shown after the rerun that refreshes the page."""
    st.session_state.setdefault("documents_notices", []).append((kind, text))


def ingest(paths: list[Path], label: str, collection: str | None = None) -> dict[Path, str]:
    """Index `paths` one by one with progress; returns the files not indexed, with reasons.
    collection: where new files go (None: a re-indexed file stays in its collection)."""
    ingester = Ingester(settings, store, engine.retriever.embedder)
    problems: dict[Path, str] = {}
    with st.status(f"{label} {len(paths)} file(s)…", expanded=True) as status:
        bar = st.progress(0.0)
        for n, path in enumerate(paths, start=1):
            st.text(path.name)
            summary = ingester.run([path], prune=False, progress=False, collection=collection)
            problems |= {Path(s.path).resolve(): s.reason for s in summary.skipped}
            bar.progress(n / len(paths), text=f"{n} of {len(paths)}")
        status.update(label=f"{label} done", state="error" if problems else "complete")
    return problems


for kind, text in st.session_state.pop("documents_notices", []):
    getattr(st, kind)(safe_markdown(text))

st.subheader("Add files")
st.caption(
    f"Saved to `{folder}` and indexed into the collection `{target}`. Types: "
    f"{', '.join(ALLOWED_TYPES)}; at most {max_mb:g} MB each."
    if target
    else "Choose a collection in the sidebar to add files to it."
)
nonce = st.session_state.setdefault("upload_nonce", 0)
uploads = st.file_uploader(
    "Files",
    type=list(ALLOWED_TYPES),
    accept_multiple_files=True,
    max_upload_size=max(1, int(max_mb)),
    key=f"uploads-{nonce}",
    disabled=target is None,
)
if uploads and st.button("Add to the index", type="primary", icon=":material/upload:"):
    saved: list[tuple[Path, bool]] = []
    for upload in uploads:
        try:
            saved.append(save_upload(folder, upload.name, upload.getvalue(), int(max_mb * 2**20)))
        except UploadError as err:
            notify("error", str(err))
    problems = ingest([path for path, _ in saved], "Indexing", target) if saved else {}
    for path, reason in problems.items():
        notify("error", f"Not indexed: {path.name}: {reason}")
    for path, created in saved:
        if created and path.resolve() in problems:
            path.unlink(missing_ok=True)  # keep no copy of a file the index can't use
    if indexed := [p.name for p, _ in saved if p.resolve() not in problems]:
        notify("success", f"Indexed: {', '.join(indexed)}")
    st.session_state.upload_nonce = nonce + 1  # an empty uploader after the rerun
    st.rerun()

st.subheader("Indexed files")
records = [r for r in store.files() if permits(scope, r.collection)]
if not records:
    st.info("The index is empty: add files above, or run `python -m ingest data/docs`.")
    st.stop()
st.dataframe(
    [
        {
            "file": r.source,
            "chunks": r.chunks,
            "size (KB)": round(r.size / 1024, 1),
            "indexed": r.indexed_at,
            "collection": r.collection,
            "path": r.path,
        }
        for r in records
    ],
    hide_index=True,
)
st.caption(f"{len(records)} files, {sum(r.chunks for r in records)} chunks.")

by_path = {r.path: r for r in records}
chosen = st.multiselect("Choose files", list(by_path), format_func=lambda p: by_path[p].source)
left, right = st.columns(2)
if left.button("Remove from the index", disabled=not chosen, icon=":material/delete:"):
    for path in chosen:
        store.remove_file(path)
        if is_upload(path, folder):
            Path(path).unlink(missing_ok=True)  # the page's own copy goes with it
    store.flush()
    notify("success", f"Removed: {', '.join(by_path[p].source for p in chosen)}")
    st.rerun()
if right.button("Re-index", disabled=not chosen, icon=":material/refresh:"):
    missing = [p for p in chosen if not Path(p).is_file()]
    for path in missing:
        notify("error", f"{by_path[path].source}: the file is gone from {path}; remove it")
    present = [Path(p) for p in chosen if p not in missing]
    for path in present:
        store.remove_file(str(path))  # forces re-reading and re-embedding
    for path, reason in (ingest(present, "Re-indexing") if present else {}).items():
        notify("error", f"Not indexed: {path.name}: {reason}")
    if present:
        notify("success", f"Re-indexed: {', '.join(by_path[str(p)].source for p in present)}")
    st.rerun()
