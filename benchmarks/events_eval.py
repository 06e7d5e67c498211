"""Accuracy gate for the event coder on the three dev sets in ../shared/eval.

Codes every sentence of the CAMEO codebook examples, the PLOVER gold standard and the ConfliBERT
five-way training set with the real pipeline (:mod:`tacitus.events.evaluate`), prints the scores and
compares them with ``benchmarks/baselines/events.json``: a score more than 0.01 below its baseline
exits 1; ``--update-baseline`` rewrites the baseline instead. Skips (exit 0) when ../shared is absent.

    python benchmarks/events_eval.py [--update-baseline] [--worst N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
BASELINE = ROOT / "benchmarks" / "baselines" / "events.json"
SETS = {"cameo_examples": "cameo_examples.jsonl", "plover_gsr": "plover_gsr.jsonl",
        "conflibert": "conflibert_quad_train.jsonl"}
# The scores the gate watches, per set.
GATED = {"cameo": ("root_accuracy", "code_accuracy", "root_f1", "code_f1"), "plover": ("accuracy", "f1"),
         "class5": ("accuracy", "f1")}
TOLERANCE = 0.01


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update-baseline", action="store_true")
    parser.add_argument("--worst", type=int, default=0, help="print the N worst sentences of each set")
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is not present")
        return 0
    from tacitus.events.evaluate import evaluate_file, evaluation_pipeline, format_report

    pipeline = evaluation_pipeline()
    results = {}
    for name, file in SETS.items():
        started = time.perf_counter()
        report = evaluate_file(SHARED / file, pipeline)
        elapsed = time.perf_counter() - started
        print(format_report(report, worst_n=args.worst))
        print(f"  ({report.n / elapsed:.0f} sentences/s end to end)\n")
        results[name] = {k: round(report.scores[k], 4) for k in GATED[report.kind]}
    if args.update_baseline or not BASELINE.exists():
        BASELINE.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"baseline written to {BASELINE}")
        return 0
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    failed = False
    print("against baseline:")
    for name, scores in results.items():
        for key, value in scores.items():
            old = baseline.get(name, {}).get(key)
            mark = ""
            if old is not None and value < old - TOLERANCE:
                mark, failed = "  DROP", True
            print(f"  {name:<15} {key:<14} {value:.4f} (baseline {old if old is not None else '-'}){mark}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
