"""Actor dictionaries and a text-level actor coder.

:class:`ActorDictionary` reads the tables under ``tacitus/data/actors/`` (countries, seats of power,
cities, role nouns, IGOs, non-state groups, office holders), checks every row at load, and builds
lower-cased n-gram indexes so that coding one noun phrase is a handful of dictionary look-ups.

``ActorDictionary.code(text, date, context)`` reads a noun phrase as it appears in news
("Russian Foreign Minister Sergey Lavrov", "Pakistani troops", "the Kremlin", "police in Karachi")
and returns the best :class:`~tacitus.model.Actor`, or ``None`` when nothing in it names an actor.
How the phrase is read, in order:

1. A known person's full name (or, failing that, a capitalised surname) wins; the date decides the
   code (in office: country + the office's sector; after leaving office: country + ``ELI``; before
   any office: the bare country code).
2. Otherwise the *entity* is the rightmost country, capital, city, seat of power, IGO or group in
   the part of the phrase before its first preposition ("Nato" in "US-led Nato forces", with
   "US-led" read as a modifier), or the first one after it ("police in Karachi").
3. The *sector* is the rightmost strong role noun ("troops", "foreign minister") before the
   preposition; a weak one ("leader", "official", "forces") yields to a strong one anywhere
   ("opposition leader" -> OPP, "leader of the opposition" -> OPP).
4. A role with no entity takes its country from ``context``: the country named most often there
   (ties go to the first named). Without one it is coded by its sector alone ("COP").
"""

from __future__ import annotations

import csv
import functools
import io
import logging
import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass
from importlib import resources
from typing import Iterable

from tacitus.errors import E_BAD_DATA, ModelError
from tacitus.model import Actor

logger = logging.getLogger(__name__)

DATA_PACKAGE = "tacitus"
DATA_DIR = ("data", "actors")

# Sector codes a table may use: the CAMEO role codes plus PTY (parties) and REL (religion), which
# CAMEO dictionaries use even though the role table in the codebook lists them elsewhere.
SECTORS = frozenset(
    "COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED REF "
    "MOD RAD IGO IMG INT MNC NGM NGO UIS PTY REL".split()
)
ACTOR_KINDS = frozenset({"state", "person", "organization", "igo", "group", "collective"})
ROLE_KINDS = frozenset({"person", "organization", "collective", "side"})
# Code prefixes of actors that belong to no country.
INTERNATIONAL_PREFIXES = frozenset({"IGO", "IMG", "NGO", "NGM", "MNC", "INT"})

# A phrase longer than this is not a noun phrase; the cap keeps the work per call bounded.
MAX_PHRASE_CHARS = 400
MAX_PHRASE_TOKENS = 48
# Context is only scanned for country names; a sentence or a short article is plenty.
MAX_CONTEXT_CHARS = 6000
# Longest key, in tokens, that any table may hold (names like "Organisation for Security and
# Co-operation in Europe" need about eight).
MAX_KEY_TOKENS = 9

ISO3_RE = re.compile(r"^[A-Z]{3}$")
CODE_RE = re.compile(r"^[A-Z]{3}(?:[A-Z0-9]{3})*$")
DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
# "U.S." -> "US", "U.N." -> "UN": dotted abbreviations are looked up as the bare acronym, also
# when the last dot is missing ("U.S federal investigators").
DOTTED_ABBREV_RE = re.compile(r"\b(?:[A-Za-z]\.){2,}|\b(?:[A-Za-z]\.)+[A-Za-z]\b")
POSSESSIVE_RE = re.compile(r"(?<=\w)'s?\b")
TOKEN_RE = re.compile(r"[^\W_]+")
# "US-led", "Iranian-backed": the country is a modifier of the head, not the actor itself.
MODIFIER_SUFFIX_RE = re.compile(
    r"-(?:led|backed|sponsored|supported|allied|aligned|based|funded|controlled|held|run|owned|"
    r"made|built|born|brokered|friendly|installed|appointed|trained|armed|style)\b",
    re.IGNORECASE,
)
# The first of these splits a phrase into its head part and a trailing prepositional phrase.
PREPOSITIONS = frozenset(
    "of in from at for to with on near inside across within against by under over between among "
    "into outside toward towards throughout".split()
)
# Words that turn an office holder into a former one (CAMEO codes former officials ELI).
FORMER_WORDS = frozenset({"former", "ex", "erstwhile", "onetime", "late", "ousted", "deposed", "toppled", "overthrown"})
# An acronym of this length or shorter, written in capitals in a table, only matches capitals in the
# text: "US" must not match the pronoun "us", nor "WHO" the pronoun "who".
CASED_ACRONYM_MAX = 5
# Office holders are ranked so that a person holding two offices at once (a president who is also
# defence minister) is described by the higher one.
ROLE_RANK = (
    "president", "king", "queen", "emperor", "emir", "supreme leader", "leader", "head of state",
    "general secretary", "chancellor", "prime minister", "premier", "chief executive", "crown prince",
    "vice president", "foreign minister", "secretary of state", "foreign secretary", "defence minister",
    "secretary of defense", "defence secretary",
)
# Words by which a phrase refers to several countries at once, so the context cannot supply one.
PLURAL_REFERENT_WORDS = frozenset({"two", "both", "three", "several", "various", "each", "all"})
CAPITAL_SECTOR = "GOV"
PEOPLE_SECTOR = "CVL"
# Misspelt country names ("Isreal", "Afganistan") are common in wire copy; a capitalised word this
# long that matches nothing is compared with the country words, allowing one typing error.
FUZZY_MIN_LENGTH = 5
PERSON_FORMER_SECTOR = "ELI"
# A demonym after one of these names an ethnic group, usually living in another country: "ethnic
# Albanians" in Macedonia are Macedonia's people, not Albania's.
ETHNIC_WORDS = frozenset({"ethnic"})
ETHNIC_ROLE_NAME = "ethnic group"


