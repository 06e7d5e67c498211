"""The CAMEO event ontology as data: code names, quad class, Goldstein scores and the PLOVER map.

Tables live in ``tacitus/data`` (see its README for provenance) and are loaded once.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import E_BAD_DATA, ModelError

# PLOVER has no category for plain statements (CAMEO root 01); appeals (02) map to REQUEST as the
# official map does for 10 ("demand"), since PLOVER folds CAMEO's appeal and demand into one type.
ROOT_PLOVER_FALLBACK = {"02": "REQUEST"}


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    root: str
    quad_class: int
    goldstein: float
    plover: str | None
    plover_mode: str | None
    plover_context: str | None

    @property
    def penta_class(self) -> int:
        """0 = roots 01-02, 1 = 03-05, 2 = 06-08, 3 = 09-13, 4 = 14-20 (ARCHITECTURE.md)."""
        root = int(self.root)
        if root <= 2:
            return 0
        if root <= 5:
            return 1
        if root <= 8:
            return 2
        if root <= 13:
            return 3
        return 4


def read_data_csv(name: str) -> list[dict[str, str]]:
    """Read a CSV table from the package's data folder."""
    text = resources.files("tacitus").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, CameoCode]:
    """Every CAMEO event code, keyed by code string ("0312")."""
    plover = {row["cameo"]: row for row in read_data_csv("cameo2plover.csv")}
    codes: dict[str, CameoCode] = {}
    rows = read_data_csv("cameo_codes.csv")
    scores = {row["code"]: row["goldstein"] for row in rows}
    for line, row in enumerate(rows, start=2):
        try:
            code = row["code"]
            if not code.isdigit() or row["root"] != code[:2]:
                raise ValueError(f"code {code!r} does not start with its root {row['root']!r}")
            mapping = plover.get(code) or plover.get(code[:3]) or plover.get(code[:2]) or {}
            codes[code] = CameoCode(
                code=code,
                name=row["name"],
                root=row["root"],
                quad_class=int(row["quad_class"]),
                goldstein=float(_goldstein(code, scores)),
                plover=mapping.get("plover_event") or ROOT_PLOVER_FALLBACK.get(row["root"]),
                plover_mode=mapping.get("plover_mode") or None,
                plover_context=mapping.get("plover_context") or None,
            )
        except (KeyError, ValueError) as exc:
            raise ModelError(f"cameo_codes.csv, line {line}: {exc}", code=E_BAD_DATA) from exc
    return codes


def _goldstein(code: str, scores: dict[str, str]) -> str:
    """A code's Goldstein score; codes added after GDELT's table (155 cyber-forces, 1883 bombing n.o.s.)
    have none, so they take the first of their three-digit parent or root-level code that has one
    (155 -> 150, 1883 -> 180)."""
    for candidate in (code, code[:3], code[:2] + "0"):
        if scores.get(candidate):
            return scores[candidate]
    raise ValueError(f"code {code!r} has no Goldstein score and no ancestor with one")


def cameo(code: str) -> CameoCode:
    """Look up one code; raises KeyError for a code CAMEO does not have."""
    return cameo_codes()[code]
