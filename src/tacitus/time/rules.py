"""Normalization rules: one resolver per pattern of :mod:`tacitus.time.grammar`.

A rule pairs a compiled pattern with two functions: ``check(match, text)`` decides, from the text
alone, whether a match is a time expression at all (used when choosing among overlapping
candidates); ``resolve(match, ctx)`` turns an accepted match into a TIMEX3 type, value and mod,
reading the publication date and the discourse state in :class:`Context` (the last quarter and
the last calendar date the article mentioned). Resolvers run in text order so that "the quarter"
or "the following year" can lean on what came before. A rule may also carry a ``span`` function
where TimeML leaves part of the match outside the expression ("a third-quarter loss" -> "third-
quarter"; "Earlier Friday" -> "Friday").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable

from tacitus.time import dates
from tacitus.time import grammar as g
from tacitus.time.lexicon import load_lexicon

LEX = load_lexicon()

# Edge words -> TIMEX3 mod.
EDGE_MODS = {"early": "START", "mid": "MID", "late": "END", "beginning": "START", "start": "START",
             "middle": "MID", "end": "END", "first half": "START", "second half": "END",
             "last half": "END", "latter half": "END"}
APPROX_MODS = {"about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
               "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN",
               "fewer than": "LESS_THAN", "under": "LESS_THAN", "barely": "LESS_THAN", "within": "EQUAL_OR_LESS",
               "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS",
               "more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
               "no less than": "EQUAL_OR_MORE"}
REL_OFFSETS = {"last": -1, "this": 0, "next": 1, "this past": -1, "this coming": 1, "the coming": 1,
               "the past": -1, "the previous": -1, "the following": 1, "the current": 0, "the latest": 0,
               "the last": -1, "the next": 1}
UNIT_GRANULARITY = {"week": "week", "weekend": "weekend", "month": "month", "quarter": "quarter",
                    "year": "year", "decade": "decade", "century": "century", "day": "day"}
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}
SPACES_RE = re.compile(r"\s+")
ORDINAL_SUFFIX_RE = re.compile(r"(?<=\d)(?:st|nd|rd|th)$", re.IGNORECASE)
FRACTION_RE = re.compile(r"(\d+)\s+(\d)/(\d)")
NUMBER_TOKEN_RE = re.compile(r"[a-z]+")


@dataclass
class Resolved:
    """What a resolver decided: the TIMEX3 type, value and mod of one expression."""

    type: str
    value: str | None
    mod: str | None = None
    # The calendar unit the value names, kept as an anchor for later anaphora ("that year").
    anchor: tuple[dt.date, str] | None = None


@dataclass
class Context:
    """What the resolvers read besides the match: the text, the publication date, the discourse state."""

    text: str
    dct: dt.date | None
    # The last quarter the article named (a date inside it) and where it ended.
    last_quarter: dt.date | None = None
    last_quarter_end: int = -1
    # Where the expression being resolved starts (set by the caller before each resolve).
    position: int = 0
    # The last calendar date the article named, and at what granularity.
    anchor: tuple[dt.date, str] | None = None
    cache: dict = field(default_factory=dict)
    # When the text has been parsed: how strongly the verb an expression hangs from points ahead
    # (FUTURE_AUX for "will"/"shall", FUTURE_PRESENT for a present tense, 0 for neither).
    future_at: Callable[[int, int], int] | None = None


# What a parse can say of the verb a bare weekday hangs from (see Context.future_at).
FUTURE_AUX = 2  # "foreign ministers will discuss it at an emergency meeting on Sunday"
FUTURE_PRESENT = 1  # "Iraq goes to the polls on Thursday", "the summit, which holds its first gathering Wednesday"


@dataclass(frozen=True)
class Rule:
    """A pattern, the group that is the span, a context-free check and a resolver."""

    name: str
    pattern: re.Pattern
    resolve: Callable[[re.Match, Context], Resolved | None]
    check: Callable[[re.Match, str], bool] | None = None
    group: int | str = 0
    # Trigger classes of grammar.TRIGGER_CLASSES ("digit" for a number): every match holds one.
    triggers: frozenset[str] = frozenset()
    # Where a span depends on more than one group ("a third-quarter loss" leaves out "a"): a
    # function from the match to (start, end), used instead of ``group``.
    span: Callable[[re.Match], tuple[int, int]] | None = None


# --------------------------------------------------------------------------- small readers


def norm(s: str | None) -> str:
    """Lower-case ``s`` and collapse its whitespace; '' for None."""
    return SPACES_RE.sub(" ", s.lower()).strip() if s else ""


def month_number(word: str) -> int:
    return LEX.months[norm(word).rstrip(".")]


def day_number(word: str) -> int:
    w = norm(word)
    if w in LEX.ordinals:
        return LEX.ordinals[w]
    return int(ORDINAL_SUFFIX_RE.sub("", w))


def parse_number(text: str) -> float | None:
    """Read a quantity ("24", "2 1/2", "twenty-four", "a couple of", "several"); None when vague."""
    t = norm(text)
    half = 0.5 if t.endswith("and a half") else 0.0
    if half:
        t = t[: -len("and a half")].strip()
    if t in ("a", "an"):
        return 1 + half
    if t in LEX.fixed_quantities:
        return LEX.fixed_quantities[t] + half
    if t in LEX.vague_quantities:
        return None
    m = FRACTION_RE.fullmatch(t)
    if m:
        return int(m[1]) + int(m[2]) / int(m[3])
    digits = t.replace(",", "")
    try:
        return float(digits) + half
    except ValueError:
        pass
    total, current = 0, 0
    for word in NUMBER_TOKEN_RE.findall(t):
        if word in LEX.numbers:
            current += LEX.numbers[word]
        elif word in LEX.scales:
            current = max(current, 1) * LEX.scales[word]
            if LEX.scales[word] >= 1000:
                total, current = total + current, 0
        elif word != "and":
            return None
    return float(total + current + half)


def spoken_or_digit_year(text: str) -> int | None:
    """Read a year written in digits or spoken ("nineteen ninety-six", "two thousand"); None otherwise."""
    t = norm(text)
    if t.isdigit():
        return int(t)
    words = NUMBER_TOKEN_RE.findall(t)
    if not words:
        return None
    if words[0] == "two" and len(words) > 1 and words[1] == "thousand":
        rest = parse_number(" ".join(w for w in words[2:] if w != "and")) if len(words) > 2 else 0
        return 2000 + int(rest or 0)
    head = LEX.numbers.get(words[0])
    if head is None:
        return None
    if len(words) > 1 and words[1] == "hundred":
        return head * 100
    tail_words = [w for w in words[1:] if w != "oh"]
    tail = parse_number(" ".join(tail_words)) if tail_words else None
    return head * 100 + int(tail) if tail is not None else None


def edge_mod(edge: str | None) -> str | None:
    """Map an edge phrase ("early", "the end of", "mid") to a TIMEX3 mod; None for earlier/later."""
    e = norm(edge)
    for key, mod in EDGE_MODS.items():
        if key in e:
            return mod
    return None


def approx_mod(word: str | None) -> str | None:
    return APPROX_MODS.get(norm(word)) if word else None


def previous_words(text: str, pos: int, n: int) -> list[str]:
    """Return up to ``n`` lower-case words before ``pos``, nearest last, not crossing a sentence edge."""
    window = text[max(0, pos - 80): pos]
    edges = list(g.SENTENCE_EDGE_RE.finditer(window))
    if edges:
        window = window[edges[-1].end():]
    return [w.lower() for w in g.WORD_RE.findall(window)][-n:]


def next_words(text: str, pos: int, n: int) -> list[str]:
    """Return up to ``n`` lower-case words after ``pos`` within the sentence."""
    window = text[pos: pos + 60]
    edge = g.SENTENCE_EDGE_RE.search(window)
    if edge:
        window = window[: edge.start()]
    return [w.lower() for w in g.WORD_RE.findall(window)][:n]


def is_capitalized(word: str) -> bool:
    return bool(word) and word[0].isupper()


# Backward window for tense cues around bare weekdays and months: six words is about one clause,
# enough to see "will meet ... on Tuesday" without reaching into the previous clause.
CUE_WINDOW_BEFORE = 6
# Forward window, read only when nothing before decides: a clause-initial "In March, American
# Medical received ..." puts a short subject between the date and its verb.
CUE_WINDOW_AFTER = 5


def tense_cue(ctx: Context, start: int, end: int) -> int:
    """Read the words around a bare weekday/month/date; return +1 (future), -1 (past) or 0 (no cue).

    Going back from the expression, the nearest cue decides: a future cue ("will", "scheduled",
    "is to") gives +1 unless a past auxiliary governs it ("had been due to", "was expected to":
    a plan reported in the past); a past cue ("said") gives -1, since in "said Tuesday he will"
    the "will" belongs to the reported clause. After the expression, "will"/"is to" look ahead.
    """
    key = (start, end)
    if key in ctx.cache:
        return ctx.cache[key]
    ctx.cache[key] = result = _tense_cue(ctx.text, start, end)
    return result


def _tense_cue(text: str, start: int, end: int) -> int:
    before = previous_words(text, start, CUE_WINDOW_BEFORE)
    # A possessive ("before Friday's vote") is not the object of the preposition before it.
    possessive = text.startswith(("'s", "’s"), end)
    weak = 0
    for i in range(len(before) - 1, -1, -1):
        word = before[i]
        if word in LEX.past_cues:
            return -1
        previous = before[i - 1] if i > 0 else ""
        if word == "later" and (previous.rstrip("s") in LEX.units or previous in LEX.numbers):
            # "three days later" moves along a past narrative; it does not look ahead.
            continue
        following = before[i + 1] if i + 1 < len(before) else ""
        if word == "set" and following not in ("for", "to") and previous not in SET_AUXILIARIES:
            # "the record set on Aug. 6", "set Friday as the deadline": a past act, not a plan ("set for", "is set to").
            continue
        future = (word in LEX.future_cues or word.endswith("'ll")
                  or (word == "to" and previous in ("is", "are"))
                  # "as early as Tuesday"; present progressive ("is traveling Thursday", "would
                  # be meeting Monday") is how news announces plans.
                  or (word == "early" and previous == "as")
                  or (word.endswith("ing") and previous in PROGRESSIVE_AUXILIARIES))
        if future:
            # "was scheduled to", "had been expected to": the plan is reported from the past.
            if any(w in FUTURE_IN_PAST for w in before[max(0, i - 2): i]):
                return -1
            if word in LEX.weak_future_preps and "had" in next_words(text, end, CUE_WINDOW_AFTER):
                # "Until Thursday, they had not called him a suspect": a span that ended then.
                return -1
            return 1
        if is_past_verb(word, previous):
            return -1
        if i == len(before) - 1 and word in LEX.weak_future_preps and not possessive:
            weak = 1
    if weak:
        return weak
    # Nothing before it (a clause-initial "In March, the company bought ..."): read the verb after.
    after = next_words(text, end, CUE_WINDOW_AFTER)
    for i, word in enumerate(after):
        if (word in ("will", "'ll", "shall") or after[i: i + 2] in (["is", "to"], ["are", "to"])
                or after[i: i + 2] == ["next", "week"]):  # "on Thursday and Friday next week"
            return 1
        if word in LEX.past_cues or is_past_verb(word, after[i - 1] if i else ""):
            return -1
    return 0


def is_past_verb(word: str, previous: str) -> bool:
    """Whether ``word`` reads as a past-tense verb: an irregular past, or an -ed form not after
    "is"/"be"/"to"/"will" (there it is a participle of a present or future clause)."""
    if previous in LEX.participle_auxiliaries or previous in DETERMINERS:
        # "is expected to be completed", "the reduced dividend": participles, not past tenses.
        return False
    return word in LEX.past_verbs or (len(word) > 4 and word.endswith("ed"))


DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those"})


# Words that put a following future cue in the past ("had been due to expire Friday", "as previously
# planned Saturday night"). A simple past ("were planning to ... on Monday") is left out: such plans
# are mostly still ahead.
FUTURE_IN_PAST = frozenset({"had", "been", "previously", "originally"})
# Auxiliaries before a "set" that announces a plan ("is set to", "are set for").
SET_AUXILIARIES = frozenset({"is", "are", "be", "was", "were", "been", "'s", "'re"})
# Auxiliaries of the present progressive ("is traveling", "are meeting", "be leaving").
PROGRESSIVE_AUXILIARIES = frozenset({"is", "are", "am", "'s", "'re", "be"})


def parsed_future(ctx: Context, start: int, end: int) -> int:
    """What the parse says of the verb the expression hangs from (``Context.future_at``), once per expression;
    0 without a parse."""
    if ctx.future_at is None:
        return 0
    key = ("future_at", start, end)
    if key not in ctx.cache:
        ctx.cache[key] = ctx.future_at(start, end)
    return ctx.cache[key]


def clause_tense(ctx: Context, start: int, end: int) -> int:
    """:func:`tense_cue`, unless the parse puts a "will" on the verb the expression hangs from (+1): the
    words see only six back ("will be flown to the US capital Saturday")."""
    cue = tense_cue(ctx, start, end)
    if cue <= 0 and parsed_future(ctx, start, end) == FUTURE_AUX:
        return 1
    return cue


def direction(ctx: Context, start: int, end: int) -> int:
    """Return +1 when the words around a bare weekday point to the future, else -1.

    In news a bare weekday is the most recent such day unless a future cue stands nearby
    (:func:`clause_tense`). Where nothing nearby decides, a present tense the parse hangs the weekday
    from ("goes to the polls on Thursday") makes it the coming day.
    """
    cue = clause_tense(ctx, start, end)
    if cue > 0 or (cue == 0 and parsed_future(ctx, start, end) == FUTURE_PRESENT):
        return 1
    return -1


# --------------------------------------------------------------------------- value helpers


def undetermined(granularity: str) -> str:
    """The TIMEX3 value for a relative expression when there is no publication date."""
    return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
            "quarter": "XXXX-QX", "decade": "XXX", "century": "XX"}.get(granularity, "XXXX")


def relative(ctx: Context, offset: int, granularity: str, mod: str | None = None, type_: str = "DATE",
             base: dt.date | None = None) -> Resolved:
    """Resolve "<offset> <granularity>s from now" ("last week" = -1 week) against the publication
    date, or against ``base`` when given (the date an anaphoric expression counts from)."""
    base = base or ctx.dct
    if base is None:
        return Resolved(type_, undetermined(granularity), mod)
    unit = dates.GRANULARITY_UNIT.get(granularity, "Y")
    step = dates.GRANULARITY_STEP.get(granularity, 1)
    day = dates.shift(base, offset * step, unit)
    return Resolved(type_, dates.format_at(day, granularity), mod, (day, granularity))


def day_value(day: dt.date | None, part: str | None = None) -> tuple[str, str]:
    """Return (type, value) for a day with an optional part of day ("morning" -> TIME ...TMO)."""
    code = LEX.parts_of_day.get(norm(part)) if part else None
    base = dates.fmt_day(day) if day else "XXXX-XX-XX"
    return ("TIME", f"{base}T{code}") if code else ("DATE", base)


def most_recent_quarter(ctx: Context) -> dt.date | None:
    """The quarter "the quarter"/"the latest quarter" means: the last one named, else the last one ended.

    Earnings stories report on the quarter just closed, so with no quarter named yet the
    publication date's previous quarter is the best guess.
    """
    if ctx.last_quarter is not None:
        return ctx.last_quarter
    if ctx.dct is None:
        return None
    return dates.shift(ctx.dct, -1, "Q")


# A quarter followed by its closing date ("the fourth quarter ended Sept. 30") is one reported on,
# whatever its (fiscal) label says.
REPORTED_RE = re.compile(r"\s*,?\s*(?:which\s+)?(?:ended|ending|that\s+ended)\b", re.IGNORECASE)


def quarter_result(ctx: Context, day: dt.date | None, mod: str | None = None, end: int | None = None) -> Resolved:
    """The value of a quarter the text names; it becomes the quarter in focus ("the period", "a year
    ago") unless it is not over yet at publication and no closing date follows it (at ``end``)."""
    if day is None:
        return Resolved("DATE", "XXXX-QX", mod)
    # Its closing date follows, or the clause is in the past ("reported a decline in fourth-quarter
    # earnings"): a fiscal quarter the company has closed, though its label may lie ahead.
    reported = end is not None and (REPORTED_RE.match(ctx.text, end) is not None
                                    or tense_cue(ctx, ctx.position, end) < 0)
    if ctx.dct is None or reported or dates.quarter_start(day) < dates.quarter_start(ctx.dct):
        # A quarter not yet over ("losses through the third quarter of 1990") is a forecast, not
        # the period the story reports on: "the year-ago period" still means the reported one.
        ctx.last_quarter = day
        ctx.last_quarter_end = ctx.position
    return Resolved("DATE", dates.fmt_quarter(day), mod, (day, "quarter"))


def duration_value(amount: float | None, unit_word: str) -> str:
    """Return an ISO 8601 duration ("P4Y", "PT2H", "P2Y6M", "PXY") for an amount of a unit word."""
    word = norm(unit_word)
    word = {"centuries": "century", "millennia": "millennium"}.get(word, word)
    word = word[:-1] if word.endswith("s") and word[:-1] in LEX.units else word
    code, per = LEX.units.get(word, ("D", 1))
    time_part = code in ("H", "MIN", "S")
    letter = "M" if code == "MIN" else code
    prefix = "PT" if time_part else "P"
    if amount is None:
        return f"{prefix}X{letter}"
    total = amount * per
    whole = int(total)
    frac = total - whole
    if frac < 1e-9:
        return f"{prefix}{whole}{letter}"
    # A fraction goes into the next smaller unit ("2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M).
    smaller = {"Y": ("M", 12, False), "Q": ("M", 3, False), "M": ("D", 30, False), "W": ("D", 7, False),
               "D": ("H", 24, True), "H": ("M", 60, True), "MIN": ("S", 60, True)}.get(code)
    if smaller is None:
        return f"{prefix}{total:g}{letter}"
    s_letter, s_per, s_time = smaller
    rest = round(frac * s_per)
    head = f"{whole}{letter}" if whole else ""
    if s_time and not time_part:
        return f"P{head}T{rest}{s_letter}"
    return f"{prefix}{head}{rest}{s_letter}"


def granularity_of_unit(unit_word: str) -> tuple[str, int, str]:
    """Return (shift unit, step, granularity) for a unit word: 'decades' -> ('Y', 10, 'year')."""
    word = norm(unit_word).rstrip("s")
    word = {"centurie": "century", "millennia": "millennium"}.get(word, word)
    code, per = LEX.units.get(word, ("D", 1))
    gran = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "H": "day", "MIN": "day", "S": "day"}[code]
    unit = code if code in ("D", "W", "M", "Q", "Y") else "D"
    if code in ("H", "MIN", "S"):
        per = 0
    return unit, per, gran


