"""Choosing a gazetteer candidate for a toponym, from its size and the article around it.

Each reading of a name gets a score in "orders of magnitude of population": ``log10(population)``,
plus a bonus for countries (a name that is a country's is nearly always the country), a smaller one
for capitals, penalties for readings that come only from an alternate name or from an admin area
named after its own chief city ("Baghdad" the province), a fixed prior for the named regions of
``regions.csv`` (no population: :data:`REGION_PRIOR`, below any city or sizeable admin area of the
same name, so "Jammu" stays the city unless the article says otherwise), and evidence from the article: how much of
it is about the candidate's country (actors, other places, the dateline), an admin area named in the
article that contains the candidate, and an explicit qualifier ("Paris, Texas"; "Hyderabad, Sindh").

The scores become probabilities (a softmax in base 10, so one order of magnitude is a factor of ten).
The best reading's probability, lowered when nothing in the article supports a small place, is the
confidence; below :data:`MIN_CONFIDENCE` the toponym stays unresolved: no location beats a wrong one.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from .gazetteer import FEATURE_ADMIN1, FEATURE_CITY, FEATURE_COUNTRY, FEATURE_REGION, Candidate, Reading

# Score terms, in orders of magnitude of population (see module doc).
COUNTRY_BONUS = 2.0
CAPITAL_BONUS = 1.0
ADMIN1_PENALTY = 0.3
# "Moscow", "Baghdad", "Kuala Lumpur": areas named after their chief city mean the city in news.
SHADOWED_ADMIN1_PENALTY = 2.0
ALTERNATE_PENALTY = 1.5
# A named region ("Sinai", "Mindanao") has no population; it scores as a place of about 3,000 people:
# below every gazetteer city (15,000 and up, 4.18) and every sizeable admin area of its name, but
# within reach of the article's evidence (a British story turns "Cornwall" from the Canadian town to
# the county). Alone, a region is its name's only reading and resolves with full confidence.
REGION_PRIOR = 3.5
# How strongly the article's countries pull: the country's share of the article's country evidence
# times CONTEXT_WEIGHT, plus CONTEXT_PRESENT when it is there at all. Weighted so that an article
# mostly about Pakistan turns "Hyderabad" to Sindh (India's is 3.6 times larger, 0.56 orders), but an
# American story does not move "Paris" to Texas (100 times smaller).
CONTEXT_WEIGHT = 1.2
CONTEXT_PRESENT = 0.5
DATELINE_WEIGHT = 0.4
# A place inside an admin area the article names ("Hyderabad ... in Sindh").
ADMIN1_CONTEXT = 1.5
# Other areas of the same country named in the article ("Georgia" among "Alabama" and "Texas").
SIBLING_ADMIN1 = 1.0
# "Paris, Texas", "Kabul, Afghanistan": the qualifier settles it.
QUALIFIER = 5.0
# The words around a name say what kind of place it is ("Idlib province", "the town of Erba").
FEATURE_HINT = 3.0
# A place smaller than this is believed only with support from the article.
SMALL_PLACE = 50_000
UNSUPPORTED_SMALL_FACTOR = 0.45
MIN_CONFIDENCE = 0.55


@dataclass
class Context:
    """What the article says about where it is: country weights (ISO3 -> weight), the admin areas
    it names (``CC.code``), the dateline's country."""

    countries: Counter = field(default_factory=Counter)
    admin1: Counter = field(default_factory=Counter)
    dateline_country: str | None = None

    def share(self, country: str) -> float:
        total = sum(self.countries.values())
        return self.countries[country] / total if total else 0.0


@dataclass
class Resolution:
    candidate: Candidate
    confidence: float
    # Every reading's probability, best first (for explanation and tests).
    ranking: list[tuple[Candidate, float]]


