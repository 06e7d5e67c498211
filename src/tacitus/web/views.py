"""What the API and the pages show, computed once for both: coded articles and the store's data.

Every function here reads the Coder or the Store through their public methods and returns plain
data; :mod:`tacitus.web.api` sends it as JSON, :mod:`tacitus.web.pages` renders it. No SQL here:
the Store owns the database.
"""

from __future__ import annotations

import calendar
import re
import os
import threading
from dataclasses import dataclass
from datetime import date
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
# An unknown id is echoed in the 404 message up to this many characters.
MAX_ID_SHOWN = 200
DEFAULT_PAGE = 50
LEVELS = ("country", "code")

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
    """The filters of `tacitus query`, as the API's query parameters carry them.

    ``from``/``to`` may be a year or a month as well as a day: they widen to the first and the last
    day of it (``to=2018-02`` is 2018-02-28), which is what the Store reads.
    """

    source: str | None = None
    target: str | None = None
    dyad: str | None = None
    cameo: str | None = None
    root: str | None = None
    quad: int | str | None = None
    date_from: str | None = None
    date_to: str | None = None
    text: str | None = None
    canonical: bool = False

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
                raise UsageError(f"filter {_LABELS.get(name, name)}={value!r} is not valid (expected {_EXPECTED[name]})")
        if self.root is not None and len(self.root) != 2:
            raise UsageError(f"filter root={self.root!r} is not valid (expected a two-digit CAMEO root, e.g. 04)")
        if isinstance(self.quad, str):
            self.quad = int(self.quad) if self.quad.strip().isdigit() else (self.quad.strip() or None)
        if self.quad is not None and self.quad not in (1, 2, 3, 4):
            raise UsageError(f"filter quad={self.quad!r} is not valid (expected 1, 2, 3 or 4)")
        if self.text is not None and len(self.text) > 200:
            raise UsageError("filter text is over 200 characters")
        for name, last in (("date_from", False), ("date_to", True)):
            value = getattr(self, name)
            if value is not None:
                try:
                    _full_day(value, last)
                except ValueError as exc:
                    raise UsageError(f"filter {_LABELS[name]}={value!r} is not a real date: {exc}") from None

    def as_params(self) -> dict[str, Any]:
        """The filters that are set, under their URL names (``from``/``to`` for the dates)."""
        return {_LABELS.get(k, k): v for k, v in self.__dict__.items() if v is not None and v is not False}

    def as_store_kwargs(self) -> dict[str, Any]:
        """The filters as :meth:`tacitus.Store.query_events` takes them (dates widened to whole days)."""
        kwargs = {k: v for k, v in self.__dict__.items() if v is not None and v is not False}
        if self.date_from:
            kwargs["date_from"] = _full_day(self.date_from, last=False)
        if self.date_to:
            kwargs["date_to"] = _full_day(self.date_to, last=True)
        return kwargs


