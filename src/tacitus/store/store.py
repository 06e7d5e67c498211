"""The Store: one DuckDB file holding coded articles; it owns the connection, the schema and all SQL.

    store = Store("events.duckdb")
    report = store.add_coded(records)          # output-contract dicts (+ text), e.g. from a remote worker
    rows = store.query_events(dyad="PAK-RUS", limit=50)

Writes are idempotent by content hash and go in one transaction per batch (articles, their rows and
their deduplication clusters together), so a run that is killed and started again stores every
article exactly once. Batches are loaded from Arrow tables, not row by row. DuckDB lets one process
write a file at a time: a second writer waits up to ``lock_timeout`` seconds, then gets E303.

``Store(path, hold=False)`` keeps the file open only while it reads or writes (each batch: connect,
one transaction, close), so that other processes (``tacitus serve``) can read between batches.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import duckdb
import pyarrow as pa

from tacitus.errors import (
    E_BAD_RECORD,
    E_MIGRATION,
    E_NEWER_SCHEMA,
    E_NOT_A_STORE,
    E_STORE_LOCKED,
    E_STORE_WRITE,
    StoreError,
    UsageError,
)
from tacitus.model import Article
from tacitus.store.dedup import MAX_DAYS_APART, assign_clusters
from tacitus.store.records import SCHEMAS, Batch, article_hash, record_from_article, record_hash
from tacitus.store.schema import ARTICLE_TABLES, CREATE_MIGRATIONS_TABLE, MIGRATIONS, MIGRATIONS_TABLE, Migration
from tacitus.store.settings import DEFAULT_BATCH_SIZE, DEFAULT_LOCK_TIMEOUT, DEFAULT_PATH, ENV_PATH, EXPORT_FORMATS

log = logging.getLogger(__name__)

# How often a waiting writer tries the file lock again.
LOCK_POLL_SECONDS = 0.2
# Never fetch DuckDB extensions at run time (Tacitus downloads nothing); without this DuckDB tries the
# network when it meets, e.g., a SQLite file.
DUCKDB_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
# A DuckDB file has "DUCK" at byte 8; other formats that a path may hold by mistake, by their magic.
HEADER_BYTES = 16
DUCKDB_MAGIC, DUCKDB_MAGIC_AT = b"DUCK", 8
FOREIGN_MAGIC = ((b"SQLite format 3\x00", "SQLite database"), (b"PAR1", "Parquet"), (b"PK\x03\x04", "zip"),
                 (b"\x1f\x8b", "gzip"))
DYAD = re.compile(r"^\s*([A-Za-z0-9]+)\s*-\s*([A-Za-z0-9]+)\s*$")
WORD = re.compile(r"\w[\w'-]*", re.UNICODE)


def default_path() -> str:
    """``$TACITUS_DB`` when set, else ``./tacitus.duckdb``."""
    return os.environ.get(ENV_PATH) or DEFAULT_PATH


@dataclass
class IngestReport:
    """What an ingest did, article by article (ids)."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    # (id, id of the stored article with the same content)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    # (id, "Exxx: message") for inputs that were not stored
    failed: list[tuple[str, str]] = field(default_factory=list)
    events: int = 0
    batches: int = 0

    def merge(self, other: "IngestReport") -> None:
        for name in ("added", "replaced", "unchanged", "duplicates", "failed"):
            getattr(self, name).extend(getattr(other, name))
        self.events += other.events
        self.batches += other.batches

    def counts(self) -> dict[str, int]:
        return {"added": len(self.added), "replaced": len(self.replaced), "unchanged": len(self.unchanged),
                "duplicates": len(self.duplicates), "failed": len(self.failed), "events": self.events}


# Filters understood by query_events, count_events, stats_dyad and export.
FILTERS = ("source", "target", "dyad", "cameo", "root", "quad", "date_from", "date_to", "text", "article",
           "canonical")


