"""From output-contract records to column batches: what the store loads, as Arrow tables.

A *record* is one article as :func:`tacitus.output.article_to_dict` writes it, plus its ``text`` (the
store keeps the text so that spans can be shown again) and optionally its ``content_hash``. Records are
plain dicts so that a remote worker can send them; :func:`record_from_article` builds one locally.

Nothing here touches the database: :class:`~tacitus.store.Store` loads the tables this module builds.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import re
from datetime import date
from typing import Any

import pyarrow as pa

from tacitus.errors import E_BAD_RECORD, StoreError
from tacitus.model import Article
from tacitus.output import article_to_dict

# An ISO date at year, month or day precision; other values (weeks, PRESENT_REF) have no day range.
ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

# Actor kinds whose code names one actor even without a country (NATO, the UN, the Taliban).
IDENTIFYING_KINDS = frozenset({"igo", "group", "state"})

S, I, F, B, D = pa.string(), pa.int32(), pa.float64(), pa.bool_(), pa.date32()


def _schema(*columns: tuple[str, pa.DataType]) -> pa.Schema:
    return pa.schema(list(columns))


def _actor_columns(prefix: str) -> list[tuple[str, pa.DataType]]:
    return [(f"{prefix}_{name}", S) for name in ("text", "name", "code", "country", "sector", "kind")] + [
        (f"{prefix}_start", I), (f"{prefix}_end", I)]


# Arrow schemas of the batch tables; their column names are columns of the store's tables.
SCHEMAS: dict[str, pa.Schema] = {
    "articles": _schema(("id", S), ("content_hash", S), ("published", S), ("title", S), ("url", S),
                        ("source", S), ("text", S), ("dateline_text", S), ("dateline_name", S),
                        ("dateline_country", S), ("n_sentences", I), ("n_events", I), ("errors", S)),
    "sentences": _schema(("article_id", S), ("sentence", I), ("start", I), ("end", I), ("text", S)),
    "events": _schema(
        ("article_id", S), ("event", I), ("sentence", I), *_actor_columns("source"), *_actor_columns("target"),
        ("cameo", S), ("cameo_root", S), ("quad_class", pa.int8()), ("penta_class", pa.int8()), ("goldstein", F),
        ("plover", S), ("date", S), ("date_precision", S), ("date_text", S), ("date_start", D), ("date_end", D),
        ("month", D), ("location_text", S), ("location_name", S), ("location_country", S), ("location_lat", F),
        ("location_lon", F), ("location_feature", S), ("trigger", S), ("trigger_start", I), ("trigger_end", I),
        ("negated", B), ("confidence", F), ("quote", I), ("rule", S), ("dedup_key", S)),
    "actors": _schema(("article_id", S), ("entity", I), ("name", S), ("code", S), ("country", S), ("sector", S),
                      ("kind", S), ("n_mentions", I)),
    "mentions": _schema(("article_id", S), ("entity", I), ("text", S), ("start", I), ("end", I)),
    "quotes": _schema(("article_id", S), ("quote", I), ("text", S), ("start", I), ("end", I),
                      *[c for c in _actor_columns("speaker") if c[0] != "speaker_kind"], ("cue", S), ("direct", B)),
    "timexes": _schema(("article_id", S), ("timex", I), ("text", S), ("start", I), ("end", I), ("type", S),
                       ("value", S)),
    "places": _schema(("article_id", S), ("place", I), ("text", S), ("name", S), ("country", S), ("lat", F),
                      ("lon", F), ("feature", S), ("start", I), ("end", I), ("confidence", F)),
}


def content_hash(text: str | None, published: str | None, title: str | None) -> str:
    """The identity of an article's content: SHA-256 over what coding reads (text, date, title)."""
    digest = hashlib.sha256()
    for part in (text or "", published or "", title or ""):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


def article_hash(article: Article) -> str:
    return content_hash(article.text, article.published, article.title)


def record_from_article(article: Article) -> dict[str, Any]:
    """The record the store loads for a coded Article: the output contract plus text and content hash."""
    record = article_to_dict(article)
    record["text"] = article.text
    record["content_hash"] = article_hash(article)
    return record


def record_hash(record: dict[str, Any]) -> str:
    return record.get("content_hash") or content_hash(record.get("text"), record.get("published"),
                                                      record.get("title"))


def date_range(value: str | None) -> tuple[date | None, date | None]:
    """First and last day covered by an ISO date at year, month or day precision; (None, None) otherwise."""
    match = ISO_DATE.match(value or "")
    if not match:
        return None, None
    year = int(match.group(1))
    try:
        if match.group(3):
            day = date(year, int(match.group(2)), int(match.group(3)))
            return day, day
        if match.group(2):
            month = int(match.group(2))
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:  # "2018-02-30": not a calendar date
        return None, None


