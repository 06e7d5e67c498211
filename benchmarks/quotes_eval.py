"""Accuracy gate for the quote stage on the team's gold set (benchmarks/gold/quotes.jsonl).

Reads the gold quotes (offsets and speakers only), takes the articles they name from ../shared/corpus, codes them
with the stages quotes depend on (parse, actors, quotes: a failure in an unrelated stage must not move these
scores) and prints span F1 (by overlap and exact), direct/indirect recall and speaker accuracy
(:mod:`tacitus.quotes.evaluate`) for each split of the gold set ("dev": the quotes the stage was developed on;
"test": held out, labelled after development) and for all quotes together. A score more than 0.01 below ``benchmarks/baselines/quotes.json`` exits 1;
``--update-baseline`` rewrites the baseline. Skips (exit 0) when ../shared is absent.

    python benchmarks/quotes_eval.py [--update-baseline] [--errors]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from gate import corpus_articles, gate  # same directory: shared benchmark helpers

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
GOLD = ROOT / "benchmarks" / "gold" / "quotes.jsonl"
BASELINE = ROOT / "benchmarks" / "baselines" / "quotes.json"
GATED = ("span_f1", "strict_span_f1", "speaker_accuracy", "speaker_name_accuracy")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update-baseline", action="store_true")
    parser.add_argument("--errors", action="store_true", help="list missed quotes, wrong speakers, extra quotes")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is not present")
        return 0
    from tacitus import Pipeline
    from tacitus.actors.stage import ActorStage
    from tacitus.quotes.stage import QuoteStage
    from tacitus.quotes.evaluate import format_report, read_gold, score

    gold = read_gold(GOLD)
    articles = list(corpus_articles({g.id for g in gold}))
    started = time.perf_counter()
    coded = list(Pipeline(stages=[ActorStage(), QuoteStage()]).pipe(articles))
    for article in coded:
        for error in article.errors:
            print(f"  {article.id}: {error.code} {error.message}")
    elapsed = time.perf_counter() - started
    texts = {a.id: a.text for a in coded}
    results = {}
    for split in sorted({g.split for g in gold}) + ["all"]:
        part = [g for g in gold if split in ("all", g.split)]
        report = score(part, coded)
        print(f"[{split}] " + format_report(report, texts, errors=args.errors and split != "all"))
        results[split] = {k: round(report.scores[k], 4) for k in GATED}
    print(f"  ({len(coded)} articles in {elapsed:.1f} s: parse, actors, quotes)")
    return gate(results, BASELINE, update=args.update_baseline)


if __name__ == "__main__":
    sys.exit(main())
