"""Event dates: the time expression attached to the trigger, else tense, else the publication date."""

import pytest

import tacitus


@pytest.mark.parametrize("text, date, precision, date_text", [
    ("Pakistan and Russia signed a defence pact in Nov 2014.", "2014-11", "month", "Nov 2014"),
    ("Iran and Iraq held talks on Tuesday.", "2018-02-20", "day", "Tuesday"),
    ("On Monday, Iran agreed to meet Iraq.", "2018-02-19", "day", "Monday"),
    ("Iran and Iraq held talks.", "2018-02-21", "publication", None),
    ("Russia had provided helicopters to Pakistan.", None, "before_publication", None),
])
def test_event_dates(pipeline, text, date, precision, date_text):
    article = pipeline(tacitus.article_from_text(text, id="t", published="2018-02-21"))
    assert article.events, text
    event = article.events[0]
    assert (event.date, event.date_precision) == (date, precision)
    if date_text:
        assert date_text in event.date_text


def test_time_expression_in_another_clause_does_not_date_the_event(pipeline):
    text = "Russia, which invaded Georgia in 2008, signed a trade agreement with Iran."
    article = pipeline(tacitus.article_from_text(text, id="t", published="2018-02-21"))
    signed = [e for e in article.events if e.cameo == "057"]
    assert signed and all(e.date == "2018-02-21" for e in signed)
