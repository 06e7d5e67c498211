"""Publication dates: parsing written dates and choosing among the evidence in priority order."""

from __future__ import annotations

import json

import pytest

from tacitus.errors import UsageError
from tacitus.ingest import article_from_text, find_publication_date, read_inputs
from tacitus.ingest.dates import PartialDate, normalize_iso_date, parse_date_text, validate_published

BODY = "Officials said the talks would continue next week."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("February 21st, 2018", PartialDate(2018, 2, 21)),
        ("21 Feb 2018", PartialDate(2018, 2, 21)),
        ("2018-02-21", PartialDate(2018, 2, 21)),
        ("Feb. 21, 2018", PartialDate(2018, 2, 21)),
        ("Wednesday, 21 February 2018", PartialDate(2018, 2, 21)),
        ("21st of September 2018", PartialDate(2018, 9, 21)),
        ("Feb 20", PartialDate(None, 2, 20)),
        ("SEPT 3", PartialDate(None, 9, 3)),
    ],
)
def test_parse_date_text_reads_newspaper_forms(text, expected):
    assert parse_date_text(text) == expected


@pytest.mark.parametrize("text", ["Feb 2018", "2018-13-01", "the 21st", "February 40, 2018", "March 3, 1066"])
def test_parse_date_text_rejects_non_dates(text):
    assert parse_date_text(text) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2018-02-21", "2018-02-21"), ("2018-02-21T23:30:00-05:00", "2018-02-21"), ("2018-02-21T09:30:00Z", "2018-02-21"),
     ("2018-02-21 09:30:00", "2018-02-21"), ("21/02/2018", None), ("2018-02-30", None), ("soon", None)],
)  # fmt: skip
def test_normalize_iso_date(value, expected):
    assert normalize_iso_date(value) == expected


def test_validate_published_accepts_only_iso_dates():
    assert validate_published("2018-02-21") == "2018-02-21"
    assert validate_published(None) is None
    with pytest.raises(UsageError) as info:
        validate_published("21 Feb 2018")
    assert info.value.code == "E400" and "YYYY-MM-DD" in str(info.value)


@pytest.mark.parametrize(
    "closing",
    ["Published in Dawn, February 21st, 2018", "Published in The Ledger, 21 Feb 2018", "Published in Ledger, 2018-02-21."],
)
def test_closing_published_in_line(closing):
    assert find_publication_date(f"ISLAMABAD: {BODY}\n{closing}") == "2018-02-21"


def test_closing_line_also_names_the_paper():
    article = article_from_text(f"{BODY}\nPublished in Dawn, February 21st, 2018", id="a")
    assert article.source == "Dawn"
    assert article_from_text(f"{BODY}\nPublished in Dawn, February 21st, 2018", id="a", source="X").source == "X"


def test_dateline_with_full_date():
    assert find_publication_date(f"BEIJING, Feb. 20, 2018 (Xinhua) -- {BODY}") == "2018-02-20"


def test_yearless_dateline_takes_the_year_from_a_stamp():
    text = f"MOSCOW, Feb 20 (Reuters) - {BODY}\n\nUpdated 21 February 2018 10:31 GMT"
    assert find_publication_date(text) == "2018-02-20"


def test_yearless_dateline_across_new_year():
    text = f"MOSCOW, Dec 31 (Reuters) - {BODY}\nUpdated January 2, 2019"
    assert find_publication_date(text) == "2018-12-31"


def test_yearless_dateline_without_other_evidence_is_unused():
    assert find_publication_date(f"MOSCOW, Feb 20 (Reuters) - {BODY}") is None
    assert find_publication_date(f"MOSCOW, Feb 20 (Reuters) - {BODY}", year=2018) == "2018-02-20"


@pytest.mark.parametrize(
    "stamp", ["Updated: 21 Feb 2018 10:31am", "Posted on February 21, 2018 at 9:00", "Last updated 2018-02-21", "Published: Feb 21, 2018"]
)
def test_updated_or_posted_line(stamp):
    assert find_publication_date(f"{stamp}\n{BODY}") == "2018-02-21"
    assert find_publication_date(f"{BODY}\n{stamp}") == "2018-02-21"


def test_a_story_sentence_starting_with_updated_is_not_a_stamp():
    text = "Updated 21 Feb 2018 figures show " + "that exports rose sharply " * 10 + "\n" + BODY
    assert find_publication_date(text) is None


def test_text_evidence_priority_closing_line_then_dateline_then_stamp():
    dateline = "BEIJING, Feb. 20, 2017 (Xinhua) -- " + BODY
    assert find_publication_date(f"Updated 1 Jan 2016\n{dateline}\nPublished in Ledger, March 3, 2018") == "2018-03-03"
    assert find_publication_date(f"Updated 1 Jan 2016\n{dateline}") == "2017-02-20"
    assert find_publication_date(f"Updated 1 Jan 2016\n{BODY}") == "2016-01-01"
    assert find_publication_date(BODY) is None


def test_source_priority_argument_jsonl_html_text(tmp_path):
    text = f"ISLAMABAD: {BODY}\nPublished in Dawn, February 21st, 2018"
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text(
        json.dumps({"id": "with", "text": text, "published": "2019-01-01"}) + "\n" + json.dumps({"id": "without", "text": text}) + "\n",
        encoding="utf-8",
    )
    html = tmp_path / "p.html"
    html.write_text(
        '<html><head><meta property="article:published_time" content="2020-06-01"></head><body><article>'
        f"<p>{BODY} The ministers are expected to sign an agreement on trade and energy cooperation.</p>"
        "<p>Published in Dawn, February 21st, 2018</p></article></body></html>",
        encoding="utf-8",
    )
    got = {a.id: (a.published, a.published_from) for a in read_inputs([str(jsonl), str(html)])}
    assert got == {"with": ("2019-01-01", "jsonl"), "without": ("2018-02-21", "text"), "p": ("2020-06-01", "html")}
    got = {a.id: (a.published, a.published_from) for a in read_inputs([str(jsonl), str(html)], published="2000-01-01")}
    assert set(got.values()) == {("2000-01-01", "argument")}


def test_article_from_text_published_is_validated():
    with pytest.raises(UsageError):
        article_from_text(BODY, id="a", published="Feb 2018")
    article = article_from_text(BODY, id="a", published="2018-02-21")
    assert (article.published, article.published_from) == ("2018-02-21", "argument")
