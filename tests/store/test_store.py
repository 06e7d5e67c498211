"""Store: ingest idempotency, replacement, queries, article round trip."""

from __future__ import annotations

import pytest

from tacitus.errors import StoreError, UsageError
from tacitus.store import Store
from tacitus.store.schema import MIGRATIONS

from .conftest import PAK, RUS, actor, event, pak_rus, record


def test_add_coded_stores_every_table(store):
    report = store.add_coded([pak_rus()])
    assert report.added == ["a1"] and report.events == 1
    counts = store.summary()
    assert counts["articles"] == 1 and counts["sentences"] == 2 and counts["events"] == 1
    assert counts["actors"] == 1 and counts["mentions"] == 1 and counts["clusters"] == 1
    assert counts["schema_version"] == MIGRATIONS[-1].version


def test_same_content_twice_adds_nothing(store):
    store.add_coded([pak_rus()])
    report = store.add_coded([pak_rus()])
    assert report.unchanged == ["a1"] and report.added == [] and report.events == 0
    assert store.summary()["events"] == 1


def test_same_content_under_another_id_is_a_duplicate(store):
    store.add_coded([pak_rus("a1")])
    report = store.add_coded([pak_rus("copy")])
    assert report.duplicates == [("copy", "a1")]
    assert store.summary()["articles"] == 1


def test_duplicate_inside_one_batch_is_stored_once(store):
    report = store.add_coded([pak_rus("a1"), pak_rus("a2")])
    assert report.added == ["a1"] and report.duplicates == [("a2", "a1")]


def test_changed_article_replaces_the_old_version(store):
    store.add_coded([pak_rus()])
    changed = record("a1", "Pakistan met with Russia on Tuesday.\nThey signed a pact.",
                     [event(PAK, RUS, trigger=("met", 9, 12)), event(PAK, RUS, "057", sentence=1)])
    report = store.add_coded([changed])
    assert report.replaced == ["a1"] and report.added == []
    assert store.summary()["articles"] == 1 and store.summary()["events"] == 2
    assert [e["cameo"] for e in store.article("a1")["events"]] == ["036", "057"]


def test_malformed_record_is_reported_and_the_batch_goes_on(store):
    broken = pak_rus("bad")
    broken["text"] = "Something else entirely."
    broken["events"][0].pop("cameo")
    report = store.add_coded([broken, pak_rus("good"), {"no": "id"}])
    assert report.added == ["good"]
    failed = dict(report.failed)
    assert set(failed) == {"bad", "None"}
    assert failed["bad"].startswith("E305") and failed["None"].startswith("E305")
    assert store.article("bad") is None


def test_article_round_trip_keeps_text_and_offsets(store):
    store.add_coded([pak_rus(title="Talks")])
    article = store.article("a1")
    assert article["title"] == "Talks" and article["text"].startswith("Pakistan met")
    assert [s["text"] for s in article["sentences"]] == ["Pakistan met with Russia on Tuesday.", "Talks went on."]
    event_row = article["events"][0]
    assert article["text"][event_row["trigger_start"]:event_row["trigger_end"]] == "met"
    assert article["text"][event_row["source_start"]:event_row["source_end"]] == "Pakistan"
    assert article["actors"][0]["mentions"] == [{"text": "Pakistan", "start": 0, "end": 8}]
    assert store.article("missing") is None


def _three_events(store):
    usa = actor("USAGOV", "USA", "Washington", kind="organization", sector="GOV")
    store.add_coded([
        pak_rus("a1"),
        record("a2", "Russia threatened Pakistan.", [event(RUS, PAK, "138", date="2018-03-05", quad=4,
                                                           goldstein=-7.0, trigger=("threatened", 7, 17))]),
        record("a3", "Washington praised Pakistan for the talks.",
               [event(usa, PAK, "051", date="2018-03", trigger=("praised", 11, 18))]),
    ])


@pytest.mark.parametrize("filters, expected", [
    ({}, ["a1", "a3", "a2"]),
    ({"source": "PAK"}, ["a1"]),
    ({"target": "pak"}, ["a3", "a2"]),
    ({"source": "USA"}, ["a3"]),
    ({"source": "USAGOV"}, ["a3"]),
    ({"dyad": "RUS-PAK"}, ["a2"]),
    ({"cameo": "13"}, ["a2"]),
    ({"root": "5"}, ["a3"]),
    ({"quad": 4}, ["a2"]),
    ({"date_from": "2018-03-01"}, ["a3", "a2"]),
    ({"date_from": "2018-03-10"}, ["a3"]),
    ({"date_to": "2018-02-28"}, ["a1"]),
    ({"text": "PRAISED talks"}, ["a3"]),
    ({"text": "talk"}, []),
])
def test_query_filters(store, filters, expected):
    _three_events(store)
    assert [r["article_id"] for r in store.query_events(**filters)] == expected
    assert store.count_events(**filters) == len(expected)


