"""Finding time expressions: match every rule, choose among overlapping candidates, then resolve.

Deciding and writing are separate steps, as elsewhere in Tacitus: :func:`match_candidates` lists
every pattern hit that passes its rule's context-free check; :func:`select_candidates` keeps the
longest non-overlapping ones; :func:`resolve_candidates` normalizes them in text order, threading
the discourse state (last quarter, last date) from one to the next.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

from tacitus.model import Timex
from tacitus.time.rules import RULES, Context, Rule

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Candidate:
    """One pattern hit: its span, the rule that found it (by index, lower = preferred) and the match."""

    start: int
    end: int
    rule: int
    match: re.Match


def match_candidates(text: str, rules: tuple[Rule, ...] = RULES) -> list[Candidate]:
    """Run every rule's pattern over ``text``; return the hits whose rule check accepts them."""
    found: list[Candidate] = []
    for index, rule in enumerate(rules):
        for m in rule.pattern.finditer(text):
            start, end = m.span(rule.group)
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
    taken: list[tuple[int, int]] = []
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), c.rule, c.start)):
        if any(cand.start < e and s < cand.end for s, e in taken):
            continue
        chosen.append(cand)
        taken.append((cand.start, cand.end))
    return sorted(chosen, key=lambda c: c.start)


def resolve_candidates(text: str, chosen: list[Candidate], dct: dt.date | None,
                       rules: tuple[Rule, ...] = RULES) -> list[Timex]:
    """Normalize the chosen candidates in text order; return one Timex per candidate that resolves."""
    ctx = Context(text=text, dct=dct)
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
