"""Scoring quotes against gold: matching, the scores, and reading the gold file."""

import json

import pytest

from tacitus.errors import InputError
from tacitus.model import Actor, Article, Entity, Mention, Quote
from tacitus.quotes.evaluate import GoldQuote, jaccard, read_gold, score

TEXT = '"We will defend Taiwan," Gingrich said. He added that talks would go on. Chen said officials agreed.'


def mention(text, word, actor=None, entity=None):
    start = text.index(word)
    return Mention(start=start, end=start + len(word), text=word, sentence=0, actor=actor, entity=entity)


def article_with(quotes, actors=None, mentions=None):
    return Article(id="a", text=TEXT, quotes=quotes, actors=actors or [], mentions=mentions or [])


def gold(start, end, direct, speaker_word, name):
    s = TEXT.index(speaker_word)
    return GoldQuote("a", start, end, direct, (s, s + len(speaker_word)), name)


GOLD = [gold(0, 24, True, "Gingrich", "Newt Gingrich"), gold(50, 71, False, "He", "Newt Gingrich")]


def test_jaccard():
    assert jaccard((0, 10), (0, 10)) == 1.0
    assert jaccard((0, 10), (5, 15)) == pytest.approx(5 / 15)
    assert jaccard((0, 10), (10, 20)) == 0.0


def test_exact_and_overlapping_spans_and_speakers():
    gingrich = mention(TEXT, "Gingrich", Actor("Newt Gingrich", "USALEG", kind="person"), entity=0)
    he = mention(TEXT, "He", None, entity=0)
    quotes = [
        Quote(0, 24, TEXT[0:24], speaker=gingrich, direct=True),
        Quote(45, 71, TEXT[45:71], speaker=he, direct=False),  # starts five characters early: overlap only
        Quote(77, 101, TEXT[77:101], speaker=None, direct=False),  # not in the gold set
    ]
    article = article_with(quotes, [Entity(0, gingrich.actor, [0, 1])], [gingrich, he])
    report = score(GOLD, [article])
    s = report.scores
    assert s["span_precision"] == pytest.approx(2 / 3) and s["span_recall"] == 1.0
    assert s["strict_span_recall"] == 0.5
    assert s["speaker_accuracy"] == 1.0  # "He" is the gold speaker's words
    assert s["speaker_name_accuracy"] == 0.5  # only "Gingrich" carries the name
    assert [q.start for _, q in report.false_positives] == [77]


def test_speaker_of_the_same_entity_counts():
    gingrich = mention(TEXT, "Gingrich", None, entity=0)
    chen = mention(TEXT, "Chen", None, entity=0)  # coreference put the gold speaker's mention in its entity
    article = article_with([Quote(0, 24, TEXT[0:24], speaker=chen)], [Entity(0, Actor(None, None), [0, 1])],
                           [gingrich, chen])
    assert score(GOLD[:1], [article]).scores["speaker_accuracy"] == 1.0
    article.actors[0].mentions = [1]
    assert score(GOLD[:1], [article]).scores["speaker_accuracy"] == 0.0


def test_a_predicted_quote_matches_one_gold_quote_at_most():
    article = article_with([Quote(0, 71, TEXT[0:71], direct=True)])
    report = score([gold(0, 40, True, "Gingrich", "x"), gold(0, 38, True, "Gingrich", "x")], [article])
    assert sum(m.quote is not None for m in report.matches) == 1


def test_read_gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "a", "start": 0, "end": 24, "direct": True,
                                "speaker": {"start": 25, "end": 33}, "speaker_name": "Newt Gingrich"}) + "\n\n"
                    + json.dumps({"id": "a", "start": 40, "end": 50, "direct": False, "speaker": None}) + "\n")
    first, second = read_gold(path)
    assert first.speaker == (25, 33) and second.speaker is None and second.speaker_name is None


def test_bad_gold_names_file_and_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "start": 0, "end": 5, "direct": true}\n{"id": "a", "start": 0}\n')
    with pytest.raises(InputError) as caught:
        read_gold(path)
    assert caught.value.line == 2 and str(path) in str(caught.value)
    with pytest.raises(InputError):
        read_gold(tmp_path / "missing.jsonl")
