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
