"""The article view's marks: spans from a contract dict, segments over overlapping spans, escaped HTML."""

from __future__ import annotations

import re

from tacitus.web.highlight import Span, article_spans, event_rows, render_text, segment

TEXT = 'Russia said "Pakistan <b>signed</b>" on Monday.'


def _record():
    # Offsets by hand into TEXT: Russia 0-6, the quote 12-36, Pakistan 13-21, signed 25-31, Monday 40-46.
    return {
        "id": "t", "published": "2018-02-21", "title": None, "dateline": None,
        "actors": [{"id": 0, "name": "Russia", "code": "RUS", "mentions": [{"text": "Russia", "start": 0, "end": 6}]}],
        "events": [{"cameo": "057", "quad_class": 1, "goldstein": 8.0,
                    "source": {"text": "Pakistan", "code": "PAK", "name": "Pakistan", "start": 13, "end": 21},
                    "target": None, "trigger": {"text": "signed", "start": 25, "end": 31}}],
        "timexes": [{"text": "Monday", "start": 40, "end": 46, "type": "DATE", "value": "2018-02-19"}],
        "places": [], "errors": [],
        "quotes": [{"text": TEXT[12:36], "start": 12, "end": 36, "speaker": {"code": "RUS", "name": "Russia"}}],
    }


def test_spans_come_from_every_part_of_the_record():
    spans = article_spans(_record())
    kinds = sorted((s.kind, s.start, s.end) for s in spans)
    assert kinds == [("actor", 0, 6), ("actor", 13, 21), ("date", 40, 46), ("quote", 12, 36), ("trigger", 25, 31)]
    trigger = next(s for s in spans if s.kind == "trigger")
    assert trigger.events == (0,) and "057" in trigger.label


def test_segments_cover_the_text_and_keep_overlapping_marks():
    segments = segment(TEXT, article_spans(_record()))
    assert "".join(TEXT[s.start:s.end] for s in segments) == TEXT
    by_text = {TEXT[s.start:s.end]: s for s in segments}
    assert by_text["Pakistan"].kinds == ("actor", "quote")
    assert by_text["signed"].kinds == ("trigger", "quote") and by_text["signed"].events == (0,)
    assert by_text["signed"].anchors == ("t-25",)
    assert by_text["Monday"].kinds == ("date",)


def test_spans_outside_the_text_are_skipped():
    segments = segment("short", [Span(2, 40, "actor"), Span(3, 3, "date"), Span(-1, 2, "place"), Span(0, 5, "quote")])
    assert [(s.start, s.end, s.kinds) for s in segments] == [(0, 5, ("quote",))]


def test_html_escapes_text_and_labels():
    record = _record()
    record["actors"][0]["name"] = 'R"><script>x()</script>'
    html = str(render_text(TEXT, segment(TEXT, article_spans(record))))
    assert "<b>" not in html and "</b>" not in html and "&lt;b&gt;" in html and "&lt;/b&gt;" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<a class="anchor" id="t-25"></a><span class="hl hl-trigger hl-quote"' in html


def test_event_rows_link_to_their_trigger():
    rows = event_rows(_record())
    assert rows[0]["anchor"] == "t-25" and rows[0]["name"] and rows[0]["quad_name"] == "verbal cooperation"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

KIND_NAMES = ("actor", "trigger", "date", "place", "quote")


@st.composite
def text_and_spans(draw):
    text = draw(st.text(alphabet="ab <>&\"'\n", max_size=40))
    spans = draw(st.lists(st.builds(Span, st.integers(-3, 45), st.integers(-3, 45), st.sampled_from(KIND_NAMES),
                                    st.text(alphabet="x<>\"&", max_size=3), st.tuples(st.integers(0, 3))),
                          max_size=8))
    return text, spans


@settings(max_examples=200, deadline=None)
@given(text_and_spans())
def test_segments_always_cover_the_text_with_exactly_the_spans_over_each_character(case):
    text, spans = case
    segments = segment(text, spans)
    assert "".join(text[s.start:s.end] for s in segments) == text
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    for seg in segments:
        for i in range(seg.start, seg.end):
            over = {s.kind for s in valid if s.start <= i < s.end}
            assert set(seg.kinds) == over
    html = str(render_text(text, segments))
    # Only our own tags remain as markup; attribute values are escaped, so no '>' hides inside a tag.
    rest = re.sub(r'</?span[^>]*>|<a class="anchor" id="t-\d+"></a>', "", html)
    assert "<" not in rest and ">" not in rest
