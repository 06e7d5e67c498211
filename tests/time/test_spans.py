"""Span edges: what TimeML keeps outside a time expression, and the select step on long texts."""

from __future__ import annotations

from tacitus.time import find_timexes
from tacitus.time.recognize import Candidate, select_candidates

# A Wednesday.
PUBLISHED = "2018-02-21"


def spans(text: str, published: str = PUBLISHED) -> dict[str, tuple[str, str | None, str | None]]:
    """Map each found span's text to (type, value, mod)."""
    return {t.text: (t.type, t.value, t.mod) for t in find_timexes(text, published)}


def test_possessive_stays_outside_weekday_and_day_word():
    got = spans("Friday's vote and today's session were calm.")
    assert got == {"Friday": ("DATE", "2018-02-16", None), "today": ("DATE", "2018-02-21", None)}


def test_possessive_before_a_part_of_day_is_dropped_too():
    got = spans("It came up in Saturday night's debate.")
    assert got == {"Saturday night": ("TIME", "2018-02-17TNI", None)}


def test_preposition_outside_a_duration_keeps_its_mod():
    got = spans("Inspectors will finish within 18 months, after a tour of over a week.")
    assert got["18 months"] == ("DURATION", "P18M", "EQUAL_OR_LESS")
    assert got["a week"] == ("DURATION", "P1W", "MORE_THAN")


def test_preposition_before_the_past_gives_no_bound():
    got = spans("Threats became routine over the past decade.")
    assert "the past decade" in got
    assert got["the past decade"][2] is None


def test_verb_last_is_not_a_head_of_a_duration():
    assert "a week" in spans("The tour is likely to last over a week.")


def test_by_stays_outside_year_end():
    assert spans("The deal should close by year-end.") == {"year-end": ("DATE", "2018", "END")}


def test_determiner_of_a_quarter_adjective_stays_outside():
    got = spans("The company posted a third-quarter loss and its fourth quarter looks weak.")
    assert set(got) == {"third-quarter", "fourth quarter"}


def test_the_stays_inside_a_quarter_noun():
    assert spans("Sales rose in the fourth quarter of 2017.") == {"the fourth quarter of 2017": ("DATE", "2017-Q4", None)}


def test_comparative_before_weekday_stays_outside_but_keeps_the_day():
    # "Earlier Friday" in a Saturday story: the Friday just gone.
    got = spans("Earlier Friday, police sealed the road.", "2018-02-24")
    assert got == {"Friday": ("DATE", "2018-02-23", None)}


def test_the_before_bare_plural_unit_stays_outside():
    got = spans("His car was seen in the weeks before the shooting.")
    assert set(got) == {"weeks"}


def test_select_keeps_longest_without_overlap_on_many_candidates():
    # Nested and chained candidates: the select step must keep the same choice a pairwise scan makes.
    cands = []
    for i in range(0, 3000, 10):
        cands.append(Candidate(i, i + 8, 0, None))   # long
        cands.append(Candidate(i + 2, i + 5, 1, None))  # inside the long one
        cands.append(Candidate(i + 7, i + 12, 2, None))  # bridges this long one and the next
    chosen = select_candidates(cands)
    for a, b in zip(chosen, chosen[1:]):
        assert a.end <= b.start
    # The 8-character spans win every time; the 5-character bridges lose to them.
    assert all(c.end - c.start == 8 for c in chosen)
    assert len(chosen) == 300
