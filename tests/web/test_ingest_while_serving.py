"""Queries keep answering while `tacitus ingest` writes the same store from another process.

The ingest holds the DuckDB file only while it writes a batch; the app opens it read-only per request
and waits out a batch write. Coding is replaced by a slow stand-in (no spaCy) so that the ingest runs
for a few seconds over many small batches.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

pytest.importorskip("duckdb")

ROOT = Path(__file__).resolve().parents[2]
N_ARTICLES = 60
BATCH = 4

SLOW_INGEST = """
    import sys, time
    import tacitus.store.ingest as ingest

    class SlowPipeline:  # stands in for spaCy: no coding, a little time per article
        def pipe(self, articles):
            for article in articles:
                time.sleep(0.1)  # long enough that a loaded machine still queries between batches
                yield article

    ingest._pipeline = lambda model, batch_size: SlowPipeline()
    from tacitus.cli import main
    print("start", flush=True)
    main(["ingest", sys.argv[1], "--db", sys.argv[2], "--published", "2018-02-21", "--batch-size", sys.argv[3],
          "--lock-timeout", "30"])
"""


def test_queries_answer_during_an_ingest_and_each_article_is_stored_once(tmp_path):
    from fastapi.testclient import TestClient

    from tacitus.store import Store
    from tacitus.web import create_app

    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(N_ARTICLES):
        (inputs / f"story{i:03d}.txt").write_text(f"Story number {i}: Pakistan met Russia in Moscow.\n",
                                                  encoding="utf-8")
    db = tmp_path / "live.duckdb"
    Store(db).close()  # an empty store, so the app has a file to open from the first request

    ingest = subprocess.Popen([sys.executable, "-c", textwrap.dedent(SLOW_INGEST), str(inputs), str(db), str(BATCH)],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    statuses, totals = [], []
    try:
        assert ingest.stdout.readline().strip() == "start", ingest.stderr.read()
        with TestClient(create_app(db)) as client:
            deadline = time.monotonic() + 120
            while ingest.poll() is None and time.monotonic() < deadline:
                for url in ("/articles?limit=5", "/events?limit=5", "/actors"):
                    response = client.get(url)
                    statuses.append((url, response.status_code, response.text[:200]))
                    if url.startswith("/articles") and response.status_code == 200:
                        totals.append(response.json()["total"])
                time.sleep(0.01)
            assert ingest.wait(timeout=60) == 0, ingest.stderr.read()
            final = client.get("/articles?limit=500")
    finally:
        if ingest.poll() is None:
            ingest.kill()
            ingest.wait()

    bad = [s for s in statuses if s[1] != 200]
    assert not bad, bad[:5]
    # The queries ran while the ingest wrote: some saw a part of the articles stored.
    assert any(0 < total < N_ARTICLES for total in totals), totals
    assert totals == sorted(totals)  # committed batches only, never a half-written one taken back
    assert final.status_code == 200 and final.json()["total"] == N_ARTICLES
    ids = [a["id"] for a in final.json()["articles"]]
    assert len(ids) == len(set(ids)) == N_ARTICLES
    with Store(db, read_only=True) as store:
        assert store.con.execute("SELECT count(*), count(DISTINCT id), count(DISTINCT content_hash) "
                                 "FROM articles").fetchall()[0] == (N_ARTICLES, N_ARTICLES, N_ARTICLES)


HOLD_OPEN = """
    import sys, time
    from tacitus.store import Store
    store = Store(sys.argv[1])
    print("open", flush=True)
    time.sleep(30)
"""


def test_a_writer_holding_the_file_past_the_wait_is_503_e303(tmp_path):
    from fastapi.testclient import TestClient

    from tacitus.store import Store
    from tacitus.web import create_app

    db = tmp_path / "held.duckdb"
    Store(db).close()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(HOLD_OPEN), str(db)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open", holder.stderr.read()
        app = create_app(db)
        app.state.store.lock_timeout = 0.3
        with TestClient(app) as client:
            started = time.monotonic()
            response = client.get("/articles")
            assert time.monotonic() - started >= 0.3
        assert response.status_code == 503, response.text
        assert response.json()["error"]["code"] == "E303" and str(db) in response.json()["error"]["message"]
    finally:
        holder.kill()
        holder.wait()
    with TestClient(create_app(db)) as client:  # the writer gone, the same app answers again
        assert client.get("/articles").status_code == 200
