"""Publication dates: parsing date strings and finding the date an article carries in its text.

The text evidence, strongest first (the first one found wins):

1. a closing "Published in <paper>, <date>" line (Dawn and other South Asian papers end stories so);
2. a dateline with a date ("MOSCOW, Feb 20 (Reuters) -"); a dateline without a year takes the year
   from the other evidence, and is left unused when there is none;
3. an "Updated <date>" / "Posted <date>" line near the top or the bottom (web pages pasted as text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from tacitus.errors import UsageError

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip

# Longest names first so that "September" is not matched as "Sep" + "tember".
MONTH_PATTERN = "(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_ORDINAL = r"(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?i:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?i:day)?\.?,?[ \t]+)?"

# One date as newspapers write it: "2018-02-21", "February 21st, 2018", "Feb. 21", "Wednesday,
# 21 February 2018", "21st of Feb 2018". Groups are named per form (iso_*, md_*, dm_*) because
# Python does not allow one name twice; the year is optional in the written forms.
DATE_PATTERN = rf"""(?:
    (?P<iso_y>\d{{4}})-(?P<iso_m>\d{{1,2}})-(?P<iso_d>\d{{1,2}})(?!\d)
  | {_WEEKDAY}(?P<md_m>{MONTH_PATTERN})\.?[ \t]+(?P<md_d>\d{{1,2}}){_ORDINAL}(?![\d\w])
        (?:,?[ \t]+(?P<md_y>\d{{4}})(?!\d))?
  | {_WEEKDAY}(?P<dm_d>\d{{1,2}}){_ORDINAL}[ \t]+(?:of[ \t]+)?(?P<dm_m>{MONTH_PATTERN})(?![a-zA-Z])\.?
        (?:,?[ \t]+(?P<dm_y>\d{{4}})(?!\d))?
)"""
DATE_RE = re.compile(DATE_PATTERN, re.X)

# The strict form the `published` argument must take.
ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")

# "Published in Dawn, February 21st, 2018" as the last line of a story.
PUBLISHED_IN_RE = re.compile(
    rf"^[ \t]*Published[ \t]+in[ \t]+(?P<paper>[^,\n]{{1,80}}?),[ \t]*(?:on[ \t]+)?"
    rf"(?P<date>{DATE_PATTERN})[ \t]*\.?[ \t]*$",
    re.X | re.M,
)

# "Updated: 21 Feb 2018 10:31 GMT", "Posted on February 21, 2018 at 9:00", "Last updated 2018-02-21":
# the date that a web page stamps on a story, kept when the page is pasted as text. Only the date is
# read; whatever follows it (a time, a time zone) is ignored.
STAMP_LINE_RE = re.compile(
    rf"^[ \t]*(?:Last[ \t]+)?(?i:updated|posted|published|first[ \t]+published)(?:[ \t]+on)?[ \t]*:?[ \t]*"
    rf"(?P<date>{DATE_PATTERN})",
    re.X,
)

# Where the text evidence may sit, in non-empty lines: closing lines at the end, stamps at either end.
CLOSING_LINES = 4
STAMP_LINES = 6
# Longer lines are story sentences that happen to start with "Updated", not stamps.
MAX_STAMP_LINE_CHARS = 120
# A year-less dateline date more than this far from the year evidence belongs to the next or
# previous year (a "Dec 31" dateline on a story updated "Jan 1, 2019").
YEAR_WRAP_DAYS = 183
MIN_YEAR, MAX_YEAR = 1900, 2100


@dataclass(frozen=True)
class PartialDate:
    """A calendar date as written: the year may be missing ("Feb 20")."""

    year: int | None
    month: int
    day: int

    def with_year(self, year: int) -> date | None:
        """The full date in ``year``, or None when it does not exist (Feb 29 in 2019)."""
        try:
            return date(year, self.month, self.day)
        except ValueError:
            return None

    def to_date(self) -> date | None:
        """The full date, or None when the year is missing or the date does not exist."""
        return None if self.year is None else self.with_year(self.year)


def partial_date_from_match(match: re.Match[str]) -> PartialDate | None:
    """Build a :class:`PartialDate` from a match of :data:`DATE_PATTERN` (its named groups).

    Returns None when the numbers are out of range (month 13, day 32, year 1066).
    """
    groups = match.groupdict()
    for prefix in ("iso", "md", "dm"):
        if groups.get(f"{prefix}_m") is None:
            continue
        month_text = groups[f"{prefix}_m"]
        month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower()]
        day = int(groups[f"{prefix}_d"])
        year_text = groups.get(f"{prefix}_y")
        year = int(year_text) if year_text else None
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        if year is not None and not (MIN_YEAR <= year <= MAX_YEAR):
            return None
        return PartialDate(year, month, day)
    return None


def parse_date_text(text: str) -> PartialDate | None:
    """Read one written date that makes up the whole of ``text`` ("February 21st, 2018").

    Returns a :class:`PartialDate` (year None when not written) or None when ``text`` is not a date.
    """
    match = DATE_RE.fullmatch(text.strip().rstrip("."))
    return partial_date_from_match(match) if match else None


def validate_published(value: str | None) -> str | None:
    """Check a caller-supplied publication date (the ``published`` argument).

    Reads ``YYYY-MM-DD``; returns it unchanged, or None for None. Raises :class:`UsageError` for
    anything else, since a bad option value is the caller's mistake, not the input's.
    """
    if value is None:
        return None
    if not isinstance(value, str) or not ISO_DATE_RE.fullmatch(value.strip()):
        raise UsageError(f"published date must be an ISO date YYYY-MM-DD, got {value!r}")
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError as exc:
        raise UsageError(f"published date {value!r} is not a real date: {exc}") from None


def normalize_iso_date(value: str) -> str | None:
    """Read an ISO 8601 date or date-time ("2018-02-21", "2018-02-21T09:30:00Z") as YYYY-MM-DD.

    The date is taken as written, in the time zone of the string: a story stamped
    "2018-02-21T23:30-05:00" was published on the 21st where it was written. Returns None when
    ``value`` is not ISO 8601.
    """
    value = value.strip()
    if not re.match(r"\d{4}-?\d{2}-?\d{2}", value):
        return None
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        pass
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return None


def _non_empty_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def _closing_date(lines: list[str]) -> tuple[date, str] | None:
    """The date and paper of a closing "Published in <paper>, <date>" line, searched from the end."""
    for line in reversed(lines[-CLOSING_LINES:]):
        match = PUBLISHED_IN_RE.match(line)
        if match:
            partial = partial_date_from_match(match)
            full = partial.to_date() if partial else None
            if full:
                return full, match.group("paper").strip()
    return None


def _stamp_date(lines: list[str]) -> PartialDate | None:
    """The date of an "Updated/Posted <date>" line in the first or last lines (year may be missing)."""
    candidates = lines[:STAMP_LINES] + lines[-STAMP_LINES:]
    for line in candidates:
        if len(line) > MAX_STAMP_LINE_CHARS:
            continue
        match = STAMP_LINE_RE.match(line)
        if match:
            partial = partial_date_from_match(match)
            if partial:
                return partial
    return None


def _complete_year(partial: PartialDate, evidence: date) -> date | None:
    """Give a year-less ``partial`` the year of ``evidence``, moving across a New Year if needed."""
    for year in (evidence.year, evidence.year - 1, evidence.year + 1):
        candidate = partial.with_year(year)
        if candidate and abs((candidate - evidence).days) <= YEAR_WRAP_DAYS:
            return candidate
    return None


def find_publication_paper(text: str) -> str | None:
    """The paper named by a closing "Published in <paper>, <date>" line, or None."""
    found = _closing_date(_non_empty_lines(text))
    return found[1] if found else None


def find_publication_date(text: str, *, year: int | None = None) -> str | None:
    """Find the publication date that an article's own text states.

    Reads the closing "Published in" line, the dateline and "Updated/Posted" stamps (in that order
    of trust, see the module docstring). ``year`` is outside evidence for a dateline that gives no
    year. Returns ``YYYY-MM-DD`` or None.
    """
    from tacitus.ingest.dateline import match_dateline  # the dateline module imports this one

    lines = _non_empty_lines(text)
    closing = _closing_date(lines)
    if closing:
        return closing[0].isoformat()

    stamp = _stamp_date(lines)
    stamp_full = stamp.to_date() if stamp else None

    dateline = match_dateline(text)
    if dateline is not None and dateline.date is not None:
        full = dateline.date.to_date()
        if full is None and dateline.date.year is None:
            if stamp_full is not None:
                full = _complete_year(dateline.date, stamp_full)
            elif year is not None:
                full = dateline.date.with_year(year)
        if full is not None:
            return full.isoformat()

    if stamp_full is not None:
        return stamp_full.isoformat()
    if stamp is not None and year is not None:
        full = stamp.with_year(year)
        return full.isoformat() if full else None
    return None
