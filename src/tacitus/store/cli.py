"""`tacitus ingest | query | stats | export`: thin commands over :class:`tacitus.store.Store`.

Each command opens the store, makes one or two library calls and formats; library errors become
click errors at this edge.
"""

from __future__ import annotations

import csv
import json
import sys
from contextlib import contextmanager

import click

from tacitus.errors import TacitusError
from tacitus.parse import DEFAULT_MODEL
from tacitus.scale.cli import run_scaled_ingest, scale_options, wants_scale
from tacitus.store.settings import DEFAULT_BATCH_SIZE, DEFAULT_LOCK_TIMEOUT, DEFAULT_PATH, ENV_PATH, EXPORT_FORMATS

TEXT_FORMATS = ("table", "csv", "jsonl")
# Columns of the query table (all columns go to csv and jsonl).
TABLE_COLUMNS = ("event_id", "date", "source_code", "cameo", "target_code", "goldstein", "trigger", "article_id")


def _db_option(func):
    return click.option("--db", default=DEFAULT_PATH, envvar=ENV_PATH, show_default=True, show_envvar=True,
                        type=click.Path(dir_okay=False), help="The store: a DuckDB file.")(func)


def _lock_option(func):
    return click.option("--lock-timeout", type=click.FloatRange(0), default=DEFAULT_LOCK_TIMEOUT, show_default=True,
                        help="Seconds to wait while another process writes the store.")(func)


def _filter_options(func):
    options = [
        click.option("--source", help="Source actor: a country (PAK) or an actor code (PAKGOV)."),
        click.option("--target", help="Target actor: a country or an actor code."),
        click.option("--dyad", metavar="SOURCE-TARGET", help="Directed dyad, e.g. PAK-RUS."),
        click.option("--cameo", help="CAMEO code or its prefix (03, 036, 0361)."),
        click.option("--root", help="CAMEO root code (01-20)."),
        click.option("--quad", type=click.IntRange(1, 4), help="Quad class (1-4)."),
        click.option("--from", "date_from", metavar="YYYY-MM-DD", help="Events on or after this day."),
        click.option("--to", "date_to", metavar="YYYY-MM-DD", help="Events on or before this day."),
        click.option("--text", help="Words that must all occur in the event's sentence."),
        click.option("--canonical", is_flag=True, help="Only one mention per deduplicated event."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _filters(kwargs) -> dict:
    keys = ("source", "target", "dyad", "cameo", "root", "quad", "date_from", "date_to", "text", "canonical")
    return {k: kwargs.pop(k) for k in keys}


@contextmanager
def _open(db, read_only=False, lock_timeout=DEFAULT_LOCK_TIMEOUT, hold=True):
    from tacitus.store import Store

    try:
        store = Store(db, read_only=read_only, lock_timeout=lock_timeout, hold=hold)
    except TacitusError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        yield store
    except TacitusError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()


def _write_rows(rows, fmt, output, columns=None):
    if fmt == "jsonl":
        for row in rows:
            output.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        if rows:
            writer = csv.DictWriter(output, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table

        columns = columns or (list(rows[0]) if rows else [])
        table = Table(show_lines=False)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*("—" if row.get(c) is None else str(row.get(c)) for c in columns))
        Console(file=output, width=160).print(table)


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@_db_option
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date of the inputs (overrides found dates).")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="spaCy pipeline to parse with.")
@click.option("--batch-size", type=click.IntRange(1, 100_000), default=DEFAULT_BATCH_SIZE, show_default=True,
              help="Articles per transaction.")
@_lock_option
@scale_options
def ingest_command(inputs, db, published, model, batch_size, lock_timeout, workers, scheduler, out, partition_size,
                   retries, progress):
    """Code articles and keep them in the store (a DuckDB file).

    INPUT is read as `tacitus code` reads it. The store keeps each article's text, sentences, actors,
    events, quotes, time expressions and places. Articles stored already are not coded again; a
    changed article replaces its stored version; each batch is one transaction, so an interrupted
    ingest can simply be run again.

    With --workers, --scheduler or --out the articles are coded on a Dask cluster, in work units of
    --partition-size articles; finished units are recorded, so a rerun resumes."""
    if wants_scale(workers, scheduler, out):
        return run_scaled_ingest(inputs, db=db, out=out, workers=workers, scheduler=scheduler, published=published,
                                 model=model, partition_size=partition_size, retries=retries,
                                 lock_timeout=lock_timeout, progress=progress)
    from tacitus.store import ingest_inputs

    # The file is open only while a batch is written (not while articles are coded), so that
    # `tacitus serve` and `tacitus query` can read the store between batches.
    with _open(db, lock_timeout=lock_timeout, hold=False) as store:
        report = ingest_inputs(store, inputs, published=published, model=model, batch_size=batch_size)
        summary = store.summary()
    for article_id in report.replaced:
        click.echo(f"replaced {article_id}: its content changed", err=True)
    for article_id, original in report.duplicates:
        click.echo(f"skipped {article_id}: same content as stored article {original}", err=True)
    for article_id, message in report.failed:
        click.echo(f"failed {article_id}: {message}", err=True)
    counts = report.counts()
    click.echo(f"{db}: {counts['added']} added, {counts['replaced']} replaced, {counts['unchanged']} unchanged, "
              f"{counts['duplicates']} duplicates, {counts['failed']} failed; {counts['events']} events stored; "
              f"the store holds {summary['articles']} articles, {summary['events']} events", err=True)
    if report.failed and not (report.added or report.replaced or report.unchanged or report.duplicates):
        sys.exit(1)


@click.command("query")
@_db_option
@_filter_options
@click.option("-f", "--format", "fmt", type=click.Choice(TEXT_FORMATS), default="table", show_default=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
@click.option("--limit", type=click.IntRange(0), default=50, show_default=True, help="At most this many events.")
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True, help="Skip this many events first.")
def query_command(db, fmt, output, limit, offset, **kwargs):
    """Events from the store that match the filters, by date."""
    filters = _filters(kwargs)
    with _open(db, read_only=True) as store:
        rows = store.query_events(limit=limit, offset=offset, **filters)
    _write_rows(rows, fmt, output, TABLE_COLUMNS)


@click.command("stats")
@_db_option
@_filter_options
@click.option("--level", type=click.Choice(["country", "code"]), default="country", show_default=True,
              help="Group actors by country or by full actor code.")
@click.option("-f", "--format", "fmt", type=click.Choice(TEXT_FORMATS), default="table", show_default=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
def stats_command(db, level, fmt, output, **kwargs):
    """Events per month, directed dyad and quad class, with the mean Goldstein score."""
    filters = _filters(kwargs)
    with _open(db, read_only=True) as store:
        rows = store.stats_dyad(level=level, **filters)
    _write_rows(rows, fmt, output)


@click.command("export")
@_db_option
@_filter_options
@click.option("-f", "--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="parquet", show_default=True,
              help="parquet/csv/jsonl: one row per event mention; gdelt: the GDELT 2.0 event table "
                   "(tab-separated, 61 columns, one row per deduplicated event).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="File to write.")
def export_command(db, fmt, output, **kwargs):
    """Write the store's events to a file."""
    filters = _filters(kwargs)
    with _open(db, read_only=True) as store:
        count = store.export(output, fmt, **filters)
    click.echo(f"{count} rows written to {output}", err=True)


COMMANDS = (ingest_command, query_command, stats_command, export_command)
