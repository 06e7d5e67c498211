"""Scale-out benchmark: 1 vs 2 Dask workers, Tacitus end to end vs spaCy parsing alone, memory per worker.

On ../shared/corpus/newswire_te3.jsonl (the first ``--limit`` articles), all in one run:

1. In this process, the same articles, model and batch size: spaCy parsing alone (``nlp.pipe``) and
   Tacitus end to end (read the partitions, parse, every stage, the output records), alternated
   ``--rounds`` times; the best time of each gives sentences/s and their ratio (target >= 0.80).
2. One local Dask cluster of 2 worker processes, models loaded: all partitions coded on 1 worker,
   then on 2, alternated ``--rounds`` times, each run written to a Parquet dataset; articles/s of the
   best runs and the speed-up of 2 over 1 (target >= 1.7 on two cores), and each worker's peak RSS
   (psutil, sampled every 0.2 s, and the worker's own VmHWM).
3. Unless ``--no-kill``: 2 workers, one killed (SIGKILL) while it codes a partition; checks that the
   run completes and that DuckDB finds every article exactly once in the dataset.

    python benchmarks/scale.py --limit 200

Timings are only comparable within one run on one otherwise idle machine; say so when quoting them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "newswire_te3.jsonl"


def parse_vs_end_to_end(partitions, model: str, batch_size: int, rounds: int) -> dict:
    """Best-of-``rounds`` sentences/s of spaCy parsing alone and of Tacitus end to end, same texts."""
    from tacitus.parse import load_model
    from tacitus.scale import article_record, read_partition, worker_pipeline

    pipeline = worker_pipeline(model, batch_size)  # loaded and warmed up outside the timing
    nlp = load_model(model)
    texts = [a.text for p in partitions for a in read_partition(p) if a.text]

    def parse_only() -> tuple[float, float, int]:
        started, cpu = time.perf_counter(), time.process_time()
        sentences = sum(sum(1 for s in doc.sents if s.text.strip()) for doc in nlp.pipe(texts, batch_size=batch_size))
        return time.perf_counter() - started, time.process_time() - cpu, sentences

    def end_to_end() -> tuple[float, float, int]:
        started, cpu = time.perf_counter(), time.process_time()
        sentences = 0
        # One stream over all partitions, so that spaCy gets the same batches as in parse_only.
        for article in pipeline.pipe(a for p in partitions for a in read_partition(p)):
            sentences += len(article.sentences)
            article_record(article)
            article.doc = None
        return time.perf_counter() - started, time.process_time() - cpu, sentences

    parse_runs, tacitus_runs = [], []
    for _ in range(rounds):  # alternated, so that a burst of load from elsewhere hits both alike
        parse_runs.append(parse_only())
        tacitus_runs.append(end_to_end())
    parse_s, parse_n = min(r[0] for r in parse_runs), parse_runs[0][2]
    tacitus_s, tacitus_n = min(r[0] for r in tacitus_runs), tacitus_runs[0][2]
    parse_cpu, tacitus_cpu = min(r[1] for r in parse_runs), min(r[1] for r in tacitus_runs)
    return {"articles": len(texts), "sentences_parse": parse_n, "sentences_tacitus": tacitus_n,
            "parse_seconds": [round(r[0], 2) for r in parse_runs],
            "tacitus_seconds": [round(r[0], 2) for r in tacitus_runs],
            "parse_cpu_seconds": [round(r[1], 2) for r in parse_runs],
            "tacitus_cpu_seconds": [round(r[1], 2) for r in tacitus_runs],
            "parse_sentences_per_s": parse_n / parse_s, "tacitus_sentences_per_s": tacitus_n / tacitus_s,
            "ratio": (tacitus_n / tacitus_s) / (parse_n / parse_s),
            "ratio_cpu": (tacitus_n / tacitus_cpu) / (parse_n / parse_cpu),
            "tacitus_cpu_s_per_article": tacitus_cpu / len(texts)}


class RssSampler:
    """Samples the resident memory of the given processes every ``interval`` s; keeps each one's peak."""

    def __init__(self, interval: float = 0.2):
        import psutil

        self.psutil, self.interval = psutil, interval
        self.processes: dict[int, object] = {}
        self.peak: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def watch(self, pids) -> None:
        for pid in pids:
            if pid not in self.processes:
                try:
                    self.processes[pid] = self.psutil.Process(pid)
                except self.psutil.NoSuchProcess:
                    pass

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            for pid, process in list(self.processes.items()):
                try:
                    rss = process.memory_info().rss
                except self.psutil.Error:
                    continue
                self.peak[pid] = max(rss, self.peak.get(pid, 0))

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        return False


