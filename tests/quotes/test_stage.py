"""Direct and reported quotes, their speakers, and "we" inside a quote."""

import tacitus

TEXT = ("Russian Foreign Minister Sergey Lavrov met Pakistani officials on Tuesday.\n"
        "“We are forming a military cooperation commission with Pakistan,” Mr Lavrov said.\n"
        "He said that Russia and Pakistan would hold more talks.\n"
        "The talks were “very productive”, officials said.")


def test_direct_quote_speaker_and_first_person(pipeline):
    article = pipeline(tacitus.article_from_text(TEXT, id="t", published="2018-02-21"))
    direct = [q for q in article.quotes if q.direct]
    assert len(direct) == 1  # "very productive" is too short to be a quote
    quote = direct[0]
    assert quote.text.startswith("“We are forming") and quote.cue == "said"
    assert quote.speaker.text == "Mr Lavrov" and quote.speaker.actor.code == "RUSGOV"
    assert TEXT[quote.start:quote.end] == quote.text
    we = next(m for m in article.mentions if m.text == "We")
    assert we.actor.code == "RUSGOV"
    forming = [e for e in article.events if e.trigger.text == "forming"]
    assert forming and forming[0].source.actor.code == "RUSGOV" and forming[0].quote == article.quotes.index(quote)


def test_reported_speech(pipeline):
    article = pipeline(tacitus.article_from_text(TEXT, id="t", published="2018-02-21"))
    reported = [q for q in article.quotes if not q.direct]
    assert any(q.text.startswith("that Russia and Pakistan") and q.speaker.actor.code == "RUSGOV" for q in reported)


def test_quote_before_its_cue_and_after_it(pipeline):
    text = 'Mr Khan told reporters: "Iran must stop its attacks on our border posts now."'
    article = pipeline(tacitus.article_from_text(text, id="t", published="2018-02-21"))
    [quote] = [q for q in article.quotes if q.direct]
    assert quote.cue == "told" and quote.speaker.text == "Mr Khan"
