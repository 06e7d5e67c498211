"""The command-line edge of scale-out: the options `tacitus ingest` gains, the progress bar, the summary.

``tacitus ingest INPUT... --workers N`` (a local Dask cluster), ``--scheduler tcp://HOST:8786`` (an
existing one) and ``--out DIR`` (a Parquet dataset instead of the store) run
:func:`tacitus.scale.ingest_scaled`; this module only turns options into that call and formats.
"""

from __future__ import annotations

import os
import sys

import click

from tacitus.errors import TacitusError
from tacitus.scale.partitions import PARTITION_SIZE


def scale_options(func):
    """Add --workers, --scheduler, --out, --partition-size, --retries and --progress to a command."""
    options = [
        click.option("--workers", type=click.IntRange(1), default=None,
                     help="Code on a local Dask cluster of N worker processes (one thread each).  [default with "
                          "--out: one per CPU core]"),
        click.option("--scheduler", metavar="tcp://HOST:8786",
                     help="Code on an existing Dask cluster (dask-scheduler/dask-worker, dask-jobqueue); the "
                          "inputs must be on a file system every worker sees (this process writes the output)."),
        click.option("--out", type=click.Path(file_okay=False), default=None,
                     help="Write a Parquet dataset partitioned by publication month to DIR instead of the store "
                          "(DuckDB: read_parquet('DIR/events/*/*.parquet', hive_partitioning = true))."),
        click.option("--partition-size", type=click.IntRange(1), default=PARTITION_SIZE, show_default=True,
                     help="Articles per work unit (JSONL lines or files) with --workers/--scheduler/--out."),
        click.option("--retries", type=click.IntRange(0), default=2, show_default=True,
                     help="Times a failed work unit is tried again before it is reported."),
        click.option("--progress/--no-progress", default=None,
                     help="Progress bar with articles/s on stderr (default: when stderr is a terminal)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def wants_scale(workers, scheduler, out) -> bool:
    return workers is not None or scheduler is not None or out is not None


def run_scaled_ingest(inputs, *, db, out, workers, scheduler, published, model, partition_size, retries,
                      lock_timeout, progress) -> None:
    """Run a scaled-out ingest into the store ``db`` or the Parquet dataset ``out``; report on stderr.

    Exits with status 1 when a work unit failed (after the others finished; a rerun retries it).
    """
    try:
        import distributed  # noqa: F401
    except ImportError as exc:  # the scale extra is optional
        raise click.ClickException("scale-out needs Dask: pip install 'tacitus[scale]'") from exc
    from tacitus import scale
    if workers is None and scheduler is None:
        workers = os.cpu_count() or 1
    if workers is not None and scheduler is not None:
        raise click.UsageError("give --workers or --scheduler, not both")
    from rich.console import Console

    console = Console(stderr=True)
    show = progress if progress is not None else console.is_terminal
    store = None
    try:
        if out is not None:
            sink = scale.ParquetSink(out)
            target = out
        else:
            from tacitus.store import Store

            # Open the file only while a partition is written, so `tacitus serve` answers in between.
            store = Store(db, lock_timeout=lock_timeout, hold=False)
            sink = scale.StoreSink(store)
            target = db
        with _Progress(console, show) as bar:
            summary = scale.ingest_scaled(
                inputs, sink, workers=workers, scheduler=scheduler, model=model, published=published,
                partition_size=partition_size, retries=retries, on_start=bar.start,
                on_partition=lambda partition, result: bar.advance(partition.size))
    except TacitusError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        if store is not None:
            store.close()
    _report(console, summary, sink, target)
    if summary.failed:
        sys.exit(1)


def _report(console, summary, sink, target) -> None:
    for failed in summary.failed:
        console.print(f"[red]failed[/red] {failed.partition.describe()}: {failed.error}", highlight=False,
                      soft_wrap=True)
    report = getattr(sink, "report", None)
    if report is not None:
        for article_id, message in report.failed:
            console.print(f"[yellow]not stored[/yellow] {article_id}: {message}", highlight=False, soft_wrap=True)
    rate = f" ({summary.articles_per_second:,.1f} articles/s)" if summary.articles else ""
    skipped = f", {summary.skipped} finished before" if summary.skipped else ""
    peak = max(summary.peak_rss.values(), default=0)
    memory = f"; peak memory per worker {peak / 2**20:,.0f} MiB" if peak else ""
    console.print(
        f"{target}: {summary.done} of {summary.planned} work units done{skipped}, {len(summary.failed)} failed; "
        f"{summary.articles} articles coded in {summary.seconds:,.1f} s{rate}, {summary.stored} stored as new"
        f"{memory}" + ("; run the same command again to retry the failed units" if summary.failed else ""),
        highlight=False, soft_wrap=True)


class _Progress:
    """A rich progress bar on stderr with articles/s, or nothing; sized when the run knows its total."""

    def __init__(self, console, show: bool):
        self.console, self.show = console, show
        self.bar = self.task = None

    def __enter__(self):
        return self

    def start(self, total: int) -> None:
        if not self.show or not total:
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn
        from rich.progress import TimeRemainingColumn
        from rich.text import Text

        class RateColumn(ProgressColumn):
            def render(self, task):
                speed = task.finished_speed or task.speed
                return Text(f"{speed:,.1f} articles/s" if speed else "- articles/s")

        self.bar = Progress(TextColumn("coding"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                            TimeRemainingColumn(), console=self.console, transient=True)
        self.bar.start()
        self.task = self.bar.add_task("coding", total=total)

    def advance(self, articles: int) -> None:
        if self.bar is not None:
            self.bar.advance(self.task, articles)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
        return False
