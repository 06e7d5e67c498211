"""Event dating: the date each event happened, not the day the story ran.

For each event, in order: a time expression attached to the trigger in the parse ("signed ... in Nov
2014"), else one attached to a verb that governs the trigger ("agreed on Monday to meet"); else the
tense decides: a past-perfect event ("had provided") happened at some unknown time before the story
and gets no date; a simple-past event told in the sentences right after a dated one ("Pakistan and
Russia on Tuesday announced ... The announcement was made after their talks") shares that day, the
narrative time of the story; anything else is dated by the publication date (``date_precision`` says so).
"""

from __future__ import annotations

from datetime import date

from ..model import Article, Event, Timex
from ..time import timex_to_date

# How far up the parse a time expression may sit above the trigger and still date it.
MAX_HOPS = 4
# A narrative date carries to past-tense events at most this many sentences after the one that set it,
# and only when it is a day in the week before publication (the news of the story, not background).
NARRATIVE_SENTENCES = 2
NARRATIVE_DAYS = 7
# Dependencies that carry a time expression's clause up to its verb.
CLAUSE_DEPS = {"xcomp", "conj", "ccomp", "advcl", "pcomp", "relcl", "acl"}


class DatingStage:
    """Sets ``date``, ``date_precision`` and ``date_text`` on every event."""

    name = "dating"
    requires = ("doc", "events", "timexes", "published")
    assigns = ("events",)

    def __call__(self, article: Article) -> Article:
        anchors = _anchor_timexes(article)
        narrative: tuple[int, Timex] | None = None
        for event in article.events:
            timex = date_event(article, event, anchors, narrative)
            if timex is not None and _is_recent_day(timex, article.published):
                narrative = (event.sentence, timex)
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
        # A participle modifying a noun ("attacked a convoy carrying engineers ... on Saturday") rarely
        # owns the date; the clause's verb does, so it is anchored there too. Relative clauses with their
        # own subject ("which invaded Georgia in 2008") keep theirs.
        if node.dep_ == "acl":
            verb = _governing_verb(node.head)
            if verb is not None:
                anchors.setdefault(verb.i, timex)
    return anchors


def date_event(article: Article, event: Event, anchors: dict[int, Timex],
               narrative: tuple[int, Timex] | None = None) -> Timex | None:
    """Set the event's date fields; return the time expression that dated it, if any."""
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
    # Statements and appeals are dated when they were made, the story's own time, not by the narrative.
    if timex is None and token is not None and narrative is not None and event.cameo_root not in ("01", "02") \
            and _simple_past(token) \
            and 0 <= event.sentence - narrative[0] <= NARRATIVE_SENTENCES:
        timex = narrative[1]
    if timex is not None:
        value, precision = timex_to_date(timex)
        event.date, event.date_precision, event.date_text = value, precision, timex.text
        return timex
    if token is not None and _past_perfect(token):
        event.date, event.date_precision, event.date_text = None, "before_publication", None
        return None
    event.date = article.published
    event.date_precision = "publication" if article.published else None
    event.date_text = None
    return None


def _is_recent_day(timex: Timex, published: str | None) -> bool:
    found = timex_to_date(timex)
    if not published or found is None or found[1] != "day":
        return False
    try:
        days = (date.fromisoformat(published) - date.fromisoformat(found[0])).days
    except ValueError:
        return False
    return 0 <= days <= NARRATIVE_DAYS


def _governing_verb(token):
    node = token
    for _ in range(MAX_HOPS):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _simple_past(token) -> bool:
    """The trigger (or the verb that carries a nominal trigger) is in the simple past, active or passive."""
    verb = _governing_verb(token)
    if verb is None:
        return False
    if _past_perfect(verb):
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.dep_ in ("auxpass", "aux") and c.lower_ in ("was", "were") for c in verb.children)


def _past_perfect(token) -> bool:
    """"had provided": background before the story's time, not news of the day."""
    for node in (token, token.head):
        aux = [c for c in node.children if c.dep_ == "aux"]
        if any(a.lower_ in ("had", "'d") for a in aux) and node.tag_ == "VBN":
            return True
    return False
