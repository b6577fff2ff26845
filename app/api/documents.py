"""Documents: upload (202 + an ingest job), list, delete, re-index; GET /v1/jobs/{job_id}.

Uploads follow the page's rules (rag.uploads): sanitised names, the size limit
(ingest.max_file_mb) and the allowed types, checked for every file before any is saved.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from app.api.collections import readable, upload_collection
from app.api.context import ApiContext
from app.api.errors import ApiError
from app.api.jobs import Job
from rag.store import FileRecord
from rag.uploads import UploadError, is_upload, safe_name, save_upload, uploads_dir

router = APIRouter()


def document_id(path: str) -> str:
    """A stable id from the file's key in the index (its absolute path), without showing it."""
    return hashlib.sha256(path.encode("utf-8")).hexdigest()[:16]


def _document(record: FileRecord, folder: Path) -> dict:
    return {
        "id": document_id(record.path),
        "object": "document",
        "source": record.source,
        "chunks": record.chunks,
        "bytes": record.size,
        "indexed_at": record.indexed_at,
        "uploaded": is_upload(record.path, folder),
        "collection": record.collection,
    }


def _find(ctx: ApiContext, doc_id: str, request: Request) -> FileRecord:
    """The document, if the key may read its collection: another collection's document is
    "not found" (a 403 would tell that it exists)."""
    for record in ctx.holder.get().retriever.store.files():
        if document_id(record.path) == doc_id and readable(request, record.collection):
            return record
    raise ApiError(
        404, f"doc_id: no document '{doc_id}' in the index", param="doc_id", code="not_found"
    )


def _accepted(job: Job) -> JSONResponse:
    return JSONResponse(job.to_dict(), status_code=202, headers={"Location": f"/v1/jobs/{job.id}"})


async def _read(upload: UploadFile, max_bytes: int) -> bytes:
    name = upload.filename or "upload"
    data = await upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        mb = max_bytes / 2**20
        raise ApiError(
            413,
            f"file: {name!r} is larger than the {mb:g} MB limit (ingest.max_file_mb)",
            param="file",
            code="file_too_large",
        )
    try:
        safe_name(name)
    except UploadError as err:
        raise ApiError(415, f"file: {err}", param="file", code="unsupported_type") from None
    return data


@router.post("/v1/documents", status_code=202)
async def upload(
    request: Request,
    file: Annotated[list[UploadFile], File()],
    collection: Annotated[str | None, Form()] = None,
) -> JSONResponse:
    ctx = ApiContext.of(request)
    target = upload_collection(request, collection)  # 403 for a collection the key can't read
    ctx.holder.get()
    max_bytes = int(ctx.settings.ingest.max_file_mb * 2**20)
    contents = [(f.filename or "upload", await _read(f, max_bytes)) for f in file]
    folder = uploads_dir(ctx.settings)
    saved = [
        await run_in_threadpool(save_upload, folder, name, data, max_bytes)
        for name, data in contents
    ]
    job = Job("ingest", [p for p, _ in saved], {p for p, created in saved if created}, target)
    return _accepted(ctx.jobs.submit(job))


@router.get("/v1/documents")
def list_documents(request: Request) -> dict:
    ctx = ApiContext.of(request)
    folder = uploads_dir(ctx.settings)
    records = [
        r for r in ctx.holder.get().retriever.store.files() if readable(request, r.collection)
    ]
    return {"object": "list", "data": [_document(r, folder) for r in records]}


@router.delete("/v1/documents/{doc_id}")
def delete_document(doc_id: str, request: Request) -> dict:
    ctx = ApiContext.of(request)
    record = _find(ctx, doc_id, request)
    store = ctx.holder.get().retriever.store
    removed = store.remove_file(record.path)
    store.flush()
    if is_upload(record.path, uploads_dir(ctx.settings)):
        Path(record.path).unlink(missing_ok=True)  # the API's own copy goes with it
    return {"id": doc_id, "object": "document", "deleted": True, "chunks_removed": removed}


@router.post("/v1/documents/{doc_id}/reindex", status_code=202)
def reindex_document(doc_id: str, request: Request) -> JSONResponse:
    ctx = ApiContext.of(request)
    record = _find(ctx, doc_id, request)
    if not Path(record.path).is_file():
        raise ApiError(
            409,
            f"doc_id: {record.source} is gone from disk; delete it instead",
            param="doc_id",
            code="file_missing",
        )
    return _accepted(ctx.jobs.submit(Job("reindex", [Path(record.path)])))


@router.get("/v1/jobs/{job_id}")
def get_job(job_id: str, request: Request) -> dict:
    return ApiContext.of(request).jobs.get(job_id).to_dict()