# --------------------------------------------------------------------------- spans
# TimeML keeps determiners and signals out of a span where they do not belong to the expression;
# these functions move a span's start past them (TimeBank conventions, counted in its spans).


def after_group(m: re.Match, group: str) -> int:
    """Return where the first non-space character after ``group`` stands."""
    pos = m.end(group)
    text = m.string
    while pos < m.end() and text[pos].isspace():
        pos += 1
    return pos


def quarter_span(m: re.Match) -> tuple[int, int]:
    """A quarter's span without a possessive ("its fourth quarter") or the determiner of an
    adjective ("a third-quarter loss"); "the fourth quarter" keeps its "the"."""
    det = norm(m["det"])
    hyphenated = "-" in m.string[m.end("ord"): m.start("unit")]
    if det and (det in ("its", "a", "that") or hyphenated):
        return after_group(m, "det"), m.end()
    return m.span()


def vague_units_span(m: re.Match) -> tuple[int, int]:
    """Bare plural units leave a lone "the" out ("in the weeks before" -> "weeks")."""
    if norm(m["mod"]) == "the":
        return m.start("unit"), m.end()
    return m.span()


def weekday_span(m: re.Match) -> tuple[int, int]:
    """"Earlier Friday", "later Thursday": the comparative stays out of the span (it still steers
    the reading); "early Friday" keeps its edge, which is the expression's mod."""
    if norm(m["rel"]) in ("earlier", "later"):
        return m.start("wd"), m.end()
    return m.span()


