"""The time stage: every time expression of the article, normalized against its publication date."""

from __future__ import annotations

import bisect

from ..model import Article
from . import find_timexes


class TimeStage:
    """Sets ``Article.timexes`` (with the sentence each expression is in)."""

    name = "time"
    requires = ("text", "published", "sentences")
    assigns = ("timexes",)

    def __call__(self, article: Article) -> Article:
        timexes = find_timexes(article.text, article.published)
        starts = [s.start for s in article.sentences]
        for timex in timexes:
            position = bisect.bisect_right(starts, timex.start) - 1
            timex.sentence = article.sentences[position].index if position >= 0 else 0
        article.timexes = timexes
        return article
