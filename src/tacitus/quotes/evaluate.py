"""Scoring the quote stage against a gold set of quotes (JSON Lines, one quote a line).

A gold line holds offsets and labels only: ``{"id", "start", "end", "direct", "speaker": {"start", "end"} | null,
"speaker_name", "split"}`` (``split``: "dev" for quotes the stage was developed on, "test" for held-out ones); the article text comes from a corpus read separately (``{id: text}``). Every article named in
the gold file is taken to be annotated in full, so a predicted quote that matches no gold quote is a false positive.

Scores (:func:`score`):

- span precision, recall and F1, strict (same start and end) and by overlap (character Jaccard >= ``OVERLAP``:
  reported clauses have soft edges, and a quote found with one word more or less is still found);
- ``kind_accuracy``: of the overlap-matched quotes, how many are direct/indirect as in the gold set;
- ``speaker_accuracy``: of the overlap-matched quotes, how many have the right speaker: the predicted speaker
  mention overlaps the gold speaker words, or belongs to the same entity as a mention that does, or the
  speaker's coded name matches the gold name;
- ``speaker_name_accuracy``: of the matched quotes, how many speakers carry the gold name (last word of the gold
  name found in the coded actor's name): the strict test that coreference reached the right person.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..errors import E_BAD_JSONL, E_NO_SUCH_PATH, InputError
from ..model import Article, Mention, Quote

OVERLAP = 0.5
GOLD_FIELDS = ("id", "start", "end", "direct")


@dataclass
class GoldQuote:
    id: str
    start: int
    end: int
    direct: bool
    speaker: tuple[int, int] | None
    speaker_name: str | None
    split: str = "dev"


@dataclass
class Match:
    gold: GoldQuote
    quote: Quote | None
    speaker_ok: bool = False
    name_ok: bool = False


@dataclass
class QuoteReport:
    matches: list[Match] = field(default_factory=list)
    false_positives: list[tuple[str, Quote]] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)


def read_gold(path: str | Path) -> list[GoldQuote]:
    """Read a gold file; raises InputError naming the file (and line) that cannot be read."""
    gold = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read gold file: {exc}", code=E_NO_SUCH_PATH, input=str(path)) from exc
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            missing = [f for f in GOLD_FIELDS if f not in record]
            if missing:
                raise ValueError(f"missing {missing}")
            speaker = record.get("speaker")
            gold.append(GoldQuote(
                id=str(record["id"]), start=int(record["start"]), end=int(record["end"]),
                direct=bool(record["direct"]),
                speaker=(int(speaker["start"]), int(speaker["end"])) if speaker else None,
                speaker_name=record.get("speaker_name"), split=str(record.get("split", "dev")),
            ))
        except (ValueError, TypeError, KeyError) as exc:
            raise InputError(f"not a gold quote record: {exc}", code=E_BAD_JSONL, input=str(path), line=lineno) from exc
    return gold


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Character overlap of two half-open spans, over their union."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def _fold(name: str) -> str:
    """Lower case without accents ("Erdoğan" = "erdogan"; dotless "ı", which has no decomposition, = "i")."""
    folded = unicodedata.normalize("NFKD", name.casefold().replace("ı", "i"))
    return "".join(c for c in folded if not unicodedata.combining(c))


def _overlaps(mention: Mention, span: tuple[int, int]) -> bool:
    return mention.start < span[1] and span[0] < mention.end


def name_matches(gold_name: str | None, mention: Mention | None) -> bool:
    """The last word of the gold name is a word of the speaker's coded actor name."""
    if not gold_name or mention is None or mention.actor is None or not mention.actor.name:
        return False
    return _fold(gold_name).split()[-1] in _fold(mention.actor.name).split()


def speaker_matches(gold: GoldQuote, quote: Quote, article: Article) -> bool:
    speaker = quote.speaker
    if speaker is None or gold.speaker is None:
        return speaker is None and gold.speaker is None
    if _overlaps(speaker, gold.speaker) or name_matches(gold.speaker_name, speaker):
        return True
    if speaker.entity is not None and speaker.entity < len(article.actors):
        return any(_overlaps(article.mentions[i], gold.speaker) for i in article.actors[speaker.entity].mentions)
    return False


