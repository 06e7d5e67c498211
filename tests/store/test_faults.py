"""Faults: foreign and corrupt files, newer schemas, failed migrations, a full disk, two writers, kill -9."""

from __future__ import annotations

import errno
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from tacitus.errors import StoreError
from tacitus.store import Store
from tacitus.store.schema import MIGRATIONS, Migration

from .conftest import pak_rus, record

SRC = Path(__file__).resolve().parents[2] / "src"


def _records(n, prefix="a"):
    return [record(f"{prefix}{i}", f"Story number {i} about something.") for i in range(n)]


def _open_error(path) -> StoreError:
    with pytest.raises(StoreError) as info:
        Store(path, lock_timeout=0)
    return info.value


@pytest.mark.parametrize("content, words", [
    (os.urandom(5000), "not a DuckDB database"),
    (b"hello world\n" * 100, "not a DuckDB database"),
    (b"", "empty file"),
    (b"PAR1" + os.urandom(100), "Parquet"),
])
def test_foreign_file_is_not_a_store(tmp_path, content, words):
    path = tmp_path / "x.duckdb"
    path.write_bytes(content)
    error = _open_error(path)
    assert error.code == "E301" and words in str(error) and str(path) in str(error)
    assert path.read_bytes() == content  # left as it was


def test_sqlite_file_is_named_as_such(tmp_path):
    path = tmp_path / "events.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (a)")
    con.commit()
    con.close()
    error = _open_error(path)
    assert error.code == "E301" and "SQLite" in str(error)


def test_duckdb_file_of_another_application(tmp_path):
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE sales (id INTEGER)")
    con.close()
    error = _open_error(path)
    assert error.code == "E301" and "not a Tacitus store" in str(error) and "sales" in str(error)
    con = duckdb.connect(str(path))
    assert con.execute("SELECT table_name FROM duckdb_tables()").fetchall() == [("sales",)]  # untouched
    con.close()