def scaling(partitions, model: str, batch_size: int, rounds: int, scratch: Path) -> dict:
    """Articles/s on 1 and on 2 workers of one warm 2-worker cluster, alternated ``rounds`` times.

    The 1-worker runs pin every partition to the first worker (the second one idles), so both sides
    run on the same processes, with models loaded, and a burst of load from elsewhere hits both alike.
    Each run codes all partitions and writes them to a fresh Parquet dataset, as ``tacitus ingest`` does.
    """
    from distributed import as_completed

    from tacitus.scale import ParquetSink, code_partition, dask_client
    from tacitus.scale.worker import PipelineLoader

    started = time.perf_counter()
    with dask_client(workers=2) as client, RssSampler() as sampler:
        sampler.watch(client.run(os.getpid).values())
        client.register_plugin(PipelineLoader(model, batch_size))
        load_s = time.perf_counter() - started
        addresses = sorted(client.scheduler_info()["workers"])
        by_key = {p.key: p for p in partitions}
        runs: dict[int, list[dict]] = {1: [], 2: []}
        peak_vmhwm: dict[int, int] = {}
        for round_ in range(rounds):
            for n in (1, 2):
                sink = ParquetSink(scratch / f"round{round_}-workers{n}")
                begun, cpu, articles, sentences = time.perf_counter(), 0.0, 0, 0
                futures = [client.submit(code_partition, p, model, batch_size, None, workers=addresses[:n],
                                         allow_other_workers=False, pure=False) for p in partitions]
                for future, result in as_completed(futures, with_results=True):
                    sink.write(by_key[result.key], result.records)
                    articles, sentences, cpu = articles + len(result.records), sentences + result.sentences, \
                        cpu + result.cpu_seconds
                    peak_vmhwm[result.worker_pid] = max(result.peak_rss, peak_vmhwm.get(result.worker_pid, 0))
                seconds = time.perf_counter() - begun
                runs[n].append({"seconds": round(seconds, 2), "articles_per_s": articles / seconds,
                                "sentences_per_s": sentences / seconds, "cpu_s_per_article": cpu / articles,
                                "load_average": os.getloadavg()[0]})
    best = {n: max(r["articles_per_s"] for r in runs[n]) for n in runs}
    return {"cluster_start_and_model_load_s": round(load_s, 1), "runs": runs, "best_articles_per_s": best,
            "speedup": best[2] / best[1],
            "peak_rss_mib_psutil": sorted(round(v / 2**20) for v in sampler.peak.values()),
            "peak_rss_mib_vmhwm": sorted(round(v / 2**20) for v in peak_vmhwm.values())}


