"""The manifest: which partitions a run has finished, so that a rerun resumes where it stopped.

A JSON Lines file, one line per finished partition, appended and flushed to disk only after the
partition's articles are written to the output. A crash between writing and recording redoes that
partition on the next run; the sinks overwrite or dedup what it wrote, so no article is stored twice.
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path

from tacitus.scale.partitions import Partition

log = logging.getLogger(__name__)

MANIFEST_NAME = "_tacitus_manifest.jsonl"


class Manifest:
    """Finished partitions, read from ``path`` (if it exists) and appended to as partitions finish.

    ``scope`` names the settings a partition was coded with (model, publication date override):
    a partition finished under other settings counts as not finished. ``fresh=True`` forgets what
    the file holds (the output it described is gone). ``path`` None keeps the manifest in memory.
    """

    def __init__(self, path: str | os.PathLike | None, *, scope: str = "", fresh: bool = False):
        self.path = Path(path) if path is not None else None
        self.scope = scope
        self.finished: dict[str, dict] = {}
        if self.path is not None and self.path.exists():
            if fresh:
                log.info("%s: the output is new; forgetting the partitions this manifest lists", self.path)
                self.path.unlink()
            else:
                self._load()

    def _load(self) -> None:
        with self.path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    entry = json.loads(line)
                    if entry.get("scope", "") == self.scope:
                        self.finished[entry["partition"]] = entry
                except (json.JSONDecodeError, KeyError, TypeError, AttributeError):
                    # A line cut short by a crash: that partition is simply done again.
                    log.warning("%s, line %d: unreadable manifest entry, ignored", self.path, number)

    def __contains__(self, key: str) -> bool:
        return key in self.finished

    def record(self, partition: Partition, *, articles: int, stored: int) -> None:
        """Mark ``partition`` finished: ``articles`` coded, ``stored`` of them new (not duplicates)."""
        entry = {"partition": partition.key, "scope": self.scope, "input": partition.describe(),
                 "articles": articles, "stored": stored,
                 "finished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
                handle.flush()
                os.fsync(handle.fileno())
        self.finished[partition.key] = entry
