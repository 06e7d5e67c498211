"""Direct and reported quotes, their speakers, and "we" inside a quote (through the real pipeline)."""

import pytest

import tacitus

TEXT = ("Russian Foreign Minister Sergey Lavrov met Pakistani officials on Tuesday.\n"
        "“We are forming a military cooperation commission with Pakistan,” Mr Lavrov said.\n"
        "He said that Russia and Pakistan would hold more talks.\n"
        "The talks were “very productive”, officials said.")


def code(pipeline, text):
    return pipeline(tacitus.article_from_text(text, id="t", published="2018-02-21"))


def direct(article):
    return [q for q in article.quotes if q.direct]


def reported(article):
    return [q for q in article.quotes if not q.direct]


def test_direct_quote_speaker_and_first_person(pipeline):
    article = code(pipeline, TEXT)
    [quote] = direct(article)  # "very productive" is too short to be a quote
    assert quote.text.startswith("“We are forming") and quote.cue == "said"
    assert quote.speaker.text == "Mr Lavrov" and quote.speaker.actor.code == "RUSGOV"
    assert TEXT[quote.start:quote.end] == quote.text
    we = next(m for m in article.mentions if m.text == "We")
    assert we.actor.code == "RUSGOV"
    forming = [e for e in article.events if e.trigger.text == "forming"]
    assert forming and forming[0].source.actor.code == "RUSGOV" and forming[0].quote == article.quotes.index(quote)


def test_reported_speech(pipeline):
    article = code(pipeline, TEXT)
    assert any(q.text == "that Russia and Pakistan would hold more talks" and q.speaker.actor.code == "RUSGOV"
               for q in reported(article))


def test_quote_after_its_cue(pipeline):
    article = code(pipeline, 'Mr Khan told reporters: "Iran must stop its attacks on our border posts now."')
    [quote] = direct(article)
    assert quote.cue == "told" and quote.speaker.text == "Mr Khan"


def test_quote_split_by_its_attribution(pipeline):
    text = ("“The talks were long and difficult,” the Turkish prime minister said, “but we reached an agreement "
            "on the border.”")
    article = code(pipeline, text)
    quotes = direct(article)
    assert [q.text[:8] for q in quotes] == ["“The tal", "“but we "]
    assert {q.speaker.text for q in quotes} == {"the Turkish prime minister"}


def test_quote_continued_after_its_attribution_sentence(pipeline):
    text = ("“We will not recognise the vote,” Mr Maas said on Monday. “The result was decided before a single "
            "ballot was cast.” Germany recalled its ambassador.")
    article = code(pipeline, text)
    first, second = direct(article)
    assert first.speaker.text == "Mr Maas" and second.speaker is first.speaker


def test_quote_continued_in_the_next_paragraph(pipeline):
    text = ('"He had come back to Beijing before his new post," Chen Boliang said. "He was preparing the papers '
            'for the move.\n\n"Sadly he killed himself at home in the meantime."')
    article = code(pipeline, text)
    quotes = direct(article)
    assert len(quotes) == 3
    assert all(q.speaker is not None and q.speaker.text == "Chen Boliang" for q in quotes)
    assert quotes[1].text.endswith("for the move.")


def test_quoted_fragments_belong_to_the_reported_clause(pipeline):
    text = ('German Foreign Minister Klaus Kinkel said that "megaphone diplomacy conducted in the gutter" '
            'could only "destroy relations nurtured over a long period."')
    article = code(pipeline, text)
    assert direct(article) == []
    [quote] = reported(article)
    assert quote.text.startswith('that "megaphone') and quote.text.endswith('long period."')
    assert quote.speaker.actor is not None and quote.speaker.actor.country == "DEU"


@pytest.mark.parametrize("text", [
    "According to the White House, Trump urged Turkey to limit its military actions in Afrin.",
    "Trump urged Turkey to limit its military actions in Afrin, according to the White House.",
])
def test_according_to(pipeline, text):
    article = code(pipeline, text)
    [quote] = reported(article)
    assert quote.text == "Trump urged Turkey to limit its military actions in Afrin"
    assert quote.cue == ("According" if text.startswith("According") else "according")
    assert quote.speaker.text == "the White House" and quote.speaker.actor.country == "USA"


def test_reported_clause_before_its_cue(pipeline):
    text = "He then chose that moment to leave the country, a colleague was quoted as saying."
    [quote] = reported(code(pipeline, text))
    assert quote.text == "He then chose that moment to leave the country"
    assert quote.speaker.text == "a colleague"


def test_what_was_not_said_is_no_quote(pipeline):
    text = ("The minister did not say that the army would withdraw. He refused to comment on reports that "
            "Beijing would send troops. Officials told him to be published in the weekly.")
    assert reported(code(pipeline, text)) == []


