"""Tacitus store: coded articles in one DuckDB file — ingest once, query, aggregate, export, deduplicate.

:class:`Store` owns the connection, the schema (numbered migrations) and all SQL; ``records`` turns
output-contract dicts into Arrow batches, ``dedup`` decides which mentions are one event, ``gdelt``
holds the GDELT 2.0 column layout and ``ingest`` reads, codes and stores inputs.

Names are imported on first use: duckdb and pyarrow take most of a second to import, which commands
that never touch the store (``tacitus code``, ``--help``) should not pay.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "EXPORT_FORMATS": "store", "FILTERS": "store", "IngestReport": "store", "Store": "store",
    "default_path": "store", "code_articles": "ingest", "ingest_inputs": "ingest", "content_hash": "records",
    "record_from_article": "records",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
