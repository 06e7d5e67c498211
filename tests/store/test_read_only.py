"""A store file or directory that cannot be written: a coded error (E304) naming the path, before any
coding, and nothing half-written. Tests run as root in CI, where chmod does not stop root; there the
permission is simulated (os.access, DuckDB's own error, an OSError injected mid-batch) and the chmod
tests are skipped."""

from __future__ import annotations

import errno
import os
import stat

import duckdb
import pytest
from click.testing import CliRunner

from tacitus.cli import main
from tacitus.errors import StoreError, UsageError
from tacitus.store import Store

from .conftest import record

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
needs_non_root = pytest.mark.skipif(AS_ROOT, reason="chmod does not stop root")


def _records(n, prefix="a"):
    return [record(f"{prefix}{i}", f"Story number {i} about something.") for i in range(n)]


def _inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text("Pakistan met Russia in Moscow on Tuesday.\n", encoding="utf-8")
    return folder


def _no_model(monkeypatch):
    """Coding must not start: the store is checked first."""
    import tacitus.store.ingest as ingest

    def refuse(*args, **kwargs):
        raise AssertionError("the model was loaded although the store cannot be written")

    monkeypatch.setattr(ingest, "_pipeline", refuse)


def _deny_write(monkeypatch, *paths):
    denied = {os.fspath(p) for p in paths}
    real = os.access

    def access(path, mode, *args, **kwargs):
        if os.fspath(path) in denied and mode & os.W_OK:
            return False
        return real(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)


def _stored_store(path, n=10):
    with Store(path) as store:
        store.add_coded(_records(n), batch_size=5)


# -- simulated (runs as root too) -----------------------------------------------------------------

def test_read_only_file_is_e304_naming_it_and_left_unchanged(tmp_path, monkeypatch):
    path = tmp_path / "s.duckdb"
    _stored_store(path)
    before = path.read_bytes()
    _deny_write(monkeypatch, path)
    with pytest.raises(StoreError) as info:
        Store(path, lock_timeout=0)
    assert info.value.code == "E304" and str(path) in str(info.value) and "read-only" in str(info.value)
    assert path.read_bytes() == before
    with Store(path, read_only=True) as store:  # reading still works
        assert store.summary()["articles"] == 10


def test_read_only_directory_is_e304_and_no_file_is_created(tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "new.duckdb"
    _deny_write(monkeypatch, folder)
    with pytest.raises(StoreError) as info:
        Store(path, lock_timeout=0)
    assert info.value.code == "E304" and str(path) in str(info.value) and str(folder) in str(info.value)
    assert list(folder.iterdir()) == []


def test_ingest_on_a_read_only_store_fails_before_coding(tmp_path, monkeypatch):
    path = tmp_path / "s.duckdb"
    _stored_store(path)
    before = path.read_bytes()
    _deny_write(monkeypatch, path)
    _no_model(monkeypatch)
    result = CliRunner().invoke(main, ["ingest", str(_inputs(tmp_path)), "--db", str(path), "--lock-timeout", "0"])
    assert result.exit_code == 1, result.output
    assert "E304" in result.output and str(path) in result.output
    assert "Traceback" not in result.output
    assert path.read_bytes() == before


def test_duckdb_permission_error_is_e304_not_a_corrupt_file(tmp_path, monkeypatch):
    path = tmp_path / "s.duckdb"
    _stored_store(path)
    real = duckdb.connect

    def connect(database, read_only=False, **kwargs):
        if not read_only:
            raise duckdb.IOException(f'IO Error: Cannot open file "{database}": Permission denied')
        return real(database, read_only=read_only, **kwargs)

    monkeypatch.setattr(duckdb, "connect", connect)
    with pytest.raises(StoreError) as info:
        Store(path, lock_timeout=0)
    assert info.value.code == "E304" and str(path) in str(info.value) and "read-only" in str(info.value)
    monkeypatch.setattr(duckdb, "connect", real)
    with Store(path, read_only=True) as store:
        assert store.summary()["articles"] == 10


@pytest.mark.parametrize("hold", [True, False])
@pytest.mark.parametrize("fault", [OSError(errno.EROFS, "Read-only file system"),
                                   OSError(errno.EACCES, "Permission denied"),
                                   duckdb.IOException("Could not write file \"s.duckdb.wal\": Permission denied")])
def test_file_turning_read_only_mid_ingest_rolls_back_the_batch(tmp_path, monkeypatch, fault, hold):
    path = tmp_path / "s.duckdb"
    original = Store._load_table
    calls = {"sentences": 0}

    def failing_load(self, name, table):
        if name == "sentences":
            calls["sentences"] += 1
            if calls["sentences"] == 2:  # the second batch's articles are inserted by then
                raise fault
        return original(self, name, table)

    store = Store(path, hold=hold)
    monkeypatch.setattr(Store, "_load_table", failing_load)
    with pytest.raises(StoreError) as info:
        store.add_coded(_records(30), batch_size=10)
    store.close()
    assert info.value.code == "E304" and str(path) in str(info.value) and "read-only" in str(info.value)
    monkeypatch.setattr(Store, "_load_table", original)
    with Store(path, read_only=True) as store:
        summary = store.summary()
        assert summary["articles"] == 10 and summary["sentences"] == 10  # the first batch, whole; no half batch


def test_store_opened_read_only_refuses_writes_and_writes_nothing(tmp_path):
    path = tmp_path / "s.duckdb"
    _stored_store(path)
    with Store(path, read_only=True) as store:
        with pytest.raises(UsageError) as info:
            store.add_coded(_records(5, prefix="b"))
        assert str(path) in str(info.value) and "read-only" in str(info.value)
        assert store.summary()["articles"] == 10


# -- real permissions (skipped as root) -----------------------------------------------------------

@needs_non_root
def test_chmod_read_only_file(tmp_path):
    path = tmp_path / "s.duckdb"
    _stored_store(path)
    before = path.read_bytes()
    path.chmod(stat.S_IRUSR)
    try:
        result = CliRunner().invoke(main, ["ingest", str(_inputs(tmp_path)), "--db", str(path),
                                           "--lock-timeout", "0"])
        assert result.exit_code == 1 and "E304" in result.output and str(path) in result.output
        assert path.read_bytes() == before
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


@needs_non_root
def test_chmod_read_only_directory(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(StoreError) as info:
            Store(folder / "new.duckdb", lock_timeout=0)
        assert info.value.code == "E304" and str(folder / "new.duckdb") in str(info.value)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(stat.S_IRWXU)
