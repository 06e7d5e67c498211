"""The store-backed API and pages over a small store coded by the real pipeline."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from .conftest import STORED

ODD_ID = STORED[2][0]


def test_events_page_through_all_events(store_client, stored):
    total = stored.count_events()
    assert total >= 4, "the stored articles hold events"
    seen, offset = [], 0
    while offset is not None:
        page = store_client.get("/events", params={"limit": 2, "offset": offset}).json()
        assert len(page["events"]) <= 2
        seen += [e["event_id"] for e in page["events"]]
        offset = page["next_offset"]
    assert len(seen) == len(set(seen)) == total


# URL filters and the Store arguments they stand for (months and years widen to whole days).
FILTER_CASES = [
    ({"dyad": "PAK-RUS"}, {"dyad": "PAK-RUS"}),
    ({"source": "rus"}, {"source": "RUS"}),
    ({"root": "11"}, {"root": "11"}),
    ({"quad": 3}, {"quad": 3}),
    ({"from": "2018-04"}, {"date_from": "2018-04-01"}),
    ({"to": "2018-03"}, {"date_to": "2018-03-31"}),
    ({"from": "2018", "to": "2018-04-30"}, {"date_from": "2018-01-01", "date_to": "2018-04-30"}),
    ({"text": "diplomats"}, {"text": "diplomats"}),
]


@pytest.mark.parametrize("params, store_kwargs", FILTER_CASES)
def test_events_filters_match_the_store(store_client, stored, params, store_kwargs):
    rows = store_client.get("/events", params={**params, "limit": 500}).json()["events"]
    expected = stored.query_events(**store_kwargs, limit=None)
    assert [r["event_id"] for r in rows] == [r["event_id"] for r in expected]


def test_filters_select_something_but_not_everything(stored):
    total = stored.count_events()
    sizes = [stored.count_events(**kwargs) for _, kwargs in FILTER_CASES]
    assert sum(0 < n < total for n in sizes) >= 5, sizes


def test_dyad_filter_finds_the_coded_dyad(store_client):
    rows = store_client.get("/events", params={"dyad": "PAK-RUS"}).json()["events"]
    assert rows and all(r["source_country"] == "PAK" or r["source_code"] == "PAK" for r in rows)


@pytest.mark.parametrize("params", [{"dyad": "PAKRUS"}, {"quad": 7}, {"root": "4"}, {"from": "2018-13"},
                                    {"from": "Feb 2018"}, {"limit": 0}, {"limit": 10_000}, {"offset": -1},
                                    {"cameo": "abc"}])
def test_bad_filters_are_coded_errors_naming_the_filter(store_client, params):
    response = store_client.get("/events", params=params)
    assert response.status_code in (400, 422)
    error = response.json()["error"]
    assert error["code"].startswith("E4")
    assert any(name in error["message"] for name in params)


def test_sql_in_filters_is_only_data(store_client, stored):
    before = stored.count_events()
    for params in ({"text": "'; DROP TABLE events; --"}, {"text": "x' OR '1'='1"}):
        response = store_client.get("/events", params=params)
        assert response.status_code == 200
        assert response.json()["events"] == []
    assert stored.count_events() == before


def test_article_comes_in_the_contract_shape(store_client):
    record = store_client.get("/articles/pak-rus-1").json()
    assert record["id"] == "pak-rus-1" and record["published"] == "2018-02-21"
    text = record["text"]
    assert record["events"]
    for event in record["events"]:
        assert text[event["trigger"]["start"]:event["trigger"]["end"]] == event["trigger"]["text"]
        if event["source"]:
            assert text[event["source"]["start"]:event["source"]["end"]] == event["source"]["text"]


def test_missing_article_is_404(store_client):
    for path in ("/articles/no-such-article", "/article/no-such-article"):
        response = store_client.get(path)
        assert response.status_code == 404
        assert "E404" in response.text and "no-such-article" in response.text


def test_actors_and_dyad_stats(store_client):
    actors = store_client.get("/actors").json()["actors"]
    assert {"PAK", "RUS"} <= {a["code"] for a in actors}
    stats = store_client.get("/stats/dyad", params={"dyad": "PAK-RUS", "both": True}).json()
    assert stats["rows"]
    assert {(r["source"], r["target"]) for r in stats["rows"]} <= {("PAK", "RUS"), ("RUS", "PAK")}
    assert sum(r["events"] for r in stats["rows"]) == len(
        store_client.get("/events", params={"dyad": "PAK-RUS", "limit": 500}).json()["events"]) + len(
        store_client.get("/events", params={"dyad": "RUS-PAK", "limit": 500}).json()["events"])


def test_article_page_highlights_every_event(store_client):
    record = store_client.get("/articles/example").json()
    html = store_client.get("/article/example").text
    assert record["events"]
    for event in record["events"]:
        assert f'id="t-{event["trigger"]["start"]}"' in html
        assert f'href="#t-{event["trigger"]["start"]}"' in html
    assert html.count('class="hl hl-trigger') + html.count("hl-trigger") >= len({e["trigger"]["start"] for e in
                                                                                record["events"]})
    assert "hl-actor" in html and "hl-date" in html


def test_hostile_article_is_escaped_on_every_page(store_client):
    html = store_client.get("/article/" + quote(ODD_ID, safe="")).text
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>odd id</b>" not in html
    assert "&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;" in html
    assert "&#39;; DROP TABLE events; --" in html
    explore = store_client.get("/explore", params={"limit": 500}).text
    assert "<b>odd id</b>" not in explore and "&lt;b&gt;odd id&lt;/b&gt;" in explore
    assert re.search(r'href="/article/%3Cb%3Eodd%20id%3C/b%3E%27%22#t-\d+"', explore) or \
        "/article/%3Cb%3Eodd" in explore


def test_explorer_applies_filters_and_pages(store_client):
    html = store_client.get("/explore", params={"dyad": "PAK-RUS"}).text
    assert 'value="PAK-RUS"' in html
    rows = re.findall(r'<tr class="q\d">', html)
    assert len(rows) == len(store_client.get("/events", params={"dyad": "PAK-RUS"}).json()["events"])
    first = store_client.get("/explore", params={"limit": 1}).text
    assert 'rel="next"' in first and "offset=1" in first


def test_dyad_timeline_is_svg_with_one_bar_per_month_and_class(store_client):
    stats = store_client.get("/stats/dyad", params={"dyad": "PAK-RUS", "both": True}).json()["rows"]
    html = store_client.get("/dyad", params={"dyad": "PAK-RUS"}).text
    assert '<svg class="chart" id="timeline"' in html
    dated = {(r["month"], r["quad_class"]) for r in stats if r["month"]}
    assert html.count('<rect class="bar"') == len(dated)


def test_network_is_svg_with_an_edge_per_dyad(store_client):
    html = store_client.get("/network").text
    assert '<svg class="chart" id="network"' in html
    assert html.count('<path class="edge"') >= 1
    assert ">PAK</text>" in html and ">RUS</text>" in html


def test_pages_answer_bad_filters_with_an_html_error(store_client):
    response = store_client.get("/explore", params={"quad": 9})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")
    assert "quad" in response.text


def test_articles_list_and_home_page_link_every_article(store_client, stored):
    listing = store_client.get("/articles", params={"limit": 2}).json()
    assert listing["total"] == len(STORED) + 1 and len(listing["articles"]) == 2 and listing["next_offset"] == 2
    assert "text" not in listing["articles"][0]
    html = store_client.get("/").text
    for id, _, _ in STORED:
        assert f'href="/article/{quote(id, safe="/")}"' in html
    assert 'href="/article/example"' in html


def test_events_page_counts_the_matches(store_client, stored):
    page = store_client.get("/events", params={"dyad": "PAK-RUS", "limit": 1}).json()
    assert page["total"] == stored.count_events(dyad="PAK-RUS")


def test_concurrent_requests_share_the_store_safely(store_client, stored):
    from concurrent.futures import ThreadPoolExecutor

    paths = ["/events?dyad=PAK-RUS", "/actors", "/stats/dyad", "/articles/example", "/events?text=diplomats"] * 4
    with ThreadPoolExecutor(8) as pool:
        responses = list(pool.map(store_client.get, paths))
    assert [r.status_code for r in responses] == [200] * len(paths)
    assert responses[0].json()["total"] == stored.count_events(dyad="PAK-RUS")
