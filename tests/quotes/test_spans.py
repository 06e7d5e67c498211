"""Finding the stretches in quote marks, on text alone (no parser)."""

from tacitus.quotes.stage import quote_spans


def texts(text):
    return [text[s:e] for s, e, _ in quote_spans(text)]


def test_curly_and_straight_marks():
    text = '“We will defend Taiwan,” he said. Then: "So we would not have to."'
    assert texts(text) == ["“We will defend Taiwan,”", '"So we would not have to."']


def test_quote_over_several_sentences_is_one_span():
    text = "“Terrorism is on the rise. Drugs are a threat. We see ISIS getting a foothold,” he said."
    [quote] = texts(text)
    assert quote.startswith("“Terrorism") and quote.endswith("foothold,”")


def test_unclosed_quote_ends_with_its_paragraph():
    # Wire convention: a quote that goes on in the next paragraph is not closed at the paragraph's end.
    text = '"He came back to Beijing first," he said. "He was preparing the move.\n\n"Sadly he died at home."'
    spans = quote_spans(text)
    assert [text[s:e] for s, e, _ in spans] == [
        '"He came back to Beijing first,"', '"He was preparing the move.', '"Sadly he died at home."']
    assert [open_end for _, _, open_end in spans] == [False, True, False]


def test_marks_never_pair_across_paragraphs():
    text = 'He said "the talks went well\nand then "we signed the final accord" today.'
    assert texts(text) == ['"the talks went well', '"we signed the final accord"']


def test_curly_opening_inside_an_open_quote_closes_the_earlier_one():
    text = "“We will not give up our fight “One day justice will prevail in Cambodia.”"
    assert texts(text) == ["“We will not give up our fight", "“One day justice will prevail in Cambodia.”"]


def test_scare_quotes_and_names_are_not_quotes():
    assert texts('The drills, codenamed "Friendship", were a “volcano” of “very productive” talk.') == []
