"""Datelines: the place that opens a story, and the lines that only look like one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tacitus.ingest import find_dateline, match_dateline
from tacitus.ingest.dateline import is_caption_line, title_case_name

FIXTURES = Path(__file__).parent / "fixtures"
STORY = "Ministers from both countries met for talks on trade and security."


@pytest.mark.parametrize(
    ("opening", "text", "name"),
    [
        ("ISLAMABAD: ", "ISLAMABAD", "Islamabad"),
        ("MOSCOW, Feb 20 (Reuters) - ", "MOSCOW", "Moscow"),
        ("WASHINGTON (AP) — ", "WASHINGTON", "Washington"),
        ("KABUL, Afghanistan — ", "KABUL, Afghanistan", "Kabul"),
        ("BEIJING, Feb. 20, 2018 (Xinhua) -- ", "BEIJING", "Beijing"),
        ("NEW YORK, N.Y. — ", "NEW YORK, N.Y.", "New York"),
        ("DAR ES SALAAM: ", "DAR ES SALAAM", "Dar es Salaam"),
        ("ST. LOUIS (AP) — ", "ST. LOUIS", "St. Louis"),
        ("WASHINGTON, March 3 — ", "WASHINGTON", "Washington"),
        ("Moscow, Feb 20 (Reuters) - ", "Moscow", "Moscow"),
        ("Kabul, Afghanistan — ", "Kabul, Afghanistan", "Kabul"),
        ("Islamabad: ", "Islamabad", "Islamabad"),
        ("N'DJAMENA, Chad (AFP) - ", "N'DJAMENA, Chad", "N'Djamena"),
    ],
)
def test_dateline_forms(opening, text, name):
    article = f"{opening}{STORY}"
    place = find_dateline(article)
    assert place is not None
    assert (place.text, place.name) == (text, name)
    assert article[place.start : place.end] == place.text
    assert place.country is None and place.lat is None and place.lon is None


def test_dateline_date_and_agency():
    found = match_dateline(f"MOSCOW, Feb 20 (Reuters) - {STORY}")
    assert (found.date.month, found.date.day, found.date.year, found.agency) == (2, 20, None, "Reuters")


@pytest.mark.parametrize(
    "line",
    [
        f"Trade cooperation: {STORY}",
        f"Note: {STORY}",
        f"UPDATE: {STORY}",
        f"EDITOR'S NOTE: {STORY}",
        f"UN-backed forces - {STORY}",
        f"Anti-war protesters — {STORY}",
        "DEMOCRATS WIN CONTROL OF SENATE: AP",
        f"BY JOHN SMITH: {STORY}",
        f"Markets (Bloomberg-ish blog) - {STORY}",
        f"At 10:30 officials said {STORY}",
    ],
)
def test_lines_that_are_not_datelines(line):
    assert find_dateline(line) is None


def test_caption_line_is_skipped_for_the_story_dateline():
    text = (FIXTURES / "caption_dateline.txt").read_text(encoding="utf-8")
    place = find_dateline(text)
    assert place.name == "Karachi"
    assert text[place.start : place.end] == "KARACHI"


def test_caption_without_a_later_dateline_gives_none():
    text = f"MOSCOW: The ministers before their meeting.—Reuters\n{STORY} {STORY}"
    assert find_dateline(text) is None


def test_one_paragraph_brief_ending_with_agency_credit_keeps_its_dateline():
    text = f"LAHORE: {STORY}—APP"
    assert find_dateline(text).name == "Lahore"


@pytest.mark.parametrize(
    "line",
    ["MOSCOW: The ministers before their talks on Tuesday.—Reuters", "A soldier stands guard. — AP Photo",
     "Protesters in the capital. (AP Photo/Jane Doe)", "Talks in Ankara. Photo: AFP"],
)  # fmt: skip
def test_caption_credits(line):
    assert is_caption_line(line)


def test_story_lines_are_not_captions():
    assert not is_caption_line(f"ISLAMABAD: {STORY}")
    assert not is_caption_line("The minister - who spoke to reporters - said so")


def test_headline_and_byline_before_the_dateline():
    text = f"Talks resume\nBy Staff Reporter\n\nGENEVA: {STORY}"
    place = find_dateline(text)
    assert place.name == "Geneva" and text[place.start : place.end] == "GENEVA"


def test_no_dateline_once_the_story_has_begun():
    text = f"{STORY} {STORY}\nPARIS: {STORY}"
    assert find_dateline(text) is None


def test_title_case_name():
    assert title_case_name("RIO DE JANEIRO") == "Rio de Janeiro"
    assert title_case_name("AL-ARISH") == "Al-Arish"
    assert title_case_name("PEOPLE'S SQUARE") == "People's Square"


@pytest.mark.parametrize(
    ("text", "name", "date"),
    [
        (f"WASHINGTON, August 11 (Xinhua) --\n\n{STORY}", "Washington", (8, 11)),
        (f"BUFFALO, N.Y. (AP) --\n\n{STORY}", "Buffalo", None),
        (f"MOSCOW, Feb 20 (Reuters) -\n{STORY}", "Moscow", (2, 20)),
    ],
)
def test_dateline_on_a_line_of_its_own(text, name, date):
    found = match_dateline(text)
    assert found is not None and found.place.name == name
    assert (found.date and (found.date.month, found.date.day)) == date


@pytest.mark.parametrize(
    "text",
    [
        f"SPORTS --\n\n{STORY}",  # no date or agency: a heading
        "WASHINGTON (AP) --\n\n",  # nothing follows
        f"UPDATE (Reuters):\n{STORY}",  # a colon ending its line is a label
    ],
)
def test_lines_of_their_own_that_are_not_datelines(text):
    assert match_dateline(text) is None
