"""`tacitus ingest | query | stats | export` end to end (ingest runs the real pipeline on short stories)."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from tacitus.cli import main
from tacitus.store import Store

STORIES = {
    "pact": "ISLAMABAD - Pakistan and Russia signed a defence cooperation agreement on Tuesday, officials said.",
    "threat": "MOSCOW - Russia threatened Ukraine with sanctions on Monday.",
}


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, pipeline):
    folder = tmp_path_factory.mktemp("stories")
    for name, text in STORIES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    db = folder / "events.duckdb"
    # The session's pipeline stands in for the one `tacitus ingest` would load (seconds saved).
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("tacitus.store.ingest._pipeline", lambda model, batch_size: pipeline)
        first = run("ingest", str(folder), "--db", str(db), "--published", "2018-02-21")
        yield folder, db, first


def test_ingest_stores_articles_and_events(ingested):
    folder, db, first = ingested
    assert first.exit_code == 0, first.output
    assert "2 added" in first.stderr
    with Store(db, read_only=True) as store:
        assert store.summary()["articles"] == 2
        article = store.article("pact")
        assert article["text"] == STORIES["pact"] and article["published"] == "2018-02-21"
        assert any(e["source_country"] == "PAK" and e["target_country"] == "RUS" for e in article["events"])


def test_rerun_adds_nothing_and_a_changed_file_is_replaced(ingested, tmp_path):
    folder, db, _ = ingested
    again = run("ingest", str(folder), "--db", str(db), "--published", "2018-02-21")
    assert again.exit_code == 0 and "0 added" in again.stderr and "2 unchanged" in again.stderr
    changed = tmp_path / "threat.txt"
    changed.write_text(STORIES["threat"].replace("Monday", "Sunday"), encoding="utf-8")
    result = run("ingest", str(changed), "--db", str(db), "--published", "2018-02-21")
    assert "replaced threat" in result.stderr and "1 replaced" in result.stderr
    with Store(db, read_only=True) as store:
        assert store.summary()["articles"] == 2 and "Sunday" in store.article("threat")["text"]


def test_unreadable_input_is_reported_and_exit_is_nonzero(tmp_path):
    result = run("ingest", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "s.duckdb"))
    assert result.exit_code == 1 and "E101" in result.stderr


def test_query_formats(ingested):
    _, db, _ = ingested
    result = run("query", "--db", str(db), "--dyad", "PAK-RUS", "-f", "jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(r["source_country"] == "PAK" and r["target_country"] == "RUS" for r in rows)
    table = run("query", "--db", str(db), "--source", "RUS")
    assert "threat" in table.stdout and "event_id" in table.stdout
    rows = list(csv.DictReader(io.StringIO(run("query", "--db", str(db), "-f", "csv", "--limit", "1").stdout)))
    assert len(rows) == 1 and "sentence_text" in rows[0]


def test_stats_and_bad_filter(ingested):
    _, db, _ = ingested
    rows = [json.loads(line) for line in run("stats", "--db", str(db), "-f", "jsonl").stdout.splitlines()]
    assert {"month", "source", "target", "quad_class", "events", "goldstein_mean"} <= set(rows[0])
    assert sum(r["events"] for r in rows) == Store(db, read_only=True).count_events()
    bad = run("stats", "--db", str(db), "--from", "yesterday")
    assert bad.exit_code == 1 and "YYYY-MM-DD" in bad.stderr


def test_store_errors_are_messages(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("my notes", encoding="utf-8")
    result = run("query", "--db", str(path))
    assert result.exit_code == 1 and "E301" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl", "gdelt"])
def test_export(ingested, tmp_path, fmt):
    _, db, _ = ingested
    out = tmp_path / f"events.{fmt}"
    result = run("export", "--db", str(db), "-f", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as store:
        mentions, clusters = store.count_events(), store.summary()["clusters"]
    if fmt == "parquet":
        assert pq.read_table(out).num_rows == mentions
    elif fmt == "csv":
        assert len(list(csv.DictReader(out.open()))) == mentions
    elif fmt == "jsonl":
        assert len(out.read_text().splitlines()) == mentions
    else:
        lines = out.read_text().splitlines()
        assert len(lines) == clusters and all(len(line.split("\t")) == 61 for line in lines)
