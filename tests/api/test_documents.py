"""Documents through the API: upload → job → searchable → re-index → delete → gone; the
embedder and search endpoints; the upload limits."""

from __future__ import annotations

import time

import numpy as np
import pytest
from langchain_openai import OpenAIEmbeddings
from openai import OpenAI

FACT = "Gift wrapping for Zorblat lanterns costs 7 euros and takes one extra day."
QUERY = "How much does gift wrapping for Zorblat lanterns cost?"


def wait_for(http, job: dict) -> dict:
    deadline = time.monotonic() + 120
    while job["state"] in ("queued", "running"):
        assert time.monotonic() < deadline, job
        time.sleep(0.2)
        job = http.get(f"/v1/jobs/{job['id']}").json()
    return job


def sources(http, query: str) -> list[str]:
    hits = http.post("/v1/search", json={"query": query, "k": 3}).json()["data"]
    return [h["source"] for h in hits]


def test_upload_job_search_reindex_delete(http):
    files = {
        "file": ("../../Zorblat Gift Wrap.md", f"# Gift wrapping\n\n{FACT}\n", "text/markdown")
    }
    accepted = http.post("/v1/documents", files=files)
    assert accepted.status_code == 202, accepted.text
    job = accepted.json()
    assert accepted.headers["Location"] == f"/v1/jobs/{job['id']}"
    job = wait_for(http, job)
    assert job["state"] == "done" and job["files_done"] == 1 and job["chunks_added"] >= 1
    assert job["skipped"] == []
    assert "Zorblat Gift Wrap.md" in sources(http, QUERY)  # a safe name, no path
    doc = next(d for d in http.get("/v1/documents").json()["data"] if "Zorblat" in d["source"])
    assert doc["uploaded"] and doc["chunks"] >= 1

    reindexed = wait_for(http, http.post(f"/v1/documents/{doc['id']}/reindex").json())
    assert reindexed["state"] == "done" and reindexed["kind"] == "reindex"
    again = next(d for d in http.get("/v1/documents").json()["data"] if d["id"] == doc["id"])
    assert again["source"] == doc["source"]  # the same name after a re-index

    deleted = http.delete(f"/v1/documents/{doc['id']}")
    assert deleted.status_code == 200 and deleted.json()["deleted"] is True
    assert "Zorblat Gift Wrap.md" not in sources(http, QUERY)
    assert doc["id"] not in [d["id"] for d in http.get("/v1/documents").json()["data"]]
    assert http.delete(f"/v1/documents/{doc['id']}").status_code == 404


def test_reindex_keeps_a_folder_relative_name(http):
    docs = http.get("/v1/documents").json()["data"]
    doc = next(d for d in docs if d["source"] == "help/shipping-options.html")
    job = wait_for(http, http.post(f"/v1/documents/{doc['id']}/reindex").json())
    assert job["state"] == "done" and job["chunks_added"] == doc["chunks"]
    assert "help/shipping-options.html" in sources(http, "How much does standard shipping cost?")


def test_an_unreadable_upload_is_a_skipped_file_with_its_reason(http):
    files = {"file": ("broken.pdf", b"%PDF-1.4 not really a pdf", "application/pdf")}
    job = wait_for(http, http.post("/v1/documents", files=files).json())
    assert job["state"] == "done" and job["chunks_added"] == 0
    assert job["skipped"] and job["skipped"][0]["path"] == "broken.pdf"
    assert job["skipped"][0]["reason"]


def test_upload_limits(http, server):
    limit = int(server.settings.ingest.max_file_mb * 2**20)
    big = http.post("/v1/documents", files={"file": ("big.txt", b"x" * (limit + 1))})
    assert big.status_code == 413 and big.json()["error"]["param"] == "file"
    exe = http.post("/v1/documents", files={"file": ("tool.exe", b"MZ")})
    assert exe.status_code == 415 and ".exe" in exe.json()["error"]["message"]
    assert http.post("/v1/documents").status_code == 400  # no file part
    for path in ("/v1/jobs/job-nope", "/v1/documents/nope/reindex"):
        response = http.get(path) if "jobs" in path else http.post(path)
        assert response.status_code == 404 and response.json()["error"]["param"]


def test_embeddings_openai_client_and_langchain(server):
    engine = server.holder.get()
    name, expected = engine.retriever.embedder.name, engine.retriever.embedder.encode(["hello"])
    client = OpenAI(base_url=server.v1, api_key="unused", max_retries=0)
    # The openai client asks for base64 unless told otherwise; both forms are served.
    one = client.embeddings.create(model=name, input="hello")
    many = client.embeddings.create(model=name, input=["hello", "bye"], encoding_format="float")
    assert np.allclose(one.data[0].embedding, expected[0], atol=1e-5)
    assert len(many.data) == 2 and np.allclose(many.data[0].embedding, expected[0], atol=1e-5)
    lc = OpenAIEmbeddings(
        base_url=server.v1, api_key="unused", model=name, check_embedding_ctx_length=False
    )
    assert np.allclose(lc.embed_query("hello"), expected[0], atol=1e-5)
    assert len(lc.embed_documents(["a", "b", "c"])) == 3


@pytest.mark.parametrize(
    "body,param",
    [
        ({"model": "text-embedding-3-small", "input": "x"}, "model"),
        ({"input": [[1, 2, 3]]}, "input"),
        ({"input": ""}, "input"),
    ],
)
def test_embedding_errors(http, server, body, param):
    body = {"model": server.holder.get().retriever.embedder.name, **body}
    response = http.post("/v1/embeddings", json=body)
    assert response.status_code in (400, 404) and response.json()["error"]["param"] == param


def test_search_prints_what_the_cli_prints(http):
    hits = http.post("/v1/search", json={"query": "How do I reset my password?", "k": 2}).json()
    assert len(hits["data"]) == 2
    assert set(hits["data"][0]) == {"source", "page", "score", "similarity", "text"}
    bad = http.post("/v1/search", json={"query": "", "k": 2})
    assert bad.status_code == 400 and bad.json()["error"]["param"] == "query"


def test_an_upload_never_writes_through_a_planted_link(http, server, tmp_path):
    """A link left in the uploads folder under the upload's name: the API stores the upload
    beside it, and the file the link points to is untouched."""
    from rag.uploads import uploads_dir

    private = tmp_path / "private.md"
    private.write_text("secret\n")
    folder = uploads_dir(server.settings)
    folder.mkdir(parents=True, exist_ok=True)
    link = folder / "Linked Note.md"
    link.symlink_to(private)
    try:
        files = {"file": ("Linked Note.md", "# Note\n\nThe Zorblat lantern is teal.\n")}
        accepted = http.post("/v1/documents", files=files)
        assert accepted.status_code == 202, accepted.text
        assert wait_for(http, accepted.json())["state"] == "done"
        assert private.read_text() == "secret\n" and link.is_symlink()
        stored = [p for p in folder.iterdir() if p.name.startswith("Linked Note")]
        assert any(p.is_file() and not p.is_symlink() for p in stored), stored
    finally:
        for doc in http.get("/v1/documents").json()["data"]:
            if "Linked Note" in doc["source"]:
                http.delete(f"/v1/documents/{doc['id']}")
        link.unlink()