def _full_day(value: str, last: bool) -> str:
    """``2018`` -> 2018-01-01 (or 2018-12-31 when ``last``), ``2018-02`` -> 2018-02-01 (or -28); days stay."""
    parts = [int(p) for p in value.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else (12 if last else 1)
    if len(parts) > 2:
        day = parts[2]
    else:
        day = calendar.monthrange(year, month)[1] if last else 1
    return date(year, month, day).isoformat()


_LABELS = {"date_from": "from", "date_to": "to"}


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
    """One page of events matching ``filters``: ``{"events", "total", "limit", "offset", "next_offset", "filters"}``."""
    check_page(limit, offset)
    store = require_store(store)
    kwargs = filters.as_store_kwargs()
    rows = store.query_events(**kwargs, limit=limit, offset=offset)
    total = store.count_events(**kwargs)
    return {"events": rows, "total": total, "limit": limit, "offset": offset,
            "next_offset": offset + limit if offset + limit < total else None, "filters": filters.as_params()}


def list_articles(store: Any, limit: int = DEFAULT_PAGE, offset: int = 0) -> dict[str, Any]:
    """One page of stored articles (without text), newest first, and how many the store holds."""
    check_page(limit, offset)
    store = require_store(store)
    total = store.summary()["articles"]
    return {"articles": store.articles(limit=limit, offset=offset), "total": total, "limit": limit, "offset": offset,
            "next_offset": offset + limit if offset + limit < total else None}


def stored_article(store: Any, article_id: str) -> dict[str, Any]:
    """The stored article ``article_id`` in the shape of the output contract, with its ``text``.

    The Store keeps events and quotes flat (``source_code``, ``trigger_start``, ``speaker_name``, as
    the CSV output does); they are nested back here so one article view serves stored and pasted
    articles alike. Raises NotFound when the store lacks the article.
    """
    stored = require_store(store).article(article_id)
    if stored is None:
        shown = repr(article_id) if len(article_id) <= MAX_ID_SHOWN else f"{article_id[:MAX_ID_SHOWN]!r}... " \
                f"({len(article_id)} characters)"
        raise NotFound(f"no article with id {shown} in the store")
    record = dict(stored)
    record["events"] = [contract_event(row) for row in stored.get("events") or []]
    record["quotes"] = [_nest(row, ("speaker",)) for row in stored.get("quotes") or []]
    if stored.get("dateline_text") or stored.get("dateline_name"):
        record["dateline"] = {"text": stored.get("dateline_text"), "name": stored.get("dateline_name"),
                              "country": stored.get("dateline_country")}
    record.setdefault("dateline", None)
    return record


def contract_event(row: dict[str, Any]) -> dict[str, Any]:
    """A flat event row of the Store as the contract's nested event (source, target, trigger, location)."""
    event = _nest(row, ("source", "target", "location"))
    event["trigger"] = {"text": row.get("trigger"), "start": row.get("trigger_start"), "end": row.get("trigger_end")}
    event.pop("trigger_start", None)
    event.pop("trigger_end", None)
    return event


def _nest(row: dict[str, Any], prefixes: tuple[str, ...]) -> dict[str, Any]:
    """Fold ``prefix_field`` columns into ``{prefix: {field: ...}}`` (None when every field is empty)."""
    out: dict[str, Any] = {}
    nested: dict[str, dict[str, Any]] = {p: {} for p in prefixes}
    for key, value in row.items():
        prefix, _, rest = key.partition("_")
        if prefix in nested and rest:
            nested[prefix][rest] = value
        else:
            out[key] = value
    for prefix, fields in nested.items():
        out[prefix] = fields if any(v is not None for v in fields.values()) else None
    return out


def actors(store: Any) -> list[dict[str, Any]]:
    """Every actor code in the store with its counts (articles, mentions, events as source and target)."""
    return list(require_store(store).actors())


def dyad_stats(store: Any, filters: EventFilters, level: str = "country", both: bool = True) -> list[dict[str, Any]]:
    """Events per month, directed dyad and quad class with mean Goldstein (the Store's ``stats_dyad``).

    With a ``dyad`` filter and ``both``, the rows of the reverse direction come too (a dyad timeline
    shows what each side did to the other).
    """
    store = require_store(store)
    kwargs = filters.as_store_kwargs()
    rows = list(store.stats_dyad(level=level, **kwargs))
    if both and filters.dyad:
        first, second = DYAD_RE.fullmatch(filters.dyad).groups()
        if first != second:
            rows += store.stats_dyad(level=level, **{**kwargs, "dyad": f"{second}-{first}"})
    return rows


def network_edges(store: Any, filters: EventFilters, level: str = "country") -> list[dict[str, Any]]:
    """Who acts on whom: one edge per directed (source, target) with its event count and the counts
    of cooperation (quad 1-2) and conflict (quad 3-4) events, summed over the Store's monthly stats."""
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for row in require_store(store).stats_dyad(level=level, **filters.as_store_kwargs()):
        source, target = row.get("source"), row.get("target")
        if not source or not target or source == target:
            continue
        edge = edges.setdefault((source, target), {"source": source, "target": target, "events": 0,
                                                   "cooperation": 0, "conflict": 0})
        edge["events"] += row["events"]
        if row.get("quad_class") in (1, 2):
            edge["cooperation"] += row["events"]
        elif row.get("quad_class") in (3, 4):
            edge["conflict"] += row["events"]
    return sorted(edges.values(), key=lambda e: (-e["events"], e["source"], e["target"]))


class SerializedStore:
    """A Store whose method calls take turns: requests run in a thread pool and one DuckDB
    connection must not be used by two threads at once."""

    def __init__(self, store: Any):
        self._store = store
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._store, name)
        if not callable(attr):
            return attr

        def call(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                return attr(*args, **kwargs)

        return call


# How long a request waits for the store while an ingest writes a batch, before it answers 503.
READ_LOCK_TIMEOUT_S = 10.0


class StoreAtPath:
    """The store at ``path``, opened read-only for each call and closed after it.

    DuckDB lets no other process open a file while one writes it; ``tacitus ingest`` holds the file
    only while it writes a batch, so a call that meets a batch write waits for it (DuckDB's lock is
    polled by :class:`~tacitus.store.Store` up to ``lock_timeout`` seconds), then answers. Calls take
    turns (one lock), as with :class:`SerializedStore`. Past the timeout the E303 error answers 503.
    """

    read_only = True

    def __init__(self, path: str | os.PathLike, lock_timeout: float = READ_LOCK_TIMEOUT_S):
        self.path = str(path)
        self.lock_timeout = lock_timeout
        self._lock = threading.Lock()

    def close(self) -> None:
        """Nothing stays open between calls."""

    def __getattr__(self, name: str) -> Any:
        from ..store import Store

        if name.startswith("_") or not callable(getattr(Store, name, None)):
            raise AttributeError(name)

        def call(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                try:
                    store = Store(self.path, read_only=True, lock_timeout=self.lock_timeout)
                except TacitusError as exc:
                    if exc.code == "E303":
                        exc.status = 503
                    raise
                try:
                    return getattr(store, name)(*args, **kwargs)
                finally:
                    store.close()

        return call
