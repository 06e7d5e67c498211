"""Reading every input kind, and turning every bad input into an error Article."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import pytest

from tacitus.errors import UsageError
from tacitus.ingest import count_inputs, is_error_article, read_inputs
from tacitus.ingest import readers

FIXTURES = Path(__file__).parent / "fixtures"
GOOD_TEXT = "ISLAMABAD: The cabinet approved a new budget on Friday after a long debate.\n"


def read_all(*inputs, **kwargs):
    return list(read_inputs([str(i) for i in inputs], **kwargs))


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --- input kinds -------------------------------------------------------------------------------


def test_txt_file_is_one_article_named_by_its_stem():
    [article] = read_all(FIXTURES / "caption_dateline.txt")
    assert article.id == "caption_dateline"
    assert article.origin == str(FIXTURES / "caption_dateline.txt")
    assert article.text.startswith("ANKARA:")
    assert article.published == "2019-03-06"
    assert article.published_from == "text"
    assert article.dateline.name == "Karachi"
    assert article.errors == []


def test_md_file_is_one_article():
    [article] = read_all(FIXTURES / "brief.md")
    assert article.id == "brief"
    assert article.dateline.name == "Lisbon"
    assert article.published is None


def test_html_file_gives_main_text_title_date_url_and_site():
    [article] = read_all(FIXTURES / "page.html")
    assert article.id == "page"
    assert "Amu Darya" in article.text
    assert "Advertise" not in article.text and "Sport" not in article.text
    assert article.title == "Ministers meet on water sharing"
    assert article.published == "2020-05-12"
    assert article.published_from == "html"
    assert article.url == "https://courier.example/2020/05/ministers-water"
    assert article.source == "The Valley Courier"
    assert article.dateline.name == "Dushanbe"
    assert article.text[article.dateline.start : article.dateline.end] == "DUSHANBE"


def test_htm_suffix_is_html_too(tmp_path):
    write(tmp_path / "story.HTM", (FIXTURES / "page.html").read_text(encoding="utf-8"))
    [article] = read_all(tmp_path / "story.HTM")
    assert article.title == "Ministers meet on water sharing"


def test_jsonl_reads_all_fields_and_defaults():
    articles = read_all(FIXTURES / "articles.jsonl")
    assert [a.id for a in articles] == ["courier-1", "articles-3", "courier-3"]
    first = articles[0]
    assert first.published == "2021-07-03" and first.published_from == "jsonl"
    assert first.title == "Border talks resume"
    assert first.url == "https://courier.example/1"
    assert first.source == "Valley Courier"
    assert first.origin == f"{FIXTURES / 'articles.jsonl'}:1"
    assert first.dateline.name == "Tashkent"
    assert articles[1].published == "2021-07-02"
    assert articles[2].published is None and articles[2].published_from is None
    assert all(not a.errors for a in articles)


def test_jsonl_numeric_id_is_kept_as_string(tmp_path):
    path = write(tmp_path / "n.jsonl", json.dumps({"id": 42, "text": "Troops withdrew on Monday."}) + "\n")
    [article] = read_all(path)
    assert article.id == "42"


def test_directory_is_read_recursively_in_sorted_order_skipping_hidden_and_other_files(tmp_path):
    write(tmp_path / "b.txt", GOOD_TEXT)
    write(tmp_path / "a" / "z.md", GOOD_TEXT)
    write(tmp_path / "a" / "c.jsonl", json.dumps({"text": GOOD_TEXT}) + "\n" + json.dumps({"text": GOOD_TEXT}) + "\n")
    write(tmp_path / "notes.csv", "x,y\n")
    write(tmp_path / ".hidden.txt", GOOD_TEXT)
    write(tmp_path / ".git" / "x.txt", GOOD_TEXT)
    articles = read_all(tmp_path)
    assert [a.id for a in articles] == ["c-1", "c-2", "z", "b"]
    assert all(not a.errors for a in articles)


def test_explicit_file_of_unknown_kind_is_read_as_text(tmp_path):
    [article] = read_all(write(tmp_path / "story", GOOD_TEXT))
    assert article.id == "story" and article.dateline.name == "Islamabad"


def test_stdin_plain_text_is_one_article():
    [article] = read_all("-", stdin=io.StringIO(GOOD_TEXT))
    assert article.id == "stdin" and article.origin == "<stdin>"
    assert article.text == GOOD_TEXT.strip()


def test_stdin_jsonl_when_every_line_is_an_object_with_text():
    lines = [{"id": "x", "text": "Rebels seized the town."}, {"text": "Police arrested ten people."}]
    stdin = io.StringIO("\n".join(json.dumps(r) for r in lines) + "\n")
    articles = read_all("-", stdin=stdin)
    assert [a.id for a in articles] == ["x", "stdin-2"]
    assert articles[1].origin == "<stdin>:2"


def test_stdin_with_one_non_json_line_is_plain_text():
    stdin = io.StringIO('{"text": "Rebels seized the town."}\nand then more words\n')
    [article] = read_all("-", stdin=stdin)
    assert article.id == "stdin" and article.text.startswith('{"text"')


def test_stdin_bytes_buffer_is_decoded_like_a_file():
    stream = io.TextIOWrapper(io.BytesIO(b"\xef\xbb\xbf" + GOOD_TEXT.encode("utf-8")), encoding="utf-8")
    [article] = read_all("-", stdin=stream)
    assert article.text.startswith("ISLAMABAD")


def test_inputs_keep_their_order(tmp_path):
    write(tmp_path / "one.txt", GOOD_TEXT)
    articles = read_all(FIXTURES / "brief.md", "-", tmp_path / "one.txt", stdin=io.StringIO("Talks ended."))
    assert [a.id for a in articles] == ["brief", "stdin", "one"]


# --- the published argument ----------------------------------------------------------------------


def test_published_argument_overrides_every_other_date():
    articles = read_all(FIXTURES / "page.html", FIXTURES / "articles.jsonl", FIXTURES / "wire.txt", published="2001-01-02")
    assert {a.published for a in articles} == {"2001-01-02"}
    assert {a.published_from for a in articles} == {"argument"}


@pytest.mark.parametrize("bad", ["2018-2-21", "21/02/2018", "2018-02-30", "yesterday", ""])
def test_bad_published_argument_is_a_usage_error_raised_before_reading(bad):
    def never_iterated():
        raise AssertionError("inputs were read")
        yield  # pragma: no cover

    with pytest.raises(UsageError, match="published"):
        read_inputs(never_iterated(), published=bad)


# --- bad inputs ------------------------------------------------------------------------------------


def assert_error(article, code, *fragments):
    assert is_error_article(article)
    # Error articles are named after the input: the path, or "path:LINE" for a JSONL line.
    assert article.id == article.origin
    assert article.text == ""
    [error] = article.errors
    assert error.code == code
    for fragment in fragments:
        assert fragment in error.message, (fragment, error.message)
    return error


def test_missing_path_is_e101_and_the_rest_still_comes_through(tmp_path, caplog):
    missing = tmp_path / "nope.txt"
    with caplog.at_level(logging.WARNING, logger="tacitus.ingest"):
        articles = read_all(missing, FIXTURES / "brief.md")
    assert_error(articles[0], "E101", str(missing), "no such file")
    assert articles[0].id == str(missing)
    assert articles[1].id == "brief" and not articles[1].errors
    assert "E101" in caplog.text


def test_directory_without_articles_is_e102(tmp_path):
    write(tmp_path / "d" / "data.csv", "a,b\n")
    [article] = read_all(tmp_path / "d")
    assert_error(article, "E102", str(tmp_path / "d"))


def test_file_with_nul_bytes_is_e103(tmp_path):
    path = write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    articles = read_all(path, FIXTURES / "brief.md")
    assert_error(articles[0], "E103", str(path), "binary")
    assert not articles[1].errors


def test_file_of_control_bytes_is_e103(tmp_path):
    path = write(tmp_path / "junk.txt", bytes(range(1, 8)) * 50)
    assert_error(read_all(path)[0], "E103")


def test_invalid_utf8_is_e104_with_the_byte_offset(tmp_path):
    path = write(tmp_path / "latin1.txt", "Caf\u00e9 owners protested.".encode("latin-1"))
    error = assert_error(read_all(path)[0], "E104", str(path), "byte offset 3", "0xe9")
    assert error.input == str(path)


def test_invalid_utf8_offset_counts_the_bom(tmp_path):
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbfab\xff")
    assert_error(read_all(path)[0], "E104", "byte offset 5")


def test_utf16_with_bom_is_read(tmp_path):
    path = write(tmp_path / "u16.txt", GOOD_TEXT.encode("utf-16"))
    [article] = read_all(path)
    assert article.text == GOOD_TEXT.strip()


@pytest.mark.parametrize("content", ["", "   \n\t\n"])
def test_empty_article_is_e105(tmp_path, content):
    path = write(tmp_path / "empty.txt", content)
    assert_error(read_all(path)[0], "E105", str(path), "empty")


def test_html_without_main_text_is_e109(tmp_path):
    path = write(tmp_path / "blank.html", "<html><head><title>Empty</title></head><body><div></div></body></html>")
    assert_error(read_all(path)[0], "E109", str(path))


def test_bad_jsonl_lines_each_give_one_error_and_the_good_lines_come_through(tmp_path):
    lines = [
        json.dumps({"id": "ok-1", "text": "Troops withdrew on Monday."}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no text"}),
        json.dumps({"text": ""}),
        json.dumps({"text": 17}),
        json.dumps({"text": "Fine.", "title": ["x"]}),
        json.dumps({"id": "ok-8", "text": "Rebels seized the town."}),
    ]
    path = write(tmp_path / "mixed.jsonl", "\n".join(lines) + "\n")
    articles = read_all(path)
    assert [a.id for a in articles] == ["ok-1"] + [f"{path}:{n}" for n in range(2, 8)] + ["ok-8"]
    expected = {2: ("E106", "not valid JSON"), 3: ("E106", "JSON object"), 4: ("E106", "missing"),
                5: ("E106", "empty"), 6: ("E107", '"text" must be a string'), 7: ("E107", '"title"')}  # fmt: skip
    for article in articles[1:-1]:
        lineno = int(article.id.rsplit(":", 1)[1])
        code, fragment = expected[lineno]
        error = assert_error(article, code, str(path), f"line {lineno}", fragment)
        assert error.line == lineno and error.input == str(path)
    assert not articles[0].errors and not articles[-1].errors


def test_invalid_utf8_in_one_jsonl_line_costs_only_that_line(tmp_path):
    good = json.dumps({"text": "Talks ended."}).encode()
    bad = b'{"text": "caf\xe9"}'
    path = write(tmp_path / "enc.jsonl", good + b"\n" + bad + b"\n" + good + b"\n")
    articles = read_all(path)
    assert [is_error_article(a) for a in articles] == [False, True, False]
    offset = len(good) + 1 + bad.index(b"\xe9")
    assert_error(articles[1], "E104", "line 2", f"byte offset {offset}")


def test_unreadable_jsonl_date_is_e110_and_the_text_date_is_used(tmp_path):
    record = {"text": "Talks ended.\nPublished in The Ledger, 4 May 2017", "published": "last week"}
    path = write(tmp_path / "d.jsonl", json.dumps(record) + "\n")
    [article] = read_all(path)
    assert not is_error_article(article)
    [error] = article.errors
    assert error.code == "E110" and "line 1" in error.message and "last week" in error.message
    assert article.published == "2017-05-04" and article.published_from == "text"


def test_jsonl_published_of_wrong_type_is_e107(tmp_path):
    path = write(tmp_path / "t.jsonl", json.dumps({"text": "Talks ended.", "published": 20170504}) + "\n")
    assert_error(read_all(path)[0], "E107", '"published"')


def test_overlong_article_is_e108(tmp_path, monkeypatch):
    monkeypatch.setattr("tacitus.ingest.article.MAX_ARTICLE_CHARS", 50)
    path = write(tmp_path / "long.txt", "word " * 20)
    articles = read_all(path, FIXTURES / "brief.md")
    assert_error(articles[0], "E108", str(path), "over the limit of 50")


def test_huge_file_is_e108_without_being_read(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_TEXT_BYTES", 10)
    path = write(tmp_path / "big.txt", "x" * 11)
    assert_error(read_all(path)[0], "E108", str(path))


def test_overlong_jsonl_text_is_e108_with_line(tmp_path, monkeypatch):
    monkeypatch.setattr("tacitus.ingest.article.MAX_ARTICLE_CHARS", 10)
    path = write(tmp_path / "l.jsonl", json.dumps({"text": "short"}) + "\n" + json.dumps({"text": "x" * 11}) + "\n")
    articles = read_all(path)
    assert not articles[0].errors
    assert_error(articles[1], "E108", f"{path}:2")


def test_binary_stdin_is_e103():
    stream = io.TextIOWrapper(io.BytesIO(b"\x00\x01\x02binary"), encoding="utf-8")
    assert_error(read_all("-", stdin=stream)[0], "E103", "<stdin>")


def test_a_lone_path_is_one_input():
    assert [a.id for a in read_inputs(FIXTURES / "brief.md")] == ["brief"]
    assert count_inputs(str(FIXTURES / "articles.jsonl")) == 3


def test_error_article_ids_name_the_path(tmp_path):
    path = write(tmp_path / "empty.txt", "")
    [article] = read_all(path)
    assert article.id == str(path)


def test_error_articles_are_only_those_without_text():
    articles = read_all(FIXTURES / "brief.md", "/no/such/path")
    assert [is_error_article(a) for a in articles] == [False, True]


# --- count_inputs -----------------------------------------------------------------------------------


def test_count_inputs_counts_files_and_jsonl_lines(tmp_path):
    write(tmp_path / "a.txt", GOOD_TEXT)
    write(tmp_path / "sub" / "b.jsonl", '{"text": "a"}\n\n{"text": "b"}\n{"text": "c"}\n')
    write(tmp_path / "skip.csv", "x")
    inputs = [str(tmp_path), str(FIXTURES / "articles.jsonl"), "/no/such/file"]
    assert count_inputs(inputs) == 1 + 3 + 3 + 1
    assert count_inputs(inputs) == len(list(read_inputs(inputs)))


def test_count_inputs_is_none_with_stdin():
    assert count_inputs([str(FIXTURES / "brief.md"), "-"]) is None


SHARED_EXAMPLE = Path(__file__).resolve().parents[3] / "shared" / "examples" / "dawn-2018-02-21-pakistan-russia.txt"


@pytest.mark.skipif(not SHARED_EXAMPLE.exists(), reason="shared examples not checked out")
def test_shared_dawn_example_date_and_dateline_past_the_caption():
    [article] = read_all(SHARED_EXAMPLE)
    assert (article.published, article.published_from, article.source) == ("2018-02-21", "text", "Dawn")
    place = article.dateline
    assert place.name == "Islamabad" and article.text[place.start : place.end] == "ISLAMABAD"
    assert article.text.index("ISLAMABAD") == place.start  # the story's dateline, not the caption's "MOSCOW"
