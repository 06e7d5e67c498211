"""`tacitus ingest --workers/--scheduler/--out`: the command runs the scaled ingest and reports it."""

from __future__ import annotations

import duckdb
from click.testing import CliRunner

from tacitus.cli import main


def _ingest(*args, progress="--no-progress"):
    return CliRunner().invoke(main, ["ingest", *args, progress], catch_exceptions=False)


def test_parquet_output_on_an_existing_scheduler_and_resume(tmp_path, write_jsonl, thread_client):
    news = write_jsonl("news.jsonl", 7)
    out = tmp_path / "out"
    scheduler = thread_client.scheduler.address
    result = _ingest(str(news), "--scheduler", scheduler, "--out", str(out), "--partition-size", "3")
    assert result.exit_code == 0, result.output
    assert "3 of 3 work units done" in result.output and "7 articles coded" in result.output
    assert "articles/s" in result.output
    months = duckdb.sql(f"SELECT month, count(*) FROM read_parquet('{out}/articles/*/*.parquet', "
                        "hive_partitioning = true) GROUP BY 1 ORDER BY 1").fetchall()
    assert months == [("2018-01", 3), ("2018-02", 2), ("2018-03", 2)]
    again = _ingest(str(news), "--scheduler", scheduler, "--out", str(out), "--partition-size", "3")
    assert again.exit_code == 0 and "3 finished before" in again.output and "0 articles coded" in again.output


def test_store_output_stores_each_article_once(tmp_path, write_jsonl, thread_client):
    from tacitus.store import Store

    news = write_jsonl("news.jsonl", 5)
    copy = tmp_path / "copy.jsonl"
    copy.write_text(news.read_text(encoding="utf-8").replace('"story-', '"copy-'), encoding="utf-8")
    db = tmp_path / "events.duckdb"
    scheduler = thread_client.scheduler.address
    result = _ingest(str(news), str(copy), "--scheduler", scheduler, "--db", str(db), "--partition-size", "2",
                     progress="--progress")
    assert result.exit_code == 0, result.output
    assert "10 articles coded" in result.output and "5 stored as new" in result.output
    with Store(db, read_only=True) as store:
        assert store.summary()["articles"] == 5


def test_bad_scale_arguments_are_clear_errors(tmp_path, monkeypatch):
    from tacitus.scale import runner

    result = CliRunner().invoke(main, ["ingest", "-", "--workers", "1", "--out", str(tmp_path / "o")])
    assert result.exit_code != 0 and "standard input cannot be split" in result.output
    result = CliRunner().invoke(main, ["ingest", "x.jsonl", "--workers", "1", "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code != 0 and "not both" in result.output
    monkeypatch.setattr(runner, "CONNECT_TIMEOUT", 1)
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1",
                                       "--out", str(tmp_path / "o")])
    assert result.exit_code != 0 and "cannot reach the Dask scheduler" in result.output
