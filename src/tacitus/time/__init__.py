"""Tacitus time stage: find time expressions in news text and normalize them to TIMEX3.

Rules-based and offline: patterns built from word lists in ``tacitus/data/time/lexicon.yaml``
find DATE, TIME, DURATION and SET expressions; relative ones ("on Tuesday", "last week",
"two years ago", "the third quarter") are resolved against the article's publication date.
Spans and values follow the TimeML / TempEval-3 conventions.

    >>> [(t.text, t.value) for t in find_timexes("Talks resumed on Tuesday.", "2018-02-21")]
    [('Tuesday', '2018-02-20')]
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from tacitus.model import Timex
from tacitus.time.dates import parse_published
from tacitus.time.recognize import match_candidates, resolve_candidates, select_candidates
from tacitus.time.rules import RULES, RULES_WITH_FORMER

__all__ = ["find_timexes", "timex_to_date"]

logger = logging.getLogger(__name__)

# TIMEX3 values that name a calendar unit, and the precision each gives an event date.
CALENDAR_VALUES: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"^(\d{4}-\d{2}-\d{2})(?:T.*)?$"), "day"),
    (re.compile(r"^(\d{4}-W\d{2})(?:-WE)?$"), "week"),
    (re.compile(r"^(\d{4}-\d{2})$"), "month"),
    (re.compile(r"^(\d{4}-Q[1-4])$"), "quarter"),
    (re.compile(r"^(\d{4}-H[12])$"), "half"),
    (re.compile(r"^(\d{4}-(?:SP|SU|FA|WI))$"), "season"),
    (re.compile(r"^(\d{4})$"), "year"),
    (re.compile(r"^(\d{3})$"), "decade"),
    (re.compile(r"^(\d{2})$"), "century"),
)


def find_timexes(text: str, published: str | None, *, include_former: bool = False,
                 future_at: Callable[[int, int], int] | None = None) -> list[Timex]:
    """Read a text and its publication date ('YYYY-MM-DD' or None); return its time expressions.

    Each Timex carries character offsets into ``text``, its TIMEX3 type and normalized value
    (relative expressions resolved against ``published``; underspecified, e.g. ``XXXX-XX-XX``,
    when it is None) and a mod where the text gives one ("early", "nearly"); the date of a dateline has
    ``function`` "PUBLICATION_TIME" (it is when the story was filed, not a time in it). Never raises: input
    that is not a string, or that no rule can read, yields an empty list.

    ``future_at(start, end)`` lets a parse say whether the verb an expression hangs from points ahead
    (the time stage passes one built from spaCy's parse: :func:`tacitus.time.stage.parse_future`).

    ``include_former`` adds "former"/"recent" before a noun as PAST_REF. TimeBank does not
    annotate them, so they are off by default (they would cost precision on TimeML data).
    """
    if not isinstance(text, str) or not text:
        return []
    dct = parse_published(published)
    try:
        rules = RULES_WITH_FORMER if include_former else RULES
        chosen = select_candidates(match_candidates(text, rules))
        return _mark_dateline(text, resolve_candidates(text, chosen, dct, rules, future_at))
    except (RecursionError, MemoryError) as exc:  # pragma: no cover - pathological input only
        logger.error("time expressions skipped for a %d-character text: %s", len(text), exc)
        return []


def _mark_dateline(text: str, timexes: list[Timex]) -> list[Timex]:
    """Mark the date of a dateline ("WASHINGTON, Aug. 11 (Xinhua) --") as the story's publication time:
    it is a time expression (TimeBank annotates it), but it says when the story was filed, so event
    dating must not take it for the day the story tells of."""
    from ..ingest.dateline import HEAD_CHARS, head_dateline

    found = head_dateline(text) if timexes and timexes[0].start < HEAD_CHARS else None
    if found is None or found.date_span is None:
        return timexes
    start, end = found.date_span
    for timex in timexes:
        if timex.start < end and start < timex.end:
            timex.function = PUBLICATION_TIME
    return timexes


PUBLICATION_TIME = "PUBLICATION_TIME"


def timex_to_date(timex: Timex) -> tuple[str, str] | None:
    """Read a Timex; return (calendar value, precision) for dating an event, or None.

    ('2018-02-20', 'day'), ('2014-11', 'month'), ('2015-Q1', 'quarter'), ('199', 'decade') ...;
    a TIME gives its day. DURATIONs, SETs, vague references (PAST_REF) and values with unknown
    parts (XXXX-XX-XX) give None.
    """
    if timex is None or timex.type not in ("DATE", "TIME") or not timex.value:
        return None
    for pattern, precision in CALENDAR_VALUES:
        m = pattern.match(timex.value)
        if m:
            return m.group(1), precision
    return None