# --------------------------------------------------------------------------- checks


def check_month_word(m: re.Match, text: str) -> bool:
    """A month name must be capitalized; "May", "March", "June"... also need a temporal word before."""
    word = m.group("month")
    if not is_capitalized(word):
        return False
    key = norm(word).rstrip(".")
    if key in LEX.ambiguous_months and not (m.groupdict().get("rel") or m.groupdict().get("edge")):
        prev = previous_words(text, m.start("month"), 1)
        if prev[-1:] == ["the"] and m.end() == m.end("month") and next_words(text, m.end(), 1)[:1] in (["of"], ["on"]):
            # "the March of the Combatant Mothers", "the March on Washington": a march, not the month.
            return False
        return bool(prev) and prev[-1] in LEX.temporal_preps
    return True


def check_month_day(m: re.Match, text: str) -> bool:
    """Capitalized month and a real day of the month; "May 5" stays a date even though "may" is a verb."""
    if not is_capitalized(m.group("month")):
        return False
    try:
        return 1 <= day_number(m.group("day")) <= 31
    except (ValueError, KeyError):
        return False


def check_range_end_day(m: re.Match, text: str) -> bool:
    """The second day of a range comes after the first ("Dec. 18-19", not "Dec. 19-18") and is no
    count ("April 24 and 25 people")."""
    if not check_month_day(m, text):
        return False
    if day_number(m.group("day")) <= day_number(m.group("day1")):
        return False
    nxt = next_words(text, m.end(), 1)
    return not (nxt and nxt[0] in LEX.year_blockers)


def check_range_start_day(m: re.Match, text: str) -> bool:
    """The first day of a range comes before the second ("15 to 19 December")."""
    return check_month_day(m, text) and day_number(m.group("day")) < day_number(m.group("day2"))


def check_year(m: re.Match, text: str) -> bool:
    """A four-digit number is a year unless money, a percentage, part of a number, or a count."""
    year_text = m.group("year")
    spoken = not year_text.strip().isdigit()
    before = text[max(0, m.start() - 1): m.start()]
    after = text[m.end(): m.end() + 2]
    if before in ("$", "#", "£", "€", "¥", ".", ",", "/", ":") or after[:1] in ("%", ",", ".", ":", "/") and after[1:2].isdigit():
        return False
    if after[:1] == "%" or (after[:1] == "-" and after[1:2].isdigit() and not m.group("edge")):
        return False
    nxt = next_words(text, m.end(), 1)
    if nxt and nxt[0] in LEX.year_blockers:
        return False
    if spoken and not (m.group("fiscal") or m.group("edge") or SPOKEN_CENTURY_YEAR_RE.match(year_text)):
        # Spoken years are only years after a temporal word, since "two thousand" or "nineteen
        # hundred" are counts; "nineteen ninety-six" (century and tens) is a year anywhere.
        prev = previous_words(text, m.start(), 1)
        return bool(prev) and prev[-1] in LEX.temporal_preps
    year = spoken_or_digit_year(year_text)
    return year is not None and 1000 <= year <= 2099


# "nineteen ninety-six", "eighteen twelve": the shape only a spoken year has.
SPOKEN_CENTURY_YEAR_RE = re.compile(r"(?:nineteen|eighteen|seventeen)\s+(?!hundred)", re.IGNORECASE)


def check_rel_unit(m: re.Match, text: str) -> bool:
    """A capitalized unit inside a sentence names a title ("ABC's \"This Week\""), not a week."""
    unit = m.group("unit")
    return not (unit[0].isupper() and not unit.isupper())


def check_clock(m: re.Match, text: str) -> bool:
    """"high noon" is an idiom (and a film), not twelve o'clock."""
    if norm(m.group("clock")) != "noon":
        return True
    prev = previous_words(text, m.start(), 1)
    return not (prev and prev[-1] == "high")


def check_weekday(m: re.Match, text: str) -> bool:
    """A capitalized weekday; not the name of a paper or show ("the Sunday Times", "the Sunday Mirror")."""
    if not is_capitalized(m.group("wd")):
        return False
    if not m.group("rel") and not m.group("part") and previous_words(text, m.start(), 1) == ["the"]:
        after = text[m.end(): m.end() + 30].split()
        if after and after[0][:1].isupper() and norm(after[0]).rstrip(".,") not in LEX.months:
            return False
    return True


# "of" after a season word, not followed by a year: "the fall of Raqqa", "the spring of discontent".
SEASON_OF_NOUN_RE = re.compile(r"\s+of\s+(?!(?:\d{4}|19|20|last|this|next)\b)", re.IGNORECASE)


def check_season(m: re.Match, text: str) -> bool:
    """A bare season word is a time only after a temporal word ("in summer"); "fall"/"spring" need more."""
    if not m.group("year") and SEASON_OF_NOUN_RE.match(text, m.end()):
        # "after the fall of other rebel enclaves": the noun, not autumn.
        return False
    if m.group("rel") or m.group("year") or m.group("edge"):
        return True
    if norm(m.group("season")) in ("fall", "spring"):
        return False
    prev = previous_words(text, m.start(), 1)
    return bool(prev) and prev[-1] in LEX.temporal_preps and prev[-1] not in ("the", "and", "to", "of")


def check_period(m: re.Match, text: str) -> bool:
    """"the quarter" is a period only with a determiner, not as a fraction ("a quarter of") and not
    inside a compound ("its quarter-century low", "the quarter-to-quarter comparison")."""
    if text.startswith("-", m.end()):
        return False
    kind, det = m.group("kind"), norm(m.group("det"))
    if norm(m.group("unit")) == "period" and not kind:
        return False
    if not kind and det in ("", "a"):
        return False
    nxt = next_words(text, m.end(), 1)
    return not (not kind and nxt and nxt[0] == "of")


QUARTERS_OF_YEAR_RE = re.compile(r"\s+of\s+(?:fiscal\s+)?\d{4}\b", re.IGNORECASE)


