"""Store fixtures: records in the output contract's shape, built by hand (no parsing needed)."""

from __future__ import annotations

import pytest


def actor(code, country=None, text=None, start=0, kind="state", sector=None):
    text = text or code
    return {"text": text, "name": text, "code": code, "country": country, "sector": sector, "kind": kind,
            "start": start, "end": start + len(text)}


def event(source, target, cameo="036", *, date="2018-02-20", sentence=0, location=None, confidence=0.8,
          trigger=("met", 10, 13), goldstein=4.0, quad=1):
    return {"sentence": sentence, "source": source, "target": target, "cameo": cameo, "cameo_root": cameo[:2],
            "quad_class": quad, "penta_class": 1, "goldstein": goldstein, "plover": "CONSULT", "date": date,
            "date_precision": "day" if date and len(date) == 10 else ("month" if date else None),
            "date_text": None, "location": location,
            "trigger": {"text": trigger[0], "start": trigger[1], "end": trigger[2]}, "negated": False,
            "confidence": confidence, "quote": None, "rule": "test"}


def record(id, text, events=(), *, published="2018-02-21", title=None, source=None, url=None):
    """An article record with one sentence per line of ``text``."""
    sentences, start = [], 0
    for line in text.split("\n"):
        sentences.append({"start": start, "end": start + len(line)})
        start += len(line) + 1
    return {"id": id, "published": published, "title": title, "url": url, "source": source, "dateline": None,
            "text": text, "sentences": sentences, "events": list(events),
            "actors": [{"id": 0, "name": "Pakistan", "code": "PAK", "country": "PAK", "sector": None,
                        "kind": "state", "mentions": [{"text": "Pakistan", "start": 0, "end": 8}]}]
            if text.startswith("Pakistan") else [],
            "quotes": [], "timexes": [], "places": [], "errors": []}


PAK = actor("PAK", "PAK", "Pakistan")
RUS = actor("RUS", "RUS", "Russia", start=18)


def pak_rus(id="a1", text="Pakistan met with Russia on Tuesday.\nTalks went on.", **kwargs):
    return record(id, text, [event(PAK, RUS, trigger=("met", 9, 12))], **kwargs)


@pytest.fixture
def store(tmp_path):
    from tacitus.store import Store

    with Store(tmp_path / "test.duckdb", lock_timeout=0) as store:
        yield store
