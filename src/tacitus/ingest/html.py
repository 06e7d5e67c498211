"""HTML pages: main text, title, date, URL and site name, extracted with trafilatura."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from tacitus.ingest.dates import normalize_iso_date

logger = logging.getLogger(__name__)

# Precision over recall: a stray navigation line or comment in the text would be coded as news.
# Date search stays in the page's metadata and markup (no guessing from arbitrary text): the
# article text itself is searched later, by our own rules.
EXTRACTION_OPTIONS = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": False,
    "with_metadata": True,
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}


@dataclass
class HtmlExtract:
    """What trafilatura found in a page; any field may be None."""

    text: str | None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None


def extract_html(content: bytes | str) -> HtmlExtract:
    """Extract the main text and metadata of one HTML page.

    Reads the page as bytes (trafilatura then detects the encoding) or text. Returns an
    :class:`HtmlExtract`; its ``text`` is None when no main text was found. Exceptions from the
    parser propagate; the reader turns them into E109.
    """
    import trafilatura  # slow to import; only HTML inputs need it

    doc = trafilatura.bare_extraction(content, **EXTRACTION_OPTIONS)
    if doc is None:
        return HtmlExtract(text=None)
    get = doc.get if isinstance(doc, dict) else lambda name: getattr(doc, name, None)
    date = get("date")
    published = normalize_iso_date(date) if isinstance(date, str) else None
    if date and published is None:
        logger.debug("ignoring unreadable HTML date %r", date)
    return HtmlExtract(
        text=get("text") or None,
        title=get("title") or None,
        published=published,
        url=get("url") or None,
        source=get("sitename") or None,
    )
