"""The Parquet sink and the manifest: month partitions DuckDB can read, every article stored once."""

from __future__ import annotations

import duckdb

from tacitus.model import Article, ArticleError, Event, Mention, Trigger
from tacitus.scale import Manifest, ParquetSink, Partition, Slice, article_record, publication_month


def _record(text, published="2018-02-21", id="a", events=0):
    article = Article(id=id, text=text, published=published)
    for i in range(events):
        article.events.append(Event(sentence=0, source=Mention(0, 8, "Pakistan", 0), target=None, cameo="036",
                                    cameo_root="03", quad_class=1, penta_class=1, goldstein=4.0,
                                    plover="CONSULT", trigger=Trigger(9, 12, "met"), rule="test", confidence=0.5))
    return article_record(article)


def _partition(name):
    return Partition(key=f"key-{name}", slices=(Slice(f"{name}.jsonl", 1, 2, 0, 10),), size=2)


def _rows(out, name, columns="*"):
    return duckdb.sql(f"SELECT {columns} FROM read_parquet('{out}/{name}/*/*.parquet', hive_partitioning = true)"
                      ).fetchall()


def test_months_partition_the_dataset_and_duckdb_reads_it(tmp_path):
    sink = ParquetSink(tmp_path)
    stored = sink.write(_partition("p1"), [_record("One.", "2018-02-21", "a", events=2),
                                           _record("Two.", "2018-03-01", "b", events=1),
                                           _record("Three.", None, "c")])
    assert stored == 3
    assert sorted(p.name for p in (tmp_path / "articles").iterdir()) == [
        "month=2018-02", "month=2018-03", "month=unknown"]
    assert sorted(_rows(tmp_path, "articles", "id, month, events")) == [
        ("a", "2018-02", 2), ("b", "2018-03", 1), ("c", "unknown", 0)]
    assert sorted(_rows(tmp_path, "events", "article_id, cameo, source_text, month")) == [
        ("a", "036", "Pakistan", "2018-02"), ("a", "036", "Pakistan", "2018-02"), ("b", "036", "Pakistan", "2018-03")]


def test_a_rewritten_partition_replaces_its_files_and_duplicates_are_skipped(tmp_path):
    sink = ParquetSink(tmp_path)
    records = [_record("One.", id="a", events=1), _record("Two.", id="b"), _record("One.", id="a-copy", events=1)]
    assert sink.write(_partition("p1"), records) == 2
    # The same partition again (a crash after writing, before the manifest): same files, no duplicates.
    assert sink.write(_partition("p1"), records) == 2
    # Another partition holding a story already stored, in a later run that reads the dataset back.
    again = ParquetSink(tmp_path)
    assert again.write(_partition("p2"), [_record("Two.", id="b2"), _record("Four.", id="d")]) == 1
    assert sorted(_rows(tmp_path, "articles", "id")) == [("a",), ("b",), ("d",)]
    assert len(_rows(tmp_path, "events")) == 1


def test_error_articles_are_kept_apart():
    one = Article(id="f.jsonl:3", text="", errors=[ArticleError("E106", "not valid JSON", "f.jsonl", 3)])
    two = Article(id="f.jsonl:9", text="", errors=[ArticleError("E106", "not valid JSON", "f.jsonl", 9)])
    assert article_record(one)["content_hash"] != article_record(two)["content_hash"]


def test_publication_month():
    assert publication_month("2018-02-21") == "2018-02"
    assert publication_month("2018-02") == "2018-02"
    assert publication_month("2018") == "unknown"
    assert publication_month(None) == "unknown"


def test_manifest_resumes_and_skips_a_torn_line(tmp_path):
    path = tmp_path / "manifest.jsonl"
    manifest = Manifest(path)
    manifest.record(_partition("p1"), articles=2, stored=2)
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"partition": "key-p2", "artic')  # a crash while writing
    reread = Manifest(path)
    assert "key-p1" in reread and "key-p2" not in reread
    assert reread.finished["key-p1"]["input"] == "p1.jsonl:1-2"


def test_store_sink_stores_readable_articles_once_and_reports_unreadable_ones():
    from tacitus.scale import StoreSink
    from tacitus.store import Store

    unreadable = Article(id="f.jsonl:3", text="", errors=[ArticleError("E106", "not valid JSON", "f.jsonl", 3)])
    records = [_record("One.", id="a", events=1), _record("Two.", id="b"), article_record(unreadable)]
    with Store(":memory:") as store:
        sink = StoreSink(store)
        assert sink.is_empty and sink.manifest_path is None
        assert sink.write(_partition("p1"), records) == 2
        assert sink.write(_partition("p1"), records) == 0  # written again after a crash: nothing doubles
        assert store.summary()["articles"] == 2 and store.summary()["events"] == 1
        assert [article_id for article_id, _ in sink.report.failed] == ["f.jsonl:3", "f.jsonl:3"]
        assert "E106" in sink.report.failed[0][1]
