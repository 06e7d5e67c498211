"""The DuckDB store as the output of a scaled-out run: this process writes what the workers coded.

DuckDB lets one process write a file, so workers never open the store: the client adds each
finished partition with :meth:`tacitus.store.Store.add_coded` (one transaction), which stores an
article once by content hash and id however often it is sent, e.g. again after a crash.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tacitus.scale.partitions import Partition
from tacitus.store import IngestReport, Store

# The manifest of a store lives beside the database file.
MANIFEST_SUFFIX = ".scale-manifest.jsonl"


class StoreSink:
    """Adds coded partitions to ``store``; ``report`` collects what the store did (added, duplicates, ...)."""

    def __init__(self, store: Store):
        self.store = store
        self.report = IngestReport()
        self.manifest_path = None if store.path == ":memory:" else Path(store.path + MANIFEST_SUFFIX)

    @property
    def is_empty(self) -> bool:
        return self.store.summary()["articles"] == 0

    def write(self, partition: Partition, records: list[dict[str, Any]]) -> int:
        """Store the partition's readable articles (unreadable inputs go to ``report.failed``); returns how many were new."""
        readable = []
        for record in records:
            if record.get("text"):
                readable.append(record)
            else:
                message = "; ".join(f"{e['code']}: {e['message']}" for e in record["errors"]) or "empty article"
                self.report.failed.append((record["id"], message))
        report = self.store.add_coded(readable, batch_size=max(1, len(readable)))
        self.report.merge(report)
        return len(report.added) + len(report.replaced)
