"""What every coded Article must satisfy, whatever text went in: offsets that point at the text they name."""

from __future__ import annotations

import json

from tacitus.output import article_to_dict, validate


def assert_offsets(article) -> None:
    """Every record's offsets give back its text; every index points at an existing record."""
    text = article.text
    for position, sentence in enumerate(article.sentences):
        assert sentence.index == position
        assert text[sentence.start:sentence.end] == sentence.text
    for mention in article.mentions:
        assert text[mention.start:mention.end] == mention.text
        assert 0 <= mention.sentence < len(article.sentences)
        assert mention.entity is None or 0 <= mention.entity < len(article.actors)
    for number, entity in enumerate(article.actors):
        assert entity.id == number
        assert all(article.mentions[i].entity == number for i in entity.mentions)
    for record in (*article.timexes, *article.places, *article.quotes):
        assert text[record.start:record.end] == record.text
        assert record.sentence < len(article.sentences)
    for event in article.events:
        sentence = article.sentences[event.sentence]
        assert text[event.trigger.start:event.trigger.end] == event.trigger.text
        assert sentence.start <= event.trigger.start < sentence.end
        for mention in (event.source, event.target):
            assert mention is None or text[mention.start:mention.end] == mention.text
        assert event.quote is None or 0 <= event.quote < len(article.quotes)
    if article.dateline is not None:
        assert text[article.dateline.start:article.dateline.end] == article.dateline.text


def assert_coded_soundly(article) -> None:
    """No stage crashed, the offsets hold, and the record keeps the output contract and reaches UTF-8."""
    crashes = [error for error in article.errors if error.code == "E501"]
    assert not crashes, crashes
    assert_offsets(article)
    record = article_to_dict(article)
    validate(record)
    json.dumps(record, ensure_ascii=False).encode("utf-8")
