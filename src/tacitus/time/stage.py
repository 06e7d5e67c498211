"""The time stage: every time expression of the article, normalized against its publication date."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from ..model import Article
from . import find_timexes
from .grammar import LEX
from .rules import FUTURE_AUX, FUTURE_PRESENT

# Auxiliaries that put a verb ahead of the story ("will discuss", "shall meet").
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo"})
# How many heads up from a weekday its verb may be ("Sunday" -> "on" -> "meeting" -> "at" -> "discuss").
VERB_HOPS = 5
# The dependencies a weekday may hang from its verb by, for a present tense to date it: directly, or as
# the object of a preposition on the verb ("goes to the polls on Thursday").
DIRECT_DEPS = frozenset({"npadvmod", "tmod", "obl", "pobj", "dobj", "attr"})


class TimeStage:
    """Sets ``Article.timexes`` (with the sentence each expression is in)."""

    name = "time"
    requires = ("text", "published", "sentences")
    assigns = ("timexes",)

    def __call__(self, article: Article) -> Article:
        future_at = parse_future(article.doc) if article.doc is not None else None
        timexes = find_timexes(article.text, article.published, future_at=future_at)
        starts = [s.start for s in article.sentences]
        for timex in timexes:
            position = bisect.bisect_right(starts, timex.start) - 1
            timex.sentence = article.sentences[position].index if position >= 0 else 0
        article.timexes = timexes
        return article


def parse_future(doc) -> Callable[[int, int], int]:
    """Read a spaCy parse; return ``future_at(start, end)`` for the time rules (``Context.future_at``).

    It finds the verb the expression at those offsets hangs from and says FUTURE_AUX when that verb
    has "will"/"shall", FUTURE_PRESENT when it is a present tense that does not report speech or
    belief and the expression hangs from it directly or through one preposition, else 0. A weekday
    that owns a noun ("Sunday's attack is the latest ...") is left alone.
    """

    def future_at(start: int, end: int) -> int:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return 0
        node = span.root
        if node.dep_ == "poss" or any(c.dep_ == "case" for c in node.children):
            return 0
        direct = True
        for _ in range(VERB_HOPS):
            if node.head.i == node.i:
                return 0
            dep, node = node.dep_, node.head
            if node.pos_ in ("VERB", "AUX"):
                break
            # A preposition between keeps the link direct; a noun ("a meeting on Sunday") does not.
            direct = direct and node.pos_ == "ADP" and dep in DIRECT_DEPS
        else:
            return 0
        auxiliaries = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
        if auxiliaries & FUTURE_AUXILIARIES:
            return FUTURE_AUX
        if (direct and not auxiliaries and node.tag_ in ("VBZ", "VBP")
                and node.lemma_.lower() not in LEX.reporting_verbs):
            return FUTURE_PRESENT
        return 0

    return future_at