def check_duration(m: re.Match, text: str) -> bool:
    """Reject "a second" as an ordinal ("a second term") and counts of ordinal-like units."""
    unit = norm(m.group("unit"))
    qty = norm(m.group("qty"))
    if unit == "second" and qty in ("a", "one"):
        nxt = next_words(text, m.end(), 2)
        if nxt[:1] in (["or"], ["and"]) and nxt[1:] and nxt[1] in LEX.ordinals:
            # "for a second or third time": ordinals in a row.
            return False
        return not nxt or nxt[0] in ("or", "and", "later", "earlier", "ago")
    if unit in ("quarter", "quarters") and (qty in ("a", "an") or (parse_number(qty) or 0) >= 100):
        return False
    if unit == "quarters" and QUARTERS_OF_YEAR_RE.match(text, m.end()):
        # "the first two quarters of 1990" is the first half of that year, not a length of time.
        return False
    return parse_number(qty) is not None or qty in LEX.vague_quantities


# "of" and a date after "the night", "the early hours": a part of the date that follows ("the night
# of Oct. 23", "the early hours of Thursday"), which is the expression TimeML marks. A common noun
# after "of" keeps the expression ("the first hours of the ground war").
OF_RE = re.compile(r"\s+of\s+(?:[A-Z]|\d)")


def check_part_of_day(m: re.Match, text: str) -> bool:
    """"the morning" alone is a time; "the night of Friday, Oct. 23" leaves it to the date after it."""
    return not (norm(m.group("rel")) == "the" and OF_RE.match(text, m.end()))


def check_vague_units(m: re.Match, text: str) -> bool:
    """Bare plural units ("for years") are vague durations; "quarters" and "seconds" only with a modifier."""
    unit = norm(m.group("unit"))
    mod = norm(m.group("mod"))
    if mod in ("the early", "the first", "the final") and OF_RE.match(text, m.end()):
        # "in the early hours of Thursday morning": part of the date that follows.
        return False
    if unit in ("quarters", "seconds", "hours", "minutes") and not mod:
        return False
    if mod == "the" and unit in ("seconds", "minutes", "hours", "days", "quarters"):
        return False
    return True


def check_vague_adjective(m: re.Match, text: str) -> bool:
    """"current"/"recent" before a noun, not before a time unit (other rules take "the current quarter")."""
    nxt = norm(m.group("next"))
    if nxt.rstrip("s") in LEX.units or nxt in ("weekend", "fiscal", "period", "account", "accounts", "events"):
        return False
    return nxt not in ("and", "or", "to", "of", "in", "on", "at", "by", "for", "with", "is", "was", "are")


# An amount: money, a figure with a thousands separator or decimals, a percentage ("$1.76", "358,000",
# "5%"); not a bare number, which may be a year or a day ("in 1998 a year of crisis").
AMOUNT_BEFORE_RE = re.compile(r"(?:[$£€¥]\S*\d|\d[.,]\d+|\d%)\s+$")


def check_per_unit(m: re.Match, text: str) -> bool:
    """"a year" is a rate after an amount ("$5 billion a year", "twice a day"), not after a
    preposition; "a second" before a word is an ordinal ("have a second child")."""
    if norm(m.group("unit")) == "second" and next_words(text, m.end(), 1):
        return False
    if AMOUNT_BEFORE_RE.search(text, max(0, m.start("span") - 12), m.start("span")):
        return True  # "$1.76 a year", "358,000 a month": a figure right before is a rate
    prev = previous_words(text, m.start("span"), 1)
    return bool(prev) and prev[-1] not in (
        "for", "in", "than", "about", "over", "within", "after", "before", "nearly", "almost", "of", "only",
        "just", "half", "least", "around", "once", "past", "last", "next", "another", "such", "what", "is",
        "was", "took", "take", "takes", "spent", "spend", "by", "to", "since", "until", "during", "like",
        # An object pronoun is no amount: "offered him a week to withdraw".
        "him", "her", "them", "us", "me", "you", "it")


# Words after "daily" or "weekly" that make it a newspaper ("the state-run daily reported").
PRESS_VERBS = frozenset({"said", "says", "reported", "reports", "wrote", "writes", "quoted", "quotes", "cited",
                         "cites", "published", "publishes", "added", "claimed"})


def check_frequency(m: re.Match, text: str) -> bool:
    word = norm(m.group("word"))
    nxt = next_words(text, m.end(), 1)
    # "the quarterly dividend" names a payment, not a recurrence that anchors any event.
    if word == "quarterly" and nxt == ["dividend"]:
        return False
    # A newspaper, not a frequency: "the party daily Granma", "the Kommersant daily reported".
    if word in ("daily", "weekly") and (nxt[:1] and nxt[0] in PRESS_VERBS or NAME_AFTER_RE.match(text, m.end())):
        return False
    return True


NAME_AFTER_RE = re.compile(r" [A-Z][a-z]")
CALENDAR_WORDS = frozenset(LEX.months) | frozenset(LEX.weekdays)
# A capitalized word right before "Today" makes it a title ("USA Today", "VOA Today").
NAME_BEFORE_RE = re.compile(r"\b(?P<name>[A-Z][\w&.-]*) $")


def check_day_word(m: re.Match, text: str) -> bool:
    if not m.group("word").startswith("Today"):
        return True
    before = NAME_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
    return before is None or norm(before["name"]).rstrip(".") in CALENDAR_WORDS


def check_vague(m: re.Match, text: str) -> bool:
    """Drop adverb uses that are not references to time ("earlier" as a comparative)."""
    word = norm(m.group("word"))
    if word == "earlier":
        nxt = next_words(text, m.end(), 1)
        return not (nxt and nxt[0] in ("than", "this", "that", "in"))
    if word == "now":
        # "now-defunct", "now that" keep their present reference; "until now", "by now" too.
        return True
    return True


def check_modal_vague(m: re.Match, text: str) -> bool:
    """"soon" is a future reference next to a modal ("may soon seek", "to soon grow", "soon will
    begin"), not in "soon after" or "as soon as"."""
    prev = previous_words(text, m.start(), 1)
    nxt = next_words(text, m.end(), 1)
    return bool(prev and prev[-1] in LEX.modals) or nxt[:1] in (["will"], ["would"])


# --------------------------------------------------------------------------- resolvers


def resolve_iso(m: re.Match, ctx: Context) -> Resolved | None:
    day = dates.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if day is None:
        return None
    if m["hh"]:
        return Resolved("TIME", f"{dates.fmt_day(day)}T{m['hh']}:{m['mi']}", None, (day, "day"))
    return Resolved("DATE", dates.fmt_day(day), None, (day, "day"))


def resolve_slash(m: re.Match, ctx: Context) -> Resolved | None:
    year = int(m["y"])
    if year < 100:
        year += 1900 if year > 30 else 2000
    day = dates.safe_date(year, int(m["m"]), int(m["d"]))
    return Resolved("DATE", dates.fmt_day(day), None, (day, "day")) if day else None


def year_for(ctx: Context, month: int, day: int, prefer: int) -> int | None:
    return dates.nearest_year_for(ctx.dct, month, day, prefer) if ctx.dct else None


# A month and day without a year are the publication year's unless that date lies more than
# this many days away in the direction the clause's tense rules out ("was shot Oct. 23" in a May
# story: last October) ...
TENSE_FLIP_DAYS = 120
# ... or, with no tense cue, more than half a year away ("payable Jan. 2" in a November story).
NEAREST_FLIP_DAYS = 183


def month_day_year(ctx: Context, month: int, day: int, start: int, end: int) -> int:
    """Pick the year of a month and day written without one ("Nov. 25", "payable Jan. 2").

    Wire copy names the year whenever it differs from the publication year, so that year is the
    default; dates across New Year are the exception, and the clause's tense (or, failing it,
    nearness) picks the last or the next such date.
    """
    year = ctx.dct.year
    same = dates.safe_date(year, month, min(day, 28) if month == 2 else day)
    if same is None:
        return year
    offset = (same - ctx.dct).days
    tense = clause_tense(ctx, start, end)
    if (tense < 0 and offset > TENSE_FLIP_DAYS) or (tense == 0 and offset > NEAREST_FLIP_DAYS):
        return year - 1
    if (tense > 0 and offset < -TENSE_FLIP_DAYS) or (tense == 0 and offset < -NEAREST_FLIP_DAYS):
        return year + 1
    return year


def resolve_month_day(m: re.Match, ctx: Context) -> Resolved | None:
    month, day_n = month_number(m["month"]), day_number(m["day"])
    year_text = m["year"] or m.groupdict().get("ryear")
    if year_text:
        year = spoken_or_digit_year(year_text)
    else:
        rel = norm(m.groupdict().get("rel"))
        if rel in ("this coming", "next", "last"):
            year = year_for(ctx, month, day_n, 1 if rel != "last" else -1)
        elif ctx.dct is None:
            year = None
        else:
            year = month_day_year(ctx, month, day_n, m.start(), m.end())
    if year is None:
        return Resolved("DATE", f"XXXX-{month:02d}-{day_n:02d}")
    day = dates.safe_date(year, month, day_n)
    return Resolved("DATE", dates.fmt_day(day), None, (day, "day")) if day else None


