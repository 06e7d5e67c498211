"""The team's quote gold set (benchmarks/gold/quotes.jsonl) is well formed against the corpus it points into."""

import json
from pathlib import Path

from tacitus.quotes.evaluate import read_gold

GOLD = Path(__file__).resolve().parents[2] / "benchmarks" / "gold" / "quotes.jsonl"
QUOTE_CHARS = "\"“”"


def test_gold_offsets_fit_the_corpus(shared):
    gold = read_gold(GOLD)
    assert len(gold) >= 60
    ids = {g.id for g in gold}
    texts = {}
    for file in (shared / "corpus").glob("*.jsonl"):
        for line in file.open(encoding="utf-8"):
            record = json.loads(line)
            if record["id"] in ids:
                texts[record["id"]] = record["text"]
    assert set(texts) == ids
    for g in gold:
        text = texts[g.id]
        quote = text[g.start:g.end]
        assert 0 <= g.start < g.end <= len(text) and quote == quote.strip()
        if g.direct:
            assert quote[0] in QUOTE_CHARS, (g.id, g.start)
        assert g.speaker is not None and g.speaker_name
        speaker = text[g.speaker[0]:g.speaker[1]]
        assert speaker.strip() == speaker and speaker and not (g.start <= g.speaker[0] < g.end), (g.id, g.start)
