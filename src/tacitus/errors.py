"""Tacitus errors: a small hierarchy with stable, greppable codes.

The library raises these; front ends (CLI, API) translate them at their edge. Codes never change
meaning once released: E1xx input, E2xx models and data, E3xx the store, E4xx usage,
E5xx a pipeline stage failing on one article.
"""

from __future__ import annotations


class TacitusError(Exception):
    """Base class. ``code`` is stable (``E101``); ``str()`` gives ``E101: message``."""

    code = "E000"

    def __init__(self, message: str, *, code: str | None = None, input: str | None = None, line: int | None = None):
        self.message = message
        if code:
            self.code = code
        self.input = input
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.input is not None:
            where = f"{self.input}"
            if self.line is not None:
                where += f", line {self.line}"
            where += ": "
        return f"{self.code}: {where}{self.message}"


class InputError(TacitusError):
    """An input could not be read as an article."""

    code = "E100"


# Input error codes (stable).
E_NO_SUCH_PATH = "E101"
E_EMPTY_DIRECTORY = "E102"
E_BINARY = "E103"
E_ENCODING = "E104"
E_EMPTY_ARTICLE = "E105"
E_BAD_JSONL = "E106"
E_BAD_FIELD = "E107"
E_TOO_LONG = "E108"
E_BAD_HTML = "E109"
E_BAD_DATE = "E110"


class ModelError(TacitusError):
    """A model or data table that Tacitus needs is missing or malformed."""

    code = "E200"


E_NO_SPACY_MODEL = "E201"
E_BAD_DATA = "E202"


class StoreError(TacitusError):
    """The event store (a DuckDB file) cannot be opened, read or written."""

    code = "E300"


# Store error codes (stable).
E_NOT_A_STORE = "E301"
E_NEWER_SCHEMA = "E302"
E_STORE_LOCKED = "E303"
E_STORE_WRITE = "E304"
E_BAD_RECORD = "E305"
E_MIGRATION = "E306"


E_STAGE_FAILED = "E501"
E_TIME_LIMIT = "E502"


class UsageError(TacitusError):
    """A caller asked for something that cannot be done (bad option value, unknown format)."""

    code = "E400"
