"""The places stage: toponyms found by the parser's entity recognizer, and the dateline, resolved to
GeoNames places with a confidence.

Deciding is split from writing: :func:`find_toponyms` returns the spans (with any qualifier written
after them, "Paris, Texas"), :func:`resolve_toponyms` chooses a candidate for each from the article's
context, and :meth:`PlaceStage.__call__` writes ``Article.places`` and completes ``Article.dateline``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from ..model import Article, Place
from .gazetteer import FEATURE_ADMIN1, FEATURE_CITY, FEATURE_COUNTRY, FEATURE_REGION, Gazetteer, Reading, default_gazetteer, name_key
from .resolve import Context, Resolution, resolve

# Entity labels that name places. FAC (buildings, airports) and NORP (nationalities) are not toponyms.
TOPONYM_LABELS = frozenset({"GPE", "LOC"})
MISREAD_LABELS = frozenset({"ORG", "NORP"})
# Actor kinds that a toponym-labelled span cannot be: a misread person, organisation or group.
NOT_PLACE_KINDS = frozenset({"person", "igo", "group"})
# A qualifier follows its place after a comma: "Paris, Texas", "Hyderabad, Sindh".
QUALIFIER_GAP_RE = re.compile(r",[ \t]*$")
# Context weights: an actor's country per mention; a place whose country is certain; the dateline.
ACTOR_WEIGHT = 1.0
PLACE_WEIGHT = 1.0
DATELINE_CONTEXT_WEIGHT = 2.0
LEADING_ARTICLE_RE = re.compile(r"^(?:the|The|THE)\s+")
POSSESSIVE_RE = re.compile(r"['’]s?$")
AREA_WORDS = frozenset({"province", "region", "governorate", "oblast", "state", "prefecture", "territory"})
AREA_AFTER_RE = re.compile(r"[ \t]+(?:province|region|governorate|oblast|prefecture)\b", re.I)
TOWN_BEFORE_RE = re.compile(r"\b(?:city|town|village|capital|port|suburb)[ \t]+of[ \t]+$", re.I)
# Names the recognizer missed are taken from the gazetteer only when they are this unmistakable.
SCAN_MIN_POPULATION = 1_000_000
SCAN_MAX_WORDS = 4


@dataclass
class Toponym:
    """A place name in the text: its span, its sentence and the span of a qualifier written after it."""

    start: int
    end: int
    text: str
    sentence: int
    qualifier: tuple[int, int] | None = None
    # The kind of place the words around it name: "admin1" ("Idlib province"), "city" ("the town of Erba").
    feature: str | None = None


class PlaceStage:
    """Sets ``Article.places`` (every toponym, resolved where the evidence allows) and the country,
    coordinates, feature and confidence of ``Article.dateline``."""

    name = "places"
    requires = ("doc", "sentences", "mentions", "actors", "dateline")
    assigns = ("places", "dateline")

    def __init__(self, gazetteer: Gazetteer | None = None):
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def __call__(self, article: Article) -> Article:
        toponyms = find_toponyms(article, self.gazetteer)
        resolved, dateline = resolve_toponyms(article, toponyms, self.gazetteer)
        article.places = [_place(t, resolved.get(id(t))) for t in toponyms]
        if article.dateline is not None and dateline is not None:
            _fill(article.dateline, dateline)
        return article


def find_toponyms(article: Article, gazetteer: Gazetteer | None = None) -> list[Toponym]:
    """Read the parsed Doc, the mentions and the dateline; return the place names in reading order.

    With a ``gazetteer``, capitalized names outside any recognized entity that are unmistakably places
    (a country, a first-level area, a capital or a city of a million) are added: the small English
    model misses some ("regime-held territories like Aleppo", headings such as "United States").

    A span the actor stage coded as a person, an IGO or an armed group is left out (the recognizer's
    GPE label is wrong there), and so is the dateline, which the article keeps on its own.
    """
    doc = article.doc
    not_places = {(m.start, m.end) for m in article.mentions if m.actor is not None and m.actor.kind in NOT_PLACE_KINDS}
    dateline = (article.dateline.start, article.dateline.end) if article.dateline else None
    starts = [s.start for s in article.sentences]
    found: list[Toponym] = []
    for ent in doc.ents:
        # The small model labels some places ORG or NORP ("Slovakia", "Aleppo"): the whole name must
        # then be an unmistakable place.
        misread = (ent.label_ in MISREAD_LABELS and gazetteer is not None
                   and any(_scannable(r) for r in gazetteer.lookup(POSSESSIVE_RE.sub("", ent.text))))
        if ent.label_ not in TOPONYM_LABELS and not misread:
            continue
        start, end, text = ent.start_char, ent.end_char, ent.text
        lead = LEADING_ARTICLE_RE.match(text)
        if lead:
            start, text = start + lead.end(), text[lead.end():]
        possessive = POSSESSIVE_RE.search(text)
        if possessive:  # "Saudi Arabia's King Salman"
            end, text = end - len(possessive.group()), text[:possessive.start()]
        if (start, end) in not_places or not text.strip():
            continue
        if dateline and start < dateline[1] and end > dateline[0]:
            continue
        sentence = max(bisect.bisect_right(starts, start) - 1, 0) if starts else -1
        found.append(Toponym(start, end, text, sentence))
    if gazetteer is not None:
        for start, end in _gazetteer_names(doc, gazetteer, not_places):
            if not (dateline and start < dateline[1] and end > dateline[0]):
                sentence = max(bisect.bisect_right(starts, start) - 1, 0) if starts else -1
                found.append(Toponym(start, end, article.text[start:end], sentence))
        found.sort(key=lambda t: t.start)
    for t in found:
        t.feature = _feature_hint(article.text, t)
    # "Paris, Texas": a toponym right after another one and a comma qualifies it.
    for first, second in zip(found, found[1:]):
        if QUALIFIER_GAP_RE.search(article.text[first.end:second.start]) and second.start - first.end <= 3:
            first.qualifier = (second.start, second.end)
    return found


def _feature_hint(text: str, toponym: Toponym) -> str | None:
    """"admin1" when an area word ends or follows the name, "city" when a town word comes before it."""
    last = toponym.text.rsplit(None, 1)[-1].lower()
    if last in AREA_WORDS or AREA_AFTER_RE.match(text, toponym.end):
        return FEATURE_ADMIN1
    if TOWN_BEFORE_RE.search(text[max(0, toponym.start - 30):toponym.start]):
        return FEATURE_CITY
    return None


def _gazetteer_names(doc, gazetteer: Gazetteer, not_places: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans of capitalized names outside every entity that the gazetteer knows as a
    country, an area, a capital or a city of :data:`SCAN_MIN_POPULATION` people (longest match first)."""
    in_entity = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    spans = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in in_entity or not (token.is_alpha and token.text[:1].isupper()):
            i += 1
            continue
        for n in range(min(SCAN_MAX_WORDS, len(doc) - i), 0, -1):
            words = doc[i:i + n]
            if any(j in in_entity or not (t.is_alpha and t.text[:1].isupper()) for j, t in zip(range(i, i + n), words)):
                continue
            start, end = words.start_char, words.end_char
            if (start, end) in not_places:
                continue
            if any(_scannable(r) for r in gazetteer.lookup(words.text)):
                spans.append((start, end))
                i += n - 1
                break
        i += 1
    return spans


