"""The regular expressions of the time stage, built once from the lexicon at import.

Each ``*_RE`` constant below recognizes one kind of time expression; named groups carry the parts
that :mod:`tacitus.time.rules` reads to normalize it. Fragments (``MONTH``, ``QTY``, ...) are
plain strings shared between the patterns; word lists come from ``lexicon.yaml``.
All patterns are case-insensitive; rules that need capitalization (the month "May") check it.
"""

from __future__ import annotations

import re

from tacitus.time.lexicon import load_lexicon

LEX = load_lexicon()
FLAGS = re.IGNORECASE


def _alt(words) -> str:
    """Return a regex alternation of ``words``, longest first, with spaces matching any whitespace."""
    # Longest first, so that "sept" is tried before "sep"; then alphabetical, so the pattern is the same in every run.
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


# A word edge that, unlike \b, also works after a period ("Sept." + space).
END = r"(?![\w])"
START = r"(?<![\w'-])"

MONTH_WORD = _alt(LEX.months) + r"\.?" + END
WEEKDAY_WORD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
SEASON_WORD = _alt(LEX.seasons)
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
NUMBER_WORD = _alt(list(LEX.numbers) + list(LEX.scales))
# "twenty four", "twenty-four", "one hundred and fifty".
NUMBER_WORDS = NUMBER_WORD + r"(?:(?:-|\s+|\s+and\s+)" + NUMBER_WORD + r")*"
DIGITS = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
FRACTION = r"\d+\s+\d/\d"
QTY = (
    r"(?:" + FRACTION + "|" + DIGITS + "|" + NUMBER_WORDS + "|"
    + _alt(list(LEX.fixed_quantities) + list(LEX.vague_quantities)) + r"|an?)"
    + r"(?:\s+and\s+a\s+half)?"
)
# A quantity with a number in it (no bare "a"): for ranges and "N-unit" adjectives.
NUMBER = r"(?:" + FRACTION + "|" + DIGITS + "|" + NUMBER_WORDS + ")"
UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|centuries|millennium|millennia)s?"
UNIT_ADJ = r"(?:second|minute|hour|day|night|week|month|quarter|year|decade|century)"
CAL_UNIT = r"(?:week|weekend|month|quarter|year|decade|century|season)"
ORDINAL_WORD = _alt(LEX.ordinals)
DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
DAY_OF_MONTH = r"(?:" + DAY_NUM + "|" + ORDINAL_WORD + ")"
YEAR_DIGITS = r"(?:1[0-9]{3}|20[0-9]{2})"
# Spoken years in broadcast transcripts: "nineteen ninety-six", "two thousand".
SPOKEN_YEAR = (
    r"(?:(?:nineteen|eighteen|seventeen)\s+(?:hundred|(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|"
    r"seven|eight|nine))?|oh[- ](?:one|two|three|four|five|six|seven|eight|nine))|two\s+thousand(?:\s+(?:and\s+)?"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|twenty))?)"
)
YEAR = r"(?:" + YEAR_DIGITS + "|" + SPOKEN_YEAR + ")"
# Time-of-day modifiers that go inside a span ("early Tuesday", "late November", "mid-1996").
EDGE = r"(?:early|late|earlier|later|mid|the\s+(?:beginning|start|end|middle)\s+of|the\s+(?:first|second|last|latter)\s+half\s+of|the\s+(?:first|last)\s+two\s+quarters\s+of)"
# Approximators that may precede "the past/next ..." ("at least the past 18 months") ...
APPROX = r"(?:about|around|approximately|roughly|nearly|almost|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than)"
# ... and those that attach only to the number itself ("barely a month", "another two weeks").
# Prepositions ("over a week", "within 18 months") stay outside the span, as TimeML marks them
# (TimeBank: 31 of 34); the resolver still reads them for the mod.
APPROX_INNER = r"(?:barely|an\s+additional|another|some)"
CLOCK = r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.m\.?|p\.m\.?|am" + END + "|pm" + END + r")|(?:[01]?\d|2[0-3]):[0-5]\d|noon|midnight)"
TIMEZONE = r"(?:\(?(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|local\s+time)\)?)"
REL = r"(?:last|this|next|this\s+past|this\s+coming|the\s+coming|the\s+past|the\s+previous|the\s+following|the\s+current|the\s+latest)"
# Shared heads and tails: the short edge of decades, centuries and seasons ("early 1990s", "mid-
# century", "late summer") and a named part of the day ("Tuesday morning", "tomorrow night").
SHORT_EDGE = r"(?:(?P<edge>early|late|mid)[\s-]*)?"
PART = r"(?P<part>" + PART_OF_DAY + ")"