def resolve_week_of(m: re.Match, ctx: Context) -> Resolved | None:
    """"the week of March 6": the ISO week (or its weekend) that holds the date."""
    month, day_n = month_number(m["month"]), day_number(m["day"])
    weekend = norm(m["unit"]) == "weekend"
    if m["year"]:
        year = int(m["year"])
    elif ctx.dct is not None:
        year = month_day_year(ctx, month, day_n, m.start(), m.end())
    else:
        return Resolved("DATE", "XXXX-WXX-WE" if weekend else "XXXX-WXX")
    day = dates.safe_date(year, month, day_n)
    if day is None:
        return None
    gran = "weekend" if weekend else "week"
    return Resolved("DATE", dates.format_at(day, gran), None, (day, gran))


def resolve_month_year(m: re.Match, ctx: Context) -> Resolved | None:
    month = month_number(m["month"])
    mod = edge_mod(m["edge"])
    if m["year"]:
        year = spoken_or_digit_year(m["year"])
    elif ctx.dct:
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[norm(m["rel"])]
    else:
        return Resolved("DATE", f"XXXX-{month:02d}", mod)
    if year is None:
        return None
    day = dt.date(year, month, 1)
    return Resolved("DATE", dates.fmt_month(day), mod, (day, "month"))


# How many months ahead a bare month with no tense cue may lie and still be read as the coming one.
BARE_MONTH_AHEAD = 3


def resolve_month(m: re.Match, ctx: Context) -> Resolved | None:
    month = month_number(m["month"])
    mod = edge_mod(m["edge"])
    rel = norm(m["rel"])
    if ctx.dct is None:
        return Resolved("DATE", f"XXXX-{month:02d}", mod)
    if rel == "this":
        year = ctx.dct.year
    elif rel in ("last", "this past"):
        year = ctx.dct.year if month < ctx.dct.month else ctx.dct.year - 1
    elif rel in ("next", "this coming"):
        year = ctx.dct.year if month > ctx.dct.month else ctx.dct.year + 1
    else:
        # A bare month: the current one; else the next one when the clause looks ahead ("will
        # open in October"), the last one when it looks back ("said in October"). With no cue,
        # the coming one only when it is a season away at most ("elections in June" in April):
        # news reports the past, and further plans carry a future verb ("froze talks in May" in
        # a December story is last May).
        cue = clause_tense(ctx, m.start(), m.end())
        if cue:
            year = dates.nearest_year_for(ctx.dct, month, 15, cue)
        else:
            year = ctx.dct.year if month <= ctx.dct.month else ctx.dct.year - 1
            if 0 < (month - ctx.dct.month) % 12 <= BARE_MONTH_AHEAD:
                year = ctx.dct.year + (1 if month < ctx.dct.month else 0)
    day = dt.date(year, month, 1)
    return Resolved("DATE", dates.fmt_month(day), mod, (day, "month"))


def resolve_decade(m: re.Match, ctx: Context) -> Resolved | None:
    mod = edge_mod(m["edge"])
    if m["digits"]:
        return Resolved("DATE", m["digits"][:3], mod)
    short = int(m["short"]) if m["short"] else DECADE_WORDS[norm(m["word"])] * 10
    if not m["the"] and m["word"]:
        return None
    ref_year = ctx.dct.year if ctx.dct else None
    if ref_year is None:
        return Resolved("DATE", f"XX{short // 10}", mod)
    century = ref_year // 100
    if century * 100 + short > ref_year:
        century -= 1
    return Resolved("DATE", f"{century:02d}{short // 10}", mod)


def resolve_century(m: re.Match, ctx: Context) -> Resolved | None:
    text = norm(m["ord"])
    n = LEX.ordinals.get(text)
    if n is None:
        n = int(ORDINAL_SUFFIX_RE.sub("", text))
    return Resolved("DATE", f"{n - 1:02d}", edge_mod(m["edge"]))


def resolve_year(m: re.Match, ctx: Context) -> Resolved | None:
    year = spoken_or_digit_year(m["year"])
    if year is None:
        return None
    day = dt.date(year, 1, 1)
    edge = norm(m["edge"])
    if "half" in edge or "two quarters" in edge:
        return Resolved("DATE", f"{year:04d}-H{1 if 'first' in edge else 2}", None, (day, "half"))
    return Resolved("DATE", f"{year:04d}", edge_mod(edge), (day, "year"))


def resolve_quarter(m: re.Match, ctx: Context) -> Resolved | None:
    n = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}[norm(m["ord"])]
    half = norm(m["unit"]) == "half"
    year_text = m["year"] or m["pyear"]
    if year_text:
        year = int(year_text)
    elif ctx.dct is None:
        return Resolved("DATE", f"XXXX-{'H' if half else 'Q'}{n}")
    elif m["yrel"]:
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[norm(m["yrel"])]
    else:
        # A quarter with no year is the publication year's, unless that quarter is still more than
        # one quarter away: in a January story "the fourth quarter" is the one just ended.
        current = dates.quarter_of(ctx.dct) if not half else (1 if ctx.dct.month <= 6 else 2)
        year = ctx.dct.year if n <= current + 1 else ctx.dct.year - 1
        if m["ago"]:
            year -= 1
    if half:
        return Resolved("DATE", f"{year:04d}-H{n}", None, (dt.date(year, 6 * n - 5, 1), "half"))
    day = dt.date(year, 3 * n - 2, 1)
    hyphenated = "-" in m.string[m.end("ord"): m.start("unit")]
    if not hyphenated and {"a", "an"} & set(previous_words(ctx.text, m.start(), 2)):
        # "After a flat second quarter, ...": a quarter described in passing, not the one the
        # story reports on ("a third-quarter loss" is that one).
        return Resolved("DATE", dates.fmt_quarter(day), None, (day, "quarter"))
    return quarter_result(ctx, day, end=m.end())


def resolve_q_code(m: re.Match, ctx: Context) -> Resolved | None:
    code, year = m["q"].upper(), int(m["year"])
    if code.startswith("H"):
        return Resolved("DATE", f"{year:04d}-{code}")
    return quarter_result(ctx, dt.date(year, 3 * int(code[1]) - 2, 1), end=m.end())


# A reporting quarter is named after the calendar quarter that holds its middle, this many days
# before its closing date ("the quarter ended July 31" covers May to July: the second quarter).
QUARTER_MIDDLE_DAYS = 45


def resolve_period(m: re.Match, ctx: Context) -> Resolved | None:
    kind = norm(m["kind"])
    recent = ctx.last_quarter is not None and ctx.position - ctx.last_quarter_end <= QUARTER_CONTEXT_CHARS
    if m["emonth"] and norm(m["unit"]) == "quarter" and "year-" not in kind and ctx.dct and not recent:
        # The closing date places a quarter the text has not named yet; one it just named (a
        # fiscal "first quarter ended Sept. 29") keeps the text's own label.
        month, day_n = month_number(m["emonth"]), day_number(m["eday"])
        # A closing date without a year is the last one before publication: results report the past.
        year = int(m["eyear"]) if m["eyear"] else dates.nearest_year_for(ctx.dct, month, day_n, -1)
        end = dates.safe_date(year, month, day_n)
        if end is not None:
            return quarter_result(ctx, end - dt.timedelta(days=QUARTER_MIDDLE_DAYS))
    if kind == "current" or (norm(m["det"]) == "this" and not kind):
        return quarter_result(ctx, ctx.dct) if ctx.dct else Resolved("DATE", "XXXX-QX")
    if kind == "latest" and ctx.dct:
        # "the latest quarter" is the one the story just reported on (a fiscal quarter keeps its
        # label), else the last one closed before publication.
        return quarter_result(ctx, ctx.last_quarter if recent else dates.shift(ctx.dct, -1, "Q"))
    base = most_recent_quarter(ctx)
    if base is None:
        return Resolved("DATE", "XXXX-QX")
    if "year-" in kind:
        day = dates.shift(base, -1, "Y")
        return Resolved("DATE", dates.fmt_quarter(day), None, (day, "quarter"))
    if m["year"]:
        day = dt.date(int(m["year"]), base.month, 1)
        return Resolved("DATE", dates.fmt_quarter(day), None, (day, "quarter"))
    return quarter_result(ctx, base)


# How far back (in characters) a quarter mention makes "a year ago" mean "that quarter a year
# ago": about two sentences, the reach of "Net rose in the third quarter ... from $5 million a year ago".
QUARTER_CONTEXT_CHARS = 600


def quarter_in_focus(ctx: Context) -> bool:
    """Whether the text named a reported quarter shortly before the expression being resolved."""
    return ctx.last_quarter is not None and ctx.position - ctx.last_quarter_end <= QUARTER_CONTEXT_CHARS


def year_ago(ctx: Context, amount: int = 1) -> Resolved:
    """"a year ago"/"year-earlier": the same quarter a year back in an earnings context, else the year."""
    if quarter_in_focus(ctx):
        day = dates.shift(ctx.last_quarter, -amount, "Y")
        return Resolved("DATE", dates.fmt_quarter(day), None, (day, "quarter"))
    return relative(ctx, -amount, "year")