def dedup_key(event: dict[str, Any]) -> str | None:
    """The partition that deduplication compares within: directed dyad and CAMEO root.

    None (not deduplicated) when no actor is identified, or when an actor is present but only as a bare
    sector ("GOV", "police" without a country): "the government" of two articles need not be one.
    """
    sides = []
    for side in (event.get("source"), event.get("target")):
        if not side:
            sides.append("")
        elif side.get("code") and (side.get("country") or side.get("kind") in IDENTIFYING_KINDS):
            sides.append(side["code"])
        else:
            return None
    if not any(sides):
        return None
    return f"{sides[0]}|{sides[1]}|{event.get('cameo_root') or ''}"


class Batch:
    """Rows of several records, collected column by column and turned into Arrow tables."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict[str, Any]]] = {name: [] for name in SCHEMAS}

    def add(self, record: dict[str, Any], digest: str) -> None:
        """Flatten one record into rows of every table. Raises StoreError (E305) on a malformed record."""
        try:
            self._add(record, digest)
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise StoreError(f"malformed record: {type(exc).__name__}: {exc}", code=E_BAD_RECORD,
                             input=str(record.get("id") if isinstance(record, dict) else record)) from exc

    def _add(self, record: dict[str, Any], digest: str) -> None:
        # Build every row first, so a malformed record leaves nothing half-added.
        rows: dict[str, list[dict[str, Any]]] = {name: [] for name in SCHEMAS}
        article_id = record["id"]
        if not isinstance(article_id, str) or not article_id:
            raise ValueError("the record has no id")
        text = record.get("text")
        dateline = record.get("dateline") or {}
        sentences = record.get("sentences") or []
        events = record.get("events") or []
        rows["articles"].append({
            "id": article_id, "content_hash": digest, "published": record.get("published"),
            "title": record.get("title"), "url": record.get("url"), "source": record.get("source"), "text": text,
            "dateline_text": dateline.get("text"), "dateline_name": dateline.get("name"),
            "dateline_country": dateline.get("country"), "n_sentences": len(sentences), "n_events": len(events),
            "errors": json.dumps(record.get("errors") or [], ensure_ascii=False)})
        for number, sentence in enumerate(sentences):
            start, end = sentence["start"], sentence["end"]
            rows["sentences"].append({"article_id": article_id, "sentence": sentence.get("index", number),
                                      "start": start, "end": end,
                                      "text": sentence.get("text") or (text[start:end] if text else None)})
        for number, event in enumerate(events):
            row = {"article_id": article_id, "event": number, "dedup_key": dedup_key(event)}
            for key, value in event.items():
                if key in ("source", "target"):
                    for field in ("text", "name", "code", "country", "sector", "kind", "start", "end"):
                        row[f"{key}_{field}"] = value.get(field) if value else None
                elif key == "location":
                    for field in ("text", "name", "country", "lat", "lon", "feature"):
                        row[f"location_{field}"] = value.get(field) if value else None
                elif key == "trigger":
                    row["trigger"] = value["text"]
                    row["trigger_start"], row["trigger_end"] = value["start"], value["end"]
                else:
                    row[key] = value
            if not row.get("cameo") or not row.get("cameo_root"):
                raise ValueError(f"event {number} has no CAMEO code")
            start, end = row["date_start"], row["date_end"] = date_range(row.get("date"))
            row["month"] = start.replace(day=1) if start and (start.year, start.month) == (end.year, end.month) \
                else None
            rows["events"].append(row)
        for actor in record.get("actors") or []:
            mentions = actor.get("mentions") or []
            rows["actors"].append({"article_id": article_id, "entity": actor["id"], "n_mentions": len(mentions),
                                   **{k: actor.get(k) for k in ("name", "code", "country", "sector", "kind")}})
            for mention in mentions:
                rows["mentions"].append({"article_id": article_id, "entity": actor["id"], "text": mention["text"],
                                         "start": mention["start"], "end": mention["end"]})
        for number, quote in enumerate(record.get("quotes") or []):
            speaker = quote.get("speaker") or {}
            rows["quotes"].append({"article_id": article_id, "quote": number, "text": quote["text"],
                                   "start": quote["start"], "end": quote["end"], "cue": quote.get("cue"),
                                   "direct": quote.get("direct"),
                                   **{f"speaker_{k}": speaker.get(k)
                                      for k in ("text", "name", "code", "country", "sector", "start", "end")}})
        for number, timex in enumerate(record.get("timexes") or []):
            rows["timexes"].append({"article_id": article_id, "timex": number,
                                    **{k: timex.get(k) for k in ("text", "start", "end", "type", "value")}})
        for number, place in enumerate(record.get("places") or []):
            rows["places"].append({"article_id": article_id, "place": number,
                                   **{k: place.get(k) for k in ("text", "name", "country", "lat", "lon", "feature",
                                                                "start", "end", "confidence")}})
        for name, new in rows.items():
            self.rows[name].extend(new)

    def tables(self) -> dict[str, pa.Table]:
        """One Arrow table per store table (columns typed by SCHEMAS; absent keys become nulls)."""
        return {name: pa.Table.from_pylist(rows, schema=SCHEMAS[name]) for name, rows in self.rows.items()}

