"""The time stage in the pipeline: the parse's tenses decide which way a bare weekday points."""

import pytest

import tacitus
from tacitus.time import find_timexes

PUBLISHED = "2005-12-13"  # a Tuesday


def weekday_values(pipeline, text):
    article = pipeline(tacitus.article_from_text(text, id="t", published=PUBLISHED))
    return {t.text: t.value for t in article.timexes}


@pytest.mark.parametrize(
    ("text", "day", "ahead"),
    [
        ("Iraq goes to the polls on Thursday to elect its first full-term parliament.", "Thursday", "2005-12-15"),
        ("The ministers will discuss the latest developments at an emergency meeting on Sunday.", "Sunday",
         "2005-12-18"),
    ],
)
def test_a_present_tense_or_a_will_on_its_verb_puts_a_weekday_ahead(pipeline, text, day, ahead):
    assert weekday_values(pipeline, text)[day] == ahead
    # Words alone (no parse) read the weekday as the last one: the parse is what moves it.
    assert {t.text: t.value for t in find_timexes(text, PUBLISHED)}[day] < PUBLISHED


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Sunday's attack is the latest in a series of bombings.", "Sunday"),  # a weekday that owns a noun
        ("The minister says Thursday that the talks failed.", "Thursday"),  # a present that reports
        ("Police said Sunday the attack killed five.", "Sunday"),
    ],
)
def test_weekdays_the_parse_does_not_move(pipeline, text, day):
    assert weekday_values(pipeline, text)[day] < PUBLISHED


def test_a_will_on_its_verb_puts_a_bare_month_ahead(pipeline):
    text = "Colonel Eileen Collins will be named commander of the space shuttle Columbia for a mission in December."
    article = pipeline(tacitus.article_from_text(text, id="t", published="1998-03-04"))
    assert {t.text: t.value for t in article.timexes}["December"] == "1998-12"
    assert {t.text: t.value for t in find_timexes(text, "1998-03-04")}["December"] == "1997-12"
