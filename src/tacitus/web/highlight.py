"""The article view's data: highlighted text from the offsets of a coded article, and its event list.

Reads an output-contract dict (:func:`tacitus.output.article_to_dict`) and the article text the
offsets refer to; returns plain data (spans, segments, event rows) and one escaped HTML string for
the text. Deciding (which characters carry which marks) is kept apart from writing (the HTML).

Spans overlap (a quote holds actors and triggers; a source may be a date's neighbour inside one
phrase), so the text is cut at every span boundary into segments and each segment lists all the
spans over it: the HTML stays flat (no nesting to keep balanced) and every mark survives.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Iterable

from markupsafe import Markup, escape

log = logging.getLogger(__name__)

# What a highlighted stretch of text can be, in the order the legend shows them.
KINDS = ("actor", "trigger", "date", "place", "quote")

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True)
class Span:
    """A marked stretch ``text[start:end]``: its kind, a tooltip, and the events it belongs to."""

    start: int
    end: int
    kind: str
    label: str = ""
    events: tuple[int, ...] = ()


@dataclass(frozen=True)
class Segment:
    """A run of text under one unchanging set of spans; ``anchors`` are link targets placed before it."""

    start: int
    end: int
    kinds: tuple[str, ...]
    labels: tuple[str, ...]
    events: tuple[int, ...]
    anchors: tuple[str, ...] = ()


def trigger_anchor(start: int) -> str:
    """The fragment id that links to an event's trigger in the article view (``#t-620``)."""
    return f"t-{start}"


def _actor_label(ref: dict[str, Any]) -> str:
    parts = [ref.get("name") or ref.get("text") or ""]
    if ref.get("code"):
        parts.append(f"[{ref['code']}]")
    return " ".join(p for p in parts if p)


def article_spans(record: dict[str, Any]) -> list[Span]:
    """Every mark the view shows, from a contract dict: actor mentions, event sources, targets and
    triggers, time expressions, places (and the dateline), quotes. Event spans carry the event's index."""
    spans: list[Span] = []
    for entity in record.get("actors") or []:
        label = _actor_label(entity)
        for mention in entity.get("mentions") or []:
            spans.append(Span(mention["start"], mention["end"], "actor", label))
    for index, event in enumerate(record.get("events") or []):
        for role in ("source", "target"):
            ref = event.get(role)
            if ref and ref.get("start") is not None:
                spans.append(Span(ref["start"], ref["end"], "actor", f"{role}: {_actor_label(ref)}", (index,)))
        trigger = event.get("trigger") or {}
        if trigger.get("start") is not None:
            label = f"{event.get('cameo')} {event_name(event.get('cameo'))}"
            spans.append(Span(trigger["start"], trigger["end"], "trigger", label, (index,)))
    for timex in record.get("timexes") or []:
        spans.append(Span(timex["start"], timex["end"], "date", f"{timex.get('type')} {timex.get('value')}"))
    places = list(record.get("places") or [])
    if record.get("dateline"):
        places.append(record["dateline"])
    for place in places:
        if place and place.get("start") is not None:
            where = place.get("name") or place.get("text") or ""
            if place.get("country"):
                where += f" ({place['country']})"
            spans.append(Span(place["start"], place["end"], "place", where))
    for number, quote in enumerate(record.get("quotes") or []):
        speaker = quote.get("speaker")
        who = _actor_label(speaker) if speaker else "unattributed"
        spans.append(Span(quote["start"], quote["end"], "quote", f"quote {number}: {who}"))
    return spans


def segment(text: str, spans: Iterable[Span]) -> list[Segment]:
    """Cut ``text`` at every span boundary; each piece lists the spans over it.

    Spans outside the text or empty are skipped (logged): a record that does not belong to this
    text must not break the page. The pieces cover the whole text in order. Each event trigger's
    first piece carries the trigger's anchor, once per distinct start.
    """
    valid: list[Span] = []
    for span in spans:
        if 0 <= span.start < span.end <= len(text):
            valid.append(span)
        else:
            log.warning("span %s-%s (%s) lies outside a text of %d characters", span.start, span.end, span.kind,
                        len(text))
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    anchored: set[str] = set()
    # A sweep over the cuts: spans open at their start and close at their end.
    by_start: dict[int, list[Span]] = {}
    for span in valid:
        by_start.setdefault(span.start, []).append(span)
    open_spans: list[Span] = []
    segments: list[Segment] = []
    for left, right in zip(cuts, cuts[1:]):
        open_spans = [s for s in open_spans if s.end > left] + by_start.get(left, [])
        anchors = []
        for span in by_start.get(left, []):
            anchor = trigger_anchor(span.start)
            if span.kind == "trigger" and anchor not in anchored:
                anchored.add(anchor)
                anchors.append(anchor)
        kinds = tuple(k for k in KINDS if any(s.kind == k for s in open_spans))
        labels = tuple(dict.fromkeys(s.label for s in open_spans if s.label))
        events = tuple(sorted({e for s in open_spans for e in s.events}))
        segments.append(Segment(left, right, kinds, labels, events, tuple(anchors)))
    return segments


def render_text(text: str, segments: Iterable[Segment]) -> Markup:
    """The article text as HTML: every character escaped, marked segments in ``<span>`` elements."""
    out: list[str] = []
    for seg in segments:
        for anchor in seg.anchors:
            out.append(f'<a class="anchor" id="{escape(anchor)}"></a>')
        piece = escape(text[seg.start:seg.end])
        if not seg.kinds:
            out.append(str(piece))
            continue
        classes = " ".join(f"hl-{kind}" for kind in seg.kinds)
        attrs = f'class="hl {classes}" title="{escape(" | ".join(seg.labels))}"'
        if seg.events:
            attrs += f' data-ev="{escape(" ".join(str(e) for e in seg.events))}"'
        out.append(f"<span {attrs}>{piece}</span>")
    return Markup("".join(out))


def event_name(code: str | None) -> str:
    """The CAMEO name of a code, or an empty string for an unknown one."""
    if not code:
        return ""
    from ..events.ontology import cameo

    try:
        return cameo(code).name
    except (KeyError, ValueError):
        return ""


def event_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The events of a contract dict as rows for the list beside the text, each with its trigger's anchor."""
    rows = []
    for index, event in enumerate(record.get("events") or []):
        trigger = event.get("trigger") or {}
        rows.append({
            "index": index,
            "anchor": trigger_anchor(trigger["start"]) if trigger.get("start") is not None else None,
            "cameo": event.get("cameo"),
            "name": event_name(event.get("cameo")),
            "source": event.get("source"),
            "target": event.get("target"),
            "trigger": trigger.get("text"),
            "date": event.get("date"),
            "date_text": event.get("date_text"),
            "quad_class": event.get("quad_class"),
            "quad_name": QUAD_NAMES.get(event.get("quad_class"), ""),
            "goldstein": event.get("goldstein"),
            "plover": event.get("plover"),
            "negated": event.get("negated"),
            "confidence": event.get("confidence"),
            "location": event.get("location"),
        })
    return rows


def article_view(record: dict[str, Any], text: str) -> dict[str, Any]:
    """Everything the article template needs: the marked-up text, the event rows, the record."""
    spans = article_spans(record)
    return {
        "record": record,
        "html": render_text(text, segment(text, spans)),
        "events": event_rows(record),
        "counts": {kind: sum(1 for s in spans if s.kind == kind) for kind in KINDS},
    }
