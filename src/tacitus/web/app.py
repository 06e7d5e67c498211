"""The FastAPI app: the REST API and the server-rendered pages, over one Coder and (optionally) one Store.

``create_app(store)`` builds it; ``tacitus serve`` runs it with uvicorn. JSON and HTML come from the
same functions in :mod:`tacitus.web.views`; this module wires routes, limits, security headers and
the one exception handler that maps library errors to status codes.
"""

from __future__ import annotations

import logging
import os
from typing import Any, Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from jinja2 import Environment, PackageLoader

from .. import __version__
from ..errors import E_TOO_LONG, InputError, ModelError, TacitusError, UsageError
from ..model import Article
from ..parse import DEFAULT_MODEL
from .coding import Coder
from .limits import E_NOT_FOUND, RequestLimits, error_body
from .settings import DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT_S

log = logging.getLogger(__name__)

# Where the templates and the CSS/JS live (package data, so an installed Tacitus serves them offline).
TEMPLATES = ("tacitus", "data/web/templates")
STATIC = ("tacitus", "data/web/static")

# Pages allow only this site's own CSS, JS and images: no CDN, no inline script.
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


# Tacitus codes for the HTTP errors that routing raises (no such page, too large a body).
HTTP_CODES = {404: E_NOT_FOUND, 413: E_TOO_LONG}


def status_for(error: TacitusError) -> int:
    """The HTTP status of a library error: its own ``status`` when it has one (not found 404, no
    store 503), else input 422, usage 400, a missing model 503, anything else (the store) 500."""
    status = getattr(error, "status", None)
    if isinstance(status, int):
        return status
    if isinstance(error, InputError):
        return 422
    if isinstance(error, UsageError):
        return 400
    if isinstance(error, ModelError):
        return 503
    return 500


def create_app(store: Any = None, *, model: str = DEFAULT_MODEL, pipeline: Callable[[Article], Article] | None = None,
               max_body_bytes: int = DEFAULT_MAX_BODY_BYTES, timeout_s: float = DEFAULT_TIMEOUT_S) -> FastAPI:
    """The Tacitus web app.

    ``store``: an open :class:`tacitus.Store` for the events, articles, actors and statistics
    endpoints and pages (without one they answer 503 and only coding works), or the path of a store
    file, opened read-only for each request so that an ingest can write it between requests. ``model`` is loaded on
    the first article (or ``pipeline``, any ``article -> article`` callable, is used as given).
    ``max_body_bytes`` and ``timeout_s`` bound each request (413 and 504).
    """
    from .api import router as api_router
    from .pages import router as pages_router

    app = FastAPI(title="Tacitus", version=__version__,
                  description="Political event data from news text: who did what to whom, when and where.",
                  # FastAPI's own docs pages load their scripts from a CDN; /docs is rendered here instead.
                  docs_url=None, redoc_url=None)
    from .views import SerializedStore, StoreAtPath

    if store is None:
        app.state.store = None
    elif isinstance(store, (str, os.PathLike)):
        app.state.store = StoreAtPath(store)
    else:
        app.state.store = SerializedStore(store)
    app.state.coder = Coder(model=model, pipeline=pipeline)
    env = Environment(loader=PackageLoader(*TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    app.state.templates = Jinja2Templates(env=env)
    app.mount("/static", StaticFiles(packages=[STATIC]), name="static")
    app.include_router(api_router)
    app.include_router(pages_router)
    from .api import API_PREFIXES

    app.add_middleware(RequestLimits, max_body_bytes=max_body_bytes, timeout_s=timeout_s, json_prefixes=API_PREFIXES)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(TacitusError)
    async def tacitus_error(request: Request, exc: TacitusError):
        status = status_for(exc)
        if status >= 500 and exc.code != "E300":  # no store: `tacitus serve` says so once, at start-up
            log.error("%s %s: %s", request.method, request.url.path, exc)
        return _error_response(request, status, exc.code, str(exc).removeprefix(f"{exc.code}: "))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        code = HTTP_CODES.get(exc.status_code, UsageError.code)
        return _error_response(request, exc.status_code, code, f"{request.method} {request.url.path}: {exc.detail}")

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors())
        return _error_response(request, 422, UsageError.code, f"{request.method} {request.url.path}: {problems}")

    return app


def wants_html(request: Request) -> bool:
    """Pages (anything not under the JSON API) answer errors as HTML."""
    from .api import API_PREFIXES

    return not request.url.path.startswith(API_PREFIXES)


def _error_response(request: Request, status: int, code: str, message: str):
    if wants_html(request):
        templates = request.app.state.templates
        return templates.TemplateResponse(request, "error.html", {"status": status, "code": code, "message": message},
                                          status_code=status)
    return JSONResponse(error_body(code, message), status_code=status)