def test_text_search_knows_non_ascii_words(store):
    store.add_coded([record("u1", "Pakistan sent envoys to Ürümqi and São Paulo.", [event(PAK, RUS)])])
    assert store.count_events(text="ürümqi") == 1 and store.count_events(text="são paulo") == 1
    assert store.count_events(text="Ürüm") == 0


def test_query_pages(store):
    _three_events(store)
    pages = [store.query_events(limit=2, offset=o) for o in (0, 2, 4)]
    assert [len(p) for p in pages] == [2, 1, 0]
    assert len({r["event_id"] for p in pages for r in p}) == 3


@pytest.mark.parametrize("filters", [{"dyad": "PAKRUS"}, {"date_from": "March 2018"}, {"text": "..."}])
def test_bad_filters_are_usage_errors(store, filters):
    with pytest.raises(UsageError):
        store.query_events(**filters)


def test_stats_dyad_by_month_and_quad(store):
    _three_events(store)
    rows = store.stats_dyad()
    assert [(r["month"], r["source"], r["target"], r["quad_class"], r["events"]) for r in rows] == [
        ("2018-02", "PAK", "RUS", 1, 1), ("2018-03", "RUS", "PAK", 4, 1), ("2018-03", "USA", "PAK", 1, 1)]
    assert rows[1]["goldstein_mean"] == -7.0
    assert [r["source"] for r in store.stats_dyad(level="code", target="PAK")] == ["RUS", "USAGOV"]


def test_actors_counts_events_by_side(store):
    _three_events(store)
    pakistan = next(a for a in store.actors() if a["code"] == "PAK")
    assert pakistan["n_articles"] == 1 and pakistan["n_source_events"] == 1 and pakistan["n_target_events"] == 2


def test_read_only_store_refuses_writes(tmp_path):
    Store(tmp_path / "s.duckdb").close()
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        with pytest.raises(UsageError):
            store.add_coded([pak_rus()])


def test_read_only_missing_file_is_an_error(tmp_path):
    with pytest.raises(StoreError) as info:
        Store(tmp_path / "none.duckdb", read_only=True)
    assert info.value.code == "E301"


def test_default_path_from_environment(tmp_path, monkeypatch):
    from tacitus.store import default_path

    monkeypatch.setenv("TACITUS_DB", str(tmp_path / "env.duckdb"))
    assert default_path() == str(tmp_path / "env.duckdb")
    monkeypatch.delenv("TACITUS_DB")
    assert default_path() == "tacitus.duckdb"


def test_add_arrow_follows_the_same_rules(store, tmp_path):
    from tacitus.store.records import Batch, record_hash

    batch = Batch()
    for r in (pak_rus("a1"), record("a2", "Russia threatened Pakistan.", [event(RUS, PAK, "138")])):
        batch.add(r, record_hash(r))
    assert store.add_arrow(batch.tables()).added == ["a1", "a2"]
    again = store.add_arrow(batch.tables())
    assert again.unchanged == ["a1", "a2"] and again.events == 0
    assert store.summary()["events"] == 2 and store.summary()["clusters"] == 2
    with Store(tmp_path / "other.duckdb") as other:
        assert other.add_coded([pak_rus("a1")]).added == ["a1"]
        assert other.query_events()[0]["trigger"] == store.query_events(article="a1")[0]["trigger"]


def test_ingest_takes_coded_articles_and_reports_unreadable_ones(store):
    from tacitus.model import Actor, Article, ArticleError, Event, Mention, Sentence, Trigger

    text = "Pakistan met Russia."
    pakistan = Mention(0, 8, "Pakistan", 0, actor=Actor("Pakistan", "PAK", "PAK", kind="state"))
    russia = Mention(13, 19, "Russia", 0, actor=Actor("Russia", "RUS", "RUS", kind="state"))
    coded = Article("k1", text, published="2018-02-21", sentences=[Sentence(0, 0, len(text), text)],
                    events=[Event(0, pakistan, russia, "036", "03", 1, 1, 4.0, "CONSULT", Trigger(9, 12, "met"),
                                  "test", 0.9, date="2018-02-20", date_precision="day")])
    unreadable = Article("bad", "", errors=[ArticleError("E101", "no such file", "bad.txt")])
    report = store.ingest([coded, unreadable])
    assert report.added == ["k1"] and report.failed == [("bad", "E101: no such file")]
    [row] = store.query_events()
    assert (row["source_code"], row["target_code"], row["trigger"], row["date"]) == ("PAK", "RUS", "met", "2018-02-20")
    assert store.ingest([coded]).unchanged == ["k1"]
