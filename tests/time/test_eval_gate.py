"""Accuracy gate: value F1 on the TempEval-3 dev set stays near the recorded baseline."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT.parent / "shared" / "eval" / "timebank_aquaint.timex.jsonl"
BASELINE = ROOT / "benchmarks" / "baselines" / "time.json"


@pytest.mark.skipif(not GOLD.exists(), reason="shared/eval dev set not available")
def test_value_f1_not_below_baseline():
    spec = importlib.util.spec_from_file_location("time_eval", ROOT / "benchmarks" / "time_eval.py")
    time_eval = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(time_eval)
    result = time_eval.evaluate(time_eval.load_docs(GOLD))
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))["value_f1"]
    assert result["value_f1"] >= baseline - 0.01
