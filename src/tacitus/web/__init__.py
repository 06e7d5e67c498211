"""Tacitus over HTTP: a FastAPI app with the JSON API and server-rendered pages (``tacitus serve``).

``create_app(store)`` builds the app; it needs the ``serve`` extra (FastAPI, uvicorn, Jinja2), which
is imported on first use so that `tacitus --help` does not pay for it.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
