"""Web fixtures: one app per test module over the session's pipeline (spaCy loads once per run)."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the serve extra (FastAPI, Jinja2) is not installed")

# Text with markup and SQL in it: every page must show it as text, never run or inject it.
HOSTILE = ("Pakistan and Russia signed a defence pact in Moscow on Monday, officials said. "
           "<script>alert('owned')</script> The statement read: \"'; DROP TABLE events; --\" "
           "and <img src=x onerror=alert(1)> was quoted too.")


@pytest.fixture(scope="module")
def app(pipeline):
    from tacitus.web import create_app

    return create_app(pipeline=pipeline)


@pytest.fixture(scope="module")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as client:
        yield client
