"""What the API and the pages show, computed once for both: coded articles and the store's data.

Every function here reads the Coder or the Store through their public methods and returns plain
data; :mod:`tacitus.web.api` sends it as JSON, :mod:`tacitus.web.pages` renders it. No SQL here:
the Store owns the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..errors import TacitusError, UsageError
from ..output import article_to_dict
from .coding import Coder
from .limits import E_NOT_FOUND

# Filter values as `tacitus query` takes them; checked here so a bad one is a clear 400/422 naming it.
CODE_RE = re.compile(r"[A-Z0-9]{3,15}")
DYAD_RE = re.compile(r"([A-Z0-9]{3,15})-([A-Z0-9]{3,15})")
CAMEO_RE = re.compile(r"\d{2,4}")
DATE_RE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

MAX_PAGE = 500
DEFAULT_PAGE = 50
# How many events the actor network reads at most (see the report's note on a Store aggregate).
NETWORK_EVENTS = 20_000

class StoreUnavailable(TacitusError):
    """The app runs without a store, so there is nothing to query."""

    code = "E300"
    status = 503


class NotFound(UsageError):
    """A request for a record that the store does not hold."""

    code = E_NOT_FOUND
    status = 404


@dataclass
class EventFilters:
    """The filters of `tacitus query`, as the API's query parameters carry them."""

    source: str | None = None
    target: str | None = None
    dyad: str | None = None
    cameo: str | None = None
    root: str | None = None
    quad: int | None = None
    date_from: str | None = None
    date_to: str | None = None
    text: str | None = None

    def __post_init__(self) -> None:
        for name in ("source", "target", "dyad", "cameo", "root", "date_from", "date_to", "text"):
            value = getattr(self, name)
            if isinstance(value, str):
                value = value.strip() or None
                if name in ("source", "target", "dyad") and value:
                    value = value.upper()
                setattr(self, name, value)
        checks = (("source", CODE_RE), ("target", CODE_RE), ("dyad", DYAD_RE), ("cameo", CAMEO_RE),
                  ("root", CAMEO_RE), ("date_from", DATE_RE), ("date_to", DATE_RE))
        for name, pattern in checks:
            value = getattr(self, name)
            if value is not None and not pattern.fullmatch(value):
                label = {"date_from": "from", "date_to": "to"}.get(name, name)
                raise UsageError(f"filter {label}={value!r} is not valid (expected {_EXPECTED[name]})")
        if self.root is not None and len(self.root) != 2:
            raise UsageError(f"filter root={self.root!r} is not valid (expected a two-digit CAMEO root, e.g. 04)")
        if self.quad is not None and self.quad not in (1, 2, 3, 4):
            raise UsageError(f"filter quad={self.quad!r} is not valid (expected 1, 2, 3 or 4)")
        if self.text is not None and len(self.text) > 200:
            raise UsageError("filter text is over 200 characters")

    def as_params(self) -> dict[str, Any]:
        """The filters that are set, under their URL names (``from``/``to`` for the dates)."""
        names = {"date_from": "from", "date_to": "to"}
        return {names.get(k, k): v for k, v in self.__dict__.items() if v is not None}

    def as_store_kwargs(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


_EXPECTED = {
    "source": "a country or actor code such as PAK or RUSGOV",
    "target": "a country or actor code such as PAK or RUSGOV",
    "dyad": "two codes joined by a dash, e.g. PAK-RUS",
    "cameo": "a CAMEO code of 2 to 4 digits, e.g. 042",
    "root": "a two-digit CAMEO root, e.g. 04",
    "date_from": "YYYY, YYYY-MM or YYYY-MM-DD",
    "date_to": "YYYY, YYYY-MM or YYYY-MM-DD",
}


def check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_PAGE:
        raise UsageError(f"limit={limit} is not valid (expected 1 to {MAX_PAGE})")
    if offset < 0:
        raise UsageError(f"offset={offset} is not valid (expected 0 or more)")


def code_text(coder: Coder, text: str, published: str | None = None, id: str = "text",
              title: str | None = None) -> dict[str, Any]:
    """Code one text; returns the output contract dict with ``text`` (the text the offsets refer to)."""
    article = coder.code(text, published, id=id, title=title)
    record = article_to_dict(article)
    record["text"] = article.text
    return record


def require_store(store: Any) -> Any:
    if store is None:
        raise StoreUnavailable("this server runs without a store; start it with `tacitus serve --db PATH`")
    return store


def query_events(store: Any, filters: EventFilters, limit: int = DEFAULT_PAGE, offset: int = 0) -> dict[str, Any]:
    """One page of events matching ``filters``: ``{"events", "limit", "offset", "next_offset"}``.

    One more event than asked for is read, so the page knows whether another follows without a count.
    """
    check_page(limit, offset)
    rows = require_store(store).query_events(**filters.as_store_kwargs(), limit=limit + 1, offset=offset)
    more = len(rows) > limit
    return {"events": rows[:limit], "limit": limit, "offset": offset,
            "next_offset": offset + limit if more else None, "filters": filters.as_params()}


def stored_article(store: Any, article_id: str) -> dict[str, Any]:
    """The stored article ``article_id`` as the output contract dict with its ``text``; NotFound if absent."""
    record = require_store(store).article(article_id)
    if record is None:
        raise NotFound(f"no article with id {article_id!r} in the store")
    return record


def actors(store: Any) -> list[dict[str, Any]]:
    """Every actor code in the store with its event counts, as the Store reports them."""
    return list(require_store(store).actors())


def dyad_stats(store: Any, dyad: str | None = None, date_from: str | None = None,
               date_to: str | None = None) -> list[dict[str, Any]]:
    """Events per month by quad class with mean Goldstein (both directions of ``dyad`` when given)."""
    filters = EventFilters(dyad=dyad, date_from=date_from, date_to=date_to)
    return list(require_store(store).stats_dyad(**filters.as_store_kwargs()))


def network_edges(store: Any, filters: EventFilters) -> list[dict[str, Any]]:
    """Who acts on whom: one edge per (source, target) actor code with its event count and the
    counts of cooperation (quad 1-2) and conflict (quad 3-4) events."""
    rows = require_store(store).query_events(**filters.as_store_kwargs(), limit=NETWORK_EVENTS, offset=0)
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        source, target = _code(row, "source"), _code(row, "target")
        if not source or not target or source == target:
            continue
        edge = edges.setdefault((source, target), {"source": source, "target": target, "events": 0,
                                                   "cooperation": 0, "conflict": 0})
        edge["events"] += 1
        quad = row.get("quad_class")
        if quad in (1, 2):
            edge["cooperation"] += 1
        elif quad in (3, 4):
            edge["conflict"] += 1
    return sorted(edges.values(), key=lambda e: (-e["events"], e["source"], e["target"]))


def _code(row: dict[str, Any], role: str) -> str | None:
    """An event row's actor code, whether the store nests it (contract style) or flattens it."""
    ref = row.get(role)
    if isinstance(ref, dict):
        return ref.get("code")
    return row.get(f"{role}_code")
