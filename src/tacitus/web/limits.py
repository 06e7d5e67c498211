"""Request limits as ASGI middleware: a body size limit (413) and a time limit per request (504).

The size limit reads the ``Content-Length`` header first and also counts the bytes of bodies sent
without one (chunked), so a client cannot stream past it. The time limit cancels the request's
task; work handed to a thread with :func:`in_thread` is abandoned (the thread finishes on its own,
its result unused), since Python cannot stop a running thread.

Hand-written rather than FastAPI's ``max_body_size``: that limiter answers a plain-text 413, and only
once an endpoint reads the body; this one answers before routing, with the coded JSON error body
that every other API error uses.
"""

from __future__ import annotations

import json
import logging
from typing import Any, Callable, TypeVar

import anyio
from markupsafe import escape
import anyio.to_thread
from starlette.exceptions import HTTPException

from ..errors import E_TOO_LONG
from .settings import DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT_S

log = logging.getLogger(__name__)

T = TypeVar("T")

# A request that runs past the time limit (a stage-level failure of the request, hence E5xx).
E_REQUEST_TIMEOUT = "E502"
# A request for a page or record that does not exist (a usage error, hence E4xx).
E_NOT_FOUND = "E404"



class BodyTooLarge(HTTPException):
    """Raised from ``receive`` past the limit: an HTTPException so that FastAPI's body reader passes
    it on (it turns other exceptions into a 400) and the app's handler answers 413 with a coded body."""

    def __init__(self, limit: int):
        super().__init__(413, f"the request body is over the limit of {limit:,} bytes")


async def in_thread(func: Callable[..., T], *args: Any) -> T:
    """Run blocking ``func(*args)`` in a worker thread that a request timeout can walk away from."""
    return await anyio.to_thread.run_sync(func, *args, abandon_on_cancel=True)


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    """The JSON body of every error the API returns: ``{"error": {"code", "message", ...}}``."""
    return {"error": {"code": code, "message": message, **extra}}


class RequestLimits:
    """Wraps an ASGI app; answers 413 for bodies over ``max_body_bytes`` and 504 after ``timeout_s``."""

    def __init__(self, app, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES, timeout_s: float = DEFAULT_TIMEOUT_S,
                 json_prefixes: tuple[str, ...] = ("/",)):
        self.app, self.max_body_bytes, self.timeout_s = app, max_body_bytes, timeout_s
        # Paths answered in JSON; the others (pages) get a small HTML page.
        self.json_prefixes = json_prefixes

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        where = f"{scope.get('method', '')} {scope.get('path', '')}"
        length = dict(scope.get("headers") or []).get(b"content-length")
        as_json = str(scope.get("path", "")).startswith(self.json_prefixes)
        if length is not None and (not length.isdigit() or int(length) > self.max_body_bytes):
            await _send_error(send, 413, self._too_large(where), as_json)
            return
        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise BodyTooLarge(self.max_body_bytes)
            return message

        started = False

        async def tracking_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            with anyio.move_on_after(self.timeout_s) as scope_:
                await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await _send_error(send, 413, self._too_large(where), as_json)
            return
        if scope_.cancelled_caught:
            log.warning("%s ran past the time limit of %s s", where, self.timeout_s)
            if not started:
                await _send_error(send, 504, error_body(
                    E_REQUEST_TIMEOUT, f"{where}: the request ran past the time limit of {self.timeout_s:g} s"), as_json)

    def _too_large(self, where: str) -> dict[str, Any]:
        return error_body(E_TOO_LONG, f"{where}: the request body is over the limit of {self.max_body_bytes:,} bytes")


async def _send_error(send, status: int, body: dict[str, Any], as_json: bool) -> None:
    if as_json:
        data, kind = json.dumps(body).encode("utf-8"), b"application/json"
    else:
        error = body["error"]
        data = (f"<!doctype html><title>Error {status}</title><h1>Error {status}</h1>"
                f"<p><code>{escape(error['code'])}</code> {escape(error['message'])}</p>").encode("utf-8")
        kind = b"text/html; charset=utf-8"
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", kind), (b"content-length", str(len(data)).encode())]})
    await send({"type": "http.response.body", "body": data})