class Store:
    """A Tacitus event store in one DuckDB file (``:memory:`` for a throwaway one).

    Opening checks that the file is a Tacitus store (or empty) and brings its schema up to date; it
    raises :class:`~tacitus.errors.StoreError` E301 for a corrupt or foreign file, E302 for a schema
    newer than this Tacitus, E303 when another process holds the file past ``lock_timeout``.
    """

    def __init__(self, path: str | os.PathLike | None = None, *, read_only: bool = False,
                 lock_timeout: float = DEFAULT_LOCK_TIMEOUT, migrations: tuple[Migration, ...] = MIGRATIONS,
                 hold: bool = True):
        self.path = str(path) if path is not None else default_path()
        self.read_only = read_only
        self.migrations = migrations
        self.lock_timeout = lock_timeout
        # hold=False: the file is open only inside _session() (a batch write, a lookup), so that other
        # processes may open it in between; a :memory: store has nothing to share and is always held.
        self.hold = hold or self.path == ":memory:"
        self._con: duckdb.DuckDBPyConnection | None = None
        self._sessions = 0
        self._open_connection()
        try:
            self._migrate()
        except BaseException:
            self.close()
            raise
        if not self.hold:
            self.close()

    # -- connection and schema -------------------------------------------------------------------

    def _open_connection(self) -> duckdb.DuckDBPyConnection:
        con = self._connect(self.lock_timeout)
        try:
            # DuckDB draws progress bars on stdout for long statements; library code prints nothing.
            con.execute("SET enable_progress_bar = false")
        except BaseException:
            con.close()
            raise
        self._con = con
        return con

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, opened again (waiting up to ``lock_timeout``) when it was released."""
        return self._con if self._con is not None else self._open_connection()

    @contextmanager
    def _session(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The connection for one unit of work; with ``hold=False`` the file is closed again after it."""
        self._sessions += 1
        try:
            yield self.con
        finally:
            self._sessions -= 1
            if not self.hold and self._sessions == 0:
                self.close()

    def _connect(self, lock_timeout: float) -> duckdb.DuckDBPyConnection:
        if self.path != ":memory:":
            if Path(self.path).is_dir():
                raise StoreError("is a directory, not a database file", code=E_NOT_A_STORE, input=self.path)
            if self.read_only and not Path(self.path).exists():
                raise StoreError("no such database file", code=E_NOT_A_STORE, input=self.path)
            _check_header(self.path)
            if not self.read_only:
                _check_writable(self.path)
        deadline = time.monotonic() + lock_timeout
        while True:
            try:
                return duckdb.connect(self.path, read_only=self.read_only, config=DUCKDB_CONFIG)
            except duckdb.IOException as exc:
                message = str(exc)
                if "lock" in message.lower():
                    if time.monotonic() < deadline:
                        time.sleep(LOCK_POLL_SECONDS)
                        continue
                    holder = re.search(r"PID (\d+)", message)
                    raise StoreError(
                        f"in use by another process{' (PID ' + holder.group(1) + ')' if holder else ''}; "
                        f"waited {lock_timeout:g}s for it to finish (DuckDB allows one writing process)",
                        code=E_STORE_LOCKED, input=self.path) from exc
                if _is_read_only_error(exc):
                    raise StoreError(f"cannot be opened for writing ({message}); {READ_ONLY_HINT}",
                                     code=E_STORE_WRITE, input=self.path) from exc
                raise StoreError(f"not a DuckDB database, or a corrupt one ({message})", code=E_NOT_A_STORE,
                                 input=self.path) from exc
            except duckdb.Error as exc:
                raise StoreError(f"cannot be opened: {exc}", code=E_NOT_A_STORE, input=self.path) from exc

    def _tables(self) -> set[str]:
        rows = self.con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()")
        return {name for (name,) in rows.fetchall()}

    @property
    def schema_version(self) -> int:
        if MIGRATIONS_TABLE not in self._tables():
            return 0
        return self.con.execute(f"SELECT coalesce(max(version), 0) FROM {MIGRATIONS_TABLE}").fetchall()[0][0]

    def _migrate(self) -> None:
        """Check what the file holds and apply the migrations it lacks, each in its own transaction."""
        try:
            tables = self._tables()
        except duckdb.Error as exc:
            raise StoreError(f"cannot be read: {exc}", code=E_NOT_A_STORE, input=self.path) from exc
        if tables and MIGRATIONS_TABLE not in tables:
            raise StoreError(f"is a DuckDB database but not a Tacitus store (it has tables {sorted(tables)[:5]} "
                             f"and no {MIGRATIONS_TABLE})", code=E_NOT_A_STORE, input=self.path)
        current = self.schema_version
        latest = self.migrations[-1].version if self.migrations else 0
        if current > latest:
            raise StoreError(f"has schema version {current}, newer than this Tacitus knows ({latest}); "
                             "upgrade Tacitus to open it", code=E_NEWER_SCHEMA, input=self.path)
        pending = [m for m in self.migrations if m.version > current]
        if not pending:
            return
        if self.read_only:
            raise StoreError(f"has schema version {current} and needs migrating to {latest}; open it once "
                             "for writing (e.g. tacitus ingest)", code=E_MIGRATION, input=self.path)
        for migration in pending:
            self.con.begin()
            try:
                self.con.execute(CREATE_MIGRATIONS_TABLE)
                for statement in migration.statements:
                    self.con.execute(statement)
                self.con.execute(f"INSERT INTO {MIGRATIONS_TABLE} (version, name) VALUES (?, ?)",
                                 [migration.version, migration.name])
                self.con.commit()
            except duckdb.Error as exc:
                self.con.rollback()
                raise StoreError(f"migration {migration.version} ({migration.name}) failed and was rolled back: "
                                 f"{exc}", code=E_MIGRATION, input=self.path) from exc
            log.info("%s: applied migration %d (%s)", self.path, migration.version, migration.name)

    def migrations_applied(self) -> list[dict[str, Any]]:
        return self._dicts(f"SELECT version, name, applied_at FROM {MIGRATIONS_TABLE} ORDER BY version")

    def close(self) -> None:
        """Close the connection (a later call opens it again)."""
        con, self._con = self._con, None
        if con is not None:
            con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _dicts(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        try:
            cursor = self.con.execute(sql, params or [])
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row)) for row in cursor.fetchall()]
        except duckdb.Error as exc:  # e.g. a block that fails its checksum
            raise StoreError(f"reading failed: {type(exc).__name__}: {exc}", input=self.path) from exc

    # -- writing -----------------------------------------------------------------------------------

    def pending(self, articles: Iterable[Article], report: IngestReport,
                chunk: int = DEFAULT_BATCH_SIZE) -> Iterator[Article]:
        """The articles that need coding: not stored yet, or stored with other content.

        Reads Articles (uncoded is enough: only text, date and title are hashed); yields those to code,
        in order, and records in ``report`` the unchanged ones, duplicates of stored content and
        unreadable inputs, so that re-running an ingest codes nothing twice.
        """
        buffer: list[Article] = []
        for article in articles:
            if not article.text:
                message = "; ".join(f"{e.code}: {e.message}" for e in article.errors) or "empty article"
                report.failed.append((article.id, message))
                continue
            buffer.append(article)
            if len(buffer) >= chunk:
                yield from self._pending(buffer, report)
                buffer = []
        if buffer:
            yield from self._pending(buffer, report)

    def _pending(self, articles: list[Article], report: IngestReport) -> Iterator[Article]:
        hashes = [article_hash(a) for a in articles]
        by_id, by_hash = self._stored([a.id for a in articles], hashes)
        for article, digest in zip(articles, hashes):
            if by_id.get(article.id) == digest:
                report.unchanged.append(article.id)
            elif digest in by_hash and by_hash[digest] != article.id:
                report.duplicates.append((article.id, by_hash[digest]))
            else:
                yield article

    def _stored(self, ids: list[str], hashes: list[str]) -> tuple[dict[str, str], dict[str, str]]:
        """Stored (id -> hash) for these ids, and (hash -> id) for these hashes."""
        keys = pa.table({"id": pa.array(ids, pa.string()), "content_hash": pa.array(hashes, pa.string())})
        with self._session() as con:
            con.register("_keys", keys)
            try:
                rows = con.execute(
                    "SELECT id, content_hash FROM articles WHERE id IN (SELECT id FROM _keys) "
                    "OR content_hash IN (SELECT content_hash FROM _keys)").fetchall()
            finally:
                con.unregister("_keys")
        wanted = set(ids)
        by_id = {i: h for i, h in rows if i in wanted}
        by_hash: dict[str, str] = {}
        for i, h in sorted(rows):
            by_hash.setdefault(h, i)
        return by_id, by_hash

    def ingest(self, articles: Iterable[Article], batch_size: int = DEFAULT_BATCH_SIZE) -> IngestReport:
        """Store coded Articles (see :meth:`add_coded`); unreadable inputs are reported, not stored."""
        report = IngestReport()

        def records() -> Iterator[dict[str, Any]]:
            for article in articles:
                if not article.text:
                    report.failed.append((article.id, "; ".join(f"{e.code}: {e.message}" for e in article.errors)))
                    continue
                yield record_from_article(article)

        report.merge(self.add_coded(records(), batch_size=batch_size))
        return report

    def add_coded(self, records: Iterable[dict[str, Any]], batch_size: int = DEFAULT_BATCH_SIZE) -> IngestReport:
        """Store coded articles given as output-contract dicts (``article_to_dict`` plus ``text``).

        Each batch of ``batch_size`` records is one transaction. A record whose content (text, published,
        title) is stored already adds nothing; one whose id is stored with other content replaces the old
        version; a malformed record is reported in ``failed`` and the batch goes on. Raises StoreError
        E304 when the database cannot be written (e.g. the disk is full): batches committed before stay.
        """
        report = IngestReport()
        batch: list[dict[str, Any]] = []
        for record in records:
            batch.append(record)
            if len(batch) >= batch_size:
                report.merge(self._write_batch(batch))
                batch = []
        if batch:
            report.merge(self._write_batch(batch))
        return report

    def _write_batch(self, records: list[dict[str, Any]]) -> IngestReport:
        if self.read_only:
            raise UsageError(f"{self.path}: opened read-only")
        report = IngestReport(batches=1)
        # Later records in a batch win over earlier ones with the same id (a re-sent article).
        latest: dict[str, tuple[dict[str, Any], str]] = {}
        for record in records:
            if not isinstance(record, dict) or not isinstance(record.get("id"), str):
                report.failed.append((repr(record.get("id") if isinstance(record, dict) else record)[:80],
                                      f"{E_BAD_RECORD}: a record must be an object with a string id"))
                continue
            latest[record["id"]] = (record, record_hash(record))

        def flatten(keep: list[str]) -> dict[str, pa.Table]:
            batch = Batch()
            for article_id in keep:
                try:
                    batch.add(*latest[article_id])
                except StoreError as exc:
                    report.failed.append((article_id, str(exc)))
            return batch.tables()

        self._transaction(list(latest), [h for _, h in latest.values()], flatten, report)
        return report

    def add_arrow(self, tables: dict[str, pa.Table]) -> IngestReport:
        """Store one batch given as Arrow tables with the columns of ``records.SCHEMAS`` (a bulk path for
        runners that build columns themselves). Same rules as :meth:`add_coded`; one transaction; article
        ids must be unique within the batch."""
        import pyarrow.compute as pc

        if self.read_only:
            raise UsageError(f"{self.path}: opened read-only")
        articles = tables["articles"]
        ids, hashes = articles.column("id").to_pylist(), articles.column("content_hash").to_pylist()
        if len(set(ids)) != len(ids):
            raise UsageError("add_arrow: article ids must be unique within one batch")
        report = IngestReport(batches=1)

        def select(keep: list[str]) -> dict[str, pa.Table]:
            wanted = pa.array(keep, pa.string())
            chosen = {"articles": articles.filter(pc.is_in(articles.column("id"), value_set=wanted))}
            for name in ARTICLE_TABLES:
                table = tables.get(name)
                if table is None:
                    table = SCHEMAS[name].empty_table()
                chosen[name] = table.filter(pc.is_in(table.column("article_id"), value_set=wanted))
            return chosen

        self._transaction(ids, hashes, select, report)
        return report

    def _transaction(self, ids: list[str], hashes: list[str], build, report: IngestReport) -> None:
        """One batch in one transaction: decide per article (unchanged, duplicate, replaced, added),
        ``build(kept ids)`` the tables to load, delete replaced versions, load, cluster the new events.
        With ``hold=False`` the file is opened for this batch and closed after it."""
        with self._session():
            self._transaction_held(ids, hashes, build, report)

    def _transaction_held(self, ids: list[str], hashes: list[str], build, report: IngestReport) -> None:
        self.con.begin()
        try:
            by_id, by_hash = self._stored(ids, hashes)
            keep, seen = [], {}
            for article_id, digest in zip(ids, hashes):
                if by_id.get(article_id) == digest:
                    report.unchanged.append(article_id)
                    continue
                original = by_hash.get(digest) or seen.get(digest)
                if original is not None and original != article_id:
                    report.duplicates.append((article_id, original))
                    continue
                seen[digest] = article_id
                keep.append(article_id)
            tables = build(keep)
            stored = set(tables["articles"].column("id").to_pylist())
            replaced = [i for i in keep if i in stored and i in by_id]
            report.replaced.extend(replaced)
            report.added.extend(i for i in keep if i in stored and i not in by_id)
            for article_id in replaced:
                log.info("%s: article %s changed; replacing the stored version", self.path, article_id)
            report.events = tables["events"].num_rows
            touched = self._delete_articles(replaced)
            for name in ("articles", *ARTICLE_TABLES):
                self._load_table(name, tables[name])
            self._cluster_new_events(touched)
            self.con.commit()
        except BaseException as exc:
            self.con.rollback()
            if isinstance(exc, (duckdb.Error, OSError)):
                hint = ""
                if _is_read_only_error(exc):
                    hint = f" ({READ_ONLY_HINT})"
                elif isinstance(exc, (duckdb.IOException, OSError)):
                    hint = " (is the disk full?)"
                raise StoreError(f"writing a batch of {len(ids)} articles failed and was rolled back{hint}: "
                                 f"{type(exc).__name__}: {exc}", code=E_STORE_WRITE, input=self.path) from exc
            raise

    def _load_table(self, name: str, table: pa.Table) -> None:
        """Bulk-insert one Arrow table into the store table of that name (columns matched by name)."""
        if table.num_rows == 0:
            return
        view = f"_batch_{name}"
        self.con.register(view, table)
        try:
            extra = "nextval('event_ids') AS event_id, " if name == "events" else ""
            self.con.execute(f"INSERT INTO {name} BY NAME SELECT {extra}* FROM {view}")
        finally:
            self.con.unregister(view)

    def _delete_articles(self, ids: list[str]) -> set[int]:
        """Delete these articles and their rows; returns the clusters that lost mentions."""
        if not ids:
            return set()
        placeholders = ", ".join("?" for _ in ids)
        touched = {c for (c,) in self.con.execute(
            f"SELECT DISTINCT cluster_id FROM events WHERE article_id IN ({placeholders}) AND cluster_id IS NOT NULL",
            ids).fetchall()}
        for table in ARTICLE_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE article_id IN ({placeholders})", ids)
        self.con.execute(f"DELETE FROM articles WHERE id IN ({placeholders})", ids)
        return touched

    def _cluster_new_events(self, touched: set[int]) -> None:
        """Assign every unclustered event to a cluster, then recount the clusters that changed
        (those assigned to and ``touched``, e.g. clusters that lost mentions to a replacement)."""
        new = self.con.sql("SELECT event_id, dedup_key, date_start, date_end, location_name, location_country "
                           "FROM events WHERE cluster_id IS NULL").to_arrow_table()
        if new.num_rows:
            self.con.register("_new_events", new)
            try:
                # Only clusters of the same key within MAX_DAYS_APART of some new mention can take it.
                near = self.con.sql(f"""
                    SELECT c.cluster_id, c.dedup_key, c.first_day, c.last_day, c.location_name, c.location_country
                    FROM clusters c WHERE c.first_day IS NOT NULL AND c.cluster_id IN (
                        SELECT c2.cluster_id FROM clusters c2 JOIN _new_events n ON n.dedup_key = c2.dedup_key
                        WHERE n.date_start BETWEEN c2.last_day - {MAX_DAYS_APART}
                                               AND c2.first_day + {MAX_DAYS_APART})""").to_arrow_table()
            finally:
                self.con.unregister("_new_events")
            assignments = assign_clusters(new.to_pylist(), near.to_pylist())
            assigned = pa.table({"event_id": pa.array([e for e, _ in assignments], pa.int64()),
                                 "cluster_id": pa.array([c for _, c in assignments], pa.int64())})
            self.con.register("_assigned", assigned)
            try:
                self.con.execute("UPDATE events SET cluster_id = _assigned.cluster_id FROM _assigned "
                                 "WHERE events.event_id = _assigned.event_id")
            finally:
                self.con.unregister("_assigned")
            touched = touched | {c for _, c in assignments}
        self._recount_clusters(touched)

    def _recount_clusters(self, ids: set[int]) -> None:
        """Rewrite the rows of these clusters from their mentions (a cluster left without any vanishes)."""
        if not ids:
            return
        self.con.register("_touched", pa.table({"cluster_id": pa.array(sorted(ids), pa.int64())}))
        try:
            self.con.execute("DELETE FROM clusters WHERE cluster_id IN (SELECT cluster_id FROM _touched)")
            # The canonical mention is the most confident one (then the first stored); articles without a
            # known publisher count as their own source.
            self.con.execute("""
                INSERT INTO clusters BY NAME
                SELECT e.cluster_id, any_value(e.dedup_key) AS dedup_key,
                       first(e.event_id ORDER BY e.confidence DESC NULLS LAST, e.event_id) AS canonical_event,
                       first(e.date ORDER BY e.confidence DESC NULLS LAST, e.event_id) AS date,
                       count(*) AS n_mentions,
                       count(DISTINCT coalesce(a.source, 'article:' || e.article_id)) AS n_sources,
                       count(DISTINCT e.article_id) AS n_articles,
                       min(e.date_start) AS first_day, max(e.date_start) AS last_day,
                       min(e.location_name) AS location_name, min(e.location_country) AS location_country
                FROM events e JOIN articles a ON a.id = e.article_id
                WHERE e.cluster_id IN (SELECT cluster_id FROM _touched)
                GROUP BY e.cluster_id""")
        finally:
            self.con.unregister("_touched")

    def deduplicate(self) -> int:
        """Re-cluster every stored mention in date order (ingest clusters new mentions as they come;
        this gives the clusters that do not depend on ingest order). Returns the number of clusters."""
        self.con.begin()
        try:
            self.con.execute("DELETE FROM clusters")
            self.con.execute("UPDATE events SET cluster_id = NULL")
            self._cluster_new_events(set())
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        return self.con.execute("SELECT count(*) FROM clusters").fetchall()[0][0]

    # -- reading -----------------------------------------------------------------------------------

    def _where(self, source=None, target=None, dyad=None, cameo=None, root=None, quad=None, date_from=None,
               date_to=None, text=None, article=None, canonical=False) -> tuple[str, list[Any]]:
        """SQL conditions over events ``e`` (joined with articles ``a``) and their parameters."""
        conditions, params = [], []
        if dyad:
            match = DYAD.match(dyad)
            if not match:
                raise UsageError(f"--dyad {dyad!r}: expected SOURCE-TARGET, e.g. PAK-RUS")
            source, target = match.groups()
        for side, value in (("source", source), ("target", target)):
            if value:
                conditions.append(f"(e.{side}_code = ? OR e.{side}_country = ?)")
                params += [value.upper(), value.upper()]
        if cameo:
            conditions.append("e.cameo LIKE ?")
            params.append(f"{cameo}%")
        if root:
            conditions.append("e.cameo_root = ?")
            params.append(str(root).zfill(2))
        if quad is not None:
            conditions.append("e.quad_class = ?")
            params.append(int(quad))
        # An event is in [from, to] when the days its date covers overlap it ("2018-02" overlaps 2018-02-10).
        if date_from:
            conditions.append("e.date_end >= CAST(? AS DATE)")
            params.append(_iso_day(date_from, "from"))
        if date_to:
            conditions.append("e.date_start <= CAST(? AS DATE)")
            params.append(_iso_day(date_to, "to"))
        if article:
            conditions.append("e.article_id = ?")
            params.append(article)
        if canonical:
            conditions.append("e.event_id IN (SELECT canonical_event FROM clusters)")
        if text:
            # Full-text search by hand: DuckDB's fts extension would have to be downloaded at run time.
            # Every word must occur in the event's sentence, as a whole word, in any case.
            words = WORD.findall(text)
            if not words:
                raise UsageError(f"--text {text!r}: no words to search for")
            word_conditions = " AND ".join("regexp_matches(s.text, ?)" for _ in words)
            conditions.append(f"EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = e.article_id "
                              f"AND s.sentence = e.sentence AND {word_conditions})")
            # Word edges by Unicode class: RE2's \\b knows only ASCII letters ("Ürümqi" would never match).
            params += [f"(?i)(^|[^\\pL\\pN_]){re.escape(w)}($|[^\\pL\\pN_])" for w in words]
        return (" AND ".join(conditions) or "TRUE"), params

    def query_events(self, *, limit: int | None = 100, offset: int = 0, **filters) -> list[dict[str, Any]]:
        """Event mentions matching ``filters`` (see FILTERS), ordered by date then storage order.

        Returns flat rows: the event's columns (output-contract names, flattened like the CSV output),
        ``event_id``, ``cluster_id``, the article's ``published`` and ``title``, and ``sentence_text``.
        """
        where, params = self._where(**filters)
        page = ""
        if limit is not None:
            page = " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        # The page is chosen on two narrow columns first, and only its rows are read in full and joined:
        # sorting whole rows of a million-event store is several times slower.
        rows = self._dicts(
            f"WITH page AS (SELECT e.event_id, e.date_start FROM events e WHERE {where} "
            f"ORDER BY e.date_start NULLS LAST, e.event_id{page}) "
            f"SELECT e.* EXCLUDE (dedup_key), a.published, a.title, s.text AS sentence_text "
            f"FROM page p JOIN events e ON e.event_id = p.event_id JOIN articles a ON a.id = e.article_id "
            f"LEFT JOIN sentences s ON s.article_id = e.article_id AND s.sentence = e.sentence "
            f"ORDER BY p.date_start NULLS LAST, p.event_id", params)
        for row in rows:
            row["month"] = row["month"].strftime("%Y-%m") if row["month"] is not None else None
            for key in ("date_start", "date_end"):
                row[key] = row[key].isoformat() if row[key] is not None else None
        return rows

    def count_events(self, **filters) -> int:
        where, params = self._where(**filters)
        return self.con.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchall()[0][0]

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One stored article: its fields and text, sentences (with text), events, actors (with mentions),
        quotes, time expressions and places, all with offsets into ``text``; None when not stored."""
        found = self._dicts("SELECT * FROM articles WHERE id = ?", [article_id])
        if not found:
            return None
        article = found[0]
        article["errors"] = json.loads(article["errors"] or "[]")
        by_article = [article_id]
        article["sentences"] = self._dicts(
            'SELECT sentence, "start", "end", text FROM sentences WHERE article_id = ? ORDER BY sentence', by_article)
        article["events"] = self.query_events(article=article_id, limit=None)
        article["events"].sort(key=lambda e: e["event"])
        actors = self._dicts("SELECT entity AS id, name, code, country, sector, kind FROM actors "
                             "WHERE article_id = ? ORDER BY entity", by_article)
        mentions: dict[int, list] = {}
        for m in self._dicts('SELECT entity, text, "start", "end" FROM mentions WHERE article_id = ? '
                             'ORDER BY "start"', by_article):
            mentions.setdefault(m.pop("entity"), []).append(m)
        for actor in actors:
            actor["mentions"] = mentions.get(actor["id"], [])
        article["actors"] = actors
        for table, key in (("quotes", "quote"), ("timexes", "timex"), ("places", "place")):
            article[table] = [{k: v for k, v in row.items() if k != "article_id"} for row in self._dicts(
                f"SELECT * FROM {table} WHERE article_id = ? ORDER BY {key}", by_article)]
        return article

    def articles(self, *, limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Stored articles without their text, newest publication first."""
        page = " LIMIT ? OFFSET ?" if limit is not None else ""
        params = [int(limit), int(offset)] if limit is not None else []
        return self._dicts("SELECT id, published, title, url, source, n_sentences, n_events, ingested_at "
                           f"FROM articles ORDER BY published DESC NULLS LAST, id{page}", params)

    def actors(self, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Coded actors across the store: code, most frequent name, country, sector, kind, and how many
        articles, mentions and events (as source, as target) each has; most frequent first."""
        page = " LIMIT ? OFFSET ?" if limit is not None else ""
        params = [int(limit), int(offset)] if limit is not None else []
        return self._dicts(f"""
            WITH a AS (
                SELECT code, mode(name) AS name, mode(country) AS country, mode(sector) AS sector,
                       mode(kind) AS kind, count(DISTINCT article_id) AS n_articles, sum(n_mentions) AS n_mentions
                FROM actors WHERE code IS NOT NULL GROUP BY code),
            s AS (SELECT source_code AS code, count(*) AS n FROM events GROUP BY 1),
            t AS (SELECT target_code AS code, count(*) AS n FROM events GROUP BY 1)
            SELECT a.*, coalesce(s.n, 0) AS n_source_events, coalesce(t.n, 0) AS n_target_events
            FROM a LEFT JOIN s USING (code) LEFT JOIN t USING (code)
            ORDER BY n_mentions DESC, code{page}""", params)

    def stats_dyad(self, *, level: str = "country", as_arrow: bool = False, **filters) -> list[dict[str, Any]]:
        """Events per month, directed dyad and quad class, with mean Goldstein score.

        Returns rows ``month``, ``source``, ``target``, ``quad_class``, ``events``, ``goldstein_mean``
        (a pyarrow Table with ``as_arrow``: much faster than dicts for hundreds of thousands of rows).
        ``level`` "country" groups actors by country (their code when they have none, e.g. IGOs),
        "code" by full actor code. Events dated only to a year, or not at all, have month None.
        """
        if level not in ("country", "code"):
            raise UsageError(f"level {level!r}: choose country or code")
        side = ("coalesce(e.{0}_country, e.{0}_code)" if level == "country" else "e.{0}_code")
        where, params = self._where(**filters)
        sql = f"""
            SELECT strftime(first_day, '%Y-%m') AS month, source, target, quad_class, events, goldstein_mean FROM (
                SELECT e.month AS first_day, {side.format('source')} AS source, {side.format('target')} AS target,
                       e.quad_class, count(*) AS events, round(avg(e.goldstein), 3) AS goldstein_mean
                FROM events e WHERE {where} GROUP BY ALL)
            ORDER BY first_day NULLS LAST, source NULLS LAST, target NULLS LAST, quad_class"""
        try:
            table = self.con.sql(sql, params=params).to_arrow_table()
        except duckdb.Error as exc:
            raise StoreError(f"reading failed: {type(exc).__name__}: {exc}", input=self.path) from exc
        return table if as_arrow else table.to_pylist()

    def summary(self) -> dict[str, int]:
        """How many rows each table holds, and the schema version."""
        counts = {table: self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
                  for table in ("articles", *ARTICLE_TABLES, "clusters")}
        counts["schema_version"] = self.schema_version
        return counts

    # -- export ------------------------------------------------------------------------------------

    def export(self, path: str | os.PathLike, fmt: str = "parquet", **filters) -> int:
        """Write events matching ``filters`` to ``path``; returns the number of rows written.

        parquet, csv and jsonl: one row per event mention, columns as :meth:`query_events`. gdelt: one
        row per deduplicated event (its canonical mention), tab-separated without header in the 61
        columns of the GDELT 2.0 event table (see :mod:`tacitus.store.gdelt`).
        """
        if fmt not in EXPORT_FORMATS:
            raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
        if fmt == "gdelt":
            filters["canonical"] = True
        where, params = self._where(**filters)
        if fmt == "gdelt":
            from tacitus.store.gdelt import gdelt_select, fips_table

            self.con.register("_fips", fips_table())
            select = gdelt_select(where)
            options = "FORMAT csv, DELIMITER '\t', HEADER false, QUOTE ''"
        else:
            select = (f"SELECT e.* EXCLUDE (dedup_key), a.published, a.title FROM events e "
                      f"JOIN articles a ON a.id = e.article_id WHERE {where} ORDER BY e.event_id")
            options = {"parquet": "FORMAT parquet", "csv": "FORMAT csv, HEADER true", "jsonl": "FORMAT json"}[fmt]
        target = str(path).replace("'", "''")
        try:
            count = self.con.execute(f"COPY ({select}) TO '{target}' ({options})", params).fetchall()[0][0]
        except (duckdb.IOException, OSError) as exc:
            raise StoreError(f"cannot write {path}: {exc}", code=E_STORE_WRITE, input=self.path) from exc
        finally:
            if fmt == "gdelt":
                self.con.unregister("_fips")
        return int(count)


def _check_header(path: str) -> None:
    """Raise E301 for an existing file that is not a DuckDB database, naming what it looks like.

    DuckDB would try to load an extension for some foreign formats (SQLite) and only then fail, with a
    message about extensions; reading the file's magic bytes first gives a clear error.
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(HEADER_BYTES)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"cannot be read: {exc}", code=E_NOT_A_STORE, input=path) from exc
    if head[DUCKDB_MAGIC_AT:DUCKDB_MAGIC_AT + len(DUCKDB_MAGIC)] == DUCKDB_MAGIC:
        return
    kind = next((name for magic, name in FOREIGN_MAGIC if head.startswith(magic)), None)
    if kind or not head:
        problem = f"is {'a ' + kind if kind else 'an empty'} file, not a Tacitus store"
    else:
        problem = "is not a DuckDB database file, or it is corrupt"
    raise StoreError(problem, code=E_NOT_A_STORE, input=path)


READ_ONLY_HINT = "is the file or its directory read-only? the store needs write permission on both"
READ_ONLY_ERRNOS = (errno.EACCES, errno.EPERM, errno.EROFS)
READ_ONLY_WORDS = ("permission denied", "read-only file system", "operation not permitted")


def _is_read_only_error(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno in READ_ONLY_ERRNOS:
        return True
    return any(words in str(exc).lower() for words in READ_ONLY_WORDS)


def _check_writable(path: str) -> None:
    """Raise E304 before DuckDB is asked, when the file (or, for a new file and its write-ahead log,
    its directory) cannot be written: a clear error naming the path, and nothing created."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if target.exists() and not os.access(target, os.W_OK):
        raise StoreError(f"cannot be opened for writing: the file is read-only; {READ_ONLY_HINT}",
                         code=E_STORE_WRITE, input=path)
    if directory.is_dir() and not os.access(directory, os.W_OK | os.X_OK):
        raise StoreError(f"cannot be opened for writing: its directory {directory} is read-only; {READ_ONLY_HINT}",
                         code=E_STORE_WRITE, input=path)


def _iso_day(value: str, name: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except (TypeError, ValueError):
        raise UsageError(f"--{name} {value!r}: expected a date YYYY-MM-DD") from None
