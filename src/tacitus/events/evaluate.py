"""Sentence-level evaluation of the event coder on gold files (JSON Lines, one sentence a line).

Three gold formats are recognized by their ``gold`` fields:

- ``cameo``   ``{"gold": {"cameo": "0312", "cameo_root": "03"}}`` — codebook examples; scored at root and
  full-code level (precision, recall, F1);
- ``plover``  ``{"gold": {"plover_event": "AGREE", ...}}`` — PLOVER event type accuracy. Older PLOVER names
  (DEMAND, DISAPPROVE, FIGHT, INVESTIGATE) are read through ``data/events/plover_legacy.csv``;
- ``class5``  ``{"gold": {"class5": 0..4}}`` — the five-way class (penta class: 01-02, 03-05, 06-08, 09-13, 14-20).

Each sentence is coded by the real pipeline, with events kept even when their source is no coded actor
(codebook sentences name actors the dictionaries need not know). One event stands for the sentence
(:func:`pick_event`); a sentence without one is a miss: it lowers recall, not precision.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

from ..errors import E_BAD_DATA, InputError, ModelError
from ..model import Article, Event
from .coder import UNDONE_MODES

KINDS = ("cameo", "plover", "class5")
# Rank of events for the sentence-level pick: the trigger highest in the parse wins (the main clause
# states the reported event; a nominal deep in a complement rarely does), then confident, sourced events.
SOURCE_BONUS = 0.1
DEPTH_PENALTY = 0.2
NONE = "--"


@dataclass
class GoldItem:
    id: str
    text: str
    label: str  # the gold label at the level scored: a CAMEO code, a PLOVER type or a class number
    root: str | None = None  # CAMEO root for the "cameo" kind


@dataclass
class Prediction:
    item: GoldItem
    event: Event | None
    label: str | None  # the predicted label at the level scored
    root: str | None = None


@dataclass
class Report:
    kind: str
    path: str
    n: int
    scores: dict[str, float] = field(default_factory=dict)
    confusion: dict[str, Counter] = field(default_factory=dict)
    predictions: list[Prediction] = field(default_factory=list)


@lru_cache(maxsize=1)
def plover_legacy() -> dict[str, str]:
    """Older PLOVER event names -> the names in the CAMEO-PLOVER map ("DEMAND" -> "REQUEST")."""
    text = resources.files("tacitus").joinpath("data", "events", "plover_legacy.csv").read_text(encoding="utf-8")
    return {row["old"]: row["plover_event"] for row in csv.DictReader(io.StringIO(text))}


def detect_kind(gold: dict) -> str:
    """Which gold format a record's ``gold`` mapping is in; raises ModelError for an unknown one."""
    if "cameo" in gold:
        return "cameo"
    if "plover_event" in gold:
        return "plover"
    if "class5" in gold:
        return "class5"
    raise ModelError(f"gold record has none of the fields cameo, plover_event, class5: {sorted(gold)}",
                     code=E_BAD_DATA)