def resolve_period_year_back(m: re.Match, ctx: Context) -> Resolved | None:
    """"the corresponding period last year": the quarter in focus a year back, else last year."""
    return year_ago(ctx)


def resolve_year_ago_adj(m: re.Match, ctx: Context) -> Resolved | None:
    return year_ago(ctx)


def resolve_year_end(m: re.Match, ctx: Context) -> Resolved | None:
    mod = "APPROX" if norm(m["approx"]) == "around" else "END"
    return relative(ctx, 0, "year", mod)


ANAPHORIC_RELS = frozenset({"the following", "the previous"})


def resolve_rel_unit(m: re.Match, ctx: Context) -> Resolved | None:
    rel, unit = norm(m["rel"]), norm(m["unit"])
    mod = edge_mod(m["edge"])
    offset = REL_OFFSETS.get(rel, 0)
    if rel == "this past" and unit not in ("week", "weekend"):
        offset = 0
    if unit == "season":
        if ctx.dct is None:
            return Resolved("DATE", "XXXX-XX", mod)
        return season_value(ctx, season_of_month(ctx.dct.month), offset, mod)
    if unit == "quarter" and rel == "the latest":
        base = ctx.last_quarter if quarter_in_focus(ctx) else (dates.shift(ctx.dct, -1, "Q") if ctx.dct else None)
        return quarter_result(ctx, base, mod) if base else Resolved("DATE", "XXXX-QX", mod)
    # "the following year", "the previous month" count from the last date the text named ("On May
    # 22, 1995, ... and the following year"), not from the publication date.
    base = ctx.anchor[0] if rel in ANAPHORIC_RELS and ctx.anchor else None
    res = relative(ctx, offset, UNIT_GRANULARITY[unit], mod, base=base)
    if unit == "quarter" and res.anchor:
        ctx.last_quarter = res.anchor[0]
    return res


def resolve_def_unit(m: re.Match, ctx: Context) -> Resolved | None:
    unit, mod = norm(m["unit"]), edge_mod(m["edge"])
    if unit == "year" and m["ended"] is not None:
        # "the year ended Sept. 30" is a twelve-month period ending then, not the calendar year.
        return Resolved("DURATION", "P1Y")
    if unit == "weekend":
        if ctx.dct is None:
            return Resolved("DATE", "XXXX-WXX-WE", mod)
        # "over the weekend" in a Monday story is the weekend just gone; "ahead of the weekend" the next.
        if ctx.dct.isoweekday() >= 6:
            return Resolved("DATE", dates.fmt_week(ctx.dct) + "-WE", mod)
        offset = 0 if direction(ctx, m.start(), m.end()) > 0 else -1
        day = dates.shift(ctx.dct, offset, "W")
        return Resolved("DATE", dates.fmt_week(day) + "-WE", mod, (day, "weekend"))
    if unit == "day" and not mod and norm(m["det"]) == "the" and not m["mod"]:
        # "the day" refers to the day in focus: the last one named, else the publication date.
        if ctx.anchor and ctx.anchor[1] == "day":
            return Resolved("DATE", dates.fmt_day(ctx.anchor[0]), None, ctx.anchor)
        return relative(ctx, 0, "day")
    return relative(ctx, 0, UNIT_GRANULARITY[unit], mod)


# Granularities from fine to coarse, for telling when an anchor is too coarse for an anaphor.
FINENESS = {"day": 0, "week": 1, "weekend": 1, "month": 2, "quarter": 3, "season": 3, "half": 4, "year": 5,
            "decade": 6, "century": 7}


def coarse_value(anchor: dt.date, anchor_gran: str, gran: str) -> str:
    """The value of a ``gran`` unit known only to lie in the anchor's unit: "1987-XX-XX", "1987-10-XX"."""
    if gran == "day":
        return f"{anchor.year:04d}-{anchor.month:02d}-XX" if anchor_gran == "month" else f"{anchor.year:04d}-XX-XX"
    if gran in ("week", "weekend"):
        return f"{anchor.year:04d}-WXX" + ("-WE" if gran == "weekend" else "")
    if gran == "month":
        return f"{anchor.year:04d}-XX"
    return dates.format_at(anchor, gran)


def resolve_anaphoric(m: re.Match, ctx: Context) -> Resolved | None:
    rel, unit = norm(m["rel"]), norm(m["unit"])
    offset = {"the following": 1, "the next": 1, "the previous": -1}.get(rel, 0)
    part = unit if unit in ("morning", "afternoon", "evening", "night") else None
    gran = "day" if part else unit
    base = ctx.anchor[0] if ctx.anchor else ctx.dct
    if base is None:
        return Resolved("DATE", undetermined(gran))
    if ctx.anchor and FINENESS.get(ctx.anchor[1], 9) > FINENESS[gran]:
        # "that day" after "in 1987": a day of that year, but which one the text does not say.
        value = coarse_value(ctx.anchor[0], ctx.anchor[1], gran)
        code = LEX.parts_of_day.get(part) if part else None
        return Resolved("TIME" if code else "DATE", value + (f"T{code}" if code else ""))
    day = dates.shift(base, offset, dates.GRANULARITY_UNIT[gran])
    if part:
        type_, value = day_value(day, part)
        return Resolved(type_, value, None, (day, "day"))
    return Resolved("DATE", dates.format_at(day, gran), edge_mod(m["edge"]), (day, gran))


def resolve_day_word(m: re.Match, ctx: Context) -> Resolved | None:
    word = norm(m["word"])
    edge = norm(m["edge"])
    offset = 0
    if "yesterday" in word:
        offset = -1
    elif "tomorrow" in word:
        offset = 1
    if "day before" in word:
        offset -= 1
    elif "day after" in word:
        offset += 1
    part = m["part"] or ("night" if word == "tonight" else None)
    if edge and any(p in edge for p in ("morning", "afternoon", "evening")):
        part = next(p for p in ("morning", "afternoon", "evening") if p in edge)
    mod = edge_mod(edge) if edge in ("early", "late") else None
    if ctx.dct is None:
        if word == "today" and not part:
            return Resolved("DATE", "PRESENT_REF")
        type_, value = day_value(None, part)
        return Resolved(type_, value, mod)
    day = ctx.dct + dt.timedelta(days=offset)
    type_, value = day_value(day, part)
    return Resolved(type_, value, mod, (day, "day"))


# A second weekday that shares its week with the first: "Thursday [and Friday next week]".
SHARED_WEEK_RE = re.compile(r"\s+(?:and|or|to|through)\s+" + g.WEEKDAY_WORD + r"\s+(?P<wrel>next|last|this)\s+week\b",
                            re.IGNORECASE)


def resolve_weekday(m: re.Match, ctx: Context) -> Resolved | None:
    weekday = LEX.weekdays[norm(m["wd"])]
    rel = norm(m["rel"])
    part = m["part"]
    if m["plural"] or m["partpl"]:
        code = LEX.parts_of_day.get(norm(part)) if part else None
        return Resolved("SET", f"XXXX-WXX-{weekday}" + (f"T{code}" if code else ""))
    mod = edge_mod(rel) if rel in ("early", "late") else None
    if ctx.dct is None:
        code = LEX.parts_of_day.get(norm(part)) if part else None
        base = "XXXX-XX-XX" if m["dayrel"] else f"XXXX-WXX-{weekday}"
        return Resolved("TIME" if code else "DATE", base + (f"T{code}" if code else ""), mod)
    anchor = ctx.anchor[0] if ctx.anchor and ctx.anchor[1] == "day" else ctx.dct
    shared = None if m["wrel"] else SHARED_WEEK_RE.match(ctx.text, m.end())
    wrel = m["wrel"] or (shared["wrel"] if shared else None)
    if wrel:
        # "Friday next week", and the "Thursday" of "Thursday and Friday next week": that weekday
        # in the week named.
        monday = ctx.dct - dt.timedelta(days=ctx.dct.isoweekday() - 1)
        day = monday + dt.timedelta(weeks={"next": 1, "last": -1}.get(norm(wrel), 0), days=weekday - 1)
    elif rel == "last" or rel == "this past":
        day = dates.weekday_near(ctx.dct, weekday, -2)
    elif rel in ("next", "this coming"):
        day = dates.weekday_near(ctx.dct, weekday, 2)
    elif rel == "the previous":
        day = dates.weekday_near(anchor, weekday, -2)
    elif rel in ("the following", "the next"):
        day = dates.weekday_near(anchor, weekday, 2)
    else:
        day = dates.weekday_near(ctx.dct, weekday, direction(ctx, m.start(), m.end()))
    if m["dayrel"]:
        # "the day before last Tuesday": one day off the weekday it names.
        day += dt.timedelta(days=-1 if "before" in norm(m["dayrel"]) else 1)
    type_, value = day_value(day, part)
    return Resolved(type_, value, mod, (day, "day"))


