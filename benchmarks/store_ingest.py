"""The store's cost on a real corpus: `tacitus ingest` against `tacitus code` alone, in one run.

Reads ../shared/corpus/newswire_te3.jsonl (all 2,708 articles, or the first --limit), and times, with
one loaded pipeline, alternating the first two chunk by chunk (100 articles a chunk):
  code    what `tacitus code` does: read, code, write JSON Lines (to /dev/null);
  ingest  what `tacitus ingest` does into a fresh store: read, hash-check, code, store in batches;
  store   Store.add_coded alone, on the records the code run produced (the pure storage cost);
  rerun   `tacitus ingest` again on the same store (every article unchanged: hashing only).
Reports articles/s and events/s and the ratio ingest / code (target: <= 1.10).

    python benchmarks/store_ingest.py [--limit N] [--batch-size 64]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "newswire_te3.jsonl"
WARMUP_ARTICLES = 20
CHUNK_ARTICLES = 100


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--batch-size", type=int, default=64, help="articles per store transaction")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is not present")
        return 0
    from tacitus.ingest import read_inputs
    from tacitus.output import article_to_dict
    from tacitus.parse import DEFAULT_MODEL
    from tacitus.store import IngestReport, Store, ingest_inputs
    from tacitus.store.ingest import _pipeline
    from tacitus.store.records import record_from_article

    with tempfile.TemporaryDirectory() as tmp:
        with CORPUS.open(encoding="utf-8") as src:
            lines = [line for number, line in enumerate(src) if args.limit is None or number < args.limit]
        chunks = []
        for number, first in enumerate(range(0, len(lines), CHUNK_ARTICLES)):
            chunk = Path(tmp) / f"chunk{number:03d}.jsonl"
            chunk.write_text("".join(lines[first:first + CHUNK_ARTICLES]), encoding="utf-8")
            chunks.append(str(chunk))
        pipeline = _pipeline(DEFAULT_MODEL, 32)
        list(pipeline.pipe(list(read_inputs(chunks[:1]))[:WARMUP_ARTICLES]))  # load lazily built tables

        def code_only(chunk, records, sink):
            for article in pipeline.pipe(read_inputs([chunk])):
                sink.write(json.dumps(article_to_dict(article), ensure_ascii=False) + "\n")
                records.append(record_from_article(article))

        records, report = [], IngestReport()
        code_s = ingest_s = code_cpu = ingest_cpu = 0.0
        with Store(Path(tmp) / "ingest.duckdb") as store, open(os.devnull, "w", encoding="utf-8") as sink:
            # The two runs alternate chunk by chunk (and which goes first), so that the load of a shared
            # machine, which drifts over minutes, weighs on both alike.
            for number, chunk in enumerate(chunks):
                for which in ((0, 1) if number % 2 == 0 else (1, 0)):
                    started, started_cpu = time.perf_counter(), time.process_time()
                    if which == 0:
                        code_only(chunk, records, sink)
                        code_s += time.perf_counter() - started
                        code_cpu += time.process_time() - started_cpu
                    else:
                        report.merge(ingest_inputs(store, [chunk], batch_size=args.batch_size))
                        ingest_s += time.perf_counter() - started
                        ingest_cpu += time.process_time() - started_cpu
            started = time.perf_counter()
            rerun = ingest_inputs(store, chunks, batch_size=args.batch_size)
            rerun_s = time.perf_counter() - started
            summary = store.summary()
        n_articles, n_events = len(records), sum(len(r["events"]) for r in records)
        with Store(Path(tmp) / "store.duckdb") as store:
            started = time.perf_counter()
            store.add_coded(records, batch_size=args.batch_size)
            store_s = time.perf_counter() - started

    print(f"{n_articles} articles, {n_events} events; stored {len(report.added)} added, "
          f"{len(report.duplicates)} duplicate texts, {len(report.failed)} failed; "
          f"{summary['events']} events, {summary['clusters']} clusters")
    print(f"code    {n_articles / code_s:8.1f} articles/s {n_events / code_s:8.1f} events/s  ({code_s:.1f} s)")
    print(f"ingest  {n_articles / ingest_s:8.1f} articles/s {n_events / ingest_s:8.1f} events/s  ({ingest_s:.1f} s)")
    print(f"store   {n_articles / store_s:8.1f} articles/s {n_events / store_s:8.1f} events/s  ({store_s:.2f} s, "
          f"add_coded alone)")
    print(f"rerun   {n_articles / rerun_s:8.1f} articles/s  ({rerun_s:.2f} s; {len(rerun.unchanged)} unchanged)")
    ratio = ingest_s / code_s
    # CPU seconds (all threads of the process) as well: a shared machine's load inflates wall time unevenly.
    print(f"ingest / code = {ratio:.3f} wall, {ingest_cpu / code_cpu:.3f} CPU ({ingest_cpu:.1f} / {code_cpu:.1f} s); "
          f"store alone / code = {store_s / code_s:.3f}; target <= 1.10: {'met' if ratio <= 1.10 else 'not met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
