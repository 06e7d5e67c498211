"""Word lists the ingest heuristics need, read once from ``tacitus/data/ingest/``.

Each list is a plain-text file, one entry per line, ``#`` starting a comment; each file says
where its entries come from.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from importlib import resources

from tacitus.errors import E_BAD_DATA, ModelError

logger = logging.getLogger(__name__)

DATA_PACKAGE = "tacitus"
DATA_DIR = ("data", "ingest")


def _read_list(filename: str) -> tuple[str, ...]:
    """Read a one-entry-per-line list from the ingest data folder.

    Returns the entries in file order, stripped, without comments and blank lines. Raises
    :class:`ModelError` (E202) when the file is missing or holds no entries.
    """
    path = resources.files(DATA_PACKAGE).joinpath(*DATA_DIR, filename)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ModelError(f"cannot read ingest data file {filename}: {exc}", code=E_BAD_DATA) from exc
    entries = []
    for line in raw.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    if not entries:
        raise ModelError(f"ingest data file {filename} has no entries", code=E_BAD_DATA)
    logger.debug("loaded %d entries from %s", len(entries), filename)
    return tuple(entries)


@lru_cache(maxsize=None)
def news_agencies() -> frozenset[str]:
    """The agency and photo-service names of ``agencies.txt`` (case as written)."""
    return frozenset(_read_list("agencies.txt"))


@lru_cache(maxsize=None)
def dateline_cities() -> frozenset[str]:
    """The city names of ``dateline_cities.txt``, case-folded for lookup."""
    return frozenset(name.casefold() for name in _read_list("dateline_cities.txt"))