def read_gold(path: str | Path) -> tuple[str, list[GoldItem]]:
    """Read a gold file; returns its kind and items. Raises InputError for an unreadable or mixed file."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read gold file: {exc}") from exc
    kind, items = None, []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            gold = record["gold"]
            text = record["text"]
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}, line {number}: not a gold record with text and gold: {exc}") from exc
        this = detect_kind(gold)
        if kind is not None and this != kind:
            raise InputError(f"{path}, line {number}: {this} gold in a {kind} file")
        kind = this
        item_id = str(record.get("id", number))
        if this == "cameo":
            code = str(gold["cameo"])
            items.append(GoldItem(item_id, text, code, gold.get("cameo_root") or code[:2]))
        elif this == "plover":
            name = str(gold["plover_event"]).upper()
            items.append(GoldItem(item_id, text, plover_legacy().get(name, name)))
        else:
            items.append(GoldItem(item_id, text, str(int(gold["class5"]))))
    if kind is None:
        raise InputError(f"{path}: no gold records")
    return kind, items


def evaluation_pipeline(model: str | None = None):
    """The standard pipeline with the event stage keeping events that lack a coded source."""
    from ..parse import DEFAULT_MODEL
    from ..pipeline import Pipeline, default_stages
    from .stage import EventStage

    stages = [EventStage(require_source=False) if s.name == "events" else s for s in default_stages()]
    return Pipeline(model=model or DEFAULT_MODEL, stages=stages)


def _depth(article: Article, event: Event) -> int:
    doc = article.doc
    if doc is None:
        return 0
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return 0
    token = span[0]
    # An act asked for or demanded stands where the asking verb stands (the appeal is the reported event).
    governor = event.evidence.get("governor")
    if event.evidence.get("modality") in UNDONE_MODES and isinstance(governor, int) and 0 <= governor < len(doc):
        token = doc[governor]
    return sum(1 for _ in token.ancestors)


def pick_event(article: Article) -> Event | None:
    """The one event that stands for a one-sentence article: see SOURCE_BONUS and DEPTH_PENALTY."""
    best, best_score = None, None
    for event in article.events:
        score = event.confidence + SOURCE_BONUS * (event.source is not None) - DEPTH_PENALTY * _depth(article, event)
        if best_score is None or score > best_score:
            best, best_score = event, score
    return best


def _predicted_label(kind: str, event: Event | None) -> str | None:
    if event is None:
        return None
    if kind == "cameo":
        return event.cameo
    if kind == "plover":
        return event.plover
    return str(event.penta_class)


def code_items(items: list[GoldItem], kind: str, pipeline=None) -> list[Prediction]:
    """Code each gold sentence with the pipeline and pick its event."""
    from ..ingest import article_from_text

    pipeline = pipeline or evaluation_pipeline()
    articles = (article_from_text(item.text, id=item.id, published=None) for item in items)
    out = []
    for item, article in zip(items, pipeline.pipe(articles)):
        event = pick_event(article)
        out.append(Prediction(item, event, _predicted_label(kind, event), event.cameo_root if event else None))
    return out


def prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def score(kind: str, predictions: list[Prediction], path: str = "") -> Report:
    """Scores for one gold set (see the module docstring for what each kind measures)."""
    n = len(predictions)
    predicted = sum(1 for p in predictions if p.event is not None)
    report = Report(kind=kind, path=path, n=n, predictions=predictions)
    if kind == "cameo":
        root_ok = sum(1 for p in predictions if p.root is not None and p.root == p.item.root)
        code_ok = sum(1 for p in predictions if p.label is not None and p.label == p.item.label)
        for level, ok in (("root", root_ok), ("code", code_ok)):
            for name, value in prf(ok, predicted, n).items():
                report.scores[f"{level}_{name}"] = value
            report.scores[f"{level}_accuracy"] = ok / n if n else 0.0
        pairs = [(p.item.root, p.root or NONE) for p in predictions]
    else:
        ok = sum(1 for p in predictions if p.label is not None and p.label == p.item.label)
        for name, value in prf(ok, predicted, n).items():
            report.scores[name] = value
        report.scores["accuracy"] = ok / n if n else 0.0
        pairs = [(p.item.label, p.label or NONE) for p in predictions]
    report.scores["coverage"] = predicted / n if n else 0.0
    for gold, pred in pairs:
        report.confusion.setdefault(gold, Counter())[pred] += 1
    return report


def evaluate_file(path: str | Path, pipeline=None) -> Report:
    """Read, code and score one gold file."""
    kind, items = read_gold(path)
    return score(kind, code_items(items, kind, pipeline), str(path))


def worst(report: Report, n: int, level: str = "root") -> list[Prediction]:
    """The ``n`` worst sentences: confident wrong events first, then sentences with no event."""
    def wrong(p: Prediction) -> bool:
        if report.kind == "cameo" and level == "root":
            return p.root != p.item.root
        return p.label != p.item.label

    bad = [p for p in report.predictions if wrong(p)]
    bad.sort(key=lambda p: -(p.event.confidence if p.event else -1.0))
    return bad[:n]


def format_report(report: Report, level: str = "root", worst_n: int = 0) -> str:
    """A plain-text report: scores, a confusion table (gold rows, predicted columns) and the worst examples."""
    lines = [f"{report.path or 'gold'}: {report.kind}, {report.n} sentences"]
    for name, value in report.scores.items():
        lines.append(f"  {name:<15} {value:.3f}")
    lines.append("")
    lines.extend(confusion_table(report.confusion))
    if worst_n:
        lines.append("")
        lines.append(f"worst {worst_n}:")
        for p in worst(report, worst_n, level):
            got = f"{p.event.cameo} ({p.label}) by {p.event.rule} on {p.event.trigger.text!r} " \
                  f"conf {p.event.confidence:.2f}" if p.event else "no event"
            gold = p.item.label if report.kind != "cameo" else p.item.label
            lines.append(f"  {p.item.id}: gold {gold}, got {got}")
            lines.append(f"      {p.item.text[:200]}")
    return "\n".join(lines)


def confusion_table(confusion: dict[str, Counter]) -> list[str]:
    labels = sorted(confusion, key=_label_order)
    columns = sorted({c for row in confusion.values() for c in row} | set(labels), key=_label_order)
    width = max(4, *(len(c) for c in columns)) + 1
    head = "gold\\got".ljust(11) + "".join(c.rjust(width) for c in columns)
    rows = [head]
    for label in labels:
        row = confusion[label]
        rows.append(label.ljust(11) + "".join((str(row[c]) if row[c] else ".").rjust(width) for c in columns))
    return rows


def _label_order(label: str):
    return (label == NONE, label)


def evaluate_files(paths: Iterable[str | Path], pipeline=None) -> list[Report]:
    """Evaluate several gold files with one pipeline."""
    pipeline = pipeline or evaluation_pipeline()
    return [evaluate_file(path, pipeline) for path in paths]
