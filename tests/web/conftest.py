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


# Short articles coded with the real pipeline, published in different months, so the store's pages
# have dyads over time. Ids are made-up; the texts are written for these tests.
STORED = [
    ("pak-rus-1", "2018-02-21", "Pakistan and Russia signed a defence cooperation agreement in Moscow on Tuesday. "
                                "Russia praised Pakistan for its efforts against terrorism."),
    ("pak-rus-2", "2018-04-10", "Pakistan condemned Russia on Monday over the arrest of two diplomats. "
                                "Russia expelled a Pakistani diplomat on Sunday."),
    ("<b>odd id</b>'\"", "2018-05-02", HOSTILE),
]


@pytest.fixture(scope="module")
def stored(tmp_path_factory, pipeline):
    """A store holding STORED plus the bundled example article, coded by the session pipeline."""
    pytest.importorskip("duckdb")
    from tacitus import article_from_text
    from tacitus.store import Store

    from ..conftest import EXAMPLE

    articles = [article_from_text(text, id=id, published=published) for id, published, text in STORED]
    articles.append(article_from_text(EXAMPLE.read_text(encoding="utf-8"), id="example", published="2024-06-08"))
    store = Store(tmp_path_factory.mktemp("web") / "web.duckdb", lock_timeout=0)
    report = store.ingest(pipeline.pipe(articles))
    assert len(report.added) == len(articles), report
    yield store
    store.close()


@pytest.fixture(scope="module")
def store_client(stored, pipeline):
    from fastapi.testclient import TestClient

    from tacitus.web import create_app

    with TestClient(create_app(stored, pipeline=pipeline)) as client:
        yield client
