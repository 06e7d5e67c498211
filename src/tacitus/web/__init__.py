"""Tacitus over HTTP: a FastAPI app with the JSON API and server-rendered pages (``tacitus serve``).

``create_app(store)`` builds the app; it needs the ``serve`` extra (FastAPI, uvicorn, Jinja2).
"""

from .app import create_app

__all__ = ["create_app"]
