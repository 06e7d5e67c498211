"""Path traversal and odd ids in the article routes: a clean coded 404 (JSON for the API, an HTML
page for /article/...), never a file read, a 500 or an echo of a huge id."""

from __future__ import annotations

import pytest

pytest.importorskip("duckdb")

from ..store.conftest import pak_rus

PASSWD_MARKERS = ("root:", "/bin/", "daemon:")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from tacitus.store import Store
    from tacitus.web import create_app

    store = Store(tmp_path_factory.mktemp("ids") / "ids.duckdb", lock_timeout=0)
    store.add_coded([pak_rus("a1")])
    with TestClient(create_app(store), raise_server_exceptions=False) as client:
        yield client
    store.close()


ODD = [
    "..%2F..%2Fetc%2Fpasswd",
    "..%2f..%2f..%2f..%2fetc%2fpasswd",
    "%2e%2e/%2e%2e/etc/passwd",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "....//....//etc/passwd",
    "..%5C..%5Cwindows%5Cwin.ini",
    "%2Fetc%2Fpasswd",
    "a%00b",
    "%00",
    "..%00/etc/passwd",
    "%ff%fe%fd",
    "%C0%AE%C0%AE%2F",
    "'%20OR%201=1%20--",
    "x" * 20_000,
]


@pytest.mark.parametrize("odd", ODD, ids=lambda s: s[:30])
def test_odd_article_id_is_a_clean_json_404(client, odd):
    response = client.get(f"/articles/{odd}")
    assert response.status_code in (400, 404, 422), response.text[:300]
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["error"]["code"] in ("E404", "E400")
    assert not any(marker in response.text for marker in PASSWD_MARKERS)
    assert len(response.text) < 2000  # a huge id is not echoed whole


@pytest.mark.parametrize("odd", ODD, ids=lambda s: s[:30])
def test_odd_article_id_on_the_page_is_a_clean_error_page(client, odd):
    response = client.get(f"/article/{odd}")
    assert response.status_code in (400, 404, 422), response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    assert not any(marker in response.text for marker in PASSWD_MARKERS)


@pytest.mark.parametrize("path", ["/articles/../../etc/passwd", "/static/..%2F..%2F..%2Fetc%2Fpasswd",
                                  "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static/../../../../etc/passwd"])
def test_traversal_outside_the_routes_reads_no_file(client, path):
    response = client.get(path)
    assert response.status_code in (400, 404, 422), response.text[:300]
    assert not any(marker in response.text for marker in PASSWD_MARKERS)


def test_a_stored_id_still_answers(client):
    response = client.get("/articles/a1")
    assert response.status_code == 200 and response.json()["id"] == "a1"
