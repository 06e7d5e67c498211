"""Datelines: the place (and sometimes date and agency) that opens a news story.

Forms handled, as they open a line::

    ISLAMABAD: Pakistan and Russia ...            (South Asian papers)
    MOSCOW, Feb 20 (Reuters) - Russia ...         (wire services, with a date and agency)
    WASHINGTON (AP) — The Senate ...              (agency, no date)
    KABUL, Afghanistan — Gunmen ...               (city, region)
    BEIJING, Feb. 20, 2018 (Xinhua) -- China ...

Matching is split from writing: :func:`match_dateline` returns a :class:`DatelineMatch` with the
place, the date as written and the agency; :func:`find_dateline` returns just the :class:`Place`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tacitus.ingest.dates import DATE_PATTERN, MONTH_PATTERN, PartialDate, partial_date_from_match
from tacitus.ingest.lexicon import dateline_cities, news_agencies
from tacitus.model import Place

# A city: up to five words of letters joined by spaces, hyphens, apostrophes or ". " ("NEW YORK",
# "ST. LOUIS", "AL-ARISH", "N'DJAMENA", "DAR ES SALAAM").
CITY_PATTERN = r"[^\W\d_][^\W\d_'’.\-]*(?:(?:[ '’\-]|\.[ ]?)[^\W\d_]+){0,4}"
# A region after the city: "Afghanistan", "N.Y.", "D.C.", "Calif.", "South Korea".
REGION_PATTERN = r"[A-Z][\w'’.\-]*(?:[ ][A-Z][\w'’.\-]*){0,3}"

# The separator that ends a dateline. A bare hyphen needs spaces around it so that "UN-backed" or
# "ANTI-GRAFT" never reads as a dateline; a colon needs a space after it so that times do not. Wire
# copy often gives the dateline a line of its own ("WASHINGTON, Aug. 11 (Xinhua) --" and the story
# below it): ``own_line`` marks a dash that ends its line.
DATELINE_RE = re.compile(
    rf"""^[ \t]*
    (?P<city>{CITY_PATTERN})
    (?:,[ \t]+(?!{MONTH_PATTERN}\b)(?P<region>{REGION_PATTERN}))?
    (?:,[ \t]+(?P<date>{DATE_PATTERN}))?
    (?:[ \t]*\((?P<agency>[^()\n]{{1,40}})\))?
    (?P<sep>[ \t]*:[ \t]+|[ \t]*[—–][ \t]*|[ \t]*--[ \t]*|[ \t]+-[ \t]+|[ \t]+-(?=[ \t]*$))
    (?:(?=\S)|(?P<own_line>[ \t]*$))""",
    re.X,
)

# A photo caption ends with a credit: "...on Tuesday.—Reuters", "— AP Photo", "(AP Photo/Evan Vucci)",
# "Photo: AFP". Dawn prints the caption above the story with its own "MOSCOW:" opening, and the
# story's real dateline ("ISLAMABAD:") comes on the next line, so such a line is skipped.
CAPTION_CREDIT_RE = re.compile(r"(?:[—–]|--?|\()[ \t]*(?P<credit>[^—–()\n]{1,60}?)[ \t]*\)?[ \t]*\.?[ \t]*$")
PHOTO_CREDIT_RE = re.compile(
    r"\b(?:photo|photograph|picture|image)s?(?:[ \t]+(?:by|credit))?[ \t]*:[ \t]*\S[^\n]{0,60}$", re.I
)
CREDIT_WORDS = frozenset({"photo", "photos", "photograph", "file", "pic", "picture", "images"})
CREDIT_TOKEN_RE = re.compile(r"[\w'’\-]+")

# Words that end in a colon at the top of a story without being places: editorial labels. "UPDATE:" is
# in capitals like a dateline, so capitals alone cannot decide.
NOT_PLACES = frozenset(
    {
        "advisory", "alert", "also read", "analysis", "background", "breaking", "breaking news",
        "caption", "clarification", "comment", "context", "correction", "credit", "disclaimer",
        "editorial", "editor's note", "editors note", "editor’s note", "exclusive", "explainer",
        "factbox", "file", "file photo", "flash", "highlights", "interview", "key facts", "live",
        "note", "newsletter", "opinion", "photo", "photos", "profile", "read", "read more",
        "related", "refile", "repeat", "see also", "source", "sources", "summary", "tags", "timeline",
        "topics", "transcript", "update", "updated", "urgent", "video", "warning", "watch",
    }
)  # fmt: skip

# How far down a dateline may sit: a headline, a byline and a photo caption can come before it.
MAX_DATELINE_LINES = 6
# A line this long (in words) without a dateline is the story's first paragraph: stop looking.
BODY_LINE_WORDS = 12
# Only the start of a line can hold a dateline; matching on just that much keeps a pathological
# one-line article (a megabyte without a newline) from costing the regex engine a second.
DATELINE_SCAN_CHARS = 400
# A dateline begins a story, so a sentence follows it on the same line; an all-capital headline with
# a credit ("DEMOCRATS WIN CONTROL OF SENATE: AP") does not.
MIN_STORY_WORDS = 3
# Capitalized names longer than this are headlines, not cities (the longest common ones, "DAR ES
# SALAAM", "RIO DE JANEIRO", have three words); known cities may be longer.
MAX_CITY_WORDS = 3
# Lower-case particles inside city names ("Dar es Salaam", "Rio de Janeiro").
NAME_PARTICLES = frozenset(
    {"es", "de", "del", "da", "do", "dos", "das", "di", "du", "la", "le", "el", "of", "upon", "on"}
)


@dataclass
class DatelineMatch:
    """A dateline found in a text: the place span, and the date and agency when written."""

    place: Place
    date: PartialDate | None = None
    agency: str | None = None
    # True when the line reads as a photo caption (it ends with a credit).
    caption: bool = False
    # Where the date is written ("Feb 20" in "MOSCOW, Feb 20 (Reuters) -"), as offsets into the text.
    date_span: tuple[int, int] | None = None


def title_case_name(name: str) -> str:
    """Title-case a place name written in capitals: "DAR ES SALAAM" -> "Dar es Salaam".

    Reads one name; returns it with each word capitalized (particles other than the first word in
    lower case), hyphenated parts capitalized ("Al-Arish") and O'/D'-style prefixes kept ("N'Djamena").
    """
    words = []
    for index, word in enumerate(name.split(" ")):
        lower = word.lower()
        if index and lower in NAME_PARTICLES:
            words.append(lower)
            continue
        parts = re.split(r"([\-'’])", lower)
        out = []
        for i, part in enumerate(parts):
            # After an apostrophe, capitalize only a one-letter prefix's tail (N'Djamena, not People'S).
            if i >= 2 and parts[i - 1] in "'’" and len(parts[i - 2]) != 1:
                out.append(part)
            else:
                out.append(part[:1].upper() + part[1:])
        words.append("".join(out))
    return " ".join(words)


def _is_known_agency(agency: str) -> bool:
    agencies = news_agencies()
    return agency.strip() in agencies or any(tok in agencies for tok in CREDIT_TOKEN_RE.findall(agency))


def is_caption_line(line: str) -> bool:
    """True when ``line`` ends with a photo credit ("—Reuters", "— AP Photo", "Photo: AFP")."""
    line = line[-DATELINE_SCAN_CHARS:]  # a credit is short and at the end
    if PHOTO_CREDIT_RE.search(line):
        return True
    match = CAPTION_CREDIT_RE.search(line)
    if not match:
        return False
    tokens = CREDIT_TOKEN_RE.findall(match.group("credit"))
    agencies = news_agencies()
    credit = match.group("credit").strip()
    return credit in agencies or any(t in agencies or t.lower() in CREDIT_WORDS for t in tokens)


def _line_dateline(line: str, offset: int, after: str = "") -> DatelineMatch | None:
    """Match a dateline at the start of one line; offsets in the result are ``offset`` + line position.

    ``after`` is the text that follows the line, read only when the dateline has the line to itself.
    """
    match = DATELINE_RE.match(line[:DATELINE_SCAN_CHARS])
    if not match:
        return None
    city = match.group("city")
    agency = match.group("agency")
    letters = [c for c in city if c.isalpha()]
    if len(letters) < 2 or city.casefold() in NOT_PLACES or city.split(" ")[0].casefold() == "by":
        return None
    if match.group("own_line") is not None:
        # A line of its own is a dateline only with a dash and a date or an agency ("BUFFALO, N.Y. (AP)
        # --"), and only when the story follows: a bare "SPORTS --" or "Markets:" is a heading.
        if ":" in match.group("sep") or not (match.group("date") or agency):
            return None
        story = after[:DATELINE_SCAN_CHARS]
    else:
        story = line[match.end() :]
    # Only a capitalized name, a city we know or a wire agency credit makes this a dateline: a
    # title-case "Trade cooperation: ..." is a section heading.
    if len(story.split()) < MIN_STORY_WORDS:
        return None
    in_capitals = city.upper() == city and len(city.split()) <= MAX_CITY_WORDS
    known_city = city.casefold() in dateline_cities()
    with_agency = agency is not None and _is_known_agency(agency)
    if agency is not None and not with_agency:
        return None
    if not (in_capitals or known_city or with_agency):
        return None
    start = offset + match.start("city")
    end = offset + (match.end("region") if match.group("region") else match.end("city"))
    place = Place(start=start, end=end, text=line[start - offset : end - offset], name=title_case_name(city))
    date = partial_date_from_match(match) if match.group("date") else None
    date_span = (offset + match.start("date"), offset + match.end("date")) if match.group("date") else None
    agency = agency.strip() if agency else None
    return DatelineMatch(place=place, date=date, agency=agency, caption=is_caption_line(line), date_span=date_span)


def match_dateline(text: str) -> DatelineMatch | None:
    """Find the dateline of an article in its first lines.

    Reads the first :data:`MAX_DATELINE_LINES` non-empty lines of ``text``. A line that reads as a
    photo caption is passed over in favour of a later dateline (the line that begins the story); it
    is used only when nothing follows it (a one-paragraph brief that ends with an agency credit).
    Returns a :class:`DatelineMatch` with offsets into ``text``, or None.
    """
    caption_match: DatelineMatch | None = None
    seen = 0
    offset = 0
    for line in text.split("\n"):
        line_offset = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        seen += 1
        if seen > MAX_DATELINE_LINES:
            break
        found = _line_dateline(line, line_offset, text[offset : offset + DATELINE_SCAN_CHARS])
        if found is not None:
            if not found.caption:
                return found
            if caption_match is None:
                caption_match = found
            continue
        if len(line.split()) >= BODY_LINE_WORDS and not is_caption_line(line):
            # The story has begun without a dateline.
            break
    if caption_match is not None:
        rest = text[caption_match.place.end :].split("\n", 1)
        if len(rest) == 1 or not rest[1].strip():
            return caption_match
    return None


# The opening of a text that holds its first lines, where match_dateline looks.
HEAD_CHARS = 2000


def head_dateline(text: str) -> DatelineMatch | None:
    """:func:`match_dateline` on a text's opening only: for stages that ask of one word whether it is in
    the dateline, without splitting the whole of a long text into lines."""
    return match_dateline(text[:HEAD_CHARS])


def find_dateline(text: str) -> Place | None:
    """The dateline place of an article: a :class:`Place` with offsets into ``text`` and a title-cased
    ``name`` ("Islamabad"); country and coordinates are left for the places stage. None when the
    article has no dateline.
    """
    found = match_dateline(text)
    return found.place if found else None