def dask_run(partitions, workers: int, model: str, batch_size: int, out: Path, kill: bool = False) -> dict:
    """One run of ``run_partitions`` on a new local cluster of ``workers`` processes; with ``kill``, one
    busy worker is killed after the first partition finishes and the dataset is checked for exactly once."""
    import duckdb

    from tacitus.scale import Manifest, ParquetSink, content_hash, dask_client, read_partition, run_partitions

    started = time.perf_counter()
    sink = ParquetSink(out)
    killed: list[int] = []
    with dask_client(workers=workers) as client, RssSampler() as sampler:
        cluster_s = time.perf_counter() - started
        sampler.watch(client.run(os.getpid).values())

        def on_partition(partition, result):
            try:
                sampler.watch(client.run(os.getpid).values())  # a restarted worker has a new pid
            except Exception:  # a worker that just died or is starting again does not answer
                pass
            if kill and not killed:
                busy = [address for address, keys in client.processing().items() if keys]
                if busy:
                    pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
                    os.kill(pid, signal.SIGKILL)
                    killed.append(pid)

        summary = run_partitions(client, partitions, sink, Manifest(sink.manifest_path), model=model,
                                 batch_size=batch_size, on_partition=on_partition)
        total_s = time.perf_counter() - started
    result = {
        "workers": workers, "cluster_start_and_model_load_s": round(total_s - summary.seconds, 1),
        "cluster_start_s": round(cluster_s, 1), "coding_s": round(summary.seconds, 2),
        "articles": summary.articles, "sentences": summary.sentences, "failed": len(summary.failed),
        "articles_per_s": summary.articles_per_second, "sentences_per_s": summary.sentences / summary.seconds,
        "worker_cpu_s_per_article": summary.cpu_seconds / max(summary.articles, 1),
        "peak_rss_mib_psutil": sorted(round(v / 2**20) for v in sampler.peak.values()),
        "peak_rss_mib_vmhwm": sorted(round(v / 2**20) for v in summary.peak_rss.values()),
    }
    if kill:
        rows = duckdb.sql(f"SELECT count(*), count(DISTINCT content_hash), count(DISTINCT id) FROM "
                          f"read_parquet('{out}/articles/*/*.parquet', hive_partitioning = true)").fetchall()[0]
        # Distinct stories of the input: a story the corpus holds twice is stored once, by design.
        expected = len({content_hash(a) for p in partitions for a in read_partition(p)})
        result.update(killed_pid=killed[0] if killed else None, expected_articles=expected,
                      stored_rows=rows[0], distinct_hashes=rows[1], distinct_ids=rows[2],
                      exactly_once=bool(killed) and not summary.failed and rows[0] == rows[1] == expected)
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of the corpus")
    parser.add_argument("--partition-size", type=int, default=20, help="articles per work unit")
    parser.add_argument("--batch-size", type=int, default=32, help="spaCy batch size (both sides of the ratio)")
    parser.add_argument("--rounds", type=int, default=2,
                        help="alternated rounds: parse-only / end-to-end, and 1 / 2 workers")
    parser.add_argument("--model", default=None, help="spaCy model (default: Tacitus's)")
    parser.add_argument("--no-kill", action="store_true", help="skip the kill-a-worker run")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is not present")
        return 0
    import psutil

    from tacitus.parse import DEFAULT_MODEL
    from tacitus.scale import plan_partitions

    model = args.model or DEFAULT_MODEL
    partitions = plan_partitions([str(CORPUS)], partition_size=args.partition_size, limit=args.limit)
    load = os.getloadavg()
    print(f"{sum(p.size for p in partitions)} articles in {len(partitions)} partitions of {args.partition_size}; "
          f"model {model}, batch size {args.batch_size}; {psutil.cpu_count()} CPUs, load average "
          f"{load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at the start")
    results: dict = {"load_average_start": load}

    ratio = parse_vs_end_to_end(partitions, model, args.batch_size, args.rounds)
    results["parse_vs_tacitus"] = ratio
    print(f"parse only   {ratio['parse_sentences_per_s']:8.1f} sentences/s  (runs {ratio['parse_seconds']} s)")
    print(f"end to end   {ratio['tacitus_sentences_per_s']:8.1f} sentences/s  (runs {ratio['tacitus_seconds']} s)")
    print(f"ratio        {ratio['ratio']:8.2f}  wall clock (target >= 0.80: {'met' if ratio['ratio'] >= 0.80 else 'not met'}); "
          f"{ratio['ratio_cpu']:.2f} by CPU time (runs {ratio['parse_cpu_seconds']} / {ratio['tacitus_cpu_seconds']} "
          f"CPU s); {ratio['tacitus_cpu_s_per_article']:.3f} CPU s per article in this process")

    scratch = Path(tempfile.mkdtemp(prefix="tacitus-scale-"))
    try:
        scale = scaling(partitions, model, args.batch_size, args.rounds, scratch)
        results["scaling"] = scale
        for n in (1, 2):
            for run in scale["runs"][n]:
                print(f"{n} worker{'s' if n > 1 else ' '}    {run['articles_per_s']:8.2f} articles/s "
                      f"{run['sentences_per_s']:8.1f} sentences/s  ({run['seconds']} s; {run['cpu_s_per_article']:.3f} "
                      f"worker CPU s per article; load average {run['load_average']:.1f})")
        print(f"workers      peak RSS {scale['peak_rss_mib_psutil']} MiB (psutil), {scale['peak_rss_mib_vmhwm']} MiB "
              f"(VmHWM); cluster start and model load {scale['cluster_start_and_model_load_s']} s")
        speedup = scale["speedup"]
        print(f"speed-up     {speedup:8.2f}x  2 vs 1 workers, best runs (target >= 1.7: "
              f"{'met' if speedup >= 1.7 else 'not met'})")
        if not args.no_kill:
            kill = dask_run(partitions, 2, model, args.batch_size, scratch / "kill", kill=True)
            results["kill"] = kill
            print(f"kill test    worker {kill['killed_pid']} killed mid-run; {kill['failed']} failed; "
                  f"{kill['stored_rows']} rows for {kill['expected_articles']} articles, {kill['distinct_ids']} "
                  f"distinct ids: {'every article exactly once' if kill['exactly_once'] else 'NOT exactly once'}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    results["load_average_end"] = os.getloadavg()
    print(f"load average at the end {results['load_average_end'][0]:.1f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
