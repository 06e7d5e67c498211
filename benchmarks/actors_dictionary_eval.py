"""Accuracy of the actor dictionary on the PLOVER gold standard's source/target spans.

Reads ``../shared/eval/plover_gsr.jsonl`` (or the path given as the first argument); for each
sentence takes the gold spans marked ``(SRC: ...)``, ``(TAR: ...)`` and ``(SRC/TAR: ...)``, codes each
with ``default_dictionary().code(span, context=sentence)`` and compares the result with the gold
actor codes of the same role. Prints country and sector accuracy and the worst misses. Skips (exit 0)
when the gold file is not there.

    python benchmarks/actors_dictionary_eval.py [path/to/plover_gsr.jsonl] [--misses N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from tacitus.actors.dictionary import SECTORS, default_dictionary

DEFAULT_GOLD = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "plover_gsr.jsonl"
SPAN_RE = re.compile(r"\((SRC/TAR|SRC|TAR):\s*([^()]*?)\)")
# Old CAMEO country codes that the gold file still uses, mapped to the ISO codes Tacitus emits.
LEGACY_COUNTRY = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "MTN": "MNE", "TMP": "TLS"}
# Codes that stand in the country slot although they are no country.
NON_STATE_PREFIXES = {"IGO", "IMG", "NGO", "NGM", "MNC", "INT", "UIS"}


def split_code(code: str | None) -> tuple[str | None, str | None]:
    """Read a CAMEO actor code; return (country slot, sector): the first three letters (legacy
    country codes mapped to ISO) and the first later three-letter part that is a sector code."""
    if not code or len(code) < 3 or not code[:3].isalpha() or not code[:3].isupper():
        return None, None
    head = LEGACY_COUNTRY.get(code[:3], code[:3])
    sector = None
    for i in range(3, len(code) - 2, 3):
        part = code[i : i + 3]
        if part in SECTORS and part not in NON_STATE_PREFIXES:
            sector = part
            break
    return head, sector


def gold_codes(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)]


def spans(markup: str) -> list[tuple[str, str]]:
    """Read gold markup; return (role, span text) pairs, role being SRC, TAR or SRC/TAR."""
    return [(m.group(1), m.group(2).strip()) for m in SPAN_RE.finditer(markup or "")]


def score_span(candidates: list[str], actor) -> tuple[str, bool, bool | None]:
    """Score one coded actor against the gold codes of its role: (the gold code it is scored against,
    country right, sector right or None where gold gives no sector).

    The gold codes of a role are a list and the markup does not say which code is whose, so a span is
    scored against the code it agrees with best (countries first)."""
    got_country, got_sector = split_code(actor.code) if actor and actor.code else (None, None)
    if actor and actor.country and got_country is None:
        got_country = actor.country
    best = max(candidates, key=lambda c: (split_code(c)[0] == got_country, split_code(c)[1] == got_sector))
    want_country, want_sector = split_code(best)
    # Sector is scored where gold gives one or gives a bare country ("***" means unknown).
    sector_ok = None if "***" in best else want_sector == got_sector
    return best, want_country == got_country, sector_ok


def evaluate(path: Path, n_misses: int) -> int:
    d = default_dictionary()
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    n = country_ok = sector_ok = sector_n = coded = 0
    misses: list[tuple[int, str, str, str, str | None, str]] = []
    started = time.perf_counter()
    calls = 0
    for row in rows:
        gold = row.get("gold") or {}
        sentence = row.get("text") or ""
        sources, targets = gold_codes(gold.get("source")), gold_codes(gold.get("target"))
        for role, text in spans(gold.get("markup", "")):
            candidates = {"SRC": sources, "TAR": targets, "SRC/TAR": sources + targets}[role]
            candidates = [c for c in candidates if split_code(c)[0]]
            if not candidates:
                continue
            actor = d.code(text, context=sentence)
            calls += 1
            got = actor.code if actor else None
            best, c_ok, s_ok = score_span(candidates, actor)
            n += 1
            coded += actor is not None
            country_ok += c_ok
            if s_ok is not None:
                sector_n += 1
                sector_ok += s_ok
            if not c_ok or s_ok is False:
                weight = (0 if c_ok else 2) + (1 if s_ok is False else 0)
                misses.append((weight, text, best, str(got), actor.basis if actor else None, row["id"]))
    elapsed = time.perf_counter() - started
    print(f"gold file: {path}")
    print(f"spans scored: {n}   coded (not None): {coded} ({coded / max(n, 1):.1%})")
    print(f"country accuracy: {country_ok}/{n} = {country_ok / max(n, 1):.1%}")
    print(f"sector accuracy:  {sector_ok}/{sector_n} = {sector_ok / max(sector_n, 1):.1%}")
    print(f"speed: {calls / max(elapsed, 1e-9):,.0f} calls/s (with context)")
    misses.sort(key=lambda m: -m[0])
    print(f"\n{min(n_misses, len(misses))} worst misses (span | gold | got | basis | id):")
    for _, text, want, got, basis, rid in misses[:n_misses]:
        print(f"  {text!r:45} gold={want:10} got={got:12} {basis}  [{rid}]")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--misses", type=int, default=20)
    args = parser.parse_args(argv)
    if not args.gold.exists():
        print(f"skipped: {args.gold} not found")
        return 0
    return evaluate(args.gold.resolve(), args.misses)


if __name__ == "__main__":
    sys.exit(main())