def test_conjoined_cue_keeps_the_first_speaker(pipeline):
    text = 'Chen conceded that Wei had killed himself but insisted the death had "nothing to do with politics."'
    quotes = reported(code(pipeline, text))
    assert [q.text for q in quotes] == ["that Wei had killed himself", 'the death had "nothing to do with politics."']
    assert [q.speaker.text for q in quotes] == ["Chen", "Chen"]


def test_speaker_is_the_subject_not_a_phrase_after_it(pipeline):
    text = '"The dollar is likely to test the upper limit today," a dealer at a European bank said.'
    [quote] = direct(code(pipeline, text))
    assert quote.speaker.text == "a dealer" and quote.speaker.actor is None


def test_description_speaks_as_its_entity(pipeline):
    text = ("Russian Foreign Minister Sergey Lavrov met his Pakistani counterpart on Tuesday.\n"
            "“We see ISIS getting a foothold in the region,” the Russian foreign minister said.")
    [quote] = direct(code(pipeline, text))
    assert quote.speaker.text == "the Russian foreign minister"
    assert quote.speaker.actor.name == "Sergey Lavrov" and quote.speaker.actor.code == "RUSGOV"


def test_quote_ending_its_sentence_takes_the_cue_from_the_next_words(pipeline):
    text = ("“What does it say about our government that it would strip citizenship from a young woman?” she said "
            "on Friday. “It is clear that society is not past blaming young women.” Diane Abbott called for an "
            "inquiry.")
    first, second = direct(code(pipeline, text))
    assert first.speaker.text == "she" and first.cue == "said"
    assert second.speaker is first.speaker


def test_cue_in_the_quotes_own_sentence_comes_before_the_next_sentence(pipeline):
    text = ('In a speech on Thursday, Yildirim said: "It is unacceptable that a country gives support to armed '
            'groups." Erdogan said as many as 300 militants had been killed.')
    [quote] = direct(code(pipeline, text))
    assert quote.speaker.text == "Yildirim"


def test_words_quoted_from_someone_else_are_theirs(pipeline):
    text = ('He quoted Ho Chi Minh, the founder of modern Vietnam, as saying, "Individualism is a wicked enemy '
            'to socialism."')
    [quote] = direct(code(pipeline, text))
    assert quote.speaker.text.startswith("Ho Chi Minh")


def test_clause_whose_subject_the_parser_took_for_an_object(pipeline):
    text = ("Diane Abbott, the shadow home secretary, said the death of the baby, who was buried in a refugee "
            "camp on Friday, was a stain on the conscience of this government.")
    [quote] = reported(code(pipeline, text))
    assert quote.text == ("the death of the baby, who was buried in a refugee camp on Friday, was a stain on the "
                          "conscience of this government")
    assert quote.speaker.start == 0 and quote.speaker.text.startswith("Diane Abbott")


def test_a_second_speakers_clause_is_not_part_of_the_first(pipeline):
    text = ("Mr Lavrov said both countries had agreed to boost economic relations, especially in the energy sector "
            "while Mr Asif said that the two countries would redouble efforts to deepen cooperation.")
    quotes = reported(code(pipeline, text))
    assert [(q.speaker.text, q.text) for q in quotes] == [
        ("Mr Lavrov", "both countries had agreed to boost economic relations, especially in the energy sector"),
        ("Mr Asif", "that the two countries would redouble efforts to deepen cooperation"),
    ]


def test_borrowed_phrase_in_narration_is_no_quote(pipeline):
    text = ('Schmidt compared the economic position to "a Churchillian situation in 1940" in his memoirs.\n'
            '"We will not give up until the final victory," he said.\n'
            '"One day we will see justice prevail in Cambodia."')
    quotes = direct(code(pipeline, text))
    assert [q.text[1:9] for q in quotes] == ["We will ", "One day "]


def test_a_name_the_parser_makes_a_subject_inside_the_quote_is_not_its_speaker(pipeline):
    text = ("A former Russian admiral told Interfax that the ship's presence was an escalation. \u201cI think "
            "that the United States will not openly decide to launch a strike, along with the recent warning "
            "issued by our chief of staff [Gerasimov],\u201d he said.")
    article = code(pipeline, text)
    [quote] = direct(article)
    assert quote.speaker.text == "he"


def test_she_after_a_quoted_question_is_the_last_speaker_before_it(pipeline):
    text = ("Diane Abbott, the shadow home secretary, criticised the decision. Abbott called for Shamima Begum to "
            "be given the chance to have her actions fully investigated. \u201cWhat does it say about our "
            "government that it would strip citizenship from a young woman who was groomed as a minor?\u201d she "
            "said on Friday.")
    article = code(pipeline, text)
    [quote] = direct(article)
    assert quote.speaker.text == "she" and quote.speaker.actor.name == "Diane Abbott"
