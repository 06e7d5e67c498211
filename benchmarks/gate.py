"""What the accuracy benchmarks share: reading corpus articles by id and the baseline gate.

A gate compares this run's scores with the recorded baseline (``benchmarks/baselines/*.json``) and
fails when a score falls more than ``tolerance`` below it, like trafilatura's evaluation gate;
``update=True`` (``--update-baseline``) records this run's scores instead.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
TOLERANCE = 0.01


def corpus_articles(ids: set[str], corpus: Path = CORPUS):
    """Articles of ``../shared/corpus/*.jsonl`` whose id is in ``ids``, in file order."""
    import tacitus

    for file in sorted(corpus.glob("*.jsonl")):
        with open(file, encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                if record["id"] in ids:
                    yield tacitus.article_from_text(record["text"], id=record["id"], published=record.get("published"))


def _flatten(scores: dict, prefix: tuple = ()) -> dict[tuple, float]:
    flat = {}
    for key, value in scores.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, prefix + (key,)))
        else:
            flat[prefix + (key,)] = value
    return flat


def gate(results: dict, baseline_path: Path, update: bool = False, tolerance: float = TOLERANCE) -> int:
    """Print each score beside its baseline; return 1 when one dropped by more than ``tolerance``.

    ``results`` is ``{score: value}`` or ``{group: {score: value}}``, as the baseline file holds it.
    With ``update`` or without a baseline file, write ``results`` as the new baseline and return 0."""
    if update or not baseline_path.exists():
        baseline_path.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"baseline written to {baseline_path}")
        return 0
    baseline = _flatten(json.loads(baseline_path.read_text(encoding="utf-8")))
    failed = False
    print("against baseline:")
    for key, value in _flatten(results).items():
        old = baseline.get(key)
        mark = ""
        if old is not None and value < old - tolerance:
            mark, failed = "  DROP", True
        name = " ".join(f"{part:<15}" for part in key)
        print(f"  {name} {value:.4f} (baseline {old if old is not None else '-'}){mark}")
    return 1 if failed else 0
