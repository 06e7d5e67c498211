"""Accuracy gate for toponym resolution on the team's gold set (benchmarks/gold/places.jsonl).

Reads the gold toponyms (article id, offsets, GeoNames id or admin1 code, ISO3 country; no text), codes their
articles from ../shared/corpus with the full pipeline and prints, over all gold toponyms:

- country accuracy: the system's place overlapping the gold span has the gold country;
- exact-place accuracy: it has the gold GeoNames id (toponyms whose place GeoNames lacks in the tables Tacitus
  ships count as misses);
- coverage (a place was resolved at all) and precision (country right among those resolved);
- the cost: the gazetteer's build time and memory, and the places stages' time per article beside the
  full pipeline's (measured in the same run, so the ratio holds on a busy machine).

A score more than 0.01 below ``benchmarks/baselines/places.json`` exits 1; ``--update-baseline`` rewrites it.
``--errors`` lists the misses. Skips (exit 0) when ../shared is absent.

    python benchmarks/places_eval.py [--update-baseline] [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from gate import corpus_articles, gate  # same directory: shared benchmark helpers

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
GOLD = ROOT / "benchmarks" / "gold" / "places.jsonl"
BASELINE = ROOT / "benchmarks" / "baselines" / "places.json"
GATED = ("country_accuracy", "exact_accuracy", "precision")


def system_place(article, start: int, end: int):
    """The article's place (or dateline) that overlaps characters start..end, if any."""
    places = list(article.places) + ([article.dateline] if article.dateline else [])
    overlapping = [p for p in places if p.start < end and p.end > start]
    return min(overlapping, key=lambda p: abs(p.start - start)) if overlapping else None


def score(gold: list[dict], coded: dict) -> tuple[dict[str, float], list[str]]:
    n = len(gold)
    country = exact = resolved = 0
    misses = []
    for g in gold:
        article = coded[g["article"]]
        place = system_place(article, g["start"], g["end"])
        got_country = place.country if place else None
        got_id = place.geonames if place else None
        resolved += got_country is not None
        country += got_country == g["country"]
        exact += g["geonames"] is not None and got_id == g["geonames"]
        if got_country != g["country"] or got_id != g["geonames"]:
            text = article.text[g["start"]:g["end"]]
            got = f"{place.name} {got_country} {got_id} ({place.feature}, {place.confidence})" if place and got_country \
                else ("unresolved" if place else "not found")
            misses.append(f"  {g['article']} {g['start']}-{g['end']} {text!r}: gold {g['country']} {g['geonames']}, got {got}")
    scores = {
        "country_accuracy": country / n,
        "exact_accuracy": exact / n,
        "coverage": resolved / n,
        "precision": country / resolved if resolved else 0.0,
        "gold_toponyms": n,
    }
    return scores, misses


def gazetteer_cost() -> tuple[float, float]:
    """Seconds and resident megabytes that building the gazetteer takes (once per process)."""
    import psutil

    from tacitus.places.gazetteer import default_gazetteer

    process = psutil.Process()
    before = process.memory_info().rss
    started = time.perf_counter()
    default_gazetteer()
    return time.perf_counter() - started, (process.memory_info().rss - before) / 2**20


def places_stage_seconds(articles) -> float:
    """Seconds the places and event-location stages take over ``articles`` (parsed and coded once already)."""
    from tacitus.places.location import EventLocationStage
    from tacitus.places.stage import PlaceStage

    places, locations = PlaceStage(), EventLocationStage()
    started = time.perf_counter()
    for article in articles:
        locations(places(article))
    return time.perf_counter() - started


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update-baseline", action="store_true")
    parser.add_argument("--errors", action="store_true", help="list the toponyms resolved wrongly or not at all")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is not present")
        return 0
    from tacitus import Pipeline

    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = list(corpus_articles({g["article"] for g in gold}))
    load_s, load_mb = gazetteer_cost()
    started = time.perf_counter()
    coded = {a.id: a for a in Pipeline().pipe(articles)}
    elapsed = time.perf_counter() - started
    stage_s = places_stage_seconds(list(coded.values()))
    scores, misses = score(gold, coded)
    print(f"places: {scores['gold_toponyms']} gold toponyms in {len(coded)} articles")
    for key in ("country_accuracy", "exact_accuracy", "coverage", "precision"):
        print(f"  {key:<18} {scores[key]:.4f}")
    print(f"  ({len(coded)} articles in {elapsed:.1f} s, full pipeline)")
    print(f"cost: gazetteer built once in {load_s:.1f} s, +{load_mb:.0f} MB resident; places and event-location stages "
          f"{1000 * stage_s / len(coded):.1f} ms/article = {stage_s / elapsed:.1%} of the full pipeline's time")
    if args.errors:
        print("misses:")
        print("\n".join(misses))
    results = {k: round(scores[k], 4) for k in GATED}
    return gate(results, BASELINE, update=args.update_baseline)


if __name__ == "__main__":
    sys.exit(main())
