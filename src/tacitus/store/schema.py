"""The store's schema as numbered migrations, applied in order and recorded in ``schema_migrations``.

Each migration is a list of SQL statements run in one transaction together with its row in
``schema_migrations``; a database is at version N when migrations 1..N are recorded. Migrations are
never edited once released: a change to the schema is a new migration at the end of ``MIGRATIONS``.

Column names follow the output contract of ``tacitus code`` (ARCHITECTURE.md), with nested objects
flattened the way ``output.CSV_COLUMNS`` flattens them (``source_code``, ``trigger_start``, ...).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


# The table that marks a DuckDB file as a Tacitus store.
MIGRATIONS_TABLE = "schema_migrations"

CREATE_MIGRATIONS_TABLE = f"""
CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} (
    version INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp
)"""

CORE_TABLES = (
    """CREATE TABLE articles (
        id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL,
        published VARCHAR,
        title VARCHAR,
        url VARCHAR,
        source VARCHAR,
        text VARCHAR,
        dateline_text VARCHAR,
        dateline_name VARCHAR,
        dateline_country VARCHAR,
        n_sentences INTEGER,
        n_events INTEGER,
        errors VARCHAR,
        ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp
    )""",
    "CREATE INDEX articles_hash ON articles (content_hash)",
    """CREATE TABLE sentences (
        article_id VARCHAR NOT NULL,
        sentence INTEGER NOT NULL,
        "start" INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text VARCHAR
    )""",
    "CREATE SEQUENCE event_ids START 1",
    """CREATE TABLE events (
        event_id BIGINT NOT NULL,
        article_id VARCHAR NOT NULL,
        event INTEGER NOT NULL,
        sentence INTEGER,
        source_text VARCHAR, source_name VARCHAR, source_code VARCHAR, source_country VARCHAR,
        source_sector VARCHAR, source_kind VARCHAR, source_start INTEGER, source_end INTEGER,
        target_text VARCHAR, target_name VARCHAR, target_code VARCHAR, target_country VARCHAR,
        target_sector VARCHAR, target_kind VARCHAR, target_start INTEGER, target_end INTEGER,
        cameo VARCHAR NOT NULL,
        cameo_root VARCHAR NOT NULL,
        quad_class TINYINT,
        penta_class TINYINT,
        goldstein DOUBLE,
        plover VARCHAR,
        date VARCHAR,
        date_precision VARCHAR,
        date_text VARCHAR,
        date_start DATE,
        date_end DATE,
        location_text VARCHAR, location_name VARCHAR, location_country VARCHAR,
        location_lat DOUBLE, location_lon DOUBLE, location_feature VARCHAR,
        trigger VARCHAR,
        trigger_start INTEGER,
        trigger_end INTEGER,
        negated BOOLEAN,
        confidence DOUBLE,
        quote INTEGER,
        rule VARCHAR
    )""",
    """CREATE TABLE actors (
        article_id VARCHAR NOT NULL,
        entity INTEGER NOT NULL,
        name VARCHAR, code VARCHAR, country VARCHAR, sector VARCHAR, kind VARCHAR,
        n_mentions INTEGER
    )""",
    """CREATE TABLE mentions (
        article_id VARCHAR NOT NULL,
        entity INTEGER NOT NULL,
        text VARCHAR,
        "start" INTEGER,
        "end" INTEGER
    )""",
    """CREATE TABLE quotes (
        article_id VARCHAR NOT NULL,
        quote INTEGER NOT NULL,
        text VARCHAR,
        "start" INTEGER,
        "end" INTEGER,
        speaker_text VARCHAR, speaker_name VARCHAR, speaker_code VARCHAR, speaker_country VARCHAR,
        speaker_sector VARCHAR, speaker_start INTEGER, speaker_end INTEGER,
        cue VARCHAR,
        direct BOOLEAN
    )""",
    """CREATE TABLE timexes (
        article_id VARCHAR NOT NULL,
        timex INTEGER NOT NULL,
        text VARCHAR,
        "start" INTEGER,
        "end" INTEGER,
        type VARCHAR,
        value VARCHAR
    )""",
    """CREATE TABLE places (
        article_id VARCHAR NOT NULL,
        place INTEGER NOT NULL,
        text VARCHAR,
        name VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE, feature VARCHAR,
        "start" INTEGER,
        "end" INTEGER,
        confidence DOUBLE
    )""",
)

# Cross-article deduplication: each event mention belongs to one cluster (GDELT's "event" with
# NumMentions/NumSources/NumArticles); the cluster id is the smallest event_id among its mentions.
DEDUP_TABLES = (
    "ALTER TABLE events ADD COLUMN dedup_key VARCHAR",
    "ALTER TABLE events ADD COLUMN cluster_id BIGINT",
    """CREATE TABLE clusters (
        cluster_id BIGINT NOT NULL,
        dedup_key VARCHAR,
        canonical_event BIGINT NOT NULL,
        date VARCHAR,
        n_mentions INTEGER NOT NULL,
        n_sources INTEGER NOT NULL,
        n_articles INTEGER NOT NULL
    )""",
)

# Incremental deduplication: a new mention is compared with the stored clusters near its day, so each
# cluster keeps its span of days and its place. Filled in from the stored mentions.
CLUSTER_SPANS = (
    "ALTER TABLE clusters ADD COLUMN first_day DATE",
    "ALTER TABLE clusters ADD COLUMN last_day DATE",
    "ALTER TABLE clusters ADD COLUMN location_name VARCHAR",
    "ALTER TABLE clusters ADD COLUMN location_country VARCHAR",
    """UPDATE clusters SET first_day = s.first_day, last_day = s.last_day, location_name = s.location_name,
           location_country = s.location_country
       FROM (SELECT cluster_id, min(date_start) AS first_day, max(date_start) AS last_day,
                    min(location_name) AS location_name, min(location_country) AS location_country
             FROM events GROUP BY cluster_id) AS s
       WHERE clusters.cluster_id = s.cluster_id""",
    "CREATE INDEX clusters_key ON clusters (dedup_key)",
)

# Aggregation by month reads a precomputed month (first day; null for year-only and undated events):
# grouping a million events on a date is several times faster than cutting strings per row.
EVENT_MONTH = (
    "ALTER TABLE events ADD COLUMN month DATE",
    """UPDATE events SET month = CASE WHEN date_trunc('month', date_start) = date_trunc('month', date_end)
                                   THEN CAST(date_trunc('month', date_start) AS DATE) END""",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "core tables: articles, sentences, events, actors, mentions, quotes, timexes, places", CORE_TABLES),
    Migration(2, "cross-article deduplication: events.cluster_id and clusters", DEDUP_TABLES),
    Migration(3, "clusters: span of days and place, for incremental deduplication", CLUSTER_SPANS),
    Migration(4, "events.month for aggregation by month", EVENT_MONTH),
)

# Tables that hold one article's rows, keyed by article_id (cleared when an article is replaced).
ARTICLE_TABLES = ("sentences", "events", "actors", "mentions", "quotes", "timexes", "places")