def _rule(*parts: str) -> re.Pattern:
    """Compile one expression pattern: a word start, then ``parts`` joined, case-insensitive."""
    return re.compile(START + "".join(parts), FLAGS)


# 2018-02-21, optionally with a time.
ISO_RE = _rule(r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<hh>[0-2]\d):(?P<mi>[0-5]\d))?" + END)
# 2/21/2018 (US order, as in American wire copy).
SLASH_DATE_RE = _rule(r"(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>\d{4}|\d{2})" + END)
# [Wednesday,] February 21[st][, 2018]
# A range's link word and its second day: "April 24 and 25, 1999", "December 18-19", "15 to 19".
DAY_RANGE_LINK = r"\s*(?:and|or|to|through|-|\u2013)\s*"
MONTH_DAY_RE = _rule(
    r"(?:(?P<rel>this\s+coming|this|next|last)\s+)?(?:(?P<wd>" + WEEKDAY_WORD + r"),?\s+)?"
    r"(?P<month>" + MONTH_WORD + r")\s*(?P<day>" + DAY_OF_MONTH + r")" + END
    + r"(?:,?\s+(?P<year>" + YEAR + r")" + END
    # The first day of a range takes the year written after the second ("April 24 and 25, 1999").
    + r"|(?=" + DAY_RANGE_LINK + DAY_NUM + END + r",?\s+(?P<ryear>" + YEAR_DIGITS + r")" + END + r"))?",
)
# The first day of a range written day first: "15[ to 19 December 2006]", "24[-25 April]".
RANGE_START_DAY_RE = _rule(
    r"(?P<span>(?P<day>" + DAY_NUM + r"))" + END + DAY_RANGE_LINK + r"(?P<day2>" + DAY_NUM + r")\s+(?:of\s+)?"
    r"(?P<month>" + MONTH_WORD + r")(?:,?\s+(?P<year>" + YEAR_DIGITS + r")" + END + r")?",
)
# The second day of a range, after its month and first day: "[April 24 and] 25[, 1999]".
RANGE_END_DAY_RE = _rule(
    r"(?P<month>" + MONTH_WORD + r")\s*(?P<day1>" + DAY_NUM + r")" + DAY_RANGE_LINK
    + r"(?P<span>(?P<day>" + DAY_NUM + r")" + END + r"(?:,?\s+(?P<year>" + YEAR_DIGITS + r")" + END + r")?)",
)
# [Wednesday,] 21 February [2018], the 21st of February
DAY_MONTH_RE = _rule(
    r"(?:(?P<wd>" + WEEKDAY_WORD + r"),?\s+)?(?:the\s+)?(?P<day>" + DAY_OF_MONTH + r")\s+(?:of\s+)?"
    r"(?P<month>" + MONTH_WORD + r")(?:,?\s+(?P<year>" + YEAR + r")" + END + r")?",
)
# [early] November 2014, January this year, June last year
MONTH_YEAR_RE = _rule(
    r"(?:(?P<edge>" + EDGE + r")[\s-]*)?(?P<month>" + MONTH_WORD + r")(?:,?\s+(?:of\s+)?(?P<year>" + YEAR + r")" + END
    + r"|\s+(?P<rel>this|last|next)\s+year" + END + ")",
)
# [last|this|early|mid-] November
MONTH_RE = _rule(
    r"(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?(?:(?P<edge>" + EDGE + r")[\s-]*)?"
    r"(?P<month>" + _alt(w for w in LEX.months if len(w) > 3 or w == "may") + r")" + END,
)
# [the] [early] 1990s, the '80s, the nineties
DECADE_RE = _rule(
    r"(?:(?P<the>the)\s+)?" + SHORT_EDGE
    + r"(?:(?P<digits>1\d{2}0|20\d0)'?s|'(?P<short>\d0)s|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))" + END,
)
# [the] 20th century, the eleventh century
CENTURY_RE = _rule(
    r"(?:the\s+)?" + SHORT_EDGE + r"(?P<ord>\d{1,2}(?:st|nd|rd|th)|" + ORDINAL_WORD + r")[\s-]+century" + END,
)
# [fiscal] [early] 1990, mid-1996, the end of 1990, the year 2000
YEAR_RE = _rule(
    r"(?:(?P<edge>" + EDGE + r")[\s-]*)?(?:(?P<fiscal>fiscal(?:\s+year)?|calendar(?:\s+year)?|FY|the\s+year)\s*)?"
    r"(?P<year>" + YEAR + r")" + END,
)
# third-quarter, the fourth quarter [of 1990], the 1988 second quarter, this year's first quarter, Q3 2015
QUARTER_RE = _rule(
    r"(?:(?P<det>the|its|a|this|that)\s+)?(?:(?P<yrel>this|last|next)\s+year's\s+)?(?:(?P<pyear>" + YEAR_DIGITS + r")\s+)?"
    r"(?:(?P<ago>year-(?:ago|earlier)|comparable\s+year-(?:ago|earlier))\s+)?(?:fiscal[\s-]+)?"
    r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?(?P<unit>quarter|half)" + END
    + r"(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<year>" + YEAR_DIGITS + r")" + END + r")?",
)
Q_CODE_RE = re.compile(START + r"(?P<q>Q[1-4]|H[12])\s+(?P<year>" + YEAR_DIGITS + r")" + END)
# the quarter, the latest period, the year-ago quarter, the 1988 period, that quarter
PERIOD_RE = _rule(
    r"(?:(?P<det>the|that|this|its|a)\s+)?(?:(?P<kind>latest|current|same|year-ago|year-earlier|comparable(?:\s+year-ago|\s+year-earlier)?|"
    r"(?P<year>" + YEAR_DIGITS + r"))\s+)?(?P<unit>quarter|period)" + END
    # Read, not spanned: the day a reporting period closed ("the quarter ended Sept. 30").
    + r"(?=\s+(?:ended|ending)\s+(?P<emonth>" + MONTH_WORD + r")\s*(?P<eday>" + DAY_NUM + r")" + END
    + r"(?:,?\s+(?P<eyear>" + YEAR_DIGITS + r"))?)?",
)
# the same quarter a year back, named from the reported one: "the corresponding period last year",
# "the quarter a year ago", "last year's quarter"
PERIOD_YEAR_BACK_RE = _rule(
    r"(?:the\s+(?:same\s+|corresponding\s+|comparable\s+)?(?:quarter|period)\s+(?:last\s+year|a\s+year\s+(?:ago|earlier))"
    r"|last\s+year's\s+(?:same\s+|corresponding\s+|comparable\s+)?(?:quarter|period))" + END,
)
# year-ago, year-earlier (adjectives: "year-earlier profit")
YEAR_AGO_ADJ_RE = _rule(r"year-(?:ago|earlier)" + END)
# last week, this year, next month, [earlier|late] this week, the past year, the coming weekend
REL_UNIT_RE = _rule(
    r"(?:(?P<edge>" + EDGE + r"|sometime)[\s-]+)?(?P<rel>" + REL + r")\s+(?:fiscal\s+)?(?P<unit>" + CAL_UNIT + r")" + END,
)
# the weekend, the week, the year, the full year, the fiscal year, year-end, year's end, the end of the month
DEF_UNIT_RE = _rule(
    r"(?:(?P<edge>" + EDGE + r")\s+)?(?P<det>the)\s+(?:(?P<mod>full|whole|entire|fiscal|same)\s+)?(?P<unit>weekend|week|month|year)" + END
    + r"(?P<ended>(?=\s+(?:ended|ending|ends)\b))?",
)
# the week of March 6, the weekend of Oct. 23, 1998: the week that holds the date
WEEK_OF_RE = _rule(
    r"the\s+(?P<unit>week|weekend)\s+of\s+(?P<month>" + MONTH_WORD + r")\s*(?P<day>" + DAY_OF_MONTH + r")" + END
    + r"(?:,?\s+(?P<year>" + YEAR_DIGITS + r")" + END + r")?",
)
YEAR_END_RE = _rule(r"(?:(?P<approx>around)\s+)?(?:year[\s-]end|year's\s+end)" + END)
# the following year, that day, later that year, the next morning, the previous day
ANAPHORIC_RE = _rule(
    r"(?:(?P<edge>earlier|later|early|late)\s+)?(?P<rel>the\s+following|the\s+next|the\s+previous|the\s+same|that|that\s+same)\s+"
    r"(?P<unit>day|morning|afternoon|evening|night|week|month|year)" + END,
)
# yesterday, late yesterday, tomorrow morning, tonight, the day before yesterday
DAY_WORD_RE = _rule(
    r"(?:(?P<edge>early|late|earlier|later|mid-?\s*(?:morning|afternoon)|(?:mid-?\s*)?(?:morning|afternoon|evening))\s+)?"
    r"(?P<word>(?:the\s+day\s+(?:before|after)\s+)?(?:yesterday|today|tomorrow)|tonight)"
    r"(?:\s+" + PART + r")?" + END,
)
# [the day before] [last|this|next] Tuesday [morning] [next week], early Tuesday; a possessive "'s" stays outside the span.
WEEKDAY_RE = _rule(
    r"(?:(?P<dayrel>(?:the\s+)?day\s+(?:before|after))\s+)?"
    r"(?:(?P<rel>last|this|next|this\s+coming|this\s+past|the\s+previous|the\s+following|the\s+next|early|late|earlier|later)\s+)?"
    r"(?P<wd>" + WEEKDAY_WORD + r")(?P<plural>s)?(?:\s+" + PART + r"(?P<partpl>s)?)?"
    r"(?:\s+(?P<wrel>next|last|this)\s+week)?" + END,
)
# this morning, last night, this afternoon, the morning, overnight, mid-afternoon
PART_OF_DAY_RE = _rule(
    r"(?:(?P<rel>this|last|later\s+this|earlier\s+this|early\s+this|late\s+this|the)\s+" + PART
    + r"|(?P<mid>mid[\s-]?(?:morning|afternoon)|overnight|midday))" + END,
)
# 3 p.m., 10:35 a.m. EST, noon Thursday, 5 p.m. EST Nov. 9, 4 in the morning
CLOCK_RE = _rule(
    r"(?:(?P<approx>about|around|approximately)\s+)?"
    r"(?P<clock>" + CLOCK + r"|(?P<bare>[01]?\d|2[0-3])\s+(?:o'clock\s+)?in\s+the\s+(?P<part>morning|afternoon|evening))"
    r"(?:\s*" + TIMEZONE + r")?"
    r"(?:,?\s+(?:(?:on|of)\s+)?(?P<wd>" + WEEKDAY_WORD + r")(?:,?\s+(?P<month>" + MONTH_WORD + r")\s*(?P<day>" + DAY_NUM + r")" + END + r")?"
    r"|,?\s+(?P<month2>" + MONTH_WORD + r")\s*(?P<day2>" + DAY_NUM + r")" + END
    + r"|\s+(?P<dword>yesterday|today|tomorrow|tonight))?",
)
# [the past|the next|nearly] two years, 2 1/2 years, a few days, several months
DURATION_RE = _rule(
    r"(?:(?P<approx>" + APPROX + r")\s+)?(?:(?:the|each\s+of\s+the|the\s+first|the\s+last|the\s+past|the\s+next|the\s+latest|the\s+final|the\s+coming|the\s+previous|the\s+following|past|last|next|first)\s+)?"
    r"(?:(?P<inner>" + APPROX_INNER + r")\s+)?(?P<qty>" + QTY + r")(?:\s+(?:to|or)\s+(?P<qty2>" + NUMBER + r"))?\s+(?:(?:more|additional|straight|consecutive|full|trading|business|working|long)\s+)?"
    r"(?P<unit>" + UNIT + r")(?:\s+(?P<ago>ago|earlier|or\s+so\s+ago|or\s+so))?" + END + r"(?!-old|\s+old\b)",
)
# a minute and a half, a year and a half
AND_HALF_RE = _rule(r"(?:(?P<approx>" + APPROX + r")\s+)?(?P<qty>an?|one|" + NUMBER_WORDS + r"|\d+)\s+(?P<unit>" + UNIT + r")\s+and\s+a\s+half" + END)
# five-year, 16-hour, two-day, 8-month-old, several-year
UNIT_ADJ_RE = _rule(
    r"(?P<qty>" + NUMBER + r"|several|a\s+few|multi)-(?P<unit>" + UNIT_ADJ + r")" + END + r"(?!-old)",
)
# [in] recent years, the past few weeks, the coming months, years, decades
VAGUE_UNITS_RE = _rule(
    r"(?:(?P<mod>recent|coming|the\s+coming|the\s+past|the\s+last|the\s+next|past|the|the\s+early|the\s+first|the\s+final|the\s+past\s+few|the\s+last\s+few|the\s+next\s+few)\s+)?"
    r"(?P<unit>(?:second|minute|hour|day|week|month|quarter|year|decade|centurie)s)(?P<ahead>\s+ahead)?" + END + r"(?!-old|\s+old\b)",
)
# seasons: this summer, last fall, the winter of 1994, summer 2015, the past three summers
SEASON_RE = _rule(
    r"(?:(?P<rel>last|this|next|this\s+past|this\s+coming|the\s+coming|the\s+past|the)\s+)?" + SHORT_EDGE
    + r"(?P<season>" + SEASON_WORD + r")(?:\s+(?:of\s+)?(?P<year>" + YEAR + r")" + END + ")?" + END,
)
# Christmas, last Easter, Christmas Eve 2000, Christmas Eve in 2000, Thanksgiving of 1998, Easter week
HOLIDAY_RE = _rule(
    r"(?:(?P<rel>last|this|next)\s+)?(?P<holiday>" + _alt(LEX.holidays) + r")(?:\s+(?P<week>week)" + END + r")?"
    r"(?:,?\s+(?:(?:in|of)\s+)?(?P<year>" + YEAR_DIGITS + r"))?" + END,
)
# now, currently, the future, the near term, recently
VAGUE_RE = _rule(r"(?P<word>" + _alt(LEX.vague_refs) + r")" + END)
# soon (next to a modal: "may soon seek")
MODAL_VAGUE_RE = _rule(r"(?P<word>" + _alt(LEX.modal_vague_refs) + r")" + END)
# current / recent / former before a noun
VAGUE_ADJ_RE = _rule(r"(?P<word>" + _alt(LEX.vague_adjectives) + r")\s+(?P<next>[a-z][\w-]*)")
OPTIONAL_VAGUE_ADJ_RE = _rule(r"(?P<word>" + _alt(LEX.optional_vague_adjectives) + r")\s+(?P<next>[a-z][\w-]*)")
# daily, annually, every week, each Thursday, twice a year, per month
FREQUENCY_RE = _rule(r"(?P<word>" + _alt(LEX.frequency_adverbs) + r")" + END)
EVERY_RE = _rule(
    r"(?P<q>every|each)\s+(?:(?P<n>other|" + NUMBER + r")\s+)?(?P<unit>" + UNIT + "|" + WEEKDAY_WORD + "|" + SEASON_WORD
    + "|" + _alt(w for w in LEX.months if len(w) > 3) + r"|morning|afternoon|evening|night)(?:\s+" + PART + r")?" + END,
)
PER_UNIT_RE = re.compile(
    r"(?<=[\w%)])\s+(?P<span>(?:a|an|per)\s+(?P<unit>second|minute|hour|day|night|week|month|quarter|year))" + END + r"(?!\s+(?:ago|earlier|later|before|after|or))",
    FLAGS,
)

