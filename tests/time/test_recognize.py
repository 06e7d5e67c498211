"""Trigger windows must not change what the rules find: they only skip text no rule can match."""

from __future__ import annotations

from tacitus.time.recognize import Candidate, match_candidates, trigger_positions
from tacitus.time.rules import RULES, RULES_WITH_FORMER

PARAGRAPH = (
    "Net income rose 12% in the third quarter to $5 million from $4 million a year earlier, the "
    "company said Tuesday. Over the past two months, and in recent years, sales have doubled; "
    "the board meets again on Nov. 6, 2018 at 10:30 a.m. EST and every Monday morning. In March, "
    "the former chairman bought shares; nineteen ninety-six was a good year, as were the 1980s "
    "and the early twenties. The offer expires at midnight Friday, or sometime next week, before "
    "Christmas. Currently, officials say the next couple of years will be hard; until now, daily "
    "volume ran about 2 1/2 hours a day for three-year-olds' programs, for decades."
)


def full_scan(text: str, rules) -> list[tuple[int, int, int]]:
    """What the rules find when every pattern runs over the whole text."""
    found = []
    for index, rule in enumerate(rules):
        for m in rule.pattern.finditer(text):
            start, end = m.span(rule.group)
            if end > start and (rule.check is None or rule.check(m, text)):
                found.append((start, end, index))
    return sorted(found)


def spans(candidates: list[Candidate]) -> list[tuple[int, int, int]]:
    return sorted((c.start, c.end, c.rule) for c in candidates)


def test_windowed_matching_finds_what_a_full_scan_finds():
    assert spans(match_candidates(PARAGRAPH, RULES)) == full_scan(PARAGRAPH, RULES)
    assert spans(match_candidates(PARAGRAPH, RULES_WITH_FORMER)) == full_scan(PARAGRAPH, RULES_WITH_FORMER)


def test_plural_time_words_trigger_their_singular_class():
    positions = trigger_positions("for months and on Mondays")
    assert "unit" in positions and "weekday" in positions


def test_text_without_time_words_triggers_nothing():
    assert trigger_positions("The minister spoke to reporters.") == {}
    assert match_candidates("The minister spoke to reporters.") == []
