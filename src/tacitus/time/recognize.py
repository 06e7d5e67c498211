"""Finding time expressions: match every rule, choose among overlapping candidates, then resolve.

Deciding and writing are separate steps, as elsewhere in Tacitus: :func:`match_candidates` lists
every pattern hit that passes its rule's context-free check (running each pattern only near its
trigger words, found in one pass over the text's tokens); :func:`select_candidates` keeps the
longest non-overlapping ones; :func:`resolve_candidates` normalizes them in text order, threading
the discourse state (last quarter, last date) from one to the next.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
from dataclasses import dataclass

from tacitus.model import Timex
from tacitus.time.grammar import TOKEN_RE, TRIGGER_CLASSES
from tacitus.time.rules import RULES, Context, Rule

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Candidate:
    """One pattern hit: its span, the rule that found it (by index, lower = preferred) and the match."""

    start: int
    end: int
    rule: int
    match: re.Match


# How far around a trigger word a time expression can reach: the longest heads run before the
# unit ("at least the first two quarters", "approximately the past twenty-four hours") and the
# longest tails after it ("Q3 of fiscal 2015", "5 p.m. EST, Nov. 6").
WINDOW_BEFORE = 100
WINDOW_AFTER = 60


def trigger_positions(text: str) -> dict[str, list[tuple[int, int]]]:
    """Return, per trigger class, the spans of the words of ``text`` in it ("digit" for numbers)."""
    found: dict[str, list[tuple[int, int]]] = {}
    for m in TOKEN_RE.finditer(text):
        token = m.group().lower()
        if token[0].isdigit():
            classes = DIGIT_CLASS
        else:
            classes = TRIGGER_CLASSES.get(token, NO_CLASS)
            if token.endswith("s"):
                # Plurals ("months", "Mondays") trigger what their singular does.
                classes = classes | TRIGGER_CLASSES.get(token[:-1], NO_CLASS)
            if not classes:
                continue
        for cls in classes:
            found.setdefault(cls, []).append(m.span())
    return found


DIGIT_CLASS = frozenset({"digit"})
NO_CLASS: frozenset[str] = frozenset()


def trigger_windows(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the merged stretches of ``text`` around the trigger ``spans`` (in text order), where a rule can match."""
    windows: list[tuple[int, int]] = []
    for span_start, span_end in spans:
        start, end = max(0, span_start - WINDOW_BEFORE), span_end + WINDOW_AFTER
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    # End each window on whitespace, so that no pattern sees a word cut in two as a text end.
    out = []
    for start, end in windows:
        while end < len(text) and not text[end].isspace():
            end += 1
        out.append((start, min(end, len(text))))
    return out


def match_candidates(text: str, rules: tuple[Rule, ...] = RULES) -> list[Candidate]:
    """Run every rule's pattern near its trigger words in ``text``; return the hits whose rule check accepts them.

    A rule with no triggers runs over the whole text.
    """
    found: list[Candidate] = []
    positions = trigger_positions(text)
    windows_for: dict[frozenset[str], list[tuple[int, int]]] = {}
    for index, rule in enumerate(rules):
        if not rule.triggers:
            windows = [(0, len(text))]
        elif rule.triggers in windows_for:
            windows = windows_for[rule.triggers]
        else:
            spans = sorted(span for cls in rule.triggers for span in positions.get(cls, ()))
            windows = windows_for[rule.triggers] = trigger_windows(text, spans)
        for win_start, win_end in windows:
            for m in rule.pattern.finditer(text, win_start, win_end):
                start, end = rule.span(m) if rule.span is not None else m.span(rule.group)
                if end <= start:
                    continue
                try:
                    if rule.check is not None and not rule.check(m, text):
                        continue
                except (KeyError, ValueError, IndexError) as exc:
                    logger.debug("rule %s check failed on %r: %s", rule.name, m.group(0), exc)
                    continue
                found.append(Candidate(start, end, index, m))
    return found


def select_candidates(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the longest candidates that do not overlap (ties: earlier rule, then earlier start), in text order."""
    chosen: list[Candidate] = []
    # The spans taken so far never overlap, so sorted by start they are sorted by end too: a new
    # span overlaps one of them only if it overlaps its neighbours in that order (a linear scan
    # made long texts quadratic).
    starts: list[int] = []
    ends: list[int] = []
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), c.rule, c.start)):
        i = bisect.bisect_right(starts, cand.start)
        if (i and ends[i - 1] > cand.start) or (i < len(starts) and starts[i] < cand.end):
            continue
        chosen.append(cand)
        starts.insert(i, cand.start)
        ends.insert(i, cand.end)
    return sorted(chosen, key=lambda c: c.start)


def resolve_candidates(text: str, chosen: list[Candidate], dct: dt.date | None,
                       rules: tuple[Rule, ...] = RULES, future_at=None) -> list[Timex]:
    """Normalize the chosen candidates in text order; return one Timex per candidate that resolves.

    ``future_at`` is the parse's reading of tense (see ``Context.future_at``), when there is a parse.
    """
    ctx = Context(text=text, dct=dct, future_at=future_at)
    out: list[Timex] = []
    for cand in chosen:
        rule = rules[cand.rule]
        ctx.position = cand.start
        try:
            res = rule.resolve(cand.match, ctx)
        except (KeyError, ValueError, IndexError, OverflowError, TypeError, AttributeError) as exc:
            # A rule that cannot read its own match is a bug to log, not a reason to fail the article.
            logger.warning("time rule %s failed on %r: %s", rule.name, cand.match.group(0), exc)
            continue
        if res is None:
            continue
        if rule.name in ("quarter", "q_code", "period"):
            ctx.last_quarter_end = cand.end
        if res.anchor is not None and res.anchor[0] is not None and res.type in ("DATE", "TIME"):
            ctx.anchor = res.anchor
        out.append(Timex(cand.start, cand.end, text[cand.start:cand.end], res.type, res.value, mod=res.mod))
    return out
