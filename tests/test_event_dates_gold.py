"""The team's event-date gold set (benchmarks/gold/event_dates.jsonl): well formed, and pointing at words
of the corpus articles it names (those checks need ../shared)."""

import json
import re
from pathlib import Path

GOLD = Path(__file__).resolve().parents[1] / "benchmarks" / "gold" / "event_dates.jsonl"
FIELDS = {"article", "start", "end", "date", "precision"}
# The form of ``date`` for each precision; null for the undated ones.
DATE_FORMS = {"day": r"\d{4}-\d{2}-\d{2}", "week": r"\d{4}-W\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}",
              "decade": r"\d{3}"}
UNDATED = {"past", "future", "unknown"}


def gold():
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_line_has_the_fields_and_a_date_of_its_precision():
    rows = gold()
    assert len(rows) >= 100
    for row in rows:
        assert set(row) == FIELDS, row  # ids, offsets and labels only: no article text
        assert 0 <= row["start"] < row["end"]
        if row["precision"] in UNDATED:
            assert row["date"] is None, row
        else:
            assert re.fullmatch(DATE_FORMS[row["precision"]], row["date"]), row


def test_offsets_cover_whole_words_of_the_named_articles(shared):
    rows = gold()
    texts = {}
    for file in (shared / "corpus").glob("*.jsonl"):
        for line in file.open(encoding="utf-8"):
            record = json.loads(line)
            texts[record["id"]] = record["text"]
    for row in rows:
        text = texts[row["article"]]
        word = text[row["start"]:row["end"]]
        assert word.isalpha() or word.replace("-", "").isalpha(), row
        assert not text[row["end"]:row["end"] + 1].isalpha() and not text[row["start"] - 1:row["start"]].isalpha()
