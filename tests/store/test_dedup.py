"""Cross-article deduplication: the clustering rule alone, then clusters kept current by the Store."""

from __future__ import annotations

from datetime import date

import pytest

from tacitus.store.dedup import assign_clusters
from tacitus.store.records import dedup_key

from .conftest import PAK, RUS, actor, event, record


def row(event_id, day, *, key="PAK|RUS|03", place=(None, None), month_only=False):
    start = date.fromisoformat(day)
    end = date(start.year, start.month, 28) if month_only else start
    return {"event_id": event_id, "dedup_key": key, "date_start": start, "date_end": end,
            "location_name": place[0], "location_country": place[1]}


def groups(rows, clusters=()):
    found = {}
    for event_id, cluster_id in assign_clusters(rows, clusters):
        found.setdefault(cluster_id, []).append(event_id)
    return sorted(sorted(g) for g in found.values())


def test_same_dyad_root_and_day_is_one_event():
    assert groups([row(2, "2018-02-21"), row(1, "2018-02-20"), row(3, "2018-02-21")]) == [[1, 2, 3]]


def test_a_cluster_spans_two_days_at_most_so_series_do_not_chain():
    assert groups([row(1, "2018-02-20"), row(2, "2018-02-21"), row(3, "2018-02-22")]) == [[1, 2], [3]]


@pytest.mark.parametrize("first, second, same", [
    (("Moscow", "RUS"), ("Moscow", "RUS"), True),
    (("Moscow", "RUS"), (None, None), True),
    ((None, "RUS"), ("moscow ", "RUS"), True),
    (("Moscow", "RUS"), ("Islamabad", "PAK"), False),
    ((None, "RUS"), (None, "PAK"), False),
])
def test_different_known_places_are_different_events(first, second, same):
    assert (groups([row(1, "2018-02-20", place=first), row(2, "2018-02-20", place=second)]) == [[1, 2]]) is same


def test_other_root_or_direction_is_another_event():
    assert groups([row(1, "2018-02-20"), row(2, "2018-02-20", key="PAK|RUS|04"),
                   row(3, "2018-02-20", key="RUS|PAK|03")]) == [[1], [2], [3]]


def test_mentions_dated_only_to_a_month_stay_alone():
    assert groups([row(1, "2018-02-01", month_only=True), row(2, "2018-02-01", month_only=True)]) == [[1], [2]]


def test_new_mentions_join_stored_clusters_within_their_span():
    stored = [{"cluster_id": 7, "dedup_key": "PAK|RUS|03", "first_day": date(2018, 2, 20),
               "last_day": date(2018, 2, 21), "location_name": "Moscow", "location_country": "RUS"}]
    assignments = assign_clusters([row(10, "2018-02-21"), row(11, "2018-02-19"), row(12, "2018-02-20",
                                                                                    place=("Sochi", "RUS"))], stored)
    # 11 is two days before the stored span's end: a new cluster; 12 names another place than cluster 7,
    # so it joins 11's.
    assert sorted(assignments) == [(10, 7), (11, 11), (12, 11)]


@pytest.mark.parametrize("source, target, key", [
    (PAK, RUS, "PAK|RUS|03"),
    (PAK, None, "PAK||03"),
    (actor("IGOUNO", None, "the UN", kind="igo"), RUS, "IGOUNO|RUS|03"),
    (actor("GOV", None, "the government", kind="organization", sector="GOV"), RUS, None),
    (None, None, None),
])
def test_dedup_key_needs_identified_actors(source, target, key):
    assert dedup_key(event(source, target, "036")) == key


def test_store_links_mentions_to_clusters_and_keeps_them(store):
    text = "Pakistan met with Russia on Tuesday."
    store.add_coded([record("a1", text, [event(PAK, RUS)], source="Dawn")])
    store.add_coded([record("a2", text + " More.", [event(PAK, RUS, date="2018-02-21")], source="TASS"),
                     record("a3", "Pakistan and Russia.", [event(PAK, RUS, date="2018-02-25")], source="TASS")])
    events = store.query_events()
    assert len(events) == 3
    assert [e["cluster_id"] for e in events] == [events[0]["event_id"]] * 2 + [events[2]["event_id"]]
    clusters = store.con.execute("SELECT n_mentions, n_sources, n_articles FROM clusters ORDER BY cluster_id")
    assert clusters.fetchall() == [(2, 2, 2), (1, 1, 1)]
    assert [e["article_id"] for e in store.query_events(canonical=True)] == ["a1", "a3"]


def test_replacing_an_article_updates_its_clusters(store):
    text = "Pakistan met with Russia on Tuesday."
    store.add_coded([record("a1", text, [event(PAK, RUS)]), record("a2", text + " Again.", [event(PAK, RUS)])])
    assert store.summary()["clusters"] == 1
    store.add_coded([record("a2", text + " Changed.", [event(PAK, RUS, date="2018-03-30")])])
    rows = store.con.execute("SELECT n_mentions, n_articles FROM clusters ORDER BY cluster_id").fetchall()
    assert rows == [(1, 1), (1, 1)]
    assert store.deduplicate() == 2
