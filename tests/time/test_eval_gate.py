"""Accuracy gate: value F1 on the TempEval-3 dev set stays near the recorded baseline."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT.parent / "shared" / "eval" / "timebank_aquaint.timex.jsonl"
BASELINE = ROOT / "benchmarks" / "baselines" / "time.json"


def load_time_eval():
    spec = importlib.util.spec_from_file_location("time_eval", ROOT / "benchmarks" / "time_eval.py")
    time_eval = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(time_eval)
    return time_eval


@pytest.mark.skipif(not GOLD.exists(), reason="shared/eval dev set not available")
def test_value_f1_not_below_baseline():
    time_eval = load_time_eval()
    result = time_eval.evaluate(time_eval.load_docs(GOLD))
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))["value_f1"]
    assert result["value_f1"] >= baseline - 0.01


# Two small stories in the dev set's format: "now" annotated once of twice, "last week" in two forms.
DOCS = [
    {"text": "Now, he said, prices are now falling.", "dct": "1998-03-01",
     "timexes": [{"start": 25, "end": 28, "text": "now", "type": "DATE", "value": "PRESENT_REF"}]},
    {"text": "Talks ended last week. Last week was busy.", "dct": "1989-10-30",
     "timexes": [{"start": 12, "end": 21, "text": "last week", "type": "DATE", "value": "1989-W43"},
                 {"start": 23, "end": 32, "text": "Last week", "type": "DATE", "value": "1989-WXX"}]},
]


def test_the_wording_census_counts_what_the_gold_annotates_and_how():
    time_eval = load_time_eval()
    assert time_eval.wording_census(DOCS, "now") == {"occurrences": 2, "annotated": 1, "forms": [("PRESENT_REF", 1)]}
    found = time_eval.wording_census(DOCS, "last week")
    assert (found["occurrences"], found["annotated"]) == (2, 2)
    assert sorted(found["forms"]) == [("NNNN-WNN", 1), ("NNNN-WXX", 1)]


def test_the_consistent_oracle_tags_a_wording_everywhere_or_nowhere():
    time_eval = load_time_eval()
    oracle = time_eval.consistent_oracle(DOCS)
    # "now": annotated 1 of 2, so tagged everywhere (2 predicted, 1 right); "last week": one form right of 2.
    assert (oracle["predicted"], oracle["right"]) == (4, 2)
