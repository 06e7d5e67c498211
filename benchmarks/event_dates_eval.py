"""Accuracy gate for event dating on the team's gold set (benchmarks/gold/event_dates.jsonl).

Reads the gold events (article id, the trigger's offsets, the date the event happened and its precision;
no text), codes their articles from ../shared/corpus with the full pipeline and, for each gold event
the pipeline also finds (an event whose trigger has the gold offsets), compares the dates:

- accuracy: the event's date is the gold date, at the gold precision ("2014-11" is not "2014-11-03");
  a gold ``past`` event (before the story, date unknown) is right when Tacitus gives it no date
  (``before_publication``), a gold ``future`` event when it is undated and after publication
  (``after_publication``); gold ``unknown`` events are left out;
- within a day: a day-precision gold date counts as right when the date given is at most a day away;
- the same two scores, on the same events, for the convention GDELT and ICEWS follow, every event
  dated on the day its story was published, side by side as the baseline to beat;
- coverage: how many gold events the pipeline still finds at their triggers (the set was drawn from the
  coder's events; a change to the coder or the actors can lose some);
- accuracy by the step that dated each event (``evidence["date_basis"]``), and by gold precision.

A score more than 0.01 below ``benchmarks/baselines/event_dates.json`` exits 1; ``--update-baseline``
rewrites it. ``--errors`` lists the misses. Skips (exit 0) when ../shared is absent.

    python benchmarks/event_dates_eval.py [--update-baseline] [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from gate import CORPUS, corpus_articles, gate  # same directory: shared benchmark helpers

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "gold" / "event_dates.jsonl"
BASELINE = ROOT / "benchmarks" / "baselines" / "event_dates.json"


def right(gold: dict, got_date: str | None, got_precision: str | None, within_a_day: bool = False) -> bool:
    if gold["precision"] == "past":
        return got_date is None and got_precision == "before_publication"
    if gold["precision"] == "future":
        return got_date is None and got_precision == "after_publication"
    if gold["date"] is None or got_date is None:
        return False
    if got_date == gold["date"]:
        return True
    if within_a_day and len(gold["date"]) == len(got_date) == 10:
        try:
            return abs((date.fromisoformat(got_date) - date.fromisoformat(gold["date"])).days) <= 1
        except ValueError:
            return False
    return False


def score(gold: list[dict], coded: dict) -> tuple[dict, list[str], Counter, Counter]:
    scored = found = ok = ok_day = base = base_day = 0
    by_basis: Counter = Counter()
    by_basis_ok: Counter = Counter()
    misses = []
    for g in gold:
        if g["precision"] == "unknown":
            continue
        scored += 1
        article = coded[g["article"]]
        event = next((e for e in article.events if (e.trigger.start, e.trigger.end) == (g["start"], g["end"])), None)
        if event is None:
            misses.append(f"  {g['article']} {g['start']}-{g['end']}: no event found there")
            continue
        found += 1
        # The baseline is scored on the same events.
        base += right(g, article.published, "publication")
        base_day += right(g, article.published, "publication", within_a_day=True)
        basis = event.evidence.get("date_basis", "?")
        hit = right(g, event.date, event.date_precision)
        ok += hit
        ok_day += right(g, event.date, event.date_precision, within_a_day=True)
        by_basis[basis] += 1
        by_basis_ok[basis] += hit
        if not hit:
            trigger = article.text[g["start"]:g["end"]]
            misses.append(f"  {g['article']} {g['start']}-{g['end']} {trigger!r}: gold {g['date']} ({g['precision']}), "
                          f"got {event.date} ({event.date_precision}; {basis})")
    results = {
        "tacitus": {"accuracy": ok / found if found else 0.0, "within_a_day": ok_day / found if found else 0.0},
        "publication_date": {"accuracy": base / found if found else 0.0,
                             "within_a_day": base_day / found if found else 0.0},
        "coverage": found / scored if scored else 0.0,
    }
    return results, misses, by_basis, by_basis_ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update-baseline", action="store_true")
    parser.add_argument("--errors", action="store_true", help="list the events dated wrong")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found")
        return 0
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    from tacitus.pipeline import Pipeline

    pipeline = Pipeline()
    coded = {a.id: a for a in pipeline.pipe(corpus_articles({g["article"] for g in gold}))}
    results, misses, by_basis, by_basis_ok = score(gold, coded)
    precisions = Counter(g["precision"] for g in gold)
    print(f"{len(gold)} gold events in {len(coded)} articles; by gold precision: "
          + ", ".join(f"{k} {v}" for k, v in sorted(precisions.items())))
    print(f"events found at the gold triggers: {results['coverage']:.3f} of those with a known date")
    print(f"Tacitus           accuracy {results['tacitus']['accuracy']:.3f}   within a day "
          f"{results['tacitus']['within_a_day']:.3f}")
    print(f"publication date  accuracy {results['publication_date']['accuracy']:.3f}   within a day "
          f"{results['publication_date']['within_a_day']:.3f}   (every event dated the day its story ran)")
    print("by the step that dated the event:")
    for basis, n in by_basis.most_common():
        print(f"  {basis:<40} {by_basis_ok[basis]:>3} of {n:>3} right")
    if args.errors:
        print("\n".join(misses))
    return gate(results, BASELINE, update=args.update_baseline)


if __name__ == "__main__":
    sys.exit(main())
