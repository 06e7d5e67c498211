"""Actor accuracy in the running pipeline, against the PLOVER gold standard's sources and targets.

Reads ``../shared/eval/plover_gsr.jsonl`` (or the path given) and codes each sentence with the whole
pipeline (parse, actors with coreference, quotes, events). Two measures, source and target apart,
country and sector apart:

1. Actor accuracy: for every gold source/target span of the markup, the actor the pipeline gave the
   mention that covers it (after coreference; a plural mention counts through its members), scored
   like ``actors_dictionary_eval.py``. A span with no mention counts as wrong.
2. Event arguments, end to end: recall (the share of gold actors whose country/sector is among the coded
   events' sources or targets) and precision (the share of coded ones among the gold ones). Sentences
   where Tacitus codes no event count as misses for recall; this mixes event detection into the score.

Measure 1 is gated against ``benchmarks/baselines/actors.json`` (a score more than 0.01 below its
baseline exits 1; ``--update-baseline`` records this run instead); ``--misses`` lists every wrong span
(role, what is wrong, gold code, coded actor, its basis, the sentence). Skips (exit 0) without the
gold file.

    python benchmarks/actors_pipeline_eval.py [path/to/plover_gsr.jsonl] [--update-baseline] [--misses]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from actors_dictionary_eval import gold_codes, score_span, spans, split_code  # same directory: shared gold reading
from gate import gate

from tacitus import Pipeline, article_from_text

DEFAULT_GOLD = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "plover_gsr.jsonl"
BASELINE = Path(__file__).resolve().parent / "baselines" / "actors.json"


def covering_actors(article, start: int, end: int) -> list:
    """The coded actors of the mentions that overlap [start, end), the longest mention first; a plural
    mention ("Hungarian and Romanian officials") gives its members."""
    found = sorted((m for m in article.mentions if m.start < end and start < m.end),
                   key=lambda m: -(min(end, m.end) - max(start, m.start)))
    actors = []
    for mention in found:
        for member in (mention.members or [mention]):
            if member.actor is not None and (member.actor.code or member.actor.country):
                actors.append(member.actor)
    return actors


def score_mentions(row: dict, article, tallies: dict, misses: list | None = None) -> None:
    """Add one sentence's gold spans to ``tallies[(role, part)] = [right, scored]``; with ``misses``,
    append a line for each wrong span to it."""
    gold = row["gold"]
    text = row["text"]
    sources, targets = gold_codes(gold.get("source")), gold_codes(gold.get("target"))
    cursor = 0
    for marked, span in spans(gold.get("markup", "")):
        start = text.find(span, cursor)
        if start < 0:
            start = text.find(span)
        if start < 0:
            continue
        cursor = start + len(span)
        roles = {"SRC": ["source"], "TAR": ["target"], "SRC/TAR": ["source", "target"]}[marked]
        for role in roles:
            candidates = [c for c in (sources if role == "source" else targets) if split_code(c)[0]]
            if not candidates:
                continue
            actors = covering_actors(article, start, cursor) or [None]
            # Of several actors on the span (members of a plural), the best-agreeing one is scored.
            results = [(score_span(candidates, actor), actor) for actor in actors]
            (best, country_ok, sector_ok), actor = max(results, key=lambda r: (r[0][1], r[0][2] is True))
            if misses is not None and (not country_ok or sector_ok is False):
                what = ("C" if not country_ok else " ") + ("S" if sector_ok is False else " ")
                got = f"{actor.code} | {actor.basis}" if actor is not None else "no coded mention"
                misses.append(f"{role[:3]} {what} {span!r:40} gold={best:10} got={got}\n"
                              f"      {row['id']}: {text[:200]}")
            tallies[(role, "country")][0] += country_ok
            tallies[(role, "country")][1] += 1
            if sector_ok is not None:
                tallies[(role, "sector")][0] += sector_ok
                tallies[(role, "sector")][1] += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--update-baseline", action="store_true")
    parser.add_argument("--misses", action="store_true", help="list every wrong gold span")
    args = parser.parse_args()
    if not args.gold.exists():
        print(f"skipped: {args.gold} not found")
        return 0
    rows = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    pipeline = Pipeline()
    started = time.perf_counter()
    articles = pipeline.pipe(article_from_text(r["text"], id=r["id"]) for r in rows)
    span_tallies = {(role, part): [0, 0] for role in ("source", "target") for part in ("country", "sector")}
    misses: list[str] | None = [] if args.misses else None
    tallies = {(role, part, kind): [0, 0] for role in ("source", "target") for part in ("country", "sector")
               for kind in ("recall", "precision")}
    for row, article in zip(rows, articles):
        gold = row["gold"]
        score_mentions(row, article, span_tallies, misses)
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
    print("actor accuracy on the gold spans (mention found and coded by the pipeline):")
    for (role, part), (hits, total) in span_tallies.items():
        print(f"  {role:<6} {part:<7} {hits:>4}/{total:<4} = {hits / max(total, 1):.3f}")
    print("event arguments, end to end:")
    for (role, part, kind), (hits, total) in tallies.items():
        share = hits / total if total else 0.0
        print(f"{role:<6} {part:<7} {kind:<9} {hits:>4}/{total:<4} = {share:.3f}")
    if misses:
        print(f"\n{len(misses)} wrong spans (role, C country / S sector wrong, span, gold, got | basis):")
        print("\n".join(misses))
    results = {role: {part: round(hits / max(total, 1), 4) for (r, part), (hits, total) in span_tallies.items()
                      if r == role} for role in ("source", "target")}
    # Gating only the default gold file: another file's scores are not comparable to the baseline.
    if args.gold.resolve() != DEFAULT_GOLD.resolve():
        return 0
    return gate(results, BASELINE, update=args.update_baseline)


if __name__ == "__main__":
    sys.exit(main())
