"""Property tests over ingest: any bytes, any Unicode, nested HTML, malformed JSON Lines -> Articles or coded errors.

Bounded runs for the normal suite; ``benchmarks/fuzz.py`` runs the same properties with many more examples.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tacitus.ingest import article_from_text, read_inputs, readers
from tacitus.output import article_to_dict

from .strategies import any_unicode, hostile_text, jsonl_file, nested_html

FAST = settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
SUFFIXES = (".txt", ".md", ".html", ".jsonl", ".csv")


def assert_sound(article) -> None:
    """What every Article from ingest must satisfy, whatever it was read from."""
    assert article.text or article.errors, "an Article without text must say why"
    for error in article.errors:
        assert error.code.startswith("E1"), error
        assert error.message
    if article.text:
        assert article.text == article.text.strip()
        assert not any("\ud800" <= ch <= "\udfff" for ch in article.text)
    if article.dateline is not None:
        assert article.text[article.dateline.start:article.dateline.end] == article.dateline.text
    # The record must reach a UTF-8 output stream (a lone surrogate once crashed the whole batch here).
    json.dumps(article_to_dict(article), ensure_ascii=False).encode("utf-8")


@FAST
@given(text=hostile_text, published=st.one_of(st.none(), st.just("2018-02-21")))
def test_article_from_any_text(text, published):
    assert_sound(article_from_text(text, id="fuzz", published=published))


@FAST
@given(data=st.one_of(st.binary(max_size=2_000), any_unicode.map(lambda t: t.encode("utf-8", "surrogatepass"))),
       suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_in_any_file_kind(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    articles = list(read_inputs([str(path)]))
    assert articles
    for article in articles:
        assert_sound(article)


@FAST
@given(data=jsonl_file)
def test_malformed_jsonl_costs_one_article_per_line(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "input.jsonl"
    path.write_bytes(data)
    articles = list(read_inputs([str(path)]))
    records = [line for line in data.split(b"\n") if line.strip()]
    if readers._looks_binary(data.lstrip(b"\r\n\t ").split(b"\n", 1)[0]):  # a binary first line: a binary file
        assert [e.code for e in articles[0].errors] == ["E103"] and len(articles) == 1
    else:
        assert len(articles) == max(1, len(records))
    for article in articles:
        assert_sound(article)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(page=nested_html())
def test_deeply_nested_html(tmp_path_factory, page):
    path = tmp_path_factory.mktemp("fuzz") / "page.html"
    path.write_bytes(page)
    [article] = read_inputs([str(path)])
    assert_sound(article)
    assert article.text or article.errors[0].code in ("E109", "E103")  # E103: NUL bytes in the page


@FAST
@given(data=st.one_of(jsonl_file, st.binary(max_size=500)))
def test_stdin_any_bytes(data):
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    articles = list(read_inputs(["-"], stdin=stream))
    assert articles
    for article in articles:
        assert_sound(article)


# --- regressions found by fuzzing ------------------------------------------------------------------


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize("line", [b"[" * 100_000, b'{"text": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"])
def test_regression_json_nested_too_deep_is_e106_not_recursion_error(tmp_path, line):
    [article] = read_inputs([write(tmp_path, "deep.jsonl", line + b"\n")])
    assert [e.code for e in article.errors] == ["E106"]
    assert "deep.jsonl" in article.errors[0].input


def test_regression_json_integer_over_digit_limit_is_e106_not_value_error(tmp_path):
    line = b'{"text": "Pakistan signed a deal.", "id": ' + b"9" * 5_000 + b"}\n"
    good = b'{"text": "Russia signed a deal."}\n'
    first, second = read_inputs([write(tmp_path, "big.jsonl", line + good)])
    assert [e.code for e in first.errors] == ["E106"] and first.errors[0].line == 1
    assert second.text == "Russia signed a deal." and not second.errors


def test_regression_lone_surrogate_escapes_become_replacement_characters(tmp_path):
    line = b'{"text": "Pakistan \\ud800 signed.", "id": "a\\udfffb", "title": "\\ud83d"}\n'
    [article] = read_inputs([write(tmp_path, "s.jsonl", line)])
    assert article.text == "Pakistan \ufffd signed."
    assert article.id == "a\ufffdb" and article.title == "\ufffd"
    assert_sound(article)


def test_regression_stdin_with_too_deep_json_is_read_as_text():
    stream = io.TextIOWrapper(io.BytesIO(b"[" * 100_000 + b"\n"), encoding="utf-8")
    [article] = read_inputs(["-"], stdin=stream)
    assert article.text.startswith("[[[") and not article.errors


@pytest.mark.parametrize("data", [b"", b"\n  \n\t\n"])
def test_regression_jsonl_without_records_is_an_error_not_silence(tmp_path, data):
    [article] = read_inputs([write(tmp_path, "empty.jsonl", data)])
    assert [e.code for e in article.errors] == ["E105"]
    assert article.errors[0].input.endswith("empty.jsonl")


def test_regression_file_name_that_is_not_utf8_gives_a_writable_id(tmp_path):
    folder = os.fsencode(tmp_path)
    try:
        with open(os.path.join(folder, b"\xffnews.txt"), "wb") as handle:
            handle.write(b"Pakistan signed a deal with Russia.")
    except OSError:
        pytest.skip("this file system does not take non-UTF-8 names")
    [article] = read_inputs([str(tmp_path)])
    assert article.id == "\\xffnews" and article.origin.endswith("\\xffnews.txt")
    assert_sound(article)


def test_regression_a_nul_byte_in_one_jsonl_line_costs_that_line_not_the_file(tmp_path):
    data = b'{"text": "Pakistan signed."}\n{"text": "bad\x00line"}\n{"text": "Russia signed."}\n'
    first, bad, last = read_inputs([write(tmp_path, "n.jsonl", data)])
    assert first.text == "Pakistan signed." and last.text == "Russia signed."
    assert [(e.code, e.line) for e in bad.errors] == [("E103", 2)]


def test_a_jsonl_file_that_starts_binary_is_one_e103(tmp_path):
    [article] = read_inputs([write(tmp_path, "z.jsonl", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(range(256)))])
    assert [e.code for e in article.errors] == ["E103"]