def match_article(gold: list[GoldQuote], article: Article) -> tuple[list[Match], list[Quote]]:
    """Pairs each gold quote with the best-overlapping unused predicted quote (greedy, best pairs first)."""
    pairs = sorted(
        ((jaccard((g.start, g.end), (q.start, q.end)), gi, qi)
         for gi, g in enumerate(gold) for qi, q in enumerate(article.quotes)),
        reverse=True,
    )
    by_gold: dict[int, int] = {}
    used: set[int] = set()
    for overlap, gi, qi in pairs:
        if overlap < OVERLAP:
            break
        if gi in by_gold or qi in used:
            continue
        by_gold[gi] = qi
        used.add(qi)
    matches = []
    for gi, g in enumerate(gold):
        quote = article.quotes[by_gold[gi]] if gi in by_gold else None
        matches.append(Match(
            gold=g, quote=quote,
            speaker_ok=quote is not None and speaker_matches(g, quote, article),
            name_ok=quote is not None and name_matches(g.speaker_name, quote.speaker),
        ))
    unused = [q for qi, q in enumerate(article.quotes) if qi not in used]
    return matches, unused


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold: list[GoldQuote], articles: Iterable[Article]) -> QuoteReport:
    """Scores coded articles (those named in ``gold``) against the gold quotes."""
    by_id: dict[str, list[GoldQuote]] = {}
    for g in gold:
        by_id.setdefault(g.id, []).append(g)
    report = QuoteReport()
    n_pred = strict_tp = 0
    for article in articles:
        if article.id not in by_id:
            continue
        matches, unused = match_article(by_id[article.id], article)
        report.matches.extend(matches)
        report.false_positives.extend((article.id, q) for q in unused)
        n_pred += len(article.quotes)
        strict_tp += len({(q.start, q.end) for q in article.quotes} & {(g.start, g.end) for g in by_id[article.id]})
    n_gold = len(gold)
    matched = [m for m in report.matches if m.quote is not None]
    p, r, f = _prf(len(matched), n_pred, n_gold)
    sp, sr, sf = _prf(strict_tp, n_pred, n_gold)
    report.scores = {
        "n_gold": n_gold, "n_predicted": n_pred,
        "span_precision": p, "span_recall": r, "span_f1": f,
        "strict_span_precision": sp, "strict_span_recall": sr, "strict_span_f1": sf,
        "direct_recall": _recall(report.matches, True), "indirect_recall": _recall(report.matches, False),
        "kind_accuracy": _share(matched, lambda m: m.quote.direct == m.gold.direct),
        "speaker_accuracy": _share(matched, lambda m: m.speaker_ok),
        "speaker_name_accuracy": _share(matched, lambda m: m.name_ok),
    }
    return report


def _recall(matches: list[Match], direct: bool) -> float:
    of_kind = [m for m in matches if m.gold.direct == direct]
    return _share(of_kind, lambda m: m.quote is not None)


def _share(items, test) -> float:
    return sum(1 for i in items if test(i)) / len(items) if items else 0.0


def format_report(report: QuoteReport, texts: dict[str, str] | None = None, errors: bool = False) -> str:
    s = report.scores
    lines = [
        f"quotes: {s['n_gold']} gold, {s['n_predicted']} predicted",
        f"  span (overlap >= {OVERLAP}) P {s['span_precision']:.3f}  R {s['span_recall']:.3f}  F1 {s['span_f1']:.3f}",
        f"  span (exact)           P {s['strict_span_precision']:.3f}  R {s['strict_span_recall']:.3f}"
        f"  F1 {s['strict_span_f1']:.3f}",
        f"  recall direct {s['direct_recall']:.3f}  indirect {s['indirect_recall']:.3f}"
        f"  kind accuracy {s['kind_accuracy']:.3f}",
        f"  speaker accuracy {s['speaker_accuracy']:.3f}  speaker name accuracy {s['speaker_name_accuracy']:.3f}",
    ]
    if errors and texts is not None:
        for m in report.matches:
            text = texts.get(m.gold.id, "")
            if m.quote is None:
                lines.append(f"  MISSED  {m.gold.id} [{m.gold.start}:{m.gold.end}] {text[m.gold.start:m.gold.end]!r}")
            elif not m.speaker_ok:
                who = m.quote.speaker.text if m.quote.speaker else None
                gold = text[m.gold.speaker[0]:m.gold.speaker[1]] if m.gold.speaker else None
                lines.append(f"  SPEAKER {m.gold.id} [{m.gold.start}] got {who!r}, gold {gold!r} ({m.gold.speaker_name})")
        for aid, q in report.false_positives:
            lines.append(f"  EXTRA   {aid} [{q.start}:{q.end}] {q.text!r}")
    return "\n".join(lines)