def resolve_part_of_day(m: re.Match, ctx: Context) -> Resolved | None:
    if m["mid"]:
        word = norm(m["mid"])
        base = ctx.anchor[0] if ctx.anchor and ctx.anchor[1] == "day" else ctx.dct
        if word == "midday":
            return Resolved("TIME", f"{dates.fmt_day(base) if base else 'XXXX-XX-XX'}T12:00")
        if word == "overnight":
            # The night that ended on the day in focus ("prices fell overnight" in the morning's story).
            night = base - dt.timedelta(days=1) if base else None
            return Resolved("TIME", f"{dates.fmt_day(night) if night else 'XXXX-XX-XX'}TNI")
        part = "morning" if "morning" in word else "afternoon"
        type_, value = day_value(base, part)
        return Resolved(type_, value, "MID")
    rel, part = norm(m["rel"]), norm(m["part"])
    base = ctx.dct
    if rel == "the":
        base = ctx.anchor[0] if ctx.anchor and ctx.anchor[1] == "day" else ctx.dct
    elif rel == "last" and base:
        base = base - dt.timedelta(days=1)
    type_, value = day_value(base, part)
    mod = "START" if rel.startswith("early") else ("END" if rel.startswith("late ") else None)
    return Resolved("TIME", value, mod, (base, "day") if base else None)


def clock_hhmm(m: re.Match) -> str | None:
    """Read the clock part of a CLOCK_RE match ("3 p.m.", "10:35", "noon", "4 in the morning") as hh:mm."""
    if m["bare"]:
        hour = int(m["bare"]) % 12 + (12 if norm(m["part"]) in ("afternoon", "evening") else 0)
        return f"{hour:02d}:00"
    text = norm(m["clock"])
    if text in LEX.clock_words:
        return LEX.clock_words[text]
    hm = re.match(r"(\d{1,2})(?::(\d{2}))?", text)
    if not hm:
        return None
    hour, minute = int(hm[1]), int(hm[2] or 0)
    if "p" in text[len(hm[0]):] and hour < 12:
        hour += 12
    elif "a" in text[len(hm[0]):] and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


def resolve_clock(m: re.Match, ctx: Context) -> Resolved | None:
    hhmm = clock_hhmm(m)
    if hhmm is None:
        return None
    day: dt.date | None = None
    if m["wd"]:
        weekday = LEX.weekdays[norm(m["wd"])]
        if m["month"] and ctx.dct:
            day = dates.safe_date(year_for(ctx, month_number(m["month"]), day_number(m["day"]), 0),
                                  month_number(m["month"]), day_number(m["day"]))
        elif ctx.dct:
            day = dates.weekday_near(ctx.dct, weekday, direction(ctx, m.start(), m.end()))
    elif m["month2"] and ctx.dct:
        month, d = month_number(m["month2"]), day_number(m["day2"])
        day = dates.safe_date(year_for(ctx, month, d, 0), month, d)
    elif m["dword"] and ctx.dct:
        offset = {"yesterday": -1, "tomorrow": 1}.get(norm(m["dword"]), 0)
        day = ctx.dct + dt.timedelta(days=offset)
    elif ctx.anchor and ctx.anchor[1] == "day":
        day = ctx.anchor[0]
    else:
        day = ctx.dct
    base = dates.fmt_day(day) if day else "XXXX-XX-XX"
    mod = approx_mod(m["approx"])
    return Resolved("TIME", f"{base}T{hhmm}", mod, (day, "day") if day else None)


# Prepositions left outside a duration's span that still bound it ("over a week": more than one).
PREPOSITION_MODS = {"over": "MORE_THAN", "under": "LESS_THAN", "within": "EQUAL_OR_LESS"}


def preposition_mod(m: re.Match, ctx: Context) -> str | None:
    """The mod a preposition just before a bare amount gives ("within 18 months"); None before
    "the" ("over the past decade" is a stretch of time, not a bound)."""
    if m.start("qty") != m.start():
        return None
    prev = previous_words(ctx.text, m.start(), 1)
    return PREPOSITION_MODS.get(prev[-1]) if prev else None


LAST_DAY_RE = re.compile(r"the\s+(?:last|past|next)\s", re.IGNORECASE)


def resolve_duration(m: re.Match, ctx: Context) -> Resolved | None:
    amount = parse_number(m["qty"])
    unit = m["unit"]
    ago = norm(m["ago"])
    mod = approx_mod(m["approx"]) or approx_mod(m["inner"]) or preposition_mod(m, ctx)
    if not ago or ago == "or so":
        if norm(m.group(0)) == "one day" and previous_words(ctx.text, m.start(), 1)[-1:] in [[w] for w in LEX.modals]:
            # "Islam will one day be the second religion": some day ahead, not a length of time.
            return Resolved("DATE", "FUTURE_REF")
        if amount == 24 and norm(unit).startswith("hour") and LAST_DAY_RE.match(m.group(0)):
            # "the last 24 hours" is the news idiom for the past day (TimeML: P1D).
            return Resolved("DURATION", "P1D", mod)
        return Resolved("DURATION", duration_value(amount, unit), mod)
    if ago == "before":
        return Resolved("DURATION", duration_value(amount, unit), mod)
    sign = 1 if ago == "later" else -1
    shift_unit, per, gran = granularity_of_unit(unit)
    if amount is None:
        return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod)
    if norm(unit) == "year" and amount == 1 and ago in ("ago", "earlier"):
        return year_ago(ctx)
    base = ctx.anchor[0] if ago == "later" and ctx.anchor else ctx.dct
    if base is None:
        return Resolved("DATE", undetermined(gran), mod)
    if per == 0:
        return Resolved("DATE", dates.fmt_day(base), mod, (base, "day"))
    steps = round(amount * per)
    if steps != amount * per and shift_unit == "Y":
        steps, shift_unit = round(amount * per * 12), "M"
    day = dates.shift(base, sign * steps, shift_unit)
    return Resolved("DATE", dates.format_at(day, gran), mod, (day, gran))


def resolve_and_half(m: re.Match, ctx: Context) -> Resolved | None:
    amount = parse_number(m["qty"])
    return Resolved("DURATION", duration_value((amount or 1) + 0.5, m["unit"]), approx_mod(m["approx"]))


def resolve_unit_adj(m: re.Match, ctx: Context) -> Resolved | None:
    qty = norm(m["qty"])
    amount = None if qty in ("several", "a few", "multi") else parse_number(qty)
    return Resolved("DURATION", duration_value(amount, m["unit"]))


def resolve_vague_units(m: re.Match, ctx: Context) -> Resolved | None:
    if norm(m["mod"]) == "recent" and norm(m["unit"]) == "years":
        # "in recent years" names a stretch of the past, not a length (TimeML: PAST_REF).
        return Resolved("DATE", "PAST_REF")
    return Resolved("DURATION", duration_value(None, m["unit"]))


def season_of_month(month: int) -> str:
    return next(code for code, months in LEX.seasons.values() if month in months)


def season_value(ctx: Context, code: str, offset: int, mod: str | None, this_past: bool = False) -> Resolved:
    """The value of "<offset> <season>" from the publication date: this summer (0), last fall (-1).

    A season is written with the year it starts in (winter 1997 = Dec. 1997 - Feb. 1998).
    """
    dct = ctx.dct
    season_year = dct.year - 1 if dct.month < 3 else dct.year
    current = season_of_month(dct.month)
    order = ["SP", "SU", "FA", "WI"]
    cur_i, tgt_i = order.index(current), order.index(code)
    if offset == 0:
        # "this summer" is the publication year's summer, whether past or coming; "this winter"
        # in January is the winter under way, which started the year before.
        year = dct.year - 1 if code == "WI" and dct.month < 3 else dct.year
    elif offset < 0 and this_past:
        # "this past spring" in October is the spring just gone: the latest one already begun.
        year = max(y for y in (dct.year - 1, dct.year) if dt.date(y, dates.SEASON_START[code], 1) <= dct)
    elif offset < 0:
        # "last spring" is the previous year's spring, even in October when this year's is over.
        year = dct.year - 1 - (1 if code == "WI" and dct.month < 3 else 0)
    else:
        year = season_year if tgt_i > cur_i else season_year + 1
    day = dt.date(year, dates.SEASON_START[code], 1)
    return Resolved("DATE", f"{year:04d}-{code}", mod, (day, "season"))


def resolve_season(m: re.Match, ctx: Context) -> Resolved | None:
    code = LEX.seasons[norm(m["season"])][0]
    mod = edge_mod(m["edge"])
    if m["year"]:
        year = spoken_or_digit_year(m["year"])
        return Resolved("DATE", f"{year:04d}-{code}", mod) if year else None
    if ctx.dct is None:
        return Resolved("DATE", f"XXXX-{code}", mod)
    rel = norm(m["rel"])
    offset = {"last": -1, "this past": -1, "the past": -1, "next": 1, "this coming": 1, "the coming": 1}.get(rel, 0)
    return season_value(ctx, code, offset, mod, this_past=rel == "this past")


