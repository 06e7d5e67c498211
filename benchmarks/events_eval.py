"""Accuracy gate for the event coder on the three dev sets in ../shared/eval.

Codes every sentence of the CAMEO codebook examples, the PLOVER gold standard and the ConfliBERT
five-way training set with the real pipeline (:mod:`tacitus.events.evaluate`), prints the scores and
compares them with ``benchmarks/baselines/events.json``: a score more than 0.01 below its baseline
exits 1; ``--update-baseline`` rewrites the baseline instead. Skips (exit 0) when ../shared is absent.

    python benchmarks/events_eval.py [--update-baseline] [--worst N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from gate import gate  # same directory: shared benchmark helpers

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
BASELINE = ROOT / "benchmarks" / "baselines" / "events.json"
SETS = {"cameo_examples": "cameo_examples.jsonl", "plover_gsr": "plover_gsr.jsonl",
        "conflibert": "conflibert_quad_train.jsonl"}
# The scores the gate watches, per set.
GATED = {"cameo": ("root_accuracy", "code_accuracy", "root_f1", "code_f1"), "plover": ("accuracy", "f1"),
         "class5": ("accuracy", "f1")}


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
    return gate(results, BASELINE, update=args.update_baseline)


if __name__ == "__main__":
    sys.exit(main())
