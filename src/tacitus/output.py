"""Output: the JSON contract of ``tacitus code`` (checked by a shipped JSON Schema), CSV and a table.

``article_to_dict`` is the one place that turns the model into the contract of ARCHITECTURE.md;
CSV rows and the terminal table are flattened from it, so the three formats never disagree.
"""

from __future__ import annotations

import csv
import json
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, TextIO

from .model import Article, Event, Mention, Place

FORMATS = ("jsonl", "csv", "table")
CSV_COLUMNS = (
    "article_id", "published", "sentence",
    "source_text", "source_name", "source_code", "source_country", "source_sector",
    "target_text", "target_name", "target_code", "target_country", "target_sector",
    "cameo", "cameo_root", "quad_class", "penta_class", "goldstein", "plover",
    "date", "date_precision", "date_text", "location_name", "location_country",
    "trigger", "trigger_start", "trigger_end", "negated", "confidence", "quote", "rule",
)


def actor_ref(mention: Mention | None) -> dict[str, Any] | None:
    """A mention as the contract's source/target object: the words, their offsets and the coded actor."""
    if mention is None:
        return None
    actor = mention.actor
    return {
        "text": mention.text,
        "name": actor.name if actor else None,
        "code": actor.code if actor else None,
        "country": actor.country if actor else None,
        "sector": actor.sector if actor else None,
        "kind": actor.kind if actor else None,
        "start": mention.start,
        "end": mention.end,
    }


def place_ref(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {"text": place.text, "name": place.name, "country": place.country, "lat": place.lat, "lon": place.lon,
            "feature": place.feature, "start": place.start, "end": place.end, "confidence": place.confidence,
            "geonames": place.geonames}


def event_to_dict(event: Event) -> dict[str, Any]:
    return {
        "sentence": event.sentence,
        "source": actor_ref(event.source),
        "target": actor_ref(event.target),
        "cameo": event.cameo,
        "cameo_root": event.cameo_root,
        "quad_class": event.quad_class,
        "penta_class": event.penta_class,
        "goldstein": event.goldstein,
        "plover": event.plover,
        "date": event.date,
        "date_precision": event.date_precision,
        "date_text": event.date_text,
        "location": place_ref(event.location),
        "trigger": {"text": event.trigger.text, "start": event.trigger.start, "end": event.trigger.end},
        "negated": event.negated,
        "confidence": event.confidence,
        "quote": event.quote,
        "rule": event.rule,
    }


def article_to_dict(article: Article) -> dict[str, Any]:
    """The output contract for one article (ARCHITECTURE.md), as plain JSON-ready data."""
    return {
        "id": article.id,
        "published": article.published,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "dateline": place_ref(article.dateline),
        "sentences": [{"start": s.start, "end": s.end} for s in article.sentences],
        "events": [event_to_dict(e) for e in article.events],
        "actors": [
            {"id": entity.id, "name": entity.actor.name, "code": entity.actor.code, "country": entity.actor.country,
             "sector": entity.actor.sector, "kind": entity.actor.kind,
             "mentions": [{"text": article.mentions[i].text, "start": article.mentions[i].start,
                           "end": article.mentions[i].end} for i in entity.mentions]}
            for entity in article.actors
        ],
        "quotes": [
            {"text": q.text, "start": q.start, "end": q.end, "speaker": actor_ref(q.speaker), "cue": q.cue,
             "direct": q.direct}
            for q in article.quotes
        ],
        "timexes": [
            {"text": t.text, "start": t.start, "end": t.end, "type": t.type, "value": t.value}
            for t in article.timexes
        ],
        "places": [place_ref(p) for p in article.places],
        "errors": [{"code": e.code, "message": e.message, "input": e.input, "line": e.line} for e in article.errors],
    }


@lru_cache(maxsize=1)
def output_schema() -> dict[str, Any]:
    """The JSON Schema of one output line, shipped in ``tacitus/data/schema``."""
    text = resources.files("tacitus").joinpath("data", "schema", "article.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def validate(record: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when ``record`` breaks the output contract."""
    import jsonschema

    jsonschema.validate(record, output_schema())


def csv_rows(record: dict[str, Any]) -> Iterable[dict[str, Any]]:
    """One flat row per event of an article record."""
    for event in record["events"]:
        row = {"article_id": record["id"], "published": record["published"]}
        for key, value in event.items():
            if key in ("source", "target"):
                for field in ("text", "name", "code", "country", "sector"):
                    row[f"{key}_{field}"] = value[field] if value else None
            elif key == "location":
                row["location_name"] = value["name"] if value else None
                row["location_country"] = value["country"] if value else None
            elif key == "trigger":
                row["trigger"], row["trigger_start"], row["trigger_end"] = value["text"], value["start"], value["end"]
            elif key in CSV_COLUMNS:
                row[key] = value
        yield row


class Writer:
    """Writes article records to a stream in one of FORMATS."""

    def __init__(self, stream: TextIO, fmt: str = "jsonl", console=None):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.stream, self.format, self.console = stream, fmt, console
        self._csv = None

    def write(self, record: dict[str, Any]) -> None:
        if self.format == "jsonl":
            self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif self.format == "csv":
            if self._csv is None:
                self._csv = csv.DictWriter(self.stream, fieldnames=CSV_COLUMNS, extrasaction="ignore")
                self._csv.writeheader()
            for row in csv_rows(record):
                self._csv.writerow(row)
        else:
            self._write_table(record)
        self.stream.flush()

    def _write_table(self, record: dict[str, Any]) -> None:
        from rich.console import Console
        from rich.table import Table

        console = self.console or Console(file=self.stream, width=160)
        title = f"{record['id']}  published {record['published'] or 'unknown'}"
        if record.get("dateline"):
            title += f"  dateline {record['dateline']['name'] or record['dateline']['text']}"
        table = Table(title=title, title_justify="left", show_lines=False)
        for column in ("#", "date", "source", "event", "target", "trigger", "conf"):
            table.add_column(column, overflow="fold")

        def who(ref):
            if not ref:
                return "—"
            return f"{ref['text']} [{ref['code'] or '?'}]"

        for event in record["events"]:
            name = _code_name(event["cameo"])
            flags = " (negated)" if event["negated"] else ""
            table.add_row(str(event["sentence"]), event["date"] or "?", who(event["source"]),
                          f"{event['cameo']} {name}{flags}", who(event["target"]), event["trigger"]["text"],
                          f"{event['confidence']:.2f}")
        console.print(table)
        for error in record["errors"]:
            console.print(f"[red]{error['code']}[/red] {error['message']}")


def _code_name(code: str) -> str:
    from .events.ontology import cameo

    return cameo(code).name

