"""The word lists of the time stage, loaded once from ``tacitus/data/time/lexicon.yaml``.

The YAML file holds every language fact the recognizer needs (month and weekday names, number
words, units, seasons, holidays, vague references, tense cues); this module reads it through
:mod:`importlib.resources`, checks its shape and hands it out as an immutable :class:`Lexicon`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

logger = logging.getLogger(__name__)

LEXICON_PACKAGE = "tacitus.data.time"
LEXICON_FILE = "lexicon.yaml"

# Each top-level key and the Python type its value must have.
SCHEMA: dict[str, type] = {
    "months": dict,
    "weekdays": dict,
    "numbers": dict,
    "scales": dict,
    "ordinals": dict,
    "vague_quantities": list,
    "fixed_quantities": dict,
    "units": dict,
    "seasons": dict,
    "parts_of_day": dict,
    "clock_words": dict,
    "holidays": dict,
    "vague_refs": dict,
    "modal_vague_refs": dict,
    "modals": list,
    "vague_adjectives": dict,
    "optional_vague_adjectives": dict,
    "frequency_adverbs": dict,
    "future_cues": list,
    "past_cues": list,
    "past_verbs": list,
    "participle_auxiliaries": list,
    "weak_future_preps": list,
    "ambiguous_months": list,
    "temporal_preps": list,
    "year_blockers": list,
    "reporting_verbs": list,
}

VAGUE_VALUES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


class LexiconError(ValueError):
    """The time lexicon file does not have the expected shape."""


@dataclass(frozen=True)
class Lexicon:
    """The time stage's word lists, keyed by lower-case word or phrase."""

    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    scales: dict[str, int]
    ordinals: dict[str, int]
    vague_quantities: tuple[str, ...]
    fixed_quantities: dict[str, float]
    units: dict[str, tuple[str, int]]
    seasons: dict[str, tuple[str, tuple[int, ...]]]
    parts_of_day: dict[str, str]
    clock_words: dict[str, str]
    holidays: dict[str, dict[str, Any]]
    vague_refs: dict[str, str]
    modal_vague_refs: dict[str, str]
    modals: frozenset[str]
    vague_adjectives: dict[str, str]
    optional_vague_adjectives: dict[str, str]
    frequency_adverbs: dict[str, str]
    future_cues: frozenset[str]
    past_cues: frozenset[str]
    past_verbs: frozenset[str]
    participle_auxiliaries: frozenset[str]
    weak_future_preps: frozenset[str]
    ambiguous_months: frozenset[str]
    temporal_preps: frozenset[str]
    year_blockers: frozenset[str]
    reporting_verbs: frozenset[str]


def _check(raw: Any) -> dict[str, Any]:
    """Read the parsed YAML document; return it when every key has the right type, else raise."""
    if not isinstance(raw, dict):
        raise LexiconError(f"{LEXICON_FILE}: expected a mapping at top level")
    for key, kind in SCHEMA.items():
        if not isinstance(raw.get(key), kind):
            raise LexiconError(f"{LEXICON_FILE}: '{key}' must be a {kind.__name__}")
    for word, month in raw["months"].items():
        if not 1 <= int(month) <= 12:
            raise LexiconError(f"{LEXICON_FILE}: month '{word}' out of range")
    for word, day in raw["weekdays"].items():
        if not 1 <= int(day) <= 7:
            raise LexiconError(f"{LEXICON_FILE}: weekday '{word}' out of range")
    for word, spec in raw["units"].items():
        if not (isinstance(spec, list) and len(spec) == 2):
            raise LexiconError(f"{LEXICON_FILE}: unit '{word}' must be [designator, count]")
    for word, value in {**raw["vague_refs"], **raw["modal_vague_refs"], **raw["vague_adjectives"], **raw["optional_vague_adjectives"]}.items():
        if value not in VAGUE_VALUES:
            raise LexiconError(f"{LEXICON_FILE}: vague reference '{word}' has value {value!r}")
    for word, rule in raw["holidays"].items():
        if not (isinstance(rule, dict) and rule.keys() & {"fixed", "nth_weekday", "easter", "election"}):
            raise LexiconError(f"{LEXICON_FILE}: holiday '{word}' has no date rule")
    return raw


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read ``lexicon.yaml`` from the package data (once per process); return the checked Lexicon."""
    text = resources.files(LEXICON_PACKAGE).joinpath(LEXICON_FILE).read_text(encoding="utf-8")
    raw = _check(yaml.safe_load(text))
    logger.debug("loaded time lexicon: %d months, %d units", len(raw["months"]), len(raw["units"]))
    lower = lambda table: {str(k).lower(): v for k, v in table.items()}  # noqa: E731
    return Lexicon(
        months={k: int(v) for k, v in lower(raw["months"]).items()},
        weekdays={k: int(v) for k, v in lower(raw["weekdays"]).items()},
        numbers={k: int(v) for k, v in lower(raw["numbers"]).items()},
        scales={k: int(v) for k, v in lower(raw["scales"]).items()},
        ordinals={k: int(v) for k, v in lower(raw["ordinals"]).items()},
        vague_quantities=tuple(str(q).lower() for q in raw["vague_quantities"]),
        fixed_quantities={k: float(v) for k, v in lower(raw["fixed_quantities"]).items()},
        units={k: (str(v[0]), int(v[1])) for k, v in lower(raw["units"]).items()},
        seasons={k: (str(v[0]), tuple(int(m) for m in v[1])) for k, v in lower(raw["seasons"]).items()},
        parts_of_day={k: str(v) for k, v in lower(raw["parts_of_day"]).items()},
        clock_words={k: str(v) for k, v in lower(raw["clock_words"]).items()},
        holidays=lower(raw["holidays"]),
        vague_refs={k: str(v) for k, v in lower(raw["vague_refs"]).items()},
        modal_vague_refs={k: str(v) for k, v in lower(raw["modal_vague_refs"]).items()},
        modals=frozenset(str(c).lower() for c in raw["modals"]),
        vague_adjectives={k: str(v) for k, v in lower(raw["vague_adjectives"]).items()},
        optional_vague_adjectives={k: str(v) for k, v in lower(raw["optional_vague_adjectives"]).items()},
        frequency_adverbs={k: str(v) for k, v in lower(raw["frequency_adverbs"]).items()},
        future_cues=frozenset(str(c).lower() for c in raw["future_cues"]),
        past_cues=frozenset(str(c).lower() for c in raw["past_cues"]),
        past_verbs=frozenset(str(c).lower() for c in raw["past_verbs"]),
        participle_auxiliaries=frozenset(str(c).lower() for c in raw["participle_auxiliaries"]),
        weak_future_preps=frozenset(str(c).lower() for c in raw["weak_future_preps"]),
        ambiguous_months=frozenset(str(c).lower() for c in raw["ambiguous_months"]),
        temporal_preps=frozenset(str(c).lower() for c in raw["temporal_preps"]),
        year_blockers=frozenset(str(c).lower() for c in raw["year_blockers"]),
        reporting_verbs=frozenset(str(c).lower() for c in raw["reporting_verbs"]),
    )
