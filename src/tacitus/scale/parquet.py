"""A Parquet dataset as the output of a scaled-out run, partitioned by publication month.

Layout under ``--out DIR`` (Hive-style, which DuckDB, Spark, BigQuery and pyarrow all read)::

    DIR/articles/month=2018-02/part-<partition key>-0.parquet   one row per article
    DIR/events/month=2018-02/part-<partition key>-0.parquet     one row per event
    DIR/_tacitus_manifest.jsonl                                 finished partitions

``articles`` has the article's metadata, its text, counts and the whole output-contract record as
JSON (``record``), so nothing of the contract is lost; ``events`` has the flat event columns of the CSV
format (:data:`tacitus.output.CSV_COLUMNS`). Articles without a publication date go to
``month=unknown``. Read it with DuckDB::

    SELECT month, count(*) FROM read_parquet('DIR/events/*/*.parquet', hive_partitioning = true) GROUP BY 1;

Exactly once: file names carry the partition key, so a partition written again (after a crash
before the manifest recorded it) overwrites its own files; an article whose content hash is already
stored by another partition is skipped.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds

from tacitus.output import CSV_COLUMNS, csv_rows
from tacitus.scale.manifest import MANIFEST_NAME
from tacitus.scale.partitions import Partition

log = logging.getLogger(__name__)

UNKNOWN_MONTH = "unknown"
MONTH = pa.schema([("month", pa.string())])

ARTICLE_SCHEMA = pa.schema([
    ("id", pa.string()),
    ("content_hash", pa.string()),
    ("published", pa.string()),
    ("title", pa.string()),
    ("url", pa.string()),
    ("source", pa.string()),
    ("text", pa.string()),
    ("sentences", pa.int32()),
    ("events", pa.int32()),
    ("error_codes", pa.list_(pa.string())),
    ("record", pa.string()),
    ("partition", pa.string()),
    ("month", pa.string()),
])

# Types of the CSV event columns that are not strings.
_EVENT_TYPES = {
    "sentence": pa.int32(), "quad_class": pa.int8(), "penta_class": pa.int8(), "goldstein": pa.float64(),
    "trigger_start": pa.int64(), "trigger_end": pa.int64(), "negated": pa.bool_(), "confidence": pa.float64(),
    "quote": pa.int32(),
}
EVENT_SCHEMA = pa.schema(
    [(name, _EVENT_TYPES.get(name, pa.string())) for name in CSV_COLUMNS]
    + [("content_hash", pa.string()), ("partition", pa.string()), ("month", pa.string())]
)


def publication_month(published: str | None) -> str:
    """``YYYY-MM`` of an ISO publication date (``2018-02-21`` -> ``2018-02``), or ``unknown``."""
    if published and len(published) >= 7 and published[4] == "-":
        return published[:7]
    return UNKNOWN_MONTH


class ParquetSink:
    """Writes coded partitions to a month-partitioned Parquet dataset under ``out``, each article once."""

    def __init__(self, out: str | Path):
        self.out = Path(out)
        self.out.mkdir(parents=True, exist_ok=True)
        self.manifest_path = self.out / MANIFEST_NAME
        # content hash -> key of the partition that stored it (read back from an earlier run's files).
        self.stored: dict[str, str] = self._stored_hashes()

    @property
    def is_empty(self) -> bool:
        return not (self.out / "articles").is_dir()

    def _stored_hashes(self) -> dict[str, str]:
        articles = self.out / "articles"
        if not articles.is_dir():
            return {}
        table = ds.dataset(articles, format="parquet", partitioning="hive").to_table(
            columns=["content_hash", "partition"])
        return dict(zip(table.column("content_hash").to_pylist(), table.column("partition").to_pylist()))

    def write(self, partition: Partition, records: list[dict[str, Any]]) -> int:
        """Write the partition's new records (articles) and their events; returns how many were new."""
        fresh, seen = [], set()
        for record in records:
            digest = record["content_hash"]
            # Stored by this very partition before (a rerun after a crash): written again into the
            # same files, which replaces them. Stored by another partition, or twice in this one: skipped.
            if digest in seen or self.stored.get(digest, partition.key) != partition.key:
                continue
            seen.add(digest)
            fresh.append(record)
        article_rows, event_rows = [], []
        for record in fresh:
            digest = record["content_hash"]
            month = publication_month(record.get("published"))
            contract = {k: v for k, v in record.items() if k not in ("text", "content_hash")}
            article_rows.append({
                "id": record["id"], "content_hash": digest, "published": record.get("published"),
                "title": record.get("title"), "url": record.get("url"), "source": record.get("source"),
                "text": record.get("text"), "sentences": len(record.get("sentences", [])),
                "events": len(record["events"]), "error_codes": [e["code"] for e in record["errors"]],
                "record": json.dumps(contract, ensure_ascii=False), "partition": partition.key, "month": month,
            })
            for row in csv_rows(record):
                row.update(content_hash=digest, partition=partition.key, month=month)
                event_rows.append(row)
        self._write("articles", article_rows, ARTICLE_SCHEMA, partition.key)
        self._write("events", event_rows, EVENT_SCHEMA, partition.key)
        self.stored.update((r["content_hash"], partition.key) for r in fresh)
        return len(fresh)

    def _write(self, name: str, rows: list[dict], schema: pa.Schema, key: str) -> None:
        if not rows:
            return
        table = pa.Table.from_pylist(rows, schema=schema)
        ds.write_dataset(
            table, self.out / name, format="parquet",
            partitioning=ds.partitioning(MONTH, flavor="hive"),
            basename_template=f"part-{key}-{{i}}.parquet",
            existing_data_behavior="overwrite_or_ignore",
        )
