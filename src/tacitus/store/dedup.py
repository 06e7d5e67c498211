"""Cross-article deduplication: which event mentions report the same real-world event.

GDELT counts one event with NumMentions/NumSources/NumArticles; Tacitus codes every mention and then
clusters them. Two mentions are the same event when they share the directed dyad and the CAMEO root
(their ``dedup_key``), are dated to the day within ``MAX_DAYS_APART`` of the cluster's first day, and do
not name different places. Undated mentions, mentions dated only to a month or year, and mentions
without any coded actor stay alone: nothing ties them to one occurrence.

This module decides; :class:`~tacitus.store.Store` writes the clusters. Nothing is deleted: each mention
keeps its row and points at its cluster.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable

# "Dates within a day": a report dated Tuesday and one dated Wednesday can describe one event (time
# zones, a late-night event reported next day); a span is measured from the cluster's first day so
# that a daily series of similar events does not chain into one.
MAX_DAYS_APART = 1


@dataclass
class Cluster:
    cluster_id: int
    dedup_key: str | None
    first_day: date | None
    name: str | None = None
    country: str | None = None
    members: list[dict[str, Any]] = field(default_factory=list)

    def accepts(self, row: dict[str, Any]) -> bool:
        if (row["date_start"] - self.first_day).days > MAX_DAYS_APART:
            return False
        name, country = _norm(row.get("location_name")), row.get("location_country")
        if name and self.name and name != self.name:
            return False
        return not (country and self.country and country != self.country)

    def add(self, row: dict[str, Any]) -> None:
        self.members.append(row)
        self.name = self.name or _norm(row.get("location_name"))
        self.country = self.country or row.get("location_country")

    def summary(self) -> dict[str, Any]:
        """The cluster row: canonical mention (most confident, then first stored) and GDELT-style counts."""
        canonical = min(self.members, key=lambda r: (-(r.get("confidence") or 0.0), r["event_id"]))
        return {
            "cluster_id": min(r["event_id"] for r in self.members),
            "dedup_key": self.dedup_key,
            "canonical_event": canonical["event_id"],
            "date": canonical.get("date"),
            "n_mentions": len(self.members),
            # Articles without a known publisher count as their own source.
            "n_sources": len({r.get("publisher") or f"article:{r['article_id']}" for r in self.members}),
            "n_articles": len({r["article_id"] for r in self.members}),
        }


def _norm(name: str | None) -> str | None:
    return name.strip().casefold() if name else None


def cluster_events(rows: Iterable[dict[str, Any]]) -> tuple[list[tuple[int, int]], list[dict[str, Any]]]:
    """Cluster event mentions.

    Reads rows with ``event_id``, ``article_id``, ``publisher``, ``dedup_key``, ``date``, ``date_start``,
    ``date_end``, ``location_name``, ``location_country`` and ``confidence``. Returns the assignment
    ``(event_id, cluster_id)`` for every row, and one summary row per cluster.
    """
    clusters: list[Cluster] = []
    by_key: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        day = row.get("date_start")
        if row.get("dedup_key") is None or day is None or day != row.get("date_end"):
            clusters.append(Cluster(row["event_id"], row.get("dedup_key"), day, members=[row]))
        else:
            by_key.setdefault(row["dedup_key"], []).append(row)
    for key, members in by_key.items():
        members.sort(key=lambda r: (r["date_start"], r["event_id"]))
        open_clusters: list[Cluster] = []
        for row in members:
            # Clusters that started more than MAX_DAYS_APART before this day can take no later mention.
            open_clusters = [c for c in open_clusters if (row["date_start"] - c.first_day).days <= MAX_DAYS_APART]
            home = next((c for c in open_clusters if c.accepts(row)), None)
            if home is None:
                home = Cluster(row["event_id"], key, row["date_start"])
                open_clusters.append(home)
                clusters.append(home)
            home.add(row)
    assignments: list[tuple[int, int]] = []
    summaries = []
    for cluster in clusters:
        summary = cluster.summary()
        summaries.append(summary)
        assignments.extend((r["event_id"], summary["cluster_id"]) for r in cluster.members)
    return assignments, summaries
