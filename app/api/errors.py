"""Every error in OpenAI's shape: {"error": {"message", "type", "param", "code"}}.

Clients (the openai package, LangChain) read `error.message` and raise typed exceptions by
status, so each message names the field at fault and the status matches OpenAI's use of it.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)


class ApiError(Exception):
    """Raised anywhere in a route; the handler below turns it into OpenAI's error body."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        type: str = "invalid_request_error",
        param: str | None = None,
        code: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.type = type
        self.param = param
        self.code = code
        self.headers = headers or {}


def error_response(err: ApiError) -> JSONResponse:
    body = {"message": err.message, "type": err.type, "param": err.param, "code": err.code}
    return JSONResponse({"error": body}, status_code=err.status, headers=err.headers)


def _param(loc: tuple) -> str | None:
    """('body', 'messages', 0, 'role') → 'messages[0].role'."""
    parts = list(loc[1:] if loc and loc[0] in ("body", "query", "path", "header") else loc)
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or None


def validation_error(exc: RequestValidationError) -> ApiError:
    first = exc.errors()[0]
    if first.get("type") == "json_invalid":
        return ApiError(400, "the request body is not valid JSON", code="invalid_json")
    param = _param(tuple(first.get("loc", ())))
    message = first.get("msg", "invalid value")
    if first.get("type") == "missing":
        message = "field required"
    return ApiError(400, f"{param}: {message}" if param else message, param=param)


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(validation_error(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        kind = "not_found" if exc.status_code == 404 else "http_error"
        message = f"{request.method} {request.url.path}: {exc.detail}"
        return error_response(ApiError(exc.status_code, message, code=kind))

    @app.exception_handler(Exception)
    async def _crash(_: Request, exc: Exception) -> JSONResponse:
        # Logged with its traceback; the client gets the kind of failure, not the internals.
        log.exception("request failed")
        message = f"internal error: {type(exc).__name__}"
        return error_response(ApiError(500, message, type="server_error", code="internal_error"))
