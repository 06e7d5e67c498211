"""Dyad-by-month aggregation over a large store: load N synthetic events, then time Store.stats_dyad.

Synthetic events (seeded, so runs compare): 150 countries as sources and targets with Zipf-like
weights (a few busy dyads, as in real data), 20 CAMEO roots, days over ten years, 100 events an
article. Columns are built with numpy and loaded through Store.add_arrow (the bulk path; it runs the
same idempotency check and deduplication as any ingest), so the load rate is reported too.
Target: the dyad-by-month aggregation of 1,000,000 events in under a second.

    python benchmarks/store_aggregate.py [-n 1000000] [--db PATH]

Besides wall time it reports CPU time (all DuckDB threads), which a busy shared machine inflates less.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

EVENTS_PER_ARTICLE = 100
ARTICLES_PER_BATCH = 1000
COUNTRIES = 150
DAYS = 3650
REPEATS = 5


def _table(name: str, columns: dict) -> pa.Table:
    """A table with the store's batch schema: the given columns, every other column null."""
    from tacitus.store.records import SCHEMAS

    schema = SCHEMAS[name]
    n = len(next(iter(columns.values())))
    arrays = [pa.array(columns[f.name], f.type) if f.name in columns else pa.nulls(n, f.type) for f in schema]
    return pa.Table.from_arrays(arrays, schema=schema)


def synthetic_batches(n_events: int, seed: int = 8):
    """Batches of Arrow tables (articles, sentences, events) holding ``n_events`` events in all."""
    rng = np.random.default_rng(seed)
    countries = np.array([f"C{i:03d}" for i in range(COUNTRIES)])
    weights = 1 / np.arange(1, COUNTRIES + 1)
    weights /= weights.sum()
    n_articles = -(-n_events // EVENTS_PER_ARTICLE)
    for first in range(0, n_articles, ARTICLES_PER_BATCH):
        articles = np.arange(first, min(first + ARTICLES_PER_BATCH, n_articles))
        ids = np.array([f"syn-{a}" for a in articles])
        published = np.datetime64("2010-01-01") + rng.integers(0, DAYS, len(articles))
        per = np.full(len(articles), EVENTS_PER_ARTICLE)
        per[-1] = min(EVENTS_PER_ARTICLE, n_events - articles[-1] * EVENTS_PER_ARTICLE)
        article_of = np.repeat(np.arange(len(articles)), per)
        n = len(article_of)
        source, target = rng.choice(countries, n, p=weights), rng.choice(countries, n, p=weights)
        roots = rng.integers(1, 21, n)
        root_text = np.char.zfill(roots.astype(str), 2)
        quad = np.select([roots <= 5, roots <= 8, roots <= 13], [1, 2, 3], 4)
        days = published[article_of] - rng.integers(0, 3, n)
        day_text = days.astype(str)
        texts = [f"Synthetic article {a}." for a in articles]
        yield {
            "articles": _table("articles", {
                "id": ids, "content_hash": [f"h{a}" for a in articles], "published": published.astype(str),
                "text": texts, "source": [f"wire-{a % 20}" for a in articles], "n_sentences": np.ones(len(ids)),
                "n_events": per}),
            "sentences": _table("sentences", {"article_id": ids, "sentence": np.zeros(len(ids)),
                                              "start": np.zeros(len(ids)), "end": [len(t) for t in texts],
                                              "text": texts}),
            "events": _table("events", {
                "article_id": ids[article_of], "event": np.concatenate([np.arange(p) for p in per]),
                "sentence": np.zeros(n), "source_code": np.char.add(source, "GOV"), "source_country": source,
                "source_sector": np.full(n, "GOV"), "target_code": target, "target_country": target,
                "cameo": np.char.add(root_text, "0"), "cameo_root": root_text, "quad_class": quad,
                "goldstein": np.round(rng.uniform(-10, 10, n), 1), "date": day_text,
                "date_precision": np.full(n, "day"),
                "date_start": days, "date_end": days, "month": days.astype("datetime64[M]").astype("datetime64[D]"),
                "trigger": np.full(n, "syn"),
                "confidence": np.round(rng.random(n), 2), "negated": np.zeros(n, bool),
                "dedup_key": np.char.add(np.char.add(np.char.add(np.char.add(source, "GOV|"), target), "|"), root_text),
            }),
        }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1_000_000, help="synthetic events")
    parser.add_argument("--db", help="store to create, or to reuse when it exists (default: a temporary file)")
    args = parser.parse_args(argv)
    from tacitus.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db) if args.db else Path(tmp) / "aggregate.duckdb"
        reuse = path.exists()
        with Store(path) as store:
            if reuse:
                events = store.count_events()
                print(f"reusing {path}: {events:,} events")
            else:
                started = time.perf_counter()
                events = articles = 0
                for batch in synthetic_batches(args.n):
                    report = store.add_arrow(batch)
                    events, articles = events + report.events, articles + len(report.added)
                load_s = time.perf_counter() - started
                print(f"loaded {events:,} events in {articles:,} articles: {load_s:.1f} s ({events / load_s:,.0f} "
                      f"events/s, with deduplication; {store.summary()['clusters']:,} clusters)")
            timings = {}
            for name, call in (
                    ("dyad x month x quad -> Arrow", lambda: store.stats_dyad(as_arrow=True)),
                    ("dyad x month x quad -> dicts", lambda: store.stats_dyad()),
                    ("same by actor code -> Arrow", lambda: store.stats_dyad(level="code", as_arrow=True)),
                    ("one dyad, one year -> dicts", lambda: store.stats_dyad(
                        dyad="C000-C001", date_from="2015-01-01", date_to="2015-12-31"))):
                seconds, cpu = [], []
                for _ in range(REPEATS):
                    started, started_cpu = time.perf_counter(), time.process_time()
                    rows = call()
                    seconds.append(time.perf_counter() - started)
                    cpu.append(time.process_time() - started_cpu)
                timings[name] = statistics.median(seconds)
                # CPU seconds (all threads) next to wall time: on a shared machine wall time includes waiting.
                print(f"{name:<30} {len(rows):>9,} rows  median {timings[name] * 1000:7.1f} ms wall, "
                      f"{statistics.median(cpu) * 1000:7.1f} ms CPU "
                      f"(best wall {min(seconds) * 1000:.1f}, {REPEATS} runs)")
            started = time.perf_counter()
            page = store.query_events(dyad="C000-C001", limit=50)
            print(f"{'query one dyad, first page':<30} {len(page):>9,} rows  "
                  f"{(time.perf_counter() - started) * 1000:7.1f} ms")
            main_s = timings["dyad x month x quad -> Arrow"]
            print(f"target: dyad-by-month over {events:,} events under 1 s: "
                  f"{'met' if main_s < 1.0 else 'not met'} ({main_s:.3f} s; as Python dicts "
                  f"{timings['dyad x month x quad -> dicts']:.3f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
