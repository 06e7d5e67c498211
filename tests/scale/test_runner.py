"""The Dask runner: partitions coded on workers, written once, failures reported, reruns resumed."""

from __future__ import annotations

import os
import signal

import duckdb
import pytest

from tacitus.scale import Manifest, ParquetSink, dask_client, plan_partitions, run_partitions, worker_pipeline
from tacitus.errors import UsageError


def _articles(out):
    return duckdb.sql(f"SELECT id, content_hash FROM read_parquet('{out}/articles/*/*.parquet', "
                      "hive_partitioning = true)").fetchall()


def test_failed_partition_is_reported_and_the_rerun_does_only_it(tmp_path, write_jsonl, thread_client):
    first, second = write_jsonl("first.jsonl", 6), write_jsonl("second.jsonl", 3, start=6)
    partitions = plan_partitions([str(first), str(second)], partition_size=3)
    saved = second.read_bytes()
    second.unlink()  # gone after planning: reading it raises, every retry too
    out = tmp_path / "out"
    sink = ParquetSink(out)
    summary = run_partitions(thread_client, partitions, sink, Manifest(sink.manifest_path), retries=1)
    assert (summary.done, len(summary.failed), summary.articles, summary.stored) == (2, 1, 6, 6)
    assert summary.failed[0].partition.slices[0].path == str(second)
    assert "FileNotFoundError" in summary.failed[0].error
    assert summary.sentences > 6 and summary.peak_rss

    second.write_bytes(saved)
    partitions = plan_partitions([str(first), str(second)], partition_size=3)
    sink = ParquetSink(out)
    summary = run_partitions(thread_client, partitions, sink, Manifest(sink.manifest_path))
    assert (summary.skipped, summary.done, summary.failed, summary.articles) == (2, 1, [], 3)
    rows = _articles(out)
    assert sorted(r[0] for r in rows) == [f"story-{i}" for i in range(9)]


def test_finished_run_is_not_redone(tmp_path, write_jsonl, thread_client):
    partitions = plan_partitions([str(write_jsonl("news.jsonl", 4))], partition_size=2)
    sink = ParquetSink(tmp_path / "out")
    assert run_partitions(thread_client, partitions, sink, Manifest(sink.manifest_path)).done == 2
    again = run_partitions(thread_client, partitions, sink, Manifest(sink.manifest_path))
    assert (again.skipped, again.done, again.articles) == (2, 0, 0)


def test_client_needs_workers_or_a_scheduler_and_not_both():
    with pytest.raises(UsageError):
        with dask_client():
            pass
    with pytest.raises(UsageError):
        with dask_client(workers=2, scheduler="tcp://127.0.0.1:8786"):
            pass
    with pytest.raises(UsageError, match="at least 1"):
        with dask_client(workers=0):
            pass


def test_killed_worker_the_run_completes_with_every_article_once(tmp_path, write_jsonl):
    import dask

    n = 24
    partitions = plan_partitions([str(write_jsonl("news.jsonl", n))], partition_size=2)
    out = tmp_path / "out"
    sink = ParquetSink(out)
    killed = []
    # Worker processes forked from this one inherit its warmed-up pipeline, which saves each of them
    # (and the one that replaces the killed worker) the seconds of loading: this test is about the
    # runner, and the suite must stay fast. The CLI's workers start fresh (spawn) and load their own.
    worker_pipeline()
    with dask.config.set({"distributed.worker.multiprocessing-method": "fork"}), \
            dask_client(workers=2) as client:
        def kill_a_busy_worker(partition, result):
            if killed:
                return
            busy = [address for address, keys in client.processing().items() if keys]
            if busy:
                pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)

        summary = run_partitions(client, partitions, sink, Manifest(sink.manifest_path),
                                 on_partition=kill_a_busy_worker)
    assert killed, "no worker was busy when the first partition finished"
    assert summary.failed == [] and summary.done == len(partitions)
    rows = _articles(out)
    assert len(rows) == n
    assert sorted(r[0] for r in rows) == sorted(f"story-{i}" for i in range(n))
    assert len({r[1] for r in rows}) == n
    assert len(Manifest(sink.manifest_path).finished) == len(partitions)