def score(reading: Reading, readings: list[Reading], context: Context, qualifier: set[str] | None = None) -> float:
    """The score of one reading among all readings of the same name (module doc)."""
    c = reading.candidate
    value = REGION_PRIOR if c.feature == FEATURE_REGION else math.log10(max(c.population, 1) + 10)
    shadowed = False
    if c.feature == FEATURE_COUNTRY:
        value += COUNTRY_BONUS
    elif c.feature == FEATURE_ADMIN1:
        value -= ADMIN1_PENALTY
        # Shadowed by a sizeable city of the name inside it, or by the national capital of the name
        # ("Washington" the state yields to Washington, D.C., "Raqqa" the province to the city).
        shadowed = any(
            r.candidate.feature == FEATURE_CITY and r.candidate.country == c.country
            and (r.candidate.capital or (r.candidate.admin1 == c.admin1 and r.candidate.population >= SMALL_PLACE))
            for r in readings
        )
        if shadowed:
            value -= SHADOWED_ADMIN1_PENALTY
    if c.capital:
        value += CAPITAL_BONUS
    if reading.alternate:
        value -= ALTERNATE_PENALTY
    if context.countries[c.country]:
        value += CONTEXT_PRESENT + CONTEXT_WEIGHT * context.share(c.country)
    if context.dateline_country == c.country:
        value += DATELINE_WEIGHT
    if c.feature != FEATURE_ADMIN1 and c.admin1 and context.admin1[c.admin1]:
        value += ADMIN1_CONTEXT
    if c.feature == FEATURE_ADMIN1 and not shadowed and any(code.startswith(c.admin1.split(".")[0] + ".") and code != c.admin1
                                           for code in context.admin1):
        value += SIBLING_ADMIN1
    if qualifier and (c.country in qualifier or (c.admin1 and c.admin1 in qualifier)):
        value += QUALIFIER
    return value


def resolve(readings: list[Reading], context: Context, qualifier: set[str] | None = None,
            feature: str | None = None, country_of: Callable[[str], Candidate | None] | None = None
            ) -> Resolution | None:
    """Pick a reading of one toponym. ``qualifier``: country codes and admin1 codes written next to
    it; ``feature``: the kind of place the words around it name ("Idlib province" -> ``admin1``,
    "the city of Aleppo" -> ``city``). Returns the best candidate with its confidence; else, given
    ``country_of`` (ISO3 -> the country's candidate), the country that most of the probability falls
    in; None when there is no reading or the confidence is below :data:`MIN_CONFIDENCE`."""
    if not readings:
        return None
    scored = [(score(r, readings, context, qualifier) + (FEATURE_HINT if r.candidate.feature == feature else 0.0),
               r.candidate) for r in readings]
    top = max(s for s, _ in scored)
    weights = [(10 ** (s - top), c) for s, c in scored]
    total = sum(w for w, _ in weights)
    ranking = sorted(((c, w / total) for w, c in weights), key=lambda x: -x[1])
    best, probability = ranking[0]
    confidence = round(probability * _support(best, context, qualifier), 3)
    if confidence >= MIN_CONFIDENCE:
        return Resolution(best, confidence, ranking)
    if country_of is None:
        return None
    # No one place is likely enough, but their country may be ("Springfield" in an American story):
    # a country-level place, with the country's share of the probability as confidence.
    mass: dict[str, float] = {}
    for candidate, p in ranking:
        mass[candidate.country] = mass.get(candidate.country, 0.0) + p
    iso3, share = max(mass.items(), key=lambda kv: kv[1])
    largest = max((c for c, _ in ranking if c.country == iso3), key=lambda c: c.population)
    country = country_of(iso3)
    confidence = round(share * _support(largest, context, qualifier), 3)
    if country is None or confidence < MIN_CONFIDENCE:
        return None
    return Resolution(country, confidence, ranking)


def _support(candidate: Candidate, context: Context, qualifier: set[str] | None) -> float:
    """1, or :data:`UNSUPPORTED_SMALL_FACTOR` for a small place of a country the article never mentions."""
    supported = context.countries[candidate.country] or (qualifier and candidate.country in qualifier)
    if candidate.feature == FEATURE_CITY and candidate.population < SMALL_PLACE and not supported:
        return UNSUPPORTED_SMALL_FACTOR
    return 1.0
