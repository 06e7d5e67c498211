"""Building Articles from text: normalization keeps every offset pointing at the returned text."""

from __future__ import annotations

import unicodedata

from tacitus.ingest import article_from_text, is_error_article, normalize_text, read_inputs

STORY = "ISLAMABAD: Pakistan and Turkey agreed on Monday to set up a working group on port security."


def test_crlf_and_cr_become_newlines():
    assert normalize_text("a\r\nb\rc") == "a\nb\nc"


def test_nfc_composes_accents():
    decomposed = "Jose\u0301 Marti\u0301 spoke."
    assert normalize_text(decomposed) == unicodedata.normalize("NFC", decomposed)
    assert len(normalize_text(decomposed)) == len(decomposed) - 2


def test_bom_and_surrounding_whitespace_are_dropped():
    assert normalize_text("\ufeff  \n" + STORY + "\n\n") == STORY


def test_offsets_refer_to_the_returned_text_after_crlf_bom_and_nfc():
    raw = "\ufeffCafe\u0301 talks\r\n\r\nGENE\u0300VE: " + STORY[11:] + "\r\nPublished in The Ledger, 4 May 2017\r\n"
    article = article_from_text(raw, id="x")
    place = article.dateline
    assert "\r" not in article.text and not article.text.startswith("\ufeff")
    assert article.text[place.start : place.end] == place.text == "GENÈVE"
    assert article.published == "2017-05-04"


def test_crlf_file_with_bom_keeps_offsets(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbfHeadline here\r\n\r\n" + STORY.encode() + b"\r\n")
    [article] = read_inputs([str(path)])
    place = article.dateline
    assert article.text[place.start : place.end] == "ISLAMABAD"
    assert article.text == "Headline here\n\n" + STORY


def test_jsonl_text_is_normalized_too(tmp_path):
    path = tmp_path / "n.jsonl"
    path.write_text('{"text": "Title\\r\\nKARACHI: Ports reopened on Monday after the strike ended."}\n', encoding="utf-8")
    [article] = read_inputs([str(path)])
    assert article.text.startswith("Title\nKARACHI")
    assert article.text[article.dateline.start : article.dateline.end] == "KARACHI"


def test_metadata_is_kept():
    article = article_from_text(STORY, id="a", title="T", url="https://x.example", source="S", origin="in.txt")
    assert (article.id, article.title, article.url, article.source, article.origin) == ("a", "T", "https://x.example", "S", "in.txt")
    assert article.dateline.name == "Islamabad" and article.published is None


def test_empty_text_gives_an_error_article():
    article = article_from_text(" \r\n ", id="a")
    assert is_error_article(article) and article.errors[0].code == "E105" and "a:" in article.errors[0].message
