"""Ingest: read inputs, code the articles the store lacks, store the results.

The coding step is one function, :func:`code_articles` (Articles in, output-contract records out), so
that a distributed runner with the same signature can replace it (``ingest_inputs(..., coder=...)``).
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator

from tacitus.model import Article
from tacitus.parse import DEFAULT_MODEL
from tacitus.store.records import record_from_article
from tacitus.store.store import DEFAULT_BATCH_SIZE, IngestReport, Store

log = logging.getLogger(__name__)

Coder = Callable[..., Iterable[dict[str, Any]]]


@lru_cache(maxsize=2)
def _pipeline(model: str, batch_size: int):
    # Loading a spaCy model takes seconds; a process that ingests several times loads it once.
    from tacitus.pipeline import Pipeline

    return Pipeline(model=model, batch_size=batch_size)


def code_articles(articles: Iterable[Article], *, model: str = DEFAULT_MODEL,
                  batch_size: int = 32) -> Iterator[dict[str, Any]]:
    """Code Articles with the local pipeline; yields one store record (contract dict + text) per article."""
    for article in _pipeline(model, batch_size).pipe(articles):
        yield record_from_article(article)


def ingest_inputs(store: Store, inputs: Iterable[str], *, published: str | None = None,
                  model: str = DEFAULT_MODEL, batch_size: int = DEFAULT_BATCH_SIZE, coder: Coder = code_articles,
                  on_record: Callable[[dict[str, Any]], None] | None = None) -> IngestReport:
    """Read ``inputs`` (paths, directories, ``-``), code what the store lacks, store it batch by batch.

    Articles whose content is stored already are not coded again; unreadable inputs are reported in
    the returned report's ``failed`` and the others still run. ``on_record`` is called with each
    coded record (e.g. to advance a progress bar).
    """
    from tacitus.ingest import read_inputs

    report = IngestReport()
    articles = store.pending(read_inputs(inputs, published=published), report)

    def records() -> Iterator[dict[str, Any]]:
        for record in coder(articles, model=model):
            if on_record is not None:
                on_record(record)
            yield record

    report.merge(store.add_coded(records(), batch_size=batch_size))
    return report
