"""Building an :class:`Article` from text: normalization, size checks, publication date, dateline."""

from __future__ import annotations

import logging
import re
import unicodedata
from typing import Any

from tacitus.errors import E_BAD_DATE, E_EMPTY_ARTICLE, E_TOO_LONG, InputError
from tacitus.ingest.dateline import find_dateline
from tacitus.ingest.dates import find_publication_date, find_publication_paper, validate_published
from tacitus.model import Article, ArticleError

logger = logging.getLogger(__name__)

# The default limit on an article's length (every reader and the Pipeline take ``max_chars``). A news
# story over a million characters is a dump of many stories or a broken extraction, so by default it is
# reported (E108) rather than coded; longer articles can be allowed, and the Pipeline codes them in chunks.
MAX_ARTICLE_CHARS = 1_000_000


class _DefaultLimit:
    """The ``max_chars`` of every reader when none is given: MAX_ARTICLE_CHARS as it is when called."""

    def __repr__(self) -> str:
        return "MAX_ARTICLE_CHARS"


DEFAULT_LIMIT: Any = _DefaultLimit()


def resolve_limit(max_chars: int | None) -> int | None:
    """The article length limit that ``max_chars`` stands for (None: no limit)."""
    return MAX_ARTICLE_CHARS if max_chars is DEFAULT_LIMIT else max_chars

BOM = "\ufeff"
# A JSON "\ud800" escape decodes to a lone surrogate, which no UTF-8 writer accepts: found by fuzzing,
# it crashed the output of a whole batch. Each one becomes U+FFFD, so offsets do not move.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_lone_surrogates(text: str) -> str:
    """``text`` with every lone surrogate code point replaced by U+FFFD (same length)."""
    return LONE_SURROGATE.sub("\ufffd", text)


def normalize_text(text: str) -> str:
    """Normalize article text so that every later offset refers to the same characters.

    Reads raw decoded text; returns it without a leading byte-order mark, with ``\\r\\n`` and ``\\r``
    turned into ``\\n``, lone surrogates replaced by U+FFFD, in Unicode NFC (so "e" + combining accent
    is one character, as spaCy and regexes expect), and stripped of surrounding whitespace.
    """
    if text.startswith(BOM):
        text = text[1:]
    text = replace_lone_surrogates(text.replace("\r\n", "\n").replace("\r", "\n"))
    return unicodedata.normalize("NFC", text).strip()


def input_error(code: str, problem: str, *, input: str, line: int | None = None) -> ArticleError:
    """An :class:`ArticleError` whose message names the input, the line (if any) and the problem.

    The message has the same "where: what" form as :class:`tacitus.errors.InputError` (without the code,
    which the record carries in its own field).
    """
    message = str(InputError(problem, code=code, input=input, line=line)).split(": ", 1)[1]
    return ArticleError(code=code, message=message, input=input, line=line)


def error_article(id: str, error: ArticleError, *, origin: str | None = None) -> Article:
    """An Article that stands for an input that could not be read: empty text and one error.

    Logs the error as a warning, since the run goes on with the other inputs.
    """
    logger.warning("%s: %s", error.code, error.message)
    return Article(id=id, text="", origin=origin if origin is not None else id, errors=[error])


def is_error_article(article: Article) -> bool:
    """True when ``article`` stands for an unreadable input: it has errors and no text."""
    return not article.text and bool(article.errors)


def article_from_text(
    text: str,
    *,
    id: str,
    published: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    origin: str | None = None,
    published_from: str | None = None,
    max_chars: int | None = DEFAULT_LIMIT,
) -> Article:
    """Build an Article from the text of one story and what is known about it.

    Reads ``text`` (normalized with :func:`normalize_text`; offsets in the result refer to
    ``article.text``) and the metadata. ``published`` is a trusted date (YYYY-MM-DD) with its
    provenance in ``published_from`` ("argument" when not given); without it, the date is looked
    for in the text (:func:`find_publication_date`) and ``published_from`` is "text". A closing
    "Published in <paper>" line fills ``source`` when none is given. The dateline goes to
    ``article.dateline``.

    Returns the Article. Text that is empty or over ``max_chars`` (None: no limit) gives instead an
    Article with empty text and an error (E105, E108), whose id is ``origin`` (else ``id``): error
    articles are named after the input. Raises :class:`tacitus.errors.UsageError` for a
    ``published`` value that is not an ISO date.
    """
    published = validate_published(published)
    where = origin if origin is not None else id
    text = normalize_text(text)
    if not text:
        return error_article(where, input_error(E_EMPTY_ARTICLE, "article text is empty", input=where))
    max_chars = resolve_limit(max_chars)
    if max_chars is not None and len(text) > max_chars:
        problem = f"article is {len(text):,} characters long, over the limit of {max_chars:,}"
        return error_article(where, input_error(E_TOO_LONG, problem, input=where))

    article = Article(id=id, text=text, title=title, url=url, source=source, origin=where)
    if published is not None:
        article.published = published
        article.published_from = published_from or "argument"
    else:
        found = find_publication_date(text)
        if found is not None:
            article.published = found
            article.published_from = "text"
    if article.source is None:
        article.source = find_publication_paper(text)
    article.dateline = find_dateline(text)
    return article


def bad_date_error(value: object, *, input: str, line: int | None = None) -> ArticleError:
    """The E110 error for a publication date that could not be read (the article is kept)."""
    problem = f"cannot read publication date {value!r}; using the text instead"
    return input_error(E_BAD_DATE, problem, input=input, line=line)