@dataclass(frozen=True)
class Country:
    code: str
    name: str


@dataclass(frozen=True)
class Place:
    """A capital, city or seat of power: it names a country and, sometimes, a sector."""

    name: str
    country: str
    sector: str | None
    what: str  # "capital" | "city" | "seat"


@dataclass(frozen=True)
class Role:
    """A role noun ("foreign minister", "troops") and the sector it gives."""

    phrase: str
    sector: str | None
    kind: str
    weak: bool


@dataclass(frozen=True)
class Org:
    """An IGO or a non-state group, valid between ``start`` and ``end`` when those are set."""

    name: str
    code: str
    country: str | None
    sector: str | None
    kind: str  # "igo" | "group"
    start: str
    end: str


@dataclass(frozen=True)
class Term:
    """One office held by one person."""

    name: str
    country: str
    sector: str
    role: str
    start: str
    end: str


@dataclass(frozen=True)
class Match:
    """A table entry found in a phrase at tokens ``[start, end)``."""

    start: int
    end: int
    tag: str  # country|demonym|people|capital|city|seat|role|igo|group|person|short
    value: object


# ---------------------------------------------------------------------------------------------
# Text normalisation


def fold(text: str) -> str:
    """Read any text; return it with accents stripped and curly apostrophes made straight."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokenize(text: str) -> tuple[list[str], list[str], set[int]]:
    """Read a phrase; return (lower-cased tokens, tokens as written, indexes of modifier tokens).

    Dotted abbreviations lose their dots, possessive ``'s`` is dropped, hyphens and other
    punctuation split tokens. A token directly followed by "-led", "-backed" and the like is
    returned among the modifier indexes.
    """
    text = fold(text)
    text = DOTTED_ABBREV_RE.sub(lambda m: m.group(0).replace(".", ""), text)
    text = POSSESSIVE_RE.sub("", text)
    cased: list[str] = []
    modifiers: set[int] = set()
    modifier_starts = {m.start() for m in MODIFIER_SUFFIX_RE.finditer(text)}
    suffix_words: set[int] = set()
    for m in MODIFIER_SUFFIX_RE.finditer(text):
        suffix_words.add(m.start() + 1)
    for m in TOKEN_RE.finditer(text):
        if m.start() in suffix_words:
            # The "led" of "US-led" is not a word of the phrase's own.
            continue
        if m.end() in modifier_starts:
            modifiers.add(len(cased))
        cased.append(m.group(0))
    return [t.lower() for t in cased], cased, modifiers


@lru_cache(maxsize=65536)
def key_of(phrase: str) -> str:
    """Read a table phrase; return the lower-cased, space-joined token key it is indexed under.
    Cached: the actor stage asks for the same role words in every sentence."""
    lower, _, _ = tokenize(phrase)
    return " ".join(lower)


def cased_key_of(phrase: str) -> str:
    lower, cased, _ = tokenize(phrase)
    return " ".join(cased)


def is_cased_acronym(phrase: str) -> bool:
    """True for an alias such as "US", "WHO" or "U.N." that must match in capitals only."""
    bare = phrase.replace(".", "").replace("-", "")
    return bare.isalpha() and bare.isupper() and len(bare) <= CASED_ACRONYM_MAX


def within_one_edit(a: str, b: str) -> bool:
    """Read two words; return True when one insertion, deletion, substitution or swap of two
    neighbouring letters turns one into the other ("isreal"/"israel", "afganistan"/"afghanistan")."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diffs = [i for i in range(la) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
    if la > lb:
        a, b = b, a
    # b is one letter longer: skip one letter of b at the first difference.
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


# Parts of a surname, not given names: "Omar El Bashir", "Ursula von der Leyen".
NAME_PARTICLES = {"el", "al", "bin", "ibn", "ben", "abu", "van", "von", "der", "de", "da", "di", "du", "le", "la",
                  "del", "della", "dos", "das", "mac", "mc", "o", "st", "san", "ould", "bint"}
# How many years before taking office a person's bare surname may still name them.
SURNAME_HORIZON_YEARS = 10
# Words before a surname that are not a given name.
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "madam", "mister", "prof", "professor",
              "gen", "general", "col", "colonel", "maj", "major", "capt", "captain", "lt", "sgt", "adm", "admiral",
              "sen", "senator", "rep", "gov", "governor", "pres", "president", "premier", "minister", "king",
              "queen", "prince", "princess", "sheikh", "sheik", "emir", "ayatollah", "imam", "rev", "father",
              "pope", "chancellor", "secretary", "ambassador", "judge", "justice", "chairman", "comrade", "the"}


def pad_start(date: str) -> str:
    """Read an ISO date of any precision; return the first day it can mean ("" stays "")."""
    if not date:
        return ""
    if len(date) == 4:
        return date + "-01-01"
    if len(date) == 7:
        return date + "-01"
    return date