def test_corrupt_blocks(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.add_coded(_records(50))
    data = bytearray(path.read_bytes())
    data[4096:] = os.urandom(len(data) - 4096)  # keep the header, garble every block
    path.write_bytes(bytes(data))
    assert _open_error(path).code == "E301"


def test_newer_schema_is_refused_and_kept(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.add_coded([pak_rus()])
        store.con.execute("INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')")
    error = _open_error(path)
    assert error.code == "E302" and "99" in str(error) and "upgrade Tacitus" in str(error)
    with Store(path, migrations=MIGRATIONS + (Migration(99, "future", ()),)) as store:
        assert store.summary()["articles"] == 1


def test_older_schema_is_migrated_and_recorded(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path, migrations=MIGRATIONS[:1]) as store:
        assert store.schema_version == 1 and "clusters" not in store._tables()
        # Rows as a version-1 Tacitus wrote them.
        store.con.execute("INSERT INTO articles (id, content_hash, text) VALUES ('old', 'h', 'Old text.')")
        store.con.execute("INSERT INTO events (event_id, article_id, event, cameo, cameo_root, date, date_start, "
                          "date_end) VALUES (nextval('event_ids'), 'old', 0, '036', '03', '2018-02-20', "
                          "DATE '2018-02-20', DATE '2018-02-20')")
    with Store(path, read_only=True, migrations=MIGRATIONS[:1]):
        pass
    assert _read_only_error(path).code == "E306"
    with Store(path) as store:
        assert [m["version"] for m in store.migrations_applied()] == [m.version for m in MIGRATIONS]
        assert store.article("old")["text"] == "Old text."
        assert store.query_events(article="old")[0]["month"] == "2018-02"  # filled in by migration 4
        assert store.deduplicate() == 1
        store.add_coded([pak_rus()])
        assert store.summary()["clusters"] == 2 and store.count_events() == 2


def _read_only_error(path):
    with pytest.raises(StoreError) as info:
        Store(path, read_only=True)
    return info.value


def test_failed_migration_rolls_back(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path, migrations=MIGRATIONS[:1]).close()
    broken = Migration(2, "broken", ("ALTER TABLE events ADD COLUMN x INTEGER", "SELECT * FROM no_such_table"))
    with pytest.raises(StoreError) as info:
        Store(path, migrations=(MIGRATIONS[0], broken))
    assert info.value.code == "E306" and "rolled back" in str(info.value)
    con = duckdb.connect(str(path))
    assert con.execute("SELECT max(version) FROM schema_migrations").fetchall() == [(1,)]
    assert "x" not in [c[0] for c in con.execute("DESCRIBE events").fetchall()]
    con.close()


@pytest.mark.parametrize("fault", [duckdb.IOException("Could not write file: No space left on device"),
                                   OSError(errno.ENOSPC, "No space left on device")])
def test_full_disk_rolls_back_the_batch_and_a_rerun_completes(tmp_path, monkeypatch, fault):
    path = tmp_path / "s.duckdb"
    records = _records(30)
    original = Store._load_table
    calls = {"sentences": 0}

    def failing_load(self, name, table):
        # The articles of the second batch are inserted by then: the failure hits mid-transaction.
        if name == "sentences":
            calls["sentences"] += 1
            if calls["sentences"] == 2:
                raise fault
        return original(self, name, table)

    with Store(path) as store:
        monkeypatch.setattr(Store, "_load_table", failing_load)
        with pytest.raises(StoreError) as info:
            store.add_coded(records, batch_size=10)
        assert info.value.code == "E304" and "disk full" in str(info.value) and str(path) in str(info.value)
        assert store.summary()["articles"] == 10 and store.summary()["sentences"] == 10
        monkeypatch.setattr(Store, "_load_table", original)
        report = store.add_coded(records, batch_size=10)
        assert len(report.unchanged) == 10 and len(report.added) == 20
        assert _stored_once(store, 30)


def _stored_once(store, n) -> bool:
    ids = store.con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchall()[0]
    sentences = store.con.execute("SELECT count(*), count(DISTINCT article_id) FROM sentences").fetchall()[0]
    return ids == (n, n) and sentences == (n, n)


def _python(script: str, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(script), *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


HOLD_OPEN = """
    import sys, time
    from tacitus.store import Store
    store = Store(sys.argv[1])
    print("open", flush=True)
    time.sleep(float(sys.argv[2]))
    store.close()
"""


def test_second_writer_gets_a_clear_error_after_its_timeout(tmp_path):
    path = tmp_path / "s.duckdb"
    holder = _python(HOLD_OPEN, str(path), "30")
    try:
        assert holder.stdout.readline().strip() == "open"
        started = time.monotonic()
        with pytest.raises(StoreError) as info:
            Store(path, lock_timeout=0.5)
        assert time.monotonic() - started >= 0.5
        assert info.value.code == "E303" and f"PID {holder.pid}" in str(info.value)
    finally:
        holder.kill()
        holder.wait()


INGEST_THEN_HOLD = """
    import sys, time
    sys.path.insert(0, sys.argv[2])
    from tacitus.store import Store
    from tests.store.test_faults import _records
    store = Store(sys.argv[1])
    store.add_coded(_records(30), batch_size=10)
    print("open", flush=True)
    time.sleep(1)
    store.close()
"""


def test_concurrent_ingests_wait_and_store_each_article_once(tmp_path):
    path = tmp_path / "s.duckdb"
    first = _python(INGEST_THEN_HOLD, str(path), str(Path(__file__).resolve().parents[2]))
    try:
        assert first.stdout.readline().strip() == "open", first.stderr.read()
        with Store(path, lock_timeout=30) as store:  # waits until the first process is done
            report = store.add_coded(_records(40), batch_size=10)
            assert len(report.unchanged) == 30 and len(report.added) == 10
            assert _stored_once(store, 40)
    finally:
        first.kill()
        first.wait()


KILLED_MID_BATCH = """
    import sys, time
    from tacitus.store import Store
    sys.path.insert(0, sys.argv[2])
    from tests.store.test_faults import _records
    original = Store._load_table
    seen = []
    def load(self, name, table):
        original(self, name, table)
        if name == "events":
            seen.append(name)
            if len(seen) == 3:  # batches 1 and 2 committed, batch 3 half written
                print("mid-batch", flush=True)
                time.sleep(60)
    Store._load_table = load
    Store(sys.argv[1]).add_coded(_records(40), batch_size=10)
"""


def test_kill_9_mid_ingest_then_rerun_stores_each_article_once(tmp_path):
    path = tmp_path / "s.duckdb"
    victim = _python(KILLED_MID_BATCH, str(path), str(Path(__file__).resolve().parents[2]))
    try:
        line = victim.stdout.readline().strip()
        assert line == "mid-batch", victim.stderr.read()
        victim.send_signal(signal.SIGKILL)
        victim.wait()
    finally:
        if victim.poll() is None:
            victim.kill()
    with Store(path) as store:
        assert store.summary()["articles"] == 20 and _stored_once(store, 20)
        report = store.add_coded(_records(40), batch_size=10)
        assert len(report.unchanged) == 20 and len(report.added) == 20
        assert _stored_once(store, 40)
