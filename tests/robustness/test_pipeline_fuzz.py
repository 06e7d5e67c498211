"""Property tests over the whole pipeline: hostile text in, a sound coded Article out (no E501 crash)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tacitus.ingest import article_from_text
from tacitus.parse import LONG_RUN_CHARS, LONG_RUN_EDGE, _make_doc

from .checks import assert_coded_soundly
from .strategies import any_unicode, enormous_tokens, news_like

BOUNDED = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))


def code(pipeline, text, published=None):
    article = article_from_text(text, id="fuzz", published=published)
    if not article.text:
        return article
    return pipeline(article)


@BOUNDED
@given(text=news_like, published=st.sampled_from([None, "2018-02-21"]))
def test_mixed_script_news_like_text(pipeline, text, published):
    assert_coded_soundly(code(pipeline, text, published))


@BOUNDED
@given(text=any_unicode)
def test_any_unicode(pipeline, text):
    assert_coded_soundly(code(pipeline, text, "2018-02-21"))


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=enormous_tokens())
def test_enormous_tokens(pipeline, text):
    assert_coded_soundly(code(pipeline, text, "2018-02-21"))


def test_batch_of_hostile_articles_keeps_order_and_codes_the_good_one(pipeline):
    texts = ["\u202eتم التوقيع\u202c Pakistan", "\x00\x01\x02", "x" * 30_000, "Russia said: \"" + "." * 5_000 + "\"",
             "Pakistan signed a defence agreement with Russia on Monday."]
    articles = [article_from_text(t, id=f"a{i}", published="2018-02-21") for i, t in enumerate(texts)]
    coded = list(pipeline.pipe(articles))
    assert [a.id for a in coded] == [f"a{i}" for i in range(len(texts))]
    for article in coded:
        assert_coded_soundly(article)
    assert coded[-1].events


# --- regression: spaCy's tokenizer is quadratic on long runs without whitespace -------------------


@pytest.mark.parametrize("text", [
    "Russia said: \"" + "." * 3_000 + "\" on Monday.",
    "see http://" + "http://" * 500 + " now",
    "a" * LONG_RUN_CHARS + " b " + "ق" * (LONG_RUN_CHARS + 7),
])
def test_regression_long_run_is_tokenized_with_its_middle_as_one_token(pipeline, text):
    doc = _make_doc(pipeline.parser.nlp, text)
    assert doc.text == text
    longest = max(doc, key=len)
    assert len(longest) >= LONG_RUN_CHARS - 2 * LONG_RUN_EDGE
    assert len(doc) < 200


def test_regression_long_run_edges_are_still_split(pipeline):
    doc = _make_doc(pipeline.parser.nlp, "Russia said: \"" + "." * 3_000 + "\"")
    assert doc[0].text == "Russia" and doc[-1].text == "\""


def test_short_text_is_left_to_the_tokenizer(pipeline):
    assert _make_doc(pipeline.parser.nlp, "Pakistan signed.") == "Pakistan signed."
