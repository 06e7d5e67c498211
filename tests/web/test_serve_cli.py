"""`tacitus serve`: flags, the store it opens, its defaults (127.0.0.1) and its errors; uvicorn is not started."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tacitus.cli import main
from tacitus.web.cli import is_loopback


@pytest.fixture
def served(monkeypatch):
    """Replaces uvicorn.run; records what serve would have run."""
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.append((app, kwargs)))
    monkeypatch.delenv("TACITUS_DB", raising=False)
    return calls


def test_help_lists_the_options():
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--timeout", "--max-body", "127.0.0.1"):
        assert option in result.output


def test_binds_loopback_by_default_and_runs_without_a_store(served, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 0, result.output
    app, kwargs = served[0]
    assert kwargs["host"] == "127.0.0.1" and kwargs["port"] == 8000
    assert app.state.store is None
    assert "no store at tacitus.duckdb" in result.output


def test_opens_the_store_read_only(served, tmp_path):
    from tacitus.store import Store

    db = tmp_path / "events.duckdb"
    Store(db).close()
    result = CliRunner().invoke(main, ["serve", "--db", str(db), "--port", "8123", "--timeout", "5"])
    assert result.exit_code == 0, result.output
    app, kwargs = served[0]
    assert kwargs["port"] == 8123
    assert app.state.store is not None and app.state.store.read_only is True


def test_a_file_that_is_not_a_store_is_a_coded_error(served, tmp_path):
    db = tmp_path / "junk.duckdb"
    db.write_bytes(b"this is not a database" * 100)
    result = CliRunner().invoke(main, ["serve", "--db", str(db)])
    assert result.exit_code == 1
    assert "E301" in result.output and str(db) in result.output
    assert served == []


def test_warns_when_bound_beyond_loopback(served, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 0
    assert "reachable from other machines" in result.output
    assert served[0][1]["host"] == "0.0.0.0"


@pytest.mark.parametrize("host, loopback", [("127.0.0.1", True), ("::1", True), ("localhost", True),
                                            ("0.0.0.0", False), ("192.168.1.2", False), ("example.org", False)])
def test_is_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_without_the_serve_extra_it_says_what_to_install(monkeypatch, tmp_path):
    import sys

    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn now raises ImportError
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "tacitus[serve]" in result.output and "uvicorn" in result.output
