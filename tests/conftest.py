"""Shared fixtures: one pipeline per test session (loading spaCy takes a second or two)."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
EXAMPLE = Path(__file__).resolve().parents[1] / "src" / "tacitus" / "examples" / "islamabad-beijing-corridor.txt"


@pytest.fixture(scope="session")
def pipeline():
    from tacitus import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def dawn(shared):
    """The Dawn example article coded by `tacitus code --format jsonl`, checked against the output schema."""
    import json

    from click.testing import CliRunner

    from tacitus.cli import main
    from tacitus.output import validate

    path = shared / "examples" / "dawn-2018-02-21-pakistan-russia.txt"
    result = CliRunner().invoke(main, ["code", str(path), "--format", "jsonl"], catch_exceptions=False)
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    validate(record)
    return record
