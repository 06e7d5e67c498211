"""Tacitus ingest stage: inputs (text, HTML, JSON Lines, directories, stdin) to Articles.

Reads files and streams; sets ``Article.text`` (normalized), ``id``, ``title``, ``url``,
``source``, ``origin``, ``published`` with ``published_from``, ``dateline`` and, for unreadable
inputs, ``errors`` (E1xx codes of :mod:`tacitus.errors`).
"""

from tacitus.ingest.article import MAX_ARTICLE_CHARS, article_from_text, is_error_article, normalize_text
from tacitus.ingest.dateline import find_dateline, match_dateline
from tacitus.ingest.dates import find_publication_date
from tacitus.ingest.readers import count_inputs, read_inputs

__all__ = [
    "MAX_ARTICLE_CHARS",
    "article_from_text",
    "count_inputs",
    "find_dateline",
    "find_publication_date",
    "is_error_article",
    "match_dateline",
    "normalize_text",
    "read_inputs",
]