# A word token, for the tense-cue window around bare weekdays and months.
WORD_RE = re.compile(r"[A-Za-z']+")
# Sentence edges: the cue window does not reach across them.
SENTENCE_EDGE_RE = re.compile(r"[.!?;]\s|\n\s*\n")

# Trigger words: every match of a rule holds a digit or a word of one of the rule's trigger
# classes (see ``Rule.triggers``). :func:`tacitus.time.recognize.match_candidates` runs each
# pattern only near its triggers, which skips most of a news text for most rules.
TOKEN_RE = re.compile(r"[A-Za-z]+|\d+")
UNIT_WORDS = ("second", "minute", "hour", "day", "night", "week", "fortnight", "month", "quarter", "half",
              "year", "decade", "century", "centuries", "millennium", "millennia", "weekend", "season",
              "period", "morning", "afternoon", "evening", "midday", "overnight")


def _last_words(phrases) -> set[str]:
    """The last letter-run of each phrase ("a later date" -> "date", "valentine's day" -> "day")."""
    return {re.findall(r"[a-z]+", p.lower())[-1] for p in phrases if re.findall(r"[a-z]+", p.lower())}


TRIGGER_CLASSES: dict[str, frozenset[str]] = {}
for _cls, _words in (
    ("month", set(LEX.months)),
    ("weekday", set(LEX.weekdays)),
    ("season", set(LEX.seasons)),
    ("unit", set(UNIT_WORDS) | set(LEX.units)),
    ("day_word", {"today", "tonight", "tomorrow", "yesterday"}),
    ("clock", {"noon", "midnight", "midday"}),
    ("holiday", _last_words(LEX.holidays)),
    ("vague", _last_words(LEX.vague_refs) | _last_words(LEX.modal_vague_refs)),
    ("frequency", set(LEX.frequency_adverbs)),
    ("adjective", set(LEX.vague_adjectives) | set(LEX.optional_vague_adjectives)),
    ("decade", {"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"}),
    ("spoken_year", {"nineteen", "eighteen", "seventeen", "thousand"}),
):
    for _word in _words:
        TRIGGER_CLASSES[_word] = TRIGGER_CLASSES.get(_word, frozenset()) | {_cls}
