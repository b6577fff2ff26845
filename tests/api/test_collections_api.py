"""An API key limited to one collection: 403 naming any other it asks for, and no source,
document or cached answer from another collection, on a server of its own (real model)."""

from __future__ import annotations

import httpx
import pytest
from conftest import ROOT, Uvicorn, api_settings
from support import COLLECTION_FILES, copy_index, free_port, split_collections

from app.api.keys import KeyStore
from app.api.server import create_app, engine_holder
from rag.components import open_store

WARRANTY = "How long is the warranty on the solar panels?"
RETURNS = set(COLLECTION_FILES["returns"])


@pytest.fixture(scope="module")
def api(tmp_path_factory, docs_index, embedder):
    _, source = docs_index
    root = tmp_path_factory.mktemp("collections-api")
    copy_index(source.path, root / "index")
    settings = api_settings(root)
    store = open_store(settings, embedder)
    split_collections(settings, store, embedder, ROOT / "data" / "docs")
    store.close()
    keys = KeyStore(settings.api.keys_file)
    limited = {"Authorization": f"Bearer {keys.create('returns-desk', ['returns'])}"}
    full = {"Authorization": f"Bearer {keys.create('admin')}"}
    holder = engine_holder(settings)
    port = free_port()
    with Uvicorn(create_app(settings, holder), port):
        assert holder.wait(300), holder.reason
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            yield client, limited, full


def chat(client, headers, question: str, **extra) -> httpx.Response:
    body = {"model": "rag", "messages": [{"role": "user", "content": question}], **extra}
    return client.post("/v1/chat/completions", json=body, headers=headers)


def search(client, headers, query: str, **extra) -> httpx.Response:
    body = {"query": query, "k": 10, "min_score": -1.0, "min_relevance": -1.0, **extra}
    return client.post("/v1/search", json=body, headers=headers)


def test_another_collection_is_a_403_that_names_it(api):
    client, limited, _ = api
    for response in (
        chat(client, limited, WARRANTY, collection="warranty", max_tokens=4),
        search(client, limited, WARRANTY, collection=["returns", "warranty"]),
    ):
        assert response.status_code == 403
        error = response.json()["error"]
        assert error["code"] == "collection_forbidden" and error["param"] == "collection"
        assert "'warranty'" in error["message"]


def test_a_limited_key_never_sees_another_collections_sources(api):
    client, limited, full = api
    hits = search(client, limited, WARRANTY).json()["data"]
    assert hits and {h["source"] for h in hits} <= RETURNS
    everything = {h["source"] for h in search(client, full, WARRANTY).json()["data"]}
    assert "warranty/warranty-handbook.pdf" in everything  # the full key reads it
    only = search(client, full, WARRANTY, collection="warranty").json()["data"]
    assert {h["source"] for h in only} == set(COLLECTION_FILES["warranty"])
    reply = chat(client, limited, WARRANTY, max_tokens=8, cache=False)
    assert reply.status_code == 200
    assert {s["source"] for s in reply.json()["sources"]} <= RETURNS


def test_the_answer_cache_does_not_cross_collections(api):
    client, limited, full = api
    first = chat(client, full, WARRANTY, max_tokens=6, temperature=0)
    assert chat(client, full, WARRANTY, max_tokens=6, temperature=0).json()["cached"] is True
    other = chat(client, limited, WARRANTY, max_tokens=6, temperature=0).json()
    assert other["cached"] is False and {s["source"] for s in other["sources"]} <= RETURNS
    assert first.status_code == 200


def test_documents_and_collections_show_only_what_the_key_reads(api):
    client, limited, full = api
    listed = client.get("/v1/documents", headers=limited).json()["data"]
    assert {d["source"] for d in listed} == RETURNS and {d["collection"] for d in listed} == {
        "returns"
    }
    hidden = next(
        d for d in client.get("/v1/documents", headers=full).json()["data"]
        if d["collection"] == "warranty"
    )  # fmt: skip
    gone = client.post(f"/v1/documents/{hidden['id']}/reindex", headers=limited)
    assert gone.status_code == 404  # not even told that it exists
    names = [c["name"] for c in client.get("/v1/collections", headers=limited).json()["data"]]
    assert names == ["returns"]
    every = [c["name"] for c in client.get("/v1/collections", headers=full).json()["data"]]
    assert every == ["default", "returns", "warranty"]


def test_an_upload_goes_to_the_keys_collection_and_no_other(api):
    client, limited, _ = api
    files = {"file": ("desk-note.txt", b"The returns desk opens at nine on weekdays.")}
    denied = client.post(
        "/v1/documents", files=files, data={"collection": "warranty"}, headers=limited
    )
    assert denied.status_code == 403 and "'warranty'" in denied.json()["error"]["message"]
    accepted = client.post("/v1/documents", files=files, headers=limited)
    assert accepted.status_code == 202 and accepted.json()["collection"] == "returns"
