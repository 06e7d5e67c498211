"""The central data model: one structure that every pipeline stage reads and extends.

An :class:`Article` enters the pipeline with its text and metadata. The parse stage adds the spaCy
``Doc`` and the :class:`Sentence` list; each later stage appends its own records (mentions and
actors, time expressions, places, quotes, events). Every record keeps character offsets into
``Article.text`` so that any field of the output can be traced back to the characters it came from.

Nothing in this module does any work: the stages live in their own packages, serialization lives in
:mod:`tacitus.output`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Actor:
    """Who someone is, coded: a CAMEO actor code split into country and sector.

    ``kind`` says what sort of actor this is: ``state`` (a country as a whole), ``person``,
    ``organization`` (a body inside a country: ministry, army, party), ``igo``, ``group``
    (a non-state armed or political group), ``collective`` (people described by role:
    "protesters", "rebels").
    """

    name: str | None
    code: str | None
    country: str | None = None
    sector: str | None = None
    kind: str = "organization"
    # Where the coding came from (dictionary entry, demonym + role word, coreference, ...).
    basis: str | None = None


@dataclass
class Mention:
    """A stretch of text that refers to an actor (a name, a description, a pronoun)."""

    start: int
    end: int
    text: str
    sentence: int
    actor: Actor | None = None
    # The entity this mention was resolved to: an index into ``Article.actors``.
    entity: int | None = None
    # How the mention was found: an NER label ("PERSON", "GPE", ...), "NOMINAL" or "PRONOUN".
    label: str = "NOMINAL"
    # Token offsets into the parsed Doc, so stages can go from a mention back to the parse.
    token_start: int = -1
    token_end: int = -1
    # For a plural mention that stands for several actors ("the two sides", "they", "Pakistan's and
    # Russia's militaries"): one Mention per member, each with this mention's offsets and text.
    members: list["Mention"] = field(default_factory=list)


@dataclass
class Entity:
    """One real-world actor as the article refers to it, with all of its mentions."""

    id: int
    actor: Actor
    mentions: list[int] = field(default_factory=list)


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass
class Timex:
    """A time expression with its TIMEX3 type (DATE, TIME, DURATION, SET) and normalized value."""

    start: int
    end: int
    text: str
    type: str
    value: str | None
    sentence: int = -1
    # Optional TIMEX3 modifiers ("START", "MID", "APPROX", ...).
    mod: str | None = None
    # TimeML's functionInDocument: "PUBLICATION_TIME" for the date of a dateline ("WASHINGTON, Aug. 11
    # (Xinhua) --"), which says when the story was filed, not when anything in it happened.
    function: str | None = None


@dataclass
class Place:
    """A toponym in the text (or the dateline), resolved where possible."""

    start: int
    end: int
    text: str
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None
    sentence: int = -1
    confidence: float | None = None
    # The gazetteer entry: a GeoNames id, or GeoNames' admin1 code ("PK.04") for a first-level area.
    geonames: str | None = None


@dataclass
class Quote:
    """Something an actor said, directly (in quote marks) or reported."""

    start: int
    end: int
    text: str
    speaker: Mention | None = None
    cue: str | None = None
    direct: bool = True
    sentence: int = -1


@dataclass
class Trigger:
    """The words that carry an event (a verb, a verb with its object, a nominal)."""

    start: int
    end: int
    text: str


@dataclass
class Event:
    """A coded political event: source did ``cameo`` to target."""

    sentence: int
    source: Mention | None
    target: Mention | None
    cameo: str
    cameo_root: str
    quad_class: int
    penta_class: int
    goldstein: float
    plover: str | None
    trigger: Trigger
    rule: str
    confidence: float
    negated: bool = False
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    location: Place | None = None
    quote: int | None = None
    # Free-form evidence for `tacitus explain`: the parse path that linked trigger and actors.
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass
class ArticleError:
    """Something wrong with one input: which input, where in it, and what."""

    code: str
    message: str
    input: str | None = None
    line: int | None = None


@dataclass
class Article:
    """One news story, and everything the pipeline has found in it."""

    id: str
    text: str
    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    # Where the publication date came from: "argument", "jsonl", "html", "text" or None.
    published_from: str | None = None
    dateline: Place | None = None
    # Where the article was read from ("path", "path:line", "<stdin>").
    origin: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    errors: list[ArticleError] = field(default_factory=list)
    # The spaCy Doc once parsed; never serialized.
    doc: Any = field(default=None, repr=False, compare=False)

