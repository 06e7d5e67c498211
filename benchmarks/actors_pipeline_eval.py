"""End-to-end actor accuracy: the sources and targets of the events Tacitus codes, against PLOVER gold.

Reads ``../shared/eval/plover_gsr.jsonl`` (or the path given), codes each sentence with the whole
pipeline (parse, actors, quotes, events) and compares the countries and sectors of the coded events'
sources and targets with the gold source and target actor codes. For each role it prints:

- recall: the share of gold actors whose country (sector) is among the coded ones of that role;
- precision: the share of coded actors whose country (sector) is among the gold ones.

Sentences where Tacitus codes no event count as misses for recall. Skips (exit 0) without the gold file.

    python benchmarks/actors_pipeline_eval.py [path/to/plover_gsr.jsonl]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from actors_dictionary_eval import gold_codes, split_code  # same directory: shared gold-code reading

from tacitus import Pipeline, article_from_text

DEFAULT_GOLD = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "plover_gsr.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    args = parser.parse_args()
    if not args.gold.exists():
        print(f"skipped: {args.gold} not found")
        return 0
    rows = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    pipeline = Pipeline()
    started = time.perf_counter()
    articles = pipeline.pipe(article_from_text(r["text"], id=r["id"]) for r in rows)
    tallies = {(role, part, kind): [0, 0] for role in ("source", "target") for part in ("country", "sector")
               for kind in ("recall", "precision")}
    for row, article in zip(rows, articles):
        gold = row["gold"]
        for role in ("source", "target"):
            wanted = [split_code(c) for c in gold_codes(gold.get(role))]
            wanted = [w for w in wanted if w[0]]
            got = [getattr(e, role).actor for e in article.events if getattr(e, role) is not None]
            got = [(a.country or (a.code or "")[:3] or None, a.sector) for a in got]
            for index, part in enumerate(("country", "sector")):
                gold_values = {w[index] for w in wanted if w[index]}
                got_values = {g[index] for g in got if g[index]}
                hit = tallies[(role, part, "recall")]
                for value in gold_values:
                    hit[0] += value in got_values
                    hit[1] += 1
                hit = tallies[(role, part, "precision")]
                for value in got_values:
                    hit[0] += value in gold_values
                    hit[1] += 1
    elapsed = time.perf_counter() - started
    print(f"sentences: {len(rows)}  ({len(rows) / elapsed:.0f}/s end to end)")
    for (role, part, kind), (hits, total) in tallies.items():
        share = hits / total if total else 0.0
        print(f"{role:<6} {part:<7} {kind:<9} {hits:>4}/{total:<4} = {share:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
