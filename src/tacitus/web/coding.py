"""One lazily loaded pipeline per app: the spaCy model loads on the first article, not per request.

The pipeline's stages are not written for concurrent use, so articles are coded one at a time under
a lock; requests wait their turn (and the app's per-request time limit bounds the wait).
"""

from __future__ import annotations

import logging
import threading
from typing import Any, Callable

from ..ingest import article_from_text, is_error_article
from ..model import Article
from ..parse import DEFAULT_MODEL

log = logging.getLogger(__name__)


class Coder:
    """Codes one text at a time with a pipeline built on first use.

    ``pipeline`` may be given ready-made (any callable ``article -> article``, e.g. a
    :class:`tacitus.Pipeline`); otherwise ``Pipeline(model=model)`` is built once, when the first
    article arrives.
    """

    def __init__(self, model: str = DEFAULT_MODEL, pipeline: Callable[[Article], Article] | None = None):
        self.model = model
        self._pipeline = pipeline
        self._load_lock = threading.Lock()
        self._run_lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._pipeline is not None

    def pipeline(self) -> Callable[[Article], Article]:
        """The pipeline, built on the first call (raises :class:`tacitus.ModelError` when the model is missing)."""
        if self._pipeline is None:
            with self._load_lock:
                if self._pipeline is None:
                    from ..pipeline import Pipeline

                    log.info("loading spaCy model %s", self.model)
                    self._pipeline = Pipeline(model=self.model)
        return self._pipeline

    def code(self, text: str, published: str | None = None, *, id: str = "text", title: str | None = None,
             **metadata: Any) -> Article:
        """Read ``text`` as one article and code it. Raises :class:`tacitus.UsageError` for a bad
        ``published``; an unreadable text (empty, too long) comes back as an Article with errors."""
        article = article_from_text(text, id=id, published=published, title=title, origin=id, **metadata)
        if is_error_article(article):
            return article
        pipeline = self.pipeline()
        with self._run_lock:
            return pipeline(article)
