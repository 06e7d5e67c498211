"""The quotes of the Dawn example (../shared/examples; skipped without ../shared)."""

import pytest

import tacitus


@pytest.fixture(scope="module")
def dawn(shared, pipeline):
    text = (shared / "examples" / "dawn-2018-02-21-pakistan-russia.txt").read_text(encoding="utf-8")
    return pipeline(tacitus.article_from_text(text, id="dawn", published="2018-02-21"))


def test_four_direct_quotes_with_their_speakers(dawn):
    direct = [q for q in dawn.quotes if q.direct]
    assert [q.speaker.actor.name for q in direct] == ["Sergey Lavrov", "Khawaja Asif", "Sergey Lavrov", "Khawaja Asif"]
    assert [q.speaker.actor.code for q in direct] == ["RUSGOV", "PAKGOV", "RUSGOV", "PAKGOV"]
    assert [q.text[1:12] for q in direct] == ["We are form", "Pakistan is", "We are conc", "Afghanistan"]
    assert all(dawn.text[q.start:q.end] == q.text for q in dawn.quotes)


def test_event_inside_a_quote_is_the_speakers_act(dawn):
    [quote] = [q for q in dawn.quotes if q.text.startswith("“We are forming a military cooperation commission")]
    [forming] = [e for e in dawn.events if e.trigger.text == "forming"]
    assert forming.source.actor.code == "RUSGOV"
    assert forming.quote == dawn.quotes.index(quote)


def test_reported_speech_of_both_ministers(dawn):
    reported = {(q.speaker.actor.name, q.text.split()[0]) for q in dawn.quotes if not q.direct}
    assert ("Sergey Lavrov", "both") in reported and ("Khawaja Asif", "that") in reported


def test_an_event_in_reported_speech_links_to_that_quote(dawn):
    [quote] = [q for q in dawn.quotes if not q.direct and q.text.startswith("both countries had agreed")]
    agreed = [e for e in dawn.events if quote.start <= e.trigger.start < quote.end]
    assert agreed and all(e.quote == dawn.quotes.index(quote) for e in agreed)
