"""Cross-article deduplication: which event mentions report the same real-world event.

GDELT counts one event with NumMentions/NumSources/NumArticles; Tacitus codes every mention and then
clusters them. A mention joins a cluster when it has the cluster's ``dedup_key`` (directed dyad and
CAMEO root, see :func:`tacitus.store.records.dedup_key`), the cluster's days with it still span at
most ``MAX_DAYS_APART`` days, and it names no other place than the cluster does. Undated mentions,
mentions dated only to a month or year, and mentions without identified actors stay alone: nothing
ties them to one occurrence.

Assignment is incremental, as GDELT's: new mentions join the clusters stored so far, and nothing
stored is re-clustered (so cluster ids are stable and an ingest batch only reads the clusters near
its own days). Mentions of one batch are taken in date order; ``Store.deduplicate()`` re-runs the
assignment over all mentions in date order, which gives the same clusters whatever the ingest order.

This module decides; :class:`~tacitus.store.Store` writes the assignment and computes each cluster's
counts and canonical mention. Nothing is deleted: each mention keeps its row and points at its cluster.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable

# "Dates within a day": a report dated Tuesday and one dated Wednesday can describe one event (time
# zones, a late-night event reported next day). The limit is on the cluster's whole span, so that a
# daily series of similar events (talks on three days running) does not chain into one.
MAX_DAYS_APART = 1


@dataclass
class Cluster:
    cluster_id: int
    dedup_key: str
    first_day: date
    last_day: date
    location_name: str | None = None
    location_country: str | None = None

    def accepts(self, row: dict[str, Any]) -> bool:
        day = row["date_start"]
        if (max(self.last_day, day) - min(self.first_day, day)).days > MAX_DAYS_APART:
            return False
        name, known = _norm(row.get("location_name")), _norm(self.location_name)
        if name and known and name != known:
            return False
        country = row.get("location_country")
        return not (country and self.location_country and country != self.location_country)

    def add(self, row: dict[str, Any]) -> None:
        self.first_day, self.last_day = min(self.first_day, row["date_start"]), max(self.last_day, row["date_start"])
        self.location_name = self.location_name or row.get("location_name")
        self.location_country = self.location_country or row.get("location_country")


def _norm(name: str | None) -> str | None:
    return name.strip().casefold() if name else None


def dedupable(row: dict[str, Any]) -> bool:
    """True when a mention can be compared at all: it has a dedup key and is dated to one day."""
    return row.get("dedup_key") is not None and row.get("date_start") is not None \
        and row.get("date_start") == row.get("date_end")


def assign_clusters(rows: Iterable[dict[str, Any]], clusters: Iterable[dict[str, Any]] = ()) -> list[tuple[int, int]]:
    """Assign new mentions to clusters.

    Reads new mentions (``event_id``, ``dedup_key``, ``date_start``, ``date_end``, ``location_name``,
    ``location_country``) and the stored clusters they may join (``cluster_id``, ``dedup_key``,
    ``first_day``, ``last_day``, ``location_name``, ``location_country``). Returns ``(event_id,
    cluster_id)`` for every new mention; a mention that joins no cluster starts one under its own id.
    """
    by_key: dict[str, list[Cluster]] = {}
    for c in clusters:
        by_key.setdefault(c["dedup_key"], []).append(
            Cluster(c["cluster_id"], c["dedup_key"], c["first_day"], c["last_day"], c.get("location_name"),
                    c.get("location_country")))
    assignments: list[tuple[int, int]] = []
    comparable = []
    for row in rows:
        if dedupable(row):
            comparable.append(row)
        else:
            assignments.append((row["event_id"], row["event_id"]))
    comparable.sort(key=lambda r: (r["date_start"], r["event_id"]))
    # Per key, clusters by first day and the index of the first that can still take a mention: the
    # mentions come in date order, so a cluster that began more than MAX_DAYS_APART before is done.
    open_from: dict[str, int] = {}
    for candidates in by_key.values():
        candidates.sort(key=lambda c: (c.first_day, c.cluster_id))
    for row in comparable:
        key, day = row["dedup_key"], row["date_start"]
        candidates = by_key.setdefault(key, [])
        start = open_from.get(key, 0)
        while start < len(candidates) and (day - candidates[start].first_day).days > MAX_DAYS_APART:
            start += 1
        open_from[key] = start
        home = next((c for c in candidates[start:] if c.accepts(row)), None)
        if home is None:
            home = Cluster(row["event_id"], key, day, day)
            candidates.append(home)
        home.add(row)
        assignments.append((row["event_id"], home.cluster_id))
    return assignments
