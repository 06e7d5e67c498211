"""Calendar arithmetic and TIMEX3 value formatting for the time stage.

Everything here is pure: dates in, value strings out. Granularities are named by the strings
``day``, ``week``, ``weekend``, ``month``, ``quarter``, ``half``, ``season``, ``year``, ``decade``
and ``century``.
"""

from __future__ import annotations

import datetime as dt
import re

ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

# The month each season is taken to start in, for ordering seasons in time.
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def parse_published(published: str | None) -> dt.date | None:
    """Read a publication date ('YYYY-MM-DD', optionally followed by a time); return a date or None."""
    if not published or not isinstance(published, str):
        return None
    m = ISO_DATE.match(published.strip())
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """Return the date, or None when the day does not exist (Feb. 30) or the year is out of range."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def add_months(day: dt.date, months: int) -> dt.date:
    """Move ``day`` by a number of months, clamping the day of the month (Mar. 31 - 1 month = Feb. 28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        moved = safe_date(year, month, d)
        if moved:
            return moved
    return day


def shift(day: dt.date, amount: int, unit: str) -> dt.date:
    """Move ``day`` by ``amount`` units (D, W, M, Q, Y); return the new date (year clamped to 1..9999)."""
    try:
        if unit == "D":
            return day + dt.timedelta(days=amount)
        if unit == "W":
            return day + dt.timedelta(weeks=amount)
        if unit == "M":
            return add_months(day, amount)
        if unit == "Q":
            return add_months(day, 3 * amount)
        if unit == "Y":
            return add_months(day, 12 * amount)
    except (OverflowError, ValueError):
        return day
    return day


def quarter_of(day: dt.date) -> int:
    """Return the calendar quarter (1-4) of a date."""
    return (day.month - 1) // 3 + 1


def quarter_start(day: dt.date) -> dt.date:
    """Return the first day of the calendar quarter that holds ``day``."""
    return dt.date(day.year, 3 * (quarter_of(day) - 1) + 1, 1)


def fmt_day(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def fmt_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def fmt_month(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def fmt_quarter(day: dt.date) -> str:
    return f"{day.year:04d}-Q{quarter_of(day)}"


def fmt_year(day: dt.date) -> str:
    return f"{day.year:04d}"


def fmt_decade(year: int) -> str:
    return f"{year // 10:03d}"


def fmt_century(year: int) -> str:
    return f"{year // 100:02d}"


def format_at(day: dt.date, granularity: str) -> str:
    """Return the TIMEX3 value of the calendar unit of ``granularity`` that contains ``day``."""
    if granularity == "day":
        return fmt_day(day)
    if granularity == "week":
        return fmt_week(day)
    if granularity == "weekend":
        return fmt_week(day) + "-WE"
    if granularity == "month":
        return fmt_month(day)
    if granularity == "quarter":
        return fmt_quarter(day)
    if granularity == "half":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if granularity == "decade":
        return fmt_decade(day.year)
    if granularity == "century":
        return fmt_century(day.year)
    return fmt_year(day)


# Units of relative arithmetic for each granularity ("last week" moves by W).
GRANULARITY_UNIT = {"day": "D", "week": "W", "weekend": "W", "month": "M", "quarter": "Q",
                    "half": "M", "year": "Y", "decade": "Y", "century": "Y"}
GRANULARITY_STEP = {"half": 6, "decade": 10, "century": 100}


def relative_unit(anchor: dt.date, offset: int, granularity: str) -> str:
    """Return the value of the unit ``offset`` steps from the one holding ``anchor`` ("last month": -1)."""
    unit = GRANULARITY_UNIT.get(granularity, "Y")
    step = GRANULARITY_STEP.get(granularity, 1)
    return format_at(shift(anchor, offset * step, unit), granularity)


def weekday_near(anchor: dt.date, weekday: int, direction: int) -> dt.date:
    """Return the date of ISO ``weekday`` nearest ``anchor``.

    direction -1: the most recent such day on or before the anchor; +1: the next one on or after
    it; -2 / +2: strictly before / strictly after (for "last Tuesday", "next Tuesday").
    """
    diff = weekday - anchor.isoweekday()
    if direction == -1:
        return anchor + dt.timedelta(days=diff if diff <= 0 else diff - 7)
    if direction == -2:
        return anchor + dt.timedelta(days=diff if diff < 0 else diff - 7)
    if direction == 2:
        return anchor + dt.timedelta(days=diff if diff > 0 else diff + 7)
    return anchor + dt.timedelta(days=diff if diff >= 0 else diff + 7)


def nearest_year_for(anchor: dt.date, month: int, day: int = 1, prefer: int = 0) -> int:
    """Pick the year for a month (and day) written without one.

    prefer 0: the year that puts the date closest to the anchor (news mostly talks about the
    recent past and near future); -1: the most recent such date on or before the anchor; +1:
    the next one on or after it.
    """
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        date = safe_date(year, month, min(day, 28) if day > 28 else day)
        if date:
            candidates.append((year, (date - anchor).days))
    if prefer < 0:
        past = [c for c in candidates if c[1] <= 0]
        return max(past, key=lambda c: c[1])[0] if past else anchor.year
    if prefer > 0:
        future = [c for c in candidates if c[1] >= 0]
        return min(future, key=lambda c: c[1])[0] if future else anchor.year
    return min(candidates, key=lambda c: abs(c[1]))[0] if candidates else anchor.year


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date | None:
    """Return the n-th ISO ``weekday`` of a month (n = -1: the last one), e.g. Thanksgiving."""
    if n > 0:
        first = safe_date(year, month, 1)
        if not first:
            return None
        offset = (weekday - first.isoweekday()) % 7
        return safe_date(year, month, 1 + offset + 7 * (n - 1))
    nxt = safe_date(year + (month == 12), month % 12 + 1, 1)
    if not nxt:
        return None
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def easter(year: int) -> dt.date:
    """Return Western Easter Sunday of ``year`` (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holiday_date(rule: dict, year: int) -> dt.date | None:
    """Return the date a holiday rule from the lexicon gives in ``year``, or None."""
    if "fixed" in rule:
        return safe_date(year, rule["fixed"][0], rule["fixed"][1])
    if "nth_weekday" in rule:
        month, weekday, n = rule["nth_weekday"]
        return nth_weekday(year, month, weekday, n)
    if "easter" in rule:
        try:
            return easter(year) + dt.timedelta(days=int(rule["easter"]))
        except (ValueError, OverflowError):
            return None
    if rule.get("election"):
        # US Election Day: the Tuesday after the first Monday of November.
        monday = nth_weekday(year, 11, 1, 1)
        return monday + dt.timedelta(days=1) if monday else None
    return None
