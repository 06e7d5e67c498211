"""Fixtures for the scale-out tests: small JSONL inputs written by the tests themselves."""

from __future__ import annotations

import itertools
import json

import pytest

COUNTRIES = ("Pakistan", "Russia", "China", "India", "France", "Brazil", "Kenya", "Japan")
SENTENCES = (
    "{a} and {b} signed a defence agreement on {day}.",
    "The foreign minister of {a} met officials from {b} in the capital on {day}.",
    "{a} accused {b} of violating the ceasefire.",
    "Protesters in {a} demanded that the government cut fuel prices.",
)
DAYS = ("Monday", "Tuesday", "Wednesday")


def stories(n: int) -> list[dict]:
    """``n`` distinct short news stories, each a few sentences about two countries."""
    pairs = itertools.cycle(itertools.permutations(COUNTRIES, 2))
    out = []
    for i in range(n):
        a, b = next(pairs)
        day = DAYS[i % len(DAYS)]
        text = " ".join(s.format(a=a, b=b, day=day) for s in SENTENCES[: 2 + i % 3])
        out.append({"id": f"story-{i}", "published": f"2018-{1 + i % 3:02d}-15", "text": text})
    return out


@pytest.fixture
def write_jsonl(tmp_path):
    def write(name: str, n: int, start: int = 0):
        path = tmp_path / name
        path.write_text("".join(json.dumps(r) + "\n" for r in stories(start + n)[start:]), encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def thread_client():
    """An in-process Dask cluster (one worker thread): cheap, for the bookkeeping and CLI tests."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        yield client