def pad_end(date: str) -> str:
    """Read an ISO date of any precision; return the last day it can mean ("" stays "")."""
    if not date:
        return ""
    if len(date) == 4:
        return date + "-12-31"
    if len(date) == 7:
        return date + "-31"
    return date


def normalize_query_date(date: str | None) -> str | None:
    """Read the caller's date ("2018", "2018-02", "2018-02-21", "2018-02-21T10:00"); return a
    comparable "YYYY-MM-DD" (mid-year or mid-month for coarse dates), or None when unreadable."""
    if not date:
        return None
    date = str(date).strip()[:10]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return date
    if re.fullmatch(r"\d{4}-\d{2}", date):
        return date + "-15"
    if re.fullmatch(r"\d{4}", date):
        return date + "-07-01"
    logger.debug("ignoring unreadable date %r", date)
    return None


# ---------------------------------------------------------------------------------------------
# Loading


def _split(cell: str | None) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


def _read_rows(name: str, text: str, columns: tuple[str, ...]) -> Iterable[tuple[int, dict[str, str]]]:
    """Read a CSV table's text; yield (line number, row) after checking its header and width.

    Lines starting with ``#`` are comments. Raises ModelError(E_BAD_DATA) naming file and line.
    """
    lines = [(i, line) for i, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")]
    if not lines:
        raise ModelError(f"empty table {name}", code=E_BAD_DATA, input=name)
    header_line, header = lines[0]
    found = tuple(next(csv.reader([header])))
    if found != columns:
        raise ModelError(f"header {found} should be {columns}", code=E_BAD_DATA, input=name, line=header_line)
    for lineno, line in lines[1:]:
        cells = next(csv.reader(io.StringIO(line)))
        if len(cells) != len(columns):
            raise ModelError(
                f"{len(cells)} fields where {len(columns)} are expected", code=E_BAD_DATA, input=name, line=lineno
            )
        yield lineno, dict(zip(columns, (c.strip() for c in cells)))


def _bad(name: str, line: int, message: str) -> ModelError:
    return ModelError(message, code=E_BAD_DATA, input=name, line=line)


def _check_date(name: str, line: int, value: str) -> str:
    if value and not DATE_RE.match(value):
        raise _bad(name, line, f"date {value!r} is not ISO (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def _check_sector(name: str, line: int, value: str, required: bool = False) -> str | None:
    if not value:
        if required:
            raise _bad(name, line, "sector is required")
        return None
    if value not in SECTORS:
        raise _bad(name, line, f"unknown sector {value!r}")
    return value


def read_table(name: str) -> str:
    """Read one table from the package data; return its text."""
    try:
        return resources.files(DATA_PACKAGE).joinpath(*DATA_DIR, name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ModelError(f"missing actor table {name}", code=E_BAD_DATA, input=name) from exc


TABLES = ("countries.csv", "places.csv", "roles.csv", "igos.csv", "groups.csv", "people.csv")


class ActorDictionary:
    """All actor tables, indexed for phrase look-up. Build it with :func:`default_dictionary`, or
    from table texts (``{"countries.csv": "...", ...}``) for tests."""

    def __init__(self, tables: dict[str, str]):
        # key (lower-cased tokens joined by spaces) -> matches of any tag
        self._index: dict[str, list[tuple[str, object]]] = {}
        # key as written -> matches that must agree in case (acronyms, bare surnames)
        self._cased: dict[str, list[tuple[str, object]]] = {}
        self._countries: dict[str, Country] = {}
        self._country_words: dict[str, str] = {}
        self._actor_words: set[str] = set()
        self._people: dict[str, list[Term]] = {}
        self._load_countries("countries.csv", tables["countries.csv"])
        self._load_places("places.csv", tables["places.csv"])
        self._load_roles("roles.csv", tables["roles.csv"])
        self._load_orgs("igos.csv", tables["igos.csv"], "igo")
        self._load_orgs("groups.csv", tables["groups.csv"], "group")
        self._load_people("people.csv", tables["people.csv"])
        self._max_key = min(
            MAX_KEY_TOKENS, max(len(k.split()) for k in list(self._index) + list(self._cased))
        )
        self._context_countries = functools.lru_cache(maxsize=512)(self._context_countries_uncached)
        self._fuzzy_words: dict[str, list[str]] = {}
        self._fuzzy_tags: dict[str, tuple[str, str]] = {}
        for key, entries in self._index.items():
            if " " in key or len(key) < FUZZY_MIN_LENGTH:
                continue
            for tag, value in entries:
                if tag in ("country", "demonym", "people") and key not in self._fuzzy_tags:
                    self._fuzzy_tags[key] = (tag, value)  # type: ignore[assignment]
                    self._fuzzy_words.setdefault(key[0], []).append(key)
        logger.debug(
            "actor dictionary: %d countries, %d keys, %d cased keys, %d people",
            len(self._countries), len(self._index), len(self._cased), len(self._people),
        )

    # -- loading -------------------------------------------------------------------------------

    def _add(self, phrase: str, tag: str, value: object, cased: bool | None = None) -> None:
        if cased is None:
            cased = is_cased_acronym(phrase)
        if cased:
            key = cased_key_of(phrase)
            if key:
                self._cased.setdefault(key, []).append((tag, value))
        else:
            key = key_of(phrase)
            if key:
                self._index.setdefault(key, []).append((tag, value))

    def _country(self, name: str, line: int, code: str) -> str:
        if code not in self._countries:
            raise _bad(name, line, f"unknown country code {code!r}")
        return code

    def _load_countries(self, name: str, text: str) -> None:
        rows = list(_read_rows(name, text, ("code", "name", "aliases", "adjectives", "people", "capitals")))
        for line, row in rows:
            code = row["code"]
            if not ISO3_RE.match(code):
                raise _bad(name, line, f"country code {code!r} is not three capitals")
            if code in self._countries:
                raise _bad(name, line, f"duplicate country {code}")
            if not row["name"]:
                raise _bad(name, line, "country name is empty")
            self._countries[code] = Country(code, row["name"])
        for line, row in rows:
            code = row["code"]
            for phrase in [row["name"], *_split(row["aliases"])]:
                self._add(phrase, "country", code)
                self._add_country_word(phrase, code)
            for phrase in _split(row["adjectives"]):
                self._add(phrase, "demonym", code)
                self._add_country_word(phrase, code)
            for phrase in _split(row["people"]):
                self._add(phrase, "people", code)
                self._add_country_word(phrase, code)
                self._actor_words.add(key_of(phrase))
            for phrase in _split(row["capitals"]):
                self._add(phrase, "capital", Place(phrase, code, CAPITAL_SECTOR, "capital"))
                self._add_country_word(phrase, code)

    def _add_country_word(self, phrase: str, code: str) -> None:
        # Acronyms ("US") are found through the cased index only, so "us" is no country.
        if not is_cased_acronym(phrase):
            self._country_words.setdefault(key_of(phrase), code)

    def _load_places(self, name: str, text: str) -> None:
        for line, row in _read_rows(name, text, ("name", "aliases", "country", "sector", "what")):
            country = self._country(name, line, row["country"])
            sector = _check_sector(name, line, row["sector"])
            what = row["what"]
            if what not in ("city", "seat"):
                raise _bad(name, line, f"place kind {what!r} should be city or seat")
            if what == "seat" and not sector:
                raise _bad(name, line, "a seat of power needs a sector")
            place = Place(row["name"], country, sector, what)
            for phrase in [row["name"], *_split(row["aliases"])]:
                self._add(phrase, what, place)
                self._add_country_word(phrase, country)

    def _load_roles(self, name: str, text: str) -> None:
        for line, row in _read_rows(name, text, ("singular", "plural", "sector", "kind", "weak")):
            sector = _check_sector(name, line, row["sector"])
            kind = row["kind"]
            if kind not in ROLE_KINDS:
                raise _bad(name, line, f"role kind {kind!r} is not one of {sorted(ROLE_KINDS)}")
            if row["weak"] not in ("", "weak"):
                raise _bad(name, line, "weak should be empty or 'weak'")
            singular, plural = _split(row["singular"]), _split(row["plural"])
            if not singular and not plural:
                raise _bad(name, line, "a role needs a singular or a plural form")
            weak = row["weak"] == "weak"
            for phrase in singular:
                self._add(phrase, "role", Role(phrase, sector, kind, weak), cased=False)
            # A plural of a person noun is a group of people: "troops", "officials".
            plural_kind = "collective" if kind == "person" else kind
            for phrase in plural:
                self._add(phrase, "role", Role(phrase, sector, plural_kind, weak), cased=False)
            for phrase in singular + plural:
                key = key_of(phrase)
                if " " not in key:
                    self._actor_words.add(key)

    def _load_orgs(self, name: str, text: str, kind: str) -> None:
        for line, row in _read_rows(name, text, ("name", "aliases", "code", "country", "sector", "start", "end")):
            code = row["code"]
            if not CODE_RE.match(code):
                raise _bad(name, line, f"actor code {code!r} is not a run of three-letter parts")
            country = self._country(name, line, row["country"]) if row["country"] else None
            sector = _check_sector(name, line, row["sector"])
            if country and not code.startswith(country):
                raise _bad(name, line, f"code {code} does not start with its country {country}")
            if kind == "igo" and code[:3] not in INTERNATIONAL_PREFIXES:
                raise _bad(name, line, f"code {code} should start with one of {sorted(INTERNATIONAL_PREFIXES)}")
            start = _check_date(name, line, row["start"])
            end = _check_date(name, line, row["end"])
            if start and end and pad_start(start) > pad_end(end):
                raise _bad(name, line, "start is after end")
            # Non-governmental bodies listed with the IGOs (the Red Cross) are organisations, not IGOs.
            org_kind = kind if kind != "igo" or code.startswith("IGO") else "organization"
            org = Org(row["name"], code, country, sector, org_kind, start, end)
            for phrase in [row["name"], *_split(row["aliases"])]:
                self._add(phrase, kind, org)

    def _load_people(self, name: str, text: str) -> None:
        columns = ("name", "aliases", "short", "country", "sector", "role", "start", "end")
        seen_short: dict[str, set[str]] = {}
        for line, row in _read_rows(name, text, columns):
            person = row["name"]
            if not person:
                raise _bad(name, line, "name is empty")
            country = self._country(name, line, row["country"])
            sector = _check_sector(name, line, row["sector"], required=True)
            if not row["role"]:
                raise _bad(name, line, "role is empty")
            start = _check_date(name, line, row["start"])
            end = _check_date(name, line, row["end"])
            if not start:
                raise _bad(name, line, "start date is required")
            if end and pad_start(start) > pad_end(end):
                raise _bad(name, line, "start is after end")
            term = Term(person, country, sector, row["role"], start, end)
            self._people.setdefault(person, []).append(term)
            for phrase in [person, *_split(row["aliases"])]:
                key = key_of(phrase)
                if person not in {v for t, v in self._index.get(key, []) if t == "person"}:
                    self._add(phrase, "person", person, cased=False)
            shorts = _split(row["short"]) or [person.split()[-1]]
            for short in shorts:
                names = seen_short.setdefault(short, set())
                if person not in names:
                    names.add(person)
                    # Bare surnames match only when capitalised: "May", "Brown", "Rice".
                    self._add(short, "short", person, cased=True)

    # -- matching ------------------------------------------------------------------------------

    def _matches(self, lower: list[str], cased: list[str]) -> list[Match]:
        """Read a token list; return the longest table matches, left to right, not overlapping."""
        found: list[Match] = []
        i, n = 0, len(lower)
        while i < n:
            hit = None
            for length in range(min(self._max_key, n - i), 0, -1):
                entries = self._cased.get(" ".join(cased[i : i + length]))
                low = self._index.get(" ".join(lower[i : i + length]))
                if entries or low:
                    hit = (length, (entries or []) + (low or []))
                    break
            if hit is None:
                i += 1
                continue
            length, entries = hit
            for tag, value in entries:
                found.append(Match(i, i + length, tag, value))
            i += length
        return found

    def _context_countries_uncached(self, context: str) -> tuple[str, ...]:
        """Read free text; return the countries it names, most often named first (ties: first named)."""
        lower, cased, _ = tokenize(context[:MAX_CONTEXT_CHARS])
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        for m in self._matches(lower, cased):
            country = self._country_of_match(m)
            if country and m.tag != "person" and m.tag != "short":
                counts[country] = counts.get(country, 0) + 1
                first.setdefault(country, m.start)
        return tuple(sorted(counts, key=lambda c: (-counts[c], first[c])))

    @staticmethod
    def _country_of_match(m: Match) -> str | None:
        if m.tag in ("country", "demonym", "people"):
            return m.value  # type: ignore[return-value]
        if m.tag in ("capital", "city", "seat"):
            return m.value.country  # type: ignore[union-attr]
        if m.tag == "group":
            return m.value.country  # type: ignore[union-attr]
        return None

    # -- public API ----------------------------------------------------------------------------

    def is_country_name(self, word: str) -> bool:
        """True when ``word`` is written as the name of a country itself ("Uzbekistan", "Britain"), not
        a demonym, city or person."""
        lower, cased, _ = tokenize(word[:MAX_PHRASE_CHARS])
        entries = self._cased.get(" ".join(cased), []) + self._index.get(" ".join(lower), [])
        return any(tag == "country" for tag, _ in entries)

    def is_misspelt_country_name(self, word: str) -> bool:
        """True when ``word``, capitalised and not itself a known name, is one typing error away from
        a country's name ("Ethopia", "Isreal")."""
        if len(word) < FUZZY_MIN_LENGTH + 1 or not word[:1].isupper() or not word.isalpha():
            return False
        low = fold(word).lower()
        if low in self._index:
            return False
        return any(within_one_edit(low, key) and self._fuzzy_tags[key][0] == "country"
                   for key in self._fuzzy_words.get(low[0], ()))

    def is_organization_name(self, word: str) -> bool:
        """True when ``word`` is written as the name of an IGO or a non-state group ("Hizbollah")."""
        lower, cased, _ = tokenize(word[:MAX_PHRASE_CHARS])
        entries = self._cased.get(" ".join(cased), []) + self._index.get(" ".join(lower), [])
        return any(tag in ("igo", "group") for tag, _ in entries)

    def country_name(self, code: str) -> str | None:
        """Read an ISO3 code; return the country's name, or None."""
        country = self._countries.get(code)
        return country.name if country else None

    def ethnic_origin(self, text: str) -> str | None:
        """Read a phrase; return the country an "ethnic" demonym in it names ("ethnic Albanians" ->
        ALB), which is not the country of the people it describes; None when there is none."""
        if not text or "ethnic" not in text.lower():
            return None
        lower, cased, _ = tokenize(text[:MAX_PHRASE_CHARS])
        lower, cased = lower[:MAX_PHRASE_TOKENS], cased[:MAX_PHRASE_TOKENS]
        for m in self._matches(lower, cased):
            if m.tag in ("demonym", "people") and m.start > 0 and lower[m.start - 1] in ETHNIC_WORDS:
                return m.value  # type: ignore[return-value]
        return None

    def country_of(self, word: str) -> str | None:
        """Read a country name, alias, demonym, people noun, capital, city or seat of power;
        return its ISO3 code, or None."""
        if not word or not word.strip():
            return None
        lower, cased, _ = tokenize(word[:MAX_PHRASE_CHARS])
        if not lower:
            return None
        for tag, value in self._cased.get(" ".join(cased), []):
            country = self._country_of_match(Match(0, 0, tag, value))
            if country:
                return country
        return self._country_words.get(" ".join(lower))

    def sector_of(self, phrase: str) -> str | None:
        """Read a phrase; return the sector its role words or seat of power give, or None."""
        if not phrase or not phrase.strip():
            return None
        lower, cased, _ = tokenize(phrase[:MAX_PHRASE_CHARS])
        lower, cased = lower[:MAX_PHRASE_TOKENS], cased[:MAX_PHRASE_TOKENS]
        matches = self._matches(lower, cased)
        split = self._split_point(lower, matches)
        role = self._pick_role(matches, split)
        return role.sector if role else None

    def is_actor_phrase(self, phrase: str) -> bool:
        """Read a phrase of a few words; return True when it is a role word ("opposition groups")."""
        return any(tag == "role" for tag, _ in self._index.get(key_of(phrase), ()))

    def is_actor_word(self, lemma: str) -> bool:
        """Read a lemma; return True when it is a role or people noun that can head an actor mention."""
        if not lemma:
            return False
        return key_of(lemma) in self._actor_words

    def code(self, text: str, date: str | None = None, context: str | None = None) -> Actor | None:
        """Read a noun phrase, an optional date (ISO, any precision) and optional context text;
        return the Actor it names, or None when it names none."""
        if not text or not text.strip():
            return None
        lower, cased, modifiers = tokenize(text[:MAX_PHRASE_CHARS])
        lower, cased = lower[:MAX_PHRASE_TOKENS], cased[:MAX_PHRASE_TOKENS]
        if not lower:
            return None
        day = normalize_query_date(date)
        matches = self._matches(lower, cased)
        split = self._split_point(lower, matches)
        head_tokens = set(lower[:split])
        former = bool(head_tokens & FORMER_WORDS)

        person = self._pick_person(matches, split, day, context, cased)
        if person is not None:
            return self._person_actor(person, lower, day, former, self._pick_role(matches, split))

        origin = None
        for m in matches:
            if m.tag in ("demonym", "people") and m.start > 0 and lower[m.start - 1] in ETHNIC_WORDS:
                origin = m.value
                modifiers = modifiers | set(range(m.start, m.end))
        entity = self._pick_entity(matches, split, modifiers, day)
        if entity is not None and origin is not None and self._country_of_match(entity) == origin:
            entity = None  # only the ethnic demonym named a country
        if entity is None and origin is None:
            entity = self._fuzzy_entity(cased, matches)
        role = self._pick_role(matches, split)
        if origin is not None and entity is None and role is None:
            role = Role(ETHNIC_ROLE_NAME, PEOPLE_SECTOR, "collective", True)
        return self._combine(entity, role, lower, context, former, exclude=origin)

    # -- deciding ------------------------------------------------------------------------------

    @staticmethod
    def _split_point(lower: list[str], matches: list[Match]) -> int:
        """Return the index of the first preposition outside any match (the end of the head part)."""
        covered = set()
        for m in matches:
            covered.update(range(m.start, m.end))
        for i, tok in enumerate(lower):
            if i > 0 and tok in PREPOSITIONS and i not in covered:
                return i
        return len(lower)

    def _pick_role(self, matches: list[Match], split: int) -> Role | None:
        """Return the role that decides the sector: the rightmost strong role of the head part;
        else a strong role after the preposition; else the rightmost weak role of the head part;
        else any role after it. Seats of power count as strong roles, capitals as weak ones."""
        head: list[Role] = []
        tail: list[Role] = []
        for m in matches:
            role = None
            if m.tag == "role":
                role = m.value
            elif m.tag == "seat" and m.value.sector:
                role = Role(m.value.name, m.value.sector, "organization", False)
            elif m.tag == "capital":
                role = Role(m.value.name, CAPITAL_SECTOR, "organization", True)
            if role is not None:
                (head if m.start < split else tail).append(role)
        for roles, weak in ((head, False), (tail, False), (head, True), (tail, True)):
            chosen = [r for r in roles if r.weak == weak]
            if chosen:
                return chosen[-1] if roles is head else chosen[0]
        return None

    @staticmethod
    def _pick_entity(matches: list[Match], split: int, modifiers: set[int], day: str | None) -> Match | None:
        """Return the country, place, IGO or group the phrase is about (see the module docstring)."""
        tags = ("country", "demonym", "people", "capital", "city", "seat", "igo", "group")
        usable = [m for m in matches if m.tag in tags and not (set(range(m.start, m.end)) & modifiers)]
        usable = ActorDictionary._current_orgs(usable, day)
        head = [m for m in usable if m.start < split]
        if head:
            last = max(m.start for m in head)
            same = [m for m in head if m.start == last]
            # One span can be both an IGO and a country ("AU"?); prefer the organisation.
            same.sort(key=lambda m: 0 if m.tag in ("igo", "group") else 1)
            return same[0]
        tail = [m for m in usable if m.start >= split]
        if tail:
            return tail[0]
        # Only modifiers named a country ("US-led forces"): better that than nothing.
        rest = ActorDictionary._current_orgs([m for m in matches if m.tag in tags], day)
        return rest[-1] if rest else None

    def _fuzzy_entity(self, cased: list[str], matches: list[Match]) -> Match | None:
        """Return a country match for a misspelt capitalised word that matched nothing, or None."""
        covered = {i for m in matches for i in range(m.start, m.end)}
        for i, tok in enumerate(cased):
            if i in covered or len(tok) < FUZZY_MIN_LENGTH or not tok[:1].isupper():
                continue
            low = tok.lower()
            for word in self._fuzzy_words.get(low[0], ()):
                if within_one_edit(low, word):
                    tag, code = self._fuzzy_tags[word]
                    # Only a country name: a people's plural is one letter from common words ("Greens"
                    # for "Greeks"); and not a first name before its surname ("Nigel Farage", not Niger).
                    followed_by_name = i + 1 < len(cased) and cased[i + 1][:1].isupper()
                    if tag == "country" and not followed_by_name:
                        return Match(i, i + 1, tag, code)
        return None

    @staticmethod
    def _current_orgs(matches: list[Match], day: str | None) -> list[Match]:
        """Keep, of the rows of one organisation matched at one span, the row valid on ``day``
        (undated: the latest row). An organisation with no row valid on ``day`` is dropped, so that
        the span can still be read as a role word ("mujahideen" after 1992)."""
        orgs: dict[tuple[int, str], list[Match]] = {}
        rest: list[Match] = []
        for m in matches:
            if m.tag in ("igo", "group"):
                orgs.setdefault((m.start, m.value.name), []).append(m)
            else:
                rest.append(m)
        for rows in orgs.values():
            if day is None:
                rest.append(max(rows, key=lambda m: (not m.value.end, pad_start(m.value.start))))
                continue
            valid = [
                m for m in rows
                if (not m.value.start or pad_start(m.value.start) <= day)
                and (not m.value.end or day <= pad_end(m.value.end))
            ]
            if valid:
                rest.append(valid[0])
        rest.sort(key=lambda m: m.start)
        return rest

    def _combine(
        self, entity: Match | None, role: Role | None, lower: list[str], context: str | None, former: bool,
        exclude: str | None = None,
    ) -> Actor | None:
        """Read the chosen entity and role; return the Actor they make together."""
        sector = role.sector if role else None
        if former and sector:
            sector = PERSON_FORMER_SECTOR
        # A seat of power or capital is its own role ("the Kremlin"): say so once.
        own_role = entity is not None and entity.tag in ("seat", "capital") and role is not None and (
            role.phrase == entity.value.name
        )
        role_basis = f"+role:{role.phrase}" if role and not own_role else ""
        if entity is None:
            if role is None or (role.sector is None and role.kind == "side"):
                return None
            kind = "organization" if role.kind == "organization" else (
                "collective" if role.kind == "collective" else "person"
            )
            country = None
            basis = f"role:{role.phrase}"
            # "the militaries of the two countries" names several countries: no single one from context.
            if context and not (set(lower) & PLURAL_REFERENT_WORDS):
                ranked = [c for c in self._context_countries(context) if c != exclude]
                if ranked:
                    country = ranked[0]
                    basis += f"+context:{country}"
            if country is None and sector is None:
                return None
            code = (country or "") + (sector or "")
            name = self._countries[country].name if country else None
            if exclude:
                basis += f"+ethnic:{exclude}"
            return Actor(name=name, code=code or None, country=country, sector=sector, kind=kind, basis=basis)

        tag, value = entity.tag, entity.value
        if tag in ("igo", "group"):
            org: Org = value  # type: ignore[assignment]
            code, org_sector = org.code, org.sector
            if org.kind == "igo" and sector and not code.endswith(sector):
                # "UN peacekeepers", "EU foreign ministers": the IGO code with the role's sector.
                code = org.code + sector
                org_sector = sector
            return Actor(
                name=org.name, code=code, country=org.country, sector=org_sector, kind=org.kind,
                basis=f"{tag}:{org.name}{role_basis}",
            )

        if tag in ("country", "demonym", "people"):
            country = value
        else:
            country = value.country
        name = self._countries[country].name
        if role is None:
            if tag in ("city",):
                # A city that is not a capital, as an actor, is its people: "rockets hit Tel Aviv",
                # "Abidjan was blockaded" (a capital stands for its government, below).
                return Actor(name=f"{value.name} ({name})", code=country + PEOPLE_SECTOR, country=country,
                             sector=PEOPLE_SECTOR, kind="collective", basis=f"city:{value.name}")
            if tag == "people":
                # "Palestinians", "Nigerians": a people named as a whole, coded, as in the CAMEO
                # dictionaries, with the bare country code ("the Palestinians rejected ..." is PSE).
                return Actor(name=name, code=country, country=country, sector=None,
                             kind="collective", basis=f"people:{self._entity_text(entity, lower)}")
            return Actor(name=name, code=country, country=country, sector=None, kind="state",
                         basis=f"{tag}:{self._entity_text(entity, lower)}")
        kind = {"person": "person", "collective": "collective", "organization": "organization", "side": "state"}[role.kind]
        if sector is None:
            kind = "state" if role.kind == "side" else kind
        return Actor(
            name=name, code=country + (sector or ""), country=country, sector=sector, kind=kind,
            basis=f"{tag}:{self._entity_text(entity, lower)}{role_basis}",
        )

    @staticmethod
    def _entity_text(m: Match, lower: list[str]) -> str:
        return " ".join(lower[m.start : m.end])

    # -- people --------------------------------------------------------------------------------

    def _pick_person(
        self, matches: list[Match], split: int, day: str | None, context: str | None, cased: list[str]
    ) -> str | None:
        """Return the canonical name of the person the phrase names, or None.

        A full name beats a bare surname; among several people with the name, the one in office on
        ``day`` wins, then the one whose country the phrase or context names, then the latest.
        """
        full = [m for m in matches if m.tag == "person" and m.start < split]
        short = [m for m in matches if m.tag == "short" and m.start < split]
        # A surname that is also a place or role in the same span ("Jordan") is not a name here.
        spans_other = {(m.start, m.end) for m in matches if m.tag not in ("person", "short")}
        short = [m for m in short if (m.start, m.end) not in spans_other]
        # A surname closes a name: "Levy" in "Levy Mwanawasa" or "Rashid" in "Haroon Rashid Aswad"
        # is someone else's given or middle name.
        short = [m for m in short if m.end >= len(cased) or not cased[m.end][:1].isupper()]
        # ... and a capitalised word before it that nothing else explains is this person's own given
        # name: "Diane Abbott" is not Tony Abbott (titles and honorifics are matches or HONORIFICS).
        ends = {m.end for m in matches if m.tag not in ("person", "short")}
        short = [m for m in short if m.start == 0 or m.start in ends or not cased[m.start - 1][:1].isupper()
                 or cased[m.start - 1].lower().rstrip(".") in HONORIFICS | NAME_PARTICLES]
        if day is not None:
            # A bare surname does not name someone who took office only long after the text was written
            # ("Wei" in 1997 is not the defence minister of 2018); a future leader already in the news
            # a few years before ("Trump" in 2010) still is.
            horizon = f"{int(day[:4]) + SURNAME_HORIZON_YEARS:04d}{day[4:]}"
            short = [m for m in short if any(pad_start(t.start) <= horizon for t in self._people[m.value])]
        phrase_countries = {self._country_of_match(m) for m in matches if m.tag not in ("person", "short")} - {None}
        if phrase_countries:
            # "British militant ... Rashid" is not Iraq's president: a bare surname must agree with
            # the country the phrase names.
            short = [m for m in short if any(t.country in phrase_countries for t in self._people[m.value])]
        pool = full or short
        if not pool:
            return None
        last = max(m.start for m in pool)
        names = list(dict.fromkeys(m.value for m in pool if m.start == last))
        if len(names) == 1:
            return names[0]  # type: ignore[return-value]
        context_countries = self._context_countries(context) if context else ()

        def score(person: str) -> tuple:
            terms = self._people[person]
            active = day is not None and any(self._active(t, day) for t in terms)
            in_phrase = any(t.country in phrase_countries for t in terms)
            in_context = any(t.country in context_countries for t in terms)
            latest = max(pad_start(t.start) for t in terms)
            return (active, in_phrase, in_context, latest)

        return max(names, key=score)  # type: ignore[arg-type]

    @staticmethod
    def _active(term: Term, day: str) -> bool:
        return pad_start(term.start) <= day and (not term.end or day <= pad_end(term.end))

    def _person_actor(self, person: str, lower: list[str], day: str | None, former: bool,
                      role: Role | None = None) -> Actor:
        """Read a person's name, the phrase's tokens, the date and the phrase's role word; return the
        Actor for what the person was on that date."""
        terms = self._people[person]
        phrase = " " + " ".join(lower) + " "

        def rank(t: Term) -> int:
            return ROLE_RANK.index(t.role) if t.role in ROLE_RANK else len(ROLE_RANK)

        # The sectors of the title words in the phrase, also where the name matched with its title
        # (an alias such as "General Michel Aoun" leaves no role match of its own).
        title_sectors = {role.sector} if role is not None and not role.weak else set()
        for word in lower:
            title_sectors.update(v.sector for tag, v in self._index.get(word, ()) if tag == "role" and not v.weak)

        def titled(t: Term) -> int:
            # "Prime Minister Putin" names the office meant when the date does not; a title of the
            # office's sector hints at it ("General Michel Aoun": the army commander, not the president).
            if f" {t.role} " in phrase:
                return 2
            return int(t.sector in title_sectors)

        if day is None:
            # Undated: the office the phrase names, else the latest office.
            term = max(terms, key=lambda t: (titled(t), pad_start(t.start), -rank(t)))
            when = "undated"
        else:
            active = [t for t in terms if self._active(t, day)]
            if active:
                term = min(active, key=rank)
                when = "in office"
            else:
                past = [t for t in terms if t.end and pad_end(t.end) < day]
                if past:
                    term = max(past, key=lambda t: pad_end(t.end))
                    desc = self._describe(term)
                    return Actor(name=person, code=term.country + PERSON_FORMER_SECTOR, country=term.country,
                                 sector=PERSON_FORMER_SECTOR, kind="person",
                                 basis=f"person:{person}({desc}; former on {day})")
                first = min(terms, key=lambda t: pad_start(t.start))
                return Actor(name=person, code=first.country, country=first.country, sector=None, kind="person",
                             basis=f"person:{person}(no office on {day}; first {self._describe(first)})")
        sector = PERSON_FORMER_SECTOR if former else term.sector
        return Actor(name=person, code=term.country + sector, country=term.country, sector=sector, kind="person",
                     basis=f"person:{person}({self._describe(term)}{'' if when == 'in office' else '; ' + when}"
                           f"{'; former' if former else ''})")

    @staticmethod
    def _describe(t: Term) -> str:
        return f"{t.country} {t.role} {t.start}-{t.end}"


def load_tables() -> dict[str, str]:
    """Read every actor table from the package data; return {file name: text}."""
    return {name: read_table(name) for name in TABLES}


@functools.lru_cache(maxsize=1)
def default_dictionary() -> ActorDictionary:
    """Return the dictionary built from the packaged tables (built once, then cached)."""
    return ActorDictionary(load_tables())


__all__ = ["ActorDictionary", "default_dictionary", "load_tables", "SECTORS"]
