"""Accuracy gate for the time stage on the TempEval-3 TimeBank/AQUAINT dev set.

Reads ../shared/eval/timebank_aquaint.timex.jsonl (relative to the repository) when it exists,
runs ``find_timexes(text, dct)`` on every document and prints the TempEval-3 measures: strict
and relaxed span P/R/F1, type and value accuracy over relaxed matches, and value F1 (relaxed
matches with the right value, as TempEval-3 scores it), and throughput: documents per second,
and characters per second on the documents side by side with one long text made of them (a
ratio well under 1 means some step grows faster than the text). Compares value F1 with
``benchmarks/baselines/time.json`` and exits 1 when it drops more than 0.005 below it;
``--update-baseline`` rewrites the baseline instead.

    python benchmarks/time_eval.py [--gold PATH] [--update-baseline] [--errors N] [--census]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from tacitus.time import find_timexes
from tacitus.time.grammar import LEX

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "timebank_aquaint.timex.jsonl"
BASELINE = ROOT / "benchmarks" / "baselines" / "time.json"
TOLERANCE = 0.005


def prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> tuple[float, float, float]:
    """Return precision, recall and F1 from matched-prediction and matched-gold counts."""
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_docs(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def evaluate(docs: list[dict], show_errors: int = 0, parsed: bool = False) -> dict:
    """Run the time stage over ``docs``; return the TempEval-3 measures and throughput.

    With ``parsed``, each document is parsed with spaCy first and the rules read the parse's tenses as
    the pipeline's time stage does (:func:`tacitus.time.stage.parse_future`); throughput then
    includes the parse.
    """
    n_gold = n_pred = 0
    strict_p = strict_g = relaxed_p = relaxed_g = 0
    type_ok = value_ok = value_pred = value_gold = 0
    errors: list[str] = []
    # (kind, doc, gold dict or None, predicted Timex or None) for every error, for the census.
    misses: list[tuple[str, dict, dict | None, object]] = []
    started, cpu_started = time.perf_counter(), time.process_time()
    if parsed:
        from tacitus.parse import load_model
        from tacitus.time.stage import parse_future

        parses = load_model().pipe(d["text"] for d in docs)
        predictions = [find_timexes(d["text"], d.get("dct"), future_at=parse_future(doc))
                       for d, doc in zip(docs, parses)]
    else:
        predictions = [find_timexes(d["text"], d.get("dct")) for d in docs]
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    for doc, pred in zip(docs, predictions):
        gold = doc["timexes"]
        n_gold += len(gold)
        n_pred += len(pred)
        gold_spans = {(g["start"], g["end"]) for g in gold}
        pred_spans = {(p.start, p.end) for p in pred}
        strict_p += len(pred_spans & gold_spans)
        strict_g += len(gold_spans & pred_spans)
        for p in pred:
            hits = [g for g in gold if p.start < g["end"] and g["start"] < p.end]
            if hits:
                relaxed_p += 1
                if any(g["value"] == p.value for g in hits):
                    value_pred += 1
            else:
                misses.append(("FP", doc, None, p))
            if not hits and show_errors:
                ctx = doc["text"][max(0, p.start - 30): p.end + 20].replace("\n", " ")
                errors.append(f"FP  {doc['dct'][:10]} {p.text!r} {p.type} {p.value} | {ctx}")
        for g in gold:
            hits = [p for p in pred if p.start < g["end"] and g["start"] < p.end]
            if hits:
                relaxed_g += 1
                best = next((p for p in hits if p.value == g["value"]), hits[0])
                type_ok += best.type == g["type"]
                value_ok += best.value == g["value"]
                value_gold += best.value == g["value"]
                if best.value != g["value"]:
                    misses.append(("VAL", doc, g, best))
                if show_errors and best.value != g["value"]:
                    ctx = doc["text"][max(0, g["start"] - 60): g["end"] + 40].replace("\n", " ")
                    errors.append(f"VAL {doc['dct'][:10]} {g['text']!r} gold={g['type']} {g['value']} "
                                  f"pred={best.text!r} {best.type} {best.value} | {ctx}")
            else:
                misses.append(("FN", doc, g, None))
            if not hits and show_errors:
                ctx = doc["text"][max(0, g["start"] - 30): g["end"] + 20].replace("\n", " ")
                errors.append(f"FN  {doc['dct'][:10]} {g['text']!r} {g['type']} {g['value']} | {ctx}")
    sp, sr, sf = prf(strict_p, n_pred, strict_g, n_gold)
    rp, rr, rf = prf(relaxed_p, n_pred, relaxed_g, n_gold)
    vp, vr, vf = prf(value_pred, n_pred, value_gold, n_gold)
    return {
        "docs": len(docs), "gold": n_gold, "predicted": n_pred,
        "strict": {"p": sp, "r": sr, "f1": sf}, "relaxed": {"p": rp, "r": rr, "f1": rf},
        "type_accuracy": type_ok / relaxed_g if relaxed_g else 0.0,
        "value_accuracy": value_ok / relaxed_g if relaxed_g else 0.0,
        "value_f1": vf, "value": {"p": vp, "r": vr, "f1": vf},
        "docs_per_s": len(docs) / elapsed if elapsed else float("inf"),
        # CPU time, which other processes on a shared machine disturb less than wall time.
        "docs_per_cpu_s": len(docs) / cpu if cpu else float("inf"),
        "errors": errors[:show_errors] if show_errors else [],
        "misses": misses, "value_correct": value_pred,
    }


def shape(value: str | None) -> str:
    """A TIMEX3 value with its digits hidden: "1998-W12" and "1989-W43" share a shape, "1998-WXX" does not."""
    return re.sub(r"\d", "N", value or "")


def words_key(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", " ".join(text.lower().split()))


WEEKDAYS = frozenset(LEX.weekdays)


def census(docs: list[dict], result: dict) -> dict[str, int]:
    """Sort the errors by what the dev set itself says about them.

    - ``convention``: a wrong value whose form (digits hidden) the dev set gives the same words elsewhere
      ("last week" as 1998-W12 in one story, 1989-WXX in another): the annotation disagrees with itself.
    - ``other anchor``: a weekday the gold resolves more than a week from the document's date, counted
      from some other day than the one the document is dated.
    - ``annotated elsewhere``: an expression found where the gold has none, though the same words are
      annotated in other documents.
    - the rest, by kind: ``value`` (wrong value), ``missed``, ``spurious``.
    """
    gold_shapes: dict[str, set[str]] = {}
    for doc in docs:
        for g in doc["timexes"]:
            gold_shapes.setdefault(words_key(g["text"]), set()).add(shape(g["value"]))
    counts = {"convention": 0, "other anchor": 0, "annotated elsewhere": 0, "value": 0, "missed": 0, "spurious": 0}
    for kind, doc, gold, pred in result["misses"]:
        if kind == "FP":
            counts["annotated elsewhere" if words_key(pred.text) in gold_shapes else "spurious"] += 1
        elif kind == "FN":
            counts["missed"] += 1
        elif shape(pred.value) != shape(gold["value"]) and shape(pred.value) in gold_shapes.get(words_key(gold["text"]), ()):
            counts["convention"] += 1
        elif words_key(gold["text"]).split(" ")[0] in WEEKDAYS and far_from(gold["value"], doc.get("dct")):
            counts["other anchor"] += 1
        else:
            counts["value"] += 1
    return counts


def consistent_oracle(docs: list[dict]) -> dict[str, float]:
    """Score the best tagger that treats the same words the same way, to see how far the gold lets one go.

    The oracle knows the gold: for every wording the gold annotates somewhere (a year in digits aside,
    whose value is its own), it tags all of that wording's occurrences in the text when the gold
    annotates most of them, and none otherwise; and it gives each the form (:func:`shape`) the gold
    gives that wording most often, counted right wherever the gold has that form. A real tagger reads
    context and can do better on some words; it also has to get every actual value right, which this
    oracle is spared. So this is a rough ceiling for rules that mean the same thing by the same words,
    not a proof of one.
    """
    annotated: dict[str, Counter] = {}
    for doc in docs:
        for g in doc["timexes"]:
            annotated.setdefault(words_key(g["text"]), Counter())[shape(g["value"])] += 1
    n_gold = sum(sum(forms.values()) for forms in annotated.values())
    right = predicted = 0
    for key, forms in annotated.items():
        tagged = sum(forms.values())
        if not re.search(r"[a-z]", key):
            right, predicted = right + tagged, predicted + tagged
            continue
        words = re.compile(r"(?<![\w-])" + r"\s+".join(map(re.escape, key.split())) + r"(?![\w-])", re.IGNORECASE)
        untagged = sum(1 for doc in docs for m in words.finditer(doc["text"])
                       if not any(g["start"] < m.end() and m.start() < g["end"] for g in doc["timexes"]))
        if tagged >= untagged:
            right, predicted = right + max(forms.values()), predicted + tagged + untagged
    p, r = prf(right, predicted, right, n_gold)[:2]
    return {"predicted": predicted, "right": right, "p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def wording_census(docs: list[dict], wording: str) -> dict:
    """How the gold treats one wording ("now", "last week"): its occurrences in the text, how many it
    annotates, and the forms (:func:`shape`) it gives them, most common first."""
    words = re.compile(r"(?<![\w-])" + r"\s+".join(map(re.escape, wording.split())) + r"(?![\w-])", re.IGNORECASE)
    occurrences = annotated = 0
    forms: Counter = Counter()
    for doc in docs:
        for m in words.finditer(doc["text"]):
            occurrences += 1
            hits = [g for g in doc["timexes"] if g["start"] <= m.start() and m.end() <= g["end"]]
            if hits:
                annotated += 1
                forms[shape(hits[0]["value"])] += 1
    return {"occurrences": occurrences, "annotated": annotated, "forms": forms.most_common()}


def far_from(value: str, dct: str | None, days: int = 7) -> bool:
    try:
        return abs((dt.date.fromisoformat(value[:10]) - dt.date.fromisoformat((dct or "")[:10])).days) > days
    except ValueError:
        return False


LONG_TEXT_CHARS = 200_000


def long_text_speed(docs: list[dict]) -> tuple[float, float]:
    """Return chars/s over the documents one by one and over one ~200 KB text joined from them."""
    texts, size = [], 0
    for doc in docs:
        if size >= LONG_TEXT_CHARS:
            break
        texts.append(doc["text"])
        size += len(doc["text"]) + 2
    dct = docs[0].get("dct") if docs else None
    started = time.perf_counter()
    for doc, text in zip(docs, texts):
        find_timexes(text, doc.get("dct"))
    short = size / (time.perf_counter() - started)
    started = time.perf_counter()
    find_timexes("\n\n".join(texts), dct)
    return short, size / (time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--update-baseline", action="store_true")
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors")
    parser.add_argument("--wording", action="append", default=[], metavar="WORDS",
                        help="print how often the gold annotates WORDS where they occur, and in which forms "
                             "(repeatable); nothing is scored")
    parser.add_argument("--parsed", action="store_true",
                        help="parse with spaCy first, as the pipeline does, so the rules can read tenses")
    parser.add_argument("--census", action="store_true",
                        help="sort the errors by what the dev set says about them (see census())")
    args = parser.parse_args(argv)
    if not args.gold.exists():
        print(f"skipped: {args.gold} not found")
        return 0
    docs = load_docs(args.gold)
    if args.wording:
        for wording in args.wording:
            found = wording_census(docs, wording)
            forms = ", ".join(f"{form} {n}" for form, n in found["forms"])
            print(f"{wording!r}: {found['occurrences']} in the text, {found['annotated']} annotated ({forms})")
        return 0
    result = evaluate(docs, args.errors, parsed=args.parsed)
    for line in result["errors"]:
        print(line)
    print(f"docs {result['docs']}  gold {result['gold']}  predicted {result['predicted']}")
    for name in ("strict", "relaxed", "value"):
        m = result[name]
        print(f"{name:8s} P {m['p']:.3f}  R {m['r']:.3f}  F1 {m['f1']:.3f}")
    print(f"type accuracy {result['type_accuracy']:.3f}  value accuracy {result['value_accuracy']:.3f}")
    print(f"value F1 {result['value_f1']:.3f}")
    if args.census:
        counts = census(docs, result)
        print("errors: " + ", ".join(f"{name} {n}" for name, n in counts.items()))
        # Value F1 if the gold agreed with itself on the first three kinds (each counted as right).
        fixed = counts["convention"] + counts["other anchor"]
        n_pred = result["predicted"] - counts["annotated elsewhere"]
        p, r = (result["value_correct"] + fixed) / n_pred, (result["value_correct"] + fixed) / result["gold"]
        print(f"value F1 with those three kinds set aside: {2 * p * r / (p + r):.3f}")
        oracle = consistent_oracle(docs)
        print(f"the same words read the same way, by an oracle that knows the gold (see consistent_oracle()): "
              f"P {oracle['p']:.3f}  R {oracle['r']:.3f}  value F1 {oracle['f1']:.3f}")
    print(f"throughput {result['docs_per_s']:.0f} docs/s (wall), {result['docs_per_cpu_s']:.0f} docs/s (CPU)")
    short, long = long_text_speed(load_docs(args.gold))
    print(f"chars/s   documents {short:,.0f}  one {LONG_TEXT_CHARS // 1000} KB text {long:,.0f}  (ratio {long / short:.2f})")
    summary = {k: result[k] for k in ("docs", "gold", "strict", "relaxed", "type_accuracy", "value_accuracy", "value_f1")}
    if args.update_baseline:
        BASELINE.parent.mkdir(parents=True, exist_ok=True)
        BASELINE.write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"baseline written to {BASELINE.relative_to(ROOT)}")
        return 0
    if BASELINE.exists():
        base = json.loads(BASELINE.read_text(encoding="utf-8"))["value_f1"]
        if result["value_f1"] < base - TOLERANCE:
            print(f"FAIL: value F1 {result['value_f1']:.3f} is below the baseline {base:.3f} - {TOLERANCE}")
            return 1
        print(f"ok: value F1 {result['value_f1']:.3f} vs baseline {base:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