def _scannable(reading: Reading) -> bool:
    c = reading.candidate
    if reading.alternate:
        return False
    return (c.feature in (FEATURE_COUNTRY, FEATURE_ADMIN1) or c.capital) or c.population >= SCAN_MIN_POPULATION


def _qualifier_codes(readings: list[Reading]) -> set[str]:
    """The countries and admin areas a qualifier may name ("Texas" -> {"US.TX", "USA"}; a named region
    names its country: "Erbil, Kurdistan" -> {"IRQ", ...})."""
    codes: set[str] = set()
    for r in readings:
        c = r.candidate
        if c.feature in (FEATURE_COUNTRY, FEATURE_ADMIN1, FEATURE_REGION):
            codes.add(c.country)
            if c.feature == FEATURE_ADMIN1:
                codes.add(c.admin1)
    return codes


def _dateline_parts(place: Place) -> tuple[str, str | None]:
    """The city and the region of a dateline ("KABUL, Afghanistan" -> ("Kabul", "Afghanistan"))."""
    name = place.name or place.text
    region = place.text.split(",", 1)[1].strip() if "," in place.text else None
    return name.split(",")[0].strip(), region


def resolve_toponyms(article: Article, toponyms: list[Toponym], gazetteer: Gazetteer
                     ) -> tuple[dict[int, Resolution], Resolution | None]:
    """Choose a place for each toponym and for the dateline.

    Reads the actors' countries, the toponyms and the dateline. Context is gathered in two passes:
    the actors' countries and the places whose country is certain first; then the countries and
    admin areas the first pass resolved, each toponym's own contribution left out (a name must not
    vote for itself). Returns ``{id(toponym): Resolution}`` for the resolved ones and the dateline's.
    """
    context = Context()
    # An actor mention that is itself one of the toponyms ("Georgia" coded GEO by the actor stage) must
    # not vote for its own reading; the toponyms speak through the places whose country is certain.
    spans = [(t.start, t.end) for t in toponyms]
    for entity in article.actors:
        if not entity.actor.country:
            continue
        for index in entity.mentions:
            mention = article.mentions[index]
            if not any(mention.start < end and mention.end > start for start, end in spans):
                context.countries[entity.actor.country] += ACTOR_WEIGHT
    readings_of: dict[str, list[Reading]] = {}
    qualifiers: dict[int, set[str]] = {}
    by_start = {t.start: t for t in toponyms}
    for t in toponyms:
        readings_of.setdefault(name_key(t.text), gazetteer.lookup(t.text))
        if t.qualifier:
            qualifiers[id(t)] = _qualifier_codes(gazetteer.lookup(by_start[t.qualifier[0]].text))
    certain: Counter = Counter()
    for t in toponyms:
        countries = {r.candidate.country for r in readings_of[name_key(t.text)] if not r.alternate}
        if len(countries) == 1:
            certain[name_key(t.text)] += 1
            context.countries[next(iter(countries))] += PLACE_WEIGHT

    dateline = None
    if article.dateline is not None:
        city, region = _dateline_parts(article.dateline)
        qualifier = _qualifier_codes(gazetteer.lookup(region)) if region else None
        # A dateline names a city ("GAZA:" is Gaza City, not the territory); only a city-state's
        # ("SINGAPORE:", "MACAO:") has no city reading.
        readings = gazetteer.lookup(city)
        cities = [r for r in readings if r.candidate.feature == FEATURE_CITY]
        dateline = resolve(cities or readings, context, qualifier, None, gazetteer.country)
        if dateline is not None:
            context.countries[dateline.candidate.country] += DATELINE_CONTEXT_WEIGHT
            context.dateline_country = dateline.candidate.country

    first: dict[int, Resolution] = {}
    for t in toponyms:
        found = resolve(readings_of[name_key(t.text)], context, qualifiers.get(id(t)), t.feature, gazetteer.country)
        if found is not None:
            first[id(t)] = found
    # Second pass: what the first pass resolved is evidence for the rest.
    resolved_countries: Counter = Counter()
    admin1: Counter = Counter()
    per_key: dict[str, Counter] = {}
    for t in toponyms:
        found = first.get(id(t))
        if found is None:
            continue
        c = found.candidate
        key = name_key(t.text)
        own = per_key.setdefault(key, Counter())
        if not certain[key]:
            resolved_countries[c.country] += PLACE_WEIGHT
            own[c.country] += PLACE_WEIGHT
        if c.feature == FEATURE_ADMIN1:
            admin1[c.admin1] += 1
            own["admin1:" + c.admin1] += 1
    result: dict[int, Resolution] = {}
    for t in toponyms:
        key = name_key(t.text)
        own = per_key.get(key, Counter())
        second = Context(countries=context.countries + resolved_countries, dateline_country=context.dateline_country)
        second.countries.subtract({k: v for k, v in own.items() if not k.startswith("admin1:")})
        second.admin1 = Counter({code: n for code, n in admin1.items() if own["admin1:" + code] < n})
        found = resolve(readings_of[key], second, qualifiers.get(id(t)), t.feature, gazetteer.country)
        if found is not None:
            result[id(t)] = found
    return result, dateline


def _fill(place: Place, resolution: Resolution) -> None:
    c = resolution.candidate
    place.name, place.country, place.lat, place.lon = c.name, c.country, c.lat, c.lon
    place.feature, place.confidence, place.geonames = c.feature, resolution.confidence, c.id


def _place(toponym: Toponym, resolution: Resolution | None) -> Place:
    place = Place(start=toponym.start, end=toponym.end, text=toponym.text, sentence=toponym.sentence)
    if resolution is not None:
        _fill(place, resolution)
    return place
