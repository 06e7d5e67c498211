"""Event dating: the date each event happened, not the day the story ran.

For each event, in order: a time expression attached to the trigger in the parse ("signed ... in Nov
2014"), else one attached to a verb that governs the trigger ("agreed on Monday to meet"); else the
tense decides: a past-perfect event ("had provided") happened at some unknown time before the story
and gets no date, anything else is dated by the publication date (``date_precision`` says so).
"""

from __future__ import annotations

from ..model import Article, Event, Timex
from ..time import timex_to_date

# How far up the parse a time expression may sit above the trigger and still date it.
MAX_HOPS = 4
# Dependencies that carry a time expression's clause up to its verb.
CLAUSE_DEPS = {"xcomp", "conj", "ccomp", "advcl", "pcomp", "relcl", "acl"}


class DatingStage:
    """Sets ``date``, ``date_precision`` and ``date_text`` on every event."""

    name = "dating"
    requires = ("doc", "events", "timexes", "published")
    assigns = ("events",)

    def __call__(self, article: Article) -> Article:
        anchors = _anchor_timexes(article)
        for event in article.events:
            date_event(article, event, anchors)
        return article


def _anchor_timexes(article: Article) -> dict[int, Timex]:
    """Map the token each calendar time expression hangs from (its first verb or noun up the tree) to it."""
    doc = article.doc
    anchors: dict[int, Timex] = {}
    for timex in article.timexes:
        if timex_to_date(timex) is None:
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            continue
        node = span.root
        for _ in range(MAX_HOPS + 2):
            if node.head.i == node.i:
                break
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                break
        anchors.setdefault(node.i, timex)
    return anchors


def date_event(article: Article, event: Event, anchors: dict[int, Timex]) -> None:
    doc = article.doc
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    token = span.root if span is not None else None
    timex = None
    node = token
    hops = 0
    while node is not None and hops <= MAX_HOPS:
        if node.i in anchors:
            timex = anchors[node.i]
            break
        if node.head.i == node.i or (hops and node.dep_ not in CLAUSE_DEPS and node.pos_ in ("VERB", "AUX")):
            break
        node = node.head
        hops += 1
    if timex is not None:
        value, precision = timex_to_date(timex)
        event.date, event.date_precision, event.date_text = value, precision, timex.text
        return
    if token is not None and _past_perfect(token):
        event.date, event.date_precision, event.date_text = None, "before_publication", None
        return
    event.date = article.published
    event.date_precision = "publication" if article.published else None
    event.date_text = None


def _past_perfect(token) -> bool:
    """"had provided": background before the story's time, not news of the day."""
    for node in (token, token.head):
        aux = [c for c in node.children if c.dep_ == "aux"]
        if any(a.lower_ in ("had", "'d") for a in aux) and node.tag_ == "VBN":
            return True
    return False