def holiday_result(day: dt.date | None, week: bool) -> Resolved | None:
    """A holiday's day, or with ``week`` ("Easter week") the ISO week that holds it."""
    if day is None:
        return None
    if week:
        return Resolved("DATE", dates.fmt_week(day), None, (day, "week"))
    return Resolved("DATE", dates.fmt_day(day), None, (day, "day"))


def resolve_holiday(m: re.Match, ctx: Context) -> Resolved | None:
    rule = LEX.holidays[norm(m["holiday"])]
    week = m["week"] is not None
    if m["year"]:
        return holiday_result(dates.holiday_date(rule, int(m["year"])), week)
    if ctx.dct is None:
        if week:
            return Resolved("DATE", "XXXX-WXX")
        if "fixed" in rule:
            return Resolved("DATE", f"XXXX-{rule['fixed'][0]:02d}-{rule['fixed'][1]:02d}")
        return Resolved("DATE", "XXXX-XX-XX")
    rel = norm(m["rel"])
    # "as Easter week began": a holiday week is talked about while it is near, so the tense of the
    # clause does not pick the year.
    want = {"last": -1, "next": 1}.get(rel) or (0 if week else tense_cue(ctx, m.start(), m.end()))
    options = [d for d in (dates.holiday_date(rule, y) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)) if d]
    if rel == "this":
        chosen = next((d for d in options if d.year == ctx.dct.year), None)
    elif want == 0:
        # No tense cue ("from now to Election Day"): a holiday is talked about around its date,
        # so the nearest one, before or after the publication date.
        chosen = min(options, key=lambda d: abs((d - ctx.dct).days), default=None)
    elif want > 0:
        chosen = min((d for d in options if d >= ctx.dct), default=None)
    else:
        chosen = max((d for d in options if d <= ctx.dct), default=None)
    return holiday_result(chosen, week)


def resolve_vague(m: re.Match, ctx: Context) -> Resolved | None:
    return Resolved("DATE", LEX.vague_refs[norm(m["word"])])


def resolve_modal_vague(m: re.Match, ctx: Context) -> Resolved | None:
    return Resolved("DATE", LEX.modal_vague_refs[norm(m["word"])])


def resolve_vague_adjective(m: re.Match, ctx: Context) -> Resolved | None:
    word = norm(m["word"])
    if THEN_BEFORE_RE.search(ctx.text, max(0, m.start() - 6), m.start()):
        return Resolved("DATE", "PAST_REF")  # "the then-current price": current at a past time
    return Resolved("DATE", LEX.vague_adjectives.get(word) or LEX.optional_vague_adjectives[word])


THEN_BEFORE_RE = re.compile(r"\bthen[\s-]$", re.I)


def resolve_frequency(m: re.Match, ctx: Context) -> Resolved | None:
    return Resolved("SET", LEX.frequency_adverbs[norm(m["word"])])


def resolve_every(m: re.Match, ctx: Context) -> Resolved | None:
    unit = norm(m["unit"])
    n_text = norm(m["n"])
    if unit in LEX.weekdays:
        code = LEX.parts_of_day.get(norm(m["part"])) if m["part"] else None
        return Resolved("SET", f"XXXX-WXX-{LEX.weekdays[unit]}" + (f"T{code}" if code else ""))
    if unit in LEX.months:
        return Resolved("SET", f"XXXX-{LEX.months[unit]:02d}")
    if unit in LEX.seasons:
        return Resolved("SET", f"XXXX-{LEX.seasons[unit][0]}")
    if unit in LEX.parts_of_day:
        return Resolved("SET", f"XXXX-XX-XXT{LEX.parts_of_day[unit]}")
    amount = 2.0 if n_text == "other" else (parse_number(n_text) if n_text else 1.0)
    return Resolved("SET", duration_value(amount, unit))


def resolve_per_unit(m: re.Match, ctx: Context) -> Resolved | None:
    return Resolved("SET", duration_value(1, m["unit"]))


# Trigger classes shared by several rules.
DIGIT = frozenset({"digit"})
MONTH = frozenset({"month"})
UNIT = frozenset({"unit"})

# Order matters only for candidates with exactly the same span: the earlier rule wins.
RULES: tuple[Rule, ...] = (
    Rule("iso", g.ISO_RE, resolve_iso, triggers=DIGIT),
    Rule("slash_date", g.SLASH_DATE_RE, resolve_slash, triggers=DIGIT),
    Rule("clock", g.CLOCK_RE, resolve_clock, check_clock, triggers=DIGIT | {"clock"}),
    Rule("month_day", g.MONTH_DAY_RE, resolve_month_day, check_month_day, triggers=MONTH),
    Rule("week_of", g.WEEK_OF_RE, resolve_week_of, check_month_day, triggers=MONTH),
    Rule("range_end_day", g.RANGE_END_DAY_RE, resolve_month_day, check_range_end_day, "span", triggers=MONTH),
    Rule("range_start_day", g.RANGE_START_DAY_RE, resolve_month_day, check_range_start_day, "span", triggers=MONTH),
    Rule("day_month", g.DAY_MONTH_RE, resolve_month_day, check_month_day, triggers=MONTH),
    Rule("month_year", g.MONTH_YEAR_RE, resolve_month_year, check_month_word, triggers=MONTH),
    Rule("quarter", g.QUARTER_RE, resolve_quarter, triggers=UNIT, span=quarter_span),
    Rule("q_code", g.Q_CODE_RE, resolve_q_code, triggers=DIGIT),
    Rule("holiday", g.HOLIDAY_RE, resolve_holiday, triggers=frozenset({"holiday"})),
    Rule("vague", g.VAGUE_RE, resolve_vague, check_vague, triggers=frozenset({"vague"})),
    Rule("modal_vague", g.MODAL_VAGUE_RE, resolve_modal_vague, check_modal_vague, triggers=frozenset({"vague"})),
    Rule("per_unit", g.PER_UNIT_RE, resolve_per_unit, check_per_unit, "span", triggers=UNIT),
    Rule("every", g.EVERY_RE, resolve_every, triggers=UNIT | MONTH | {"weekday", "season"}),
    Rule("frequency", g.FREQUENCY_RE, resolve_frequency, check_frequency, triggers=frozenset({"frequency"})),
    Rule("and_half", g.AND_HALF_RE, resolve_and_half, triggers=UNIT),
    Rule("duration", g.DURATION_RE, resolve_duration, check_duration, triggers=UNIT),
    Rule("unit_adj", g.UNIT_ADJ_RE, resolve_unit_adj, triggers=UNIT),
    Rule("decade", g.DECADE_RE, resolve_decade, triggers=DIGIT | {"decade"}),
    Rule("century", g.CENTURY_RE, resolve_century, triggers=UNIT),
    Rule("season", g.SEASON_RE, resolve_season, check_season, triggers=frozenset({"season"})),
    Rule("rel_unit", g.REL_UNIT_RE, resolve_rel_unit, check_rel_unit, triggers=UNIT),
    Rule("period", g.PERIOD_RE, resolve_period, check_period, triggers=UNIT),
    Rule("period_year_back", g.PERIOD_YEAR_BACK_RE, resolve_period_year_back, triggers=UNIT),
    Rule("year_ago_adj", g.YEAR_AGO_ADJ_RE, resolve_year_ago_adj, triggers=UNIT),
    Rule("year_end", g.YEAR_END_RE, resolve_year_end, triggers=UNIT),
    Rule("anaphoric", g.ANAPHORIC_RE, resolve_anaphoric, triggers=UNIT),
    Rule("day_word", g.DAY_WORD_RE, resolve_day_word, check_day_word, triggers=frozenset({"day_word"})),
    Rule("weekday", g.WEEKDAY_RE, resolve_weekday, check_weekday, triggers=frozenset({"weekday"}), span=weekday_span),
    Rule("part_of_day", g.PART_OF_DAY_RE, resolve_part_of_day, check_part_of_day, triggers=UNIT),
    Rule("month", g.MONTH_RE, resolve_month, check_month_word, triggers=MONTH),
    Rule("year", g.YEAR_RE, resolve_year, check_year, triggers=DIGIT | {"spoken_year"}),
    Rule("def_unit", g.DEF_UNIT_RE, resolve_def_unit, triggers=UNIT),
    Rule("vague_units", g.VAGUE_UNITS_RE, resolve_vague_units, check_vague_units, triggers=UNIT, span=vague_units_span),
    Rule("vague_adjective", g.VAGUE_ADJ_RE, resolve_vague_adjective, check_vague_adjective, "word", triggers=frozenset({"adjective"})),
)

# The rules plus "former"/"recent" as past references, for callers who want them (include_former).
RULES_WITH_FORMER: tuple[Rule, ...] = RULES + (
    Rule("optional_vague_adjective", g.OPTIONAL_VAGUE_ADJ_RE, resolve_vague_adjective, check_vague_adjective, "word", triggers=frozenset({"adjective"})),
)
