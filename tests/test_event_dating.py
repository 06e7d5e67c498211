"""Event dates: the time expression attached to the trigger, else tense, else the publication date."""

import pytest

import tacitus


@pytest.mark.parametrize("text, date, precision, date_text", [
    ("Pakistan and Russia signed a defence pact in Nov 2014.", "2014-11", "month", "Nov 2014"),
    ("Iran and Iraq held talks on Tuesday.", "2018-02-20", "day", "Tuesday"),
    ("On Monday, Iran agreed to meet Iraq.", "2018-02-19", "day", "Monday"),
    ("Iran and Iraq held talks.", "2018-02-21", "publication", None),
    ("Russia had provided helicopters to Pakistan.", None, "before_publication", None),
    # A present perfect is done, at some time before the story: not news dated today.
    ("Russia has sent troops to Syria.", None, "before_publication", None),
    # A threat is made when it is said; the attack it names is still to come.
    ("Turkey will attack Kurdish rebels.", "2018-02-21", "publication", None),
    # A decade counted back from the story is the ten years before it, not the 2000s; a named one is itself.
    ("Insurgents have attacked police stations in Iraq over the past decade.", None, "before_publication",
     "the past decade"),
    ("Insurgents attacked police stations in Iraq in the 1990s.", "199", "decade", "the 1990s"),
    # "since 1949" bounds a span; it does not date what the span reaches.
    ("The summit is the largest meeting between Chinese and African leaders since the founding of the "
     "People's Republic of China in 1949.", "2018-02-21", "publication", None),
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


def dated(pipeline, text):
    article = pipeline(tacitus.article_from_text(text, id="t", published="2018-02-21"))
    return {e.trigger.text: (e.date, e.evidence["date_basis"]) for e in article.events}


def test_words_in_a_quotation_are_dated_when_they_were_spoken(pipeline):
    # The speech verb ("told") has no date of its own: the day the story named before it dates the
    # speech, and the speech dates what it says in the present or future, even a sentence away from it.
    text = ('Iran\'s foreign minister met Afghan leaders in Kabul on Monday. "We will open our border with '
            'Afghanistan. We will send food to Kabul," he told reporters.')
    events = dated(pipeline, text)
    assert events["open"] == ("2018-02-19", "speech of its quote: narrative day")
    assert events["send"] == ("2018-02-19", "speech of its quote: narrative day")


def test_a_past_event_inside_a_quotation_is_not_dated_by_the_speech(pipeline):
    text = ('The Afghan defence minister spoke in Kabul on Monday. "Our soldiers attacked the rebels near Kandahar '
            'in 2016. We will defeat them," he told reporters.')
    events = dated(pipeline, text)
    assert events["attacked"] == ("2016", "time expression")


def test_the_narrative_day_dates_later_verbal_acts_but_not_distant_material_ones(pipeline):
    text = ("Iran and Iraq held talks in Baghdad on Monday. The ministers discussed trade. Oil prices rose. "
            "Markets were calm. Shops were open. Trains ran late. Iran criticized Israel over the blockade. "
            "Iraqi troops attacked Kurdish rebels near Kirkuk.")
    events = dated(pipeline, text)
    assert events["discussed"] == ("2018-02-19", "narrative day")
    assert events["criticized"] == ("2018-02-19", "narrative day")  # six sentences on, a verbal act
    assert events["attacked"] == ("2018-02-21", "publication")  # as far, a material act: background as often


def test_a_noun_another_verb_talks_about_does_not_take_its_tense(pipeline):
    # "recalled his three visits": the recalling was on Monday, the visits were not.
    events = dated(pipeline, "Iran and Iraq held talks on Monday. The Iraqi minister recalled his three visits to Iran.")
    assert events["visits"] == ("2018-02-21", "publication")


def test_an_adverbial_participle_takes_the_tense_and_date_of_its_clause(pipeline):
    text = "Pakistan and Russia on Tuesday announced a commission for promoting trade while expressing alarm over Afghanistan."
    events = dated(pipeline, text)
    assert events["expressing"] == ("2018-02-20", "time expression")


def test_an_act_still_to_come_has_no_date(pipeline):
    events = dated(pipeline, "China built a hospital in Kenya to support African countries.")
    assert events["support"] == (None, "future act")


def test_the_lead_names_the_story_day_not_the_background_days_after_it(pipeline):
    text = ("Italy on Tuesday rejected the budget. Berlusconi, informed late Monday by Blair of the plan, reserved "
            "his judgement. But Italian diplomats said the response was negative.")
    assert dated(pipeline, text)["said"] == ("2018-02-20", "narrative day")


def test_a_verb_joined_to_a_past_perfect_shares_it_but_not_one_joined_to_a_present_perfect(pipeline):
    events = dated(pipeline, "Russia had provided helicopters to Pakistan and the two armies also held joint drills.")
    assert events["held"] == (None, "perfect tense")
    events = dated(pipeline, "Iraq has rejected the offer, and Iran criticized Iraq.")
    assert events["criticized"] == ("2018-02-21", "publication")


def test_a_vague_time_expression_puts_the_event_before_or_after_the_story(pipeline):
    article = pipeline(tacitus.article_from_text("Iran recently criticized Israel. Iraq will meet Iran in the coming "
                                                 "weeks.", id="t", published="2018-02-21"))
    dates = {e.trigger.text: (e.date, e.date_precision, e.date_text) for e in article.events}
    assert dates["criticized"] == (None, "before_publication", "recently")
    assert dates["meet"] == (None, "after_publication", "the coming weeks")


def test_what_a_quotation_recalls_in_the_past_does_not_take_the_story_day(pipeline):
    text = ('Iran\'s foreign minister met Afghan leaders in Kabul on Monday. Officials praised the talks. Trade was '
            'slow. Prices rose. "Iraqi envoys met Iranian officials in Tehran," an aide said.')
    article = pipeline(tacitus.article_from_text(text, id="t", published="2018-02-21"))
    recalled = [e for e in article.events if e.quote is not None and e.cameo_root == "04"]
    assert recalled and all(e.date != "2018-02-19" for e in recalled)


def test_a_relative_clause_with_its_own_subject_keeps_its_own_time(pipeline):
    text = "Iran will say on Monday that it has 2,000 troops in Syria, not the 500 that Russia criticized."
    article = pipeline(tacitus.article_from_text(text, id="t", published="2018-02-21"))
    criticized = [e for e in article.events if e.trigger.text == "criticized"]
    assert criticized and all(e.date != "2018-02-26" for e in criticized)
