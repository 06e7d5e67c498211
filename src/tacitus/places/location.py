"""Event location: where each event happened.

In order, for each event:

1. a place attached to the trigger in the parse: a locative preposition's object ("talks in Moscow",
   "clashes near Kabul", "on the border with Iran": the first place inside the phrase), a place
   compounded with a nominal trigger ("the Moscow talks"), or "to" after a visit ("visit to
   Moscow"); then the same, one clause up, on the verb that governs the trigger ("The announcement
   was made in Moscow after their talks");
2. else the sentence's place: a locative phrase on any verb of the sentence;
3. else the article's dateline.

A country found this way is a country-level location (``feature == "country"``). The location's
confidence is the place's own times the trust in the way it was found. When the place found first is
a name that could not be resolved, the event gets no location: a later fallback would be a guess
about a different place.
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from ..model import Article, Event, Place

# Prepositions that say where something happens.
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout", "on",
                            "off", "along", "within", "into", "onto", "through"})
# Nouns that stand for a place named inside their phrase ("on the border with Iran", "in the
# northern city of Kunduz", "on the outskirts of Kabul"). Any other object ("focused on the situation
# in Afghanistan") does not carry its inner place to the event.
LOCATION_NOUNS = frozenset({
    "border", "frontier", "outskirts", "city", "town", "village", "capital", "province", "region", "state",
    "district", "area", "coast", "port", "island", "north", "south", "east", "west", "centre", "center",
    "heart", "suburb", "part", "parts", "side", "territory", "county", "headquarters", "streets", "street",
    "peninsula", "valley", "islands", "desert", "strait",
})  # fmt: skip
# "to" is a destination, the location only of a visit ("Mr Asif is on a visit to Moscow").
VISIT_CODES = ("042", "043")
# Prepositions that introduce the other side of an event ("clashed with", "fighting against").
PARTNER_PREPS = frozenset({"with", "against", "alongside"})
# Dependencies that lead from a trigger up to the verb of its clause.
UP_DEPS = frozenset({"pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr", "xcomp", "acl", "advcl", "pcomp",
                     "compound", "conj", "ccomp", "relcl"})
MAX_HOPS = 3
# Objects that name the event of a light verb ("held talks", "signed an agreement").
OBJECT_DEPS = frozenset({"dobj", "attr"})
# A place that opens a sentence followed by a colon or a dash is that line's own dateline.
OPENING_PLACE_RE = re.compile(r"[ \t]*(?::|—|–|--)")
# How far the way a location was found is trusted.
TRUST = {"trigger": 1.0, "clause": 0.9, "sentence": 0.75, "dateline": 0.6}


class EventLocationStage:
    """Sets ``location`` on every event (a copy of the place, with the confidence of the location)."""

    name = "event_location"
    requires = ("doc", "events", "places", "dateline")
    assigns = ("events",)

    def __call__(self, article: Article) -> Article:
        index = PlaceIndex(article)
        for event in article.events:
            found = locate_event(article, event, index)
            if found is None:
                continue
            place, how = found
            event.evidence["location"] = how
            if place is article.dateline and place.start >= len(article.text):
                # A chunk of a long article carries a copy of the dateline placed past its end; the
                # pipeline maps an event located at that very object back to the article's dateline.
                event.location = place
            else:
                event.location = dataclasses.replace(place, confidence=round((place.confidence or 0) * TRUST[how], 3))
        return article


class PlaceIndex:
    """The article's places by character offset, to go from a parse token to the place it is part of."""

    def __init__(self, article: Article):
        self.places = sorted(article.places, key=lambda p: p.start)
        self.starts = [p.start for p in self.places]

    def covering(self, offset: int) -> Place | None:
        """The place whose span holds character ``offset``."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.places[i].start <= offset < self.places[i].end:
            return self.places[i]
        return None

    def at(self, start: int, end: int) -> Place | None:
        """The first place lying within characters ``start``..``end``."""
        i = bisect.bisect_left(self.starts, start)
        if i < len(self.places) and self.places[i].end <= end:
            return self.places[i]
        return None


def locate_event(article: Article, event: Event, index: PlaceIndex) -> tuple[Place, str] | None:
    """Read one event, the parse and the places; return (place, how it was found) or None."""
    doc = article.doc
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is not None:
        node = span.root
        visit = event.cameo.startswith(VISIT_CODES)
        for hop in range(MAX_HOPS + 1):
            # A place compounded with the trigger itself ("the Moscow talks"), not with a noun up the
            # tree ("convince US president Trump to pull out": the US is not where it happened).
            place = _attached_place(node, index, visit and hop == 0, compounds=hop == 0)
            # "held talks in Beijing": the place hangs from the object that names the event.
            for obj in node.children if place is None else ():
                if obj.dep_ in OBJECT_DEPS:
                    place = place or _attached_place(obj, index, visit and hop == 0, compounds=False)
                elif hop == 0 and obj.dep_ == "prep" and obj.lower_ in PARTNER_PREPS:
                    # "clashed with Taliban fighters near Kabul": the place of the other side.
                    for pobj in obj.children:
                        if pobj.dep_ == "pobj":
                            place = place or _attached_place(pobj, index, False, compounds=False)
            if place is not None:
                return _resolved(place, "trigger" if hop == 0 else "clause")
            if node.dep_ not in UP_DEPS or node.head.i == node.i:
                break
            node = node.head
        sentence = node.sent
        opening = _line_dateline(article.text, event.trigger.start, index)
        if opening is not None:
            # A line with a dateline of its own ("MOSCOW: Foreign Minister Asif ... prior to their meeting"
            # is a photo caption above a story filed from Islamabad).
            return _resolved(opening, "sentence")
        for token in sentence:
            if token.pos_ in ("VERB", "AUX"):
                place = _attached_place(token, index, False, compounds=False)
                if place is not None:
                    return _resolved(place, "sentence")
    if article.dateline is not None and article.dateline.country:
        return article.dateline, "dateline"
    return None


def _line_dateline(text: str, offset: int, index: PlaceIndex) -> Place | None:
    """The place that opens the line holding ``offset`` when a colon or a dash follows it."""
    line_start = text.rfind("\n", 0, offset) + 1
    first = len(text) - len(text[line_start:].lstrip(" \t")) if line_start < len(text) else line_start
    place = index.covering(first)
    if place is not None and place.start == first and OPENING_PLACE_RE.match(text, place.end):
        return place
    return None


def _resolved(place: Place, how: str) -> tuple[Place, str] | None:
    return (place, how) if place.country else None


def _attached_place(node, index: PlaceIndex, visit: bool, compounds: bool) -> Place | None:
    """A place in a locative phrase hanging from ``node`` (or compounded with it)."""
    for child in node.children:
        if child.dep_ == "prep" and (child.lower_ in LOCATIVE_PREPS or (visit and child.lower_ == "to")):
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                place = index.covering(obj.idx)
                if place is None and obj.lemma_.lower() in LOCATION_NOUNS:
                    subtree = list(obj.subtree)
                    place = index.at(subtree[0].idx, subtree[-1].idx + len(subtree[-1]))
                if place is not None:
                    return place
        elif compounds and child.dep_ == "compound" and node.pos_ == "NOUN":
            place = index.covering(child.idx)
            if place is not None:
                return place
    return None
