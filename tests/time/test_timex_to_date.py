"""timex_to_date: from TIMEX3 values to (date, precision) for event dating."""

from __future__ import annotations

import pytest

from tacitus.model import Timex
from tacitus.time import find_timexes, timex_to_date


def timex(type_: str, value: str | None) -> Timex:
    return Timex(0, 1, "x", type_, value)


@pytest.mark.parametrize("type_, value, expected", [
    ("DATE", "2018-02-20", ("2018-02-20", "day")),
    ("TIME", "2018-02-20T15:00", ("2018-02-20", "day")),
    ("TIME", "2018-02-20TNI", ("2018-02-20", "day")),
    ("DATE", "2014-11", ("2014-11", "month")),
    ("DATE", "2015", ("2015", "year")),
    ("DATE", "2015-Q1", ("2015-Q1", "quarter")),
    ("DATE", "2015-SU", ("2015-SU", "season")),
    ("DATE", "2018-W07", ("2018-W07", "week")),
    ("DATE", "199", ("199", "decade")),
    ("DATE", "19", ("19", "century")),
])
def test_calendar_values(type_, value, expected):
    assert timex_to_date(timex(type_, value)) == expected


@pytest.mark.parametrize("type_, value", [
    ("DURATION", "P4Y"), ("SET", "P1W"), ("SET", "XXXX-WXX-2"), ("DATE", "PAST_REF"), ("DATE", "PRESENT_REF"),
    ("DATE", "XXXX-XX-XX"), ("DATE", "XXXX-WXX-2"), ("DATE", None),
])
def test_no_calendar_anchor(type_, value):
    assert timex_to_date(timex(type_, value)) is None


def test_dates_an_event_from_text():
    t = find_timexes("Pakistan and Russia agreed on Tuesday to form a commission.", "2018-02-21")[0]
    assert timex_to_date(t) == ("2018-02-20", "day")
