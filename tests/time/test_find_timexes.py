"""Hand-written sentences for each kind of time expression the time stage handles."""

from __future__ import annotations

import pytest

from tacitus.model import Timex
from tacitus.time import find_timexes, timex_to_date

# A Wednesday.
PUBLISHED = "2018-02-21"


def found(text: str, published: str | None = PUBLISHED, **kwargs) -> dict[str, tuple[str, str | None]]:
    """Map each found span's text to (type, value)."""
    return {t.text: (t.type, t.value) for t in find_timexes(text, published, **kwargs)}


def only(text: str, published: str | None = PUBLISHED) -> Timex:
    timexes = find_timexes(text, published)
    assert len(timexes) == 1, timexes
    return timexes[0]


# --------------------------------------------------------------------------- weekdays


def test_bare_weekday_in_wednesday_story_is_the_day_before():
    assert found("The envoys signed the accord on Tuesday in Geneva.") == {"Tuesday": ("DATE", "2018-02-20")}


def test_bare_weekday_same_as_publication_day_is_that_day():
    assert found("The minister resigned Wednesday.")["Wednesday"] == ("DATE", "2018-02-21")


def test_bare_weekday_after_future_cue_is_the_next_one():
    assert found("The cabinet will vote on the budget Friday.")["Friday"] == ("DATE", "2018-02-23")
    assert found("Talks are scheduled to resume on Monday.")["Monday"] == ("DATE", "2018-02-26")


def test_future_cue_under_past_auxiliary_is_past():
    # A Monday story: "had been due to expire Friday" is the Friday just gone.
    assert found("The offer had been due to expire Friday.", "2018-02-26")["Friday"] == ("DATE", "2018-02-23")


def test_set_is_a_plan_only_as_set_for_or_set_to():
    # A Friday story: a record set on a past day, against a vote that is set for the coming one.
    assert found("Stocks closed near the record set on Tuesday.", "2018-02-23")["Tuesday"] == ("DATE", "2018-02-20")
    assert found("The vote is set for Tuesday.", "2018-02-23")["Tuesday"] == ("DATE", "2018-02-27")
    assert found("The vote, previously planned for Tuesday, was held.", "2018-02-23")["Tuesday"] == ("DATE", "2018-02-20")


def test_said_before_weekday_keeps_it_in_the_past():
    assert found("The spokesman said Monday that troops will withdraw.")["Monday"] == ("DATE", "2018-02-19")


def test_last_and_next_weekday():
    assert found("Rebels shelled the town last Thursday.")["last Thursday"] == ("DATE", "2018-02-15")
    assert found("Voting ends next Tuesday.")["next Tuesday"] == ("DATE", "2018-02-27")


def test_weekday_with_part_of_day_is_a_time():
    assert found("Protesters gathered Sunday night outside parliament.")["Sunday night"] == ("TIME", "2018-02-18TNI")


# --------------------------------------------------------------------------- days, weeks, months, years


def test_deictic_days():
    got = found("Police arrested him yesterday; a judge sees him today and rules tomorrow.")
    assert got["yesterday"] == ("DATE", "2018-02-20")
    assert got["today"] == ("DATE", "2018-02-21")
    assert got["tomorrow"] == ("DATE", "2018-02-22")


def test_tonight_and_this_morning():
    assert found("The president speaks tonight.")["tonight"] == ("TIME", "2018-02-21TNI")
    assert found("Shelling resumed this morning.")["this morning"] == ("TIME", "2018-02-21TMO")


def test_relative_calendar_units():
    got = found("Strikes spread last week, earlier this month and this year, and end next month.")
    assert got["last week"] == ("DATE", "2018-W07")
    assert got["earlier this month"] == ("DATE", "2018-02")
    assert got["this year"] == ("DATE", "2018")
    assert got["next month"] == ("DATE", "2018-03")


def test_explicit_dates_in_several_formats():
    got = found("It began on February 21st, 2018, or 21 February 2018, or 2018-02-21, not Oct. 5.")
    assert got["February 21st, 2018"] == ("DATE", "2018-02-21")
    assert got["21 February 2018"] == ("DATE", "2018-02-21")
    assert got["2018-02-21"] == ("DATE", "2018-02-21")
    # "began" puts the clause in the past, and Oct. 5 of 2018 is months ahead: last October.
    assert got["Oct. 5"] == ("DATE", "2017-10-05")


def test_month_and_year():
    got = found("Fighting broke out in Nov 2014 and again in Oct 2015.")
    assert got["Nov 2014"] == ("DATE", "2014-11")
    assert got["Oct 2015"] == ("DATE", "2015-10")


def test_bare_past_month_is_the_most_recent_one():
    assert found("The treaty was signed in December.")["December"] == ("DATE", "2017-12")


def test_bare_month_after_future_cue_is_the_next_one():
    assert found("Qantas plans to double its flights to India by August.")["August"] == ("DATE", "2018-08")
    assert found("The agency will decide in January.", "2018-10-26")["January"] == ("DATE", "2019-01")


def test_bare_month_with_a_deadline_preposition_looks_ahead():
    assert found("Lenders want the loan repaid by February.", "2018-10-30")["February"] == ("DATE", "2019-02")


def test_clause_initial_month_reads_the_verb_after_it():
    assert found("In March, the company bought a rival.", "2018-10-30")["March"] == ("DATE", "2018-03")
    assert found("In January, the company will open a plant.", "2018-10-30")["January"] == ("DATE", "2019-01")


def test_bare_month_without_cue_is_the_nearer_one():
    assert found("Forecasts for January look strong.", "2018-11-20")["January"] == ("DATE", "2019-01")


def test_participle_after_determiner_is_not_a_past_verb():
    assert found("The reduced dividend is payable Jan. 2.", "2018-11-02")["Jan. 2"] == ("DATE", "2019-01-02")


def test_month_day_across_new_year_follows_tense():
    assert found("The boy was rescued Nov. 25 off Florida.", "2018-01-10")["Nov. 25"] == ("DATE", "2017-11-25")
    assert found("The offer was extended to Nov. 6.", "2018-11-02")["Nov. 6"] == ("DATE", "2018-11-06")
    assert found("Police have hunted him since the Oct. 23 shooting.", "2018-05-06")["Oct. 23"] == ("DATE", "2017-10-23")


def test_month_day_without_cue_far_ahead_is_last_year():
    assert found("Rescuers found the boat on Nov. 25 near the coast.", "2018-01-07")["Nov. 25"] == ("DATE", "2017-11-25")


def test_may_as_verb_is_not_a_month():
    assert found("The deal may collapse.") == {}


def test_years_decades_centuries():
    got = found("Unrest in the 1990s, in 2015 and throughout the 20th century.")
    assert got["the 1990s"] == ("DATE", "199")
    assert got["2015"] == ("DATE", "2015")
    assert got["the 20th century"] == ("DATE", "19")


def test_year_not_a_count_or_money():
    assert found("About 2000 troops and $1990 in cash.") == {}


def test_mid_year_carries_mod():
    t = only("Production stalled in mid-2015.")
    assert (t.text, t.value, t.mod) == ("mid-2015", "2015", "MID")


def test_ago_expressions():
    got = found("The rebels took the city two years ago and left three weeks ago.")
    assert got["two years ago"] == ("DATE", "2016")
    assert got["three weeks ago"] == ("DATE", "2018-W05")


def test_seasons():
    got = found("Elections are due this summer; the flood came last fall.")
    assert got["this summer"] == ("DATE", "2018-SU")
    assert got["last fall"] == ("DATE", "2017-FA")


def test_quarters_and_fiscal_years():
    got = found("Profit rose in the first quarter of 2015 and in fiscal 2016; third-quarter sales fell.")
    assert got["the first quarter of 2015"] == ("DATE", "2015-Q1")
    assert got["fiscal 2016"] == ("DATE", "2016")
    assert got["third-quarter"][0] == "DATE"


def test_year_ago_in_earnings_context_is_the_same_quarter():
    got = found("Net income in the third quarter of 2017 rose to $5 million from $4 million a year ago.")
    assert got["a year ago"] == ("DATE", "2016-Q3")


def test_holiday():
    assert found("Shops closed on Christmas Day.", "2017-12-28")["Christmas Day"] == ("DATE", "2017-12-25")


# --------------------------------------------------------------------------- times, durations, sets, vague


def test_clock_times():
    assert found("The blast happened at 3 p.m.")["3 p.m."] == ("TIME", "2018-02-21T15:00")
    assert found("Polls close at 10:30 a.m. Thursday.")["10:30 a.m. Thursday"][0] == "TIME"


def test_durations():
    got = found("He ruled for the past four years, after a 10-year exile and 2 1/2 years in jail.")
    assert got["the past four years"] == ("DURATION", "P4Y")
    assert got["10-year"] == ("DURATION", "P10Y")
    assert got["2 1/2 years"] == ("DURATION", "P2Y6M")
    assert found("The siege lasted two hours.")["two hours"] == ("DURATION", "PT2H")


def test_ages_are_not_durations():
    assert found("A 6-year-old girl and a man, 52 years old, were hurt.") == {}


def test_sets():
    got = found("Inspectors visit every week, reports come daily and budgets are set annually.")
    assert got["every week"] == ("SET", "P1W")
    assert got["daily"] == ("SET", "P1D")
    assert got["annually"] == ("SET", "P1Y")
    assert found("Markets open each Tuesday.")["each Tuesday"] == ("SET", "XXXX-WXX-2")


def test_a_unit_after_an_amount_is_a_rate():
    assert found("It pays a dividend of $1.76 a year.")["a year"] == ("SET", "P1Y")
    assert found("Employers added 358,000 jobs a month.")["a month"] == ("SET", "P1M")
    assert found("In 1998 a year of crisis began.")["a year"] == ("DURATION", "P1Y")


def test_then_current_is_a_past_reference():
    assert found("Holders may buy shares at the then current market price.")["current"] == ("DATE", "PAST_REF")
    assert found("The current crisis deepened.")["current"] == ("DATE", "PRESENT_REF")


def test_newspapers_and_titles_are_not_time_expressions():
    assert found("The party daily Granma and the Kommersant daily reported the visit, as did USA Today.") == {}
    assert found("Today, the army left.")["Today"] == ("DATE", "2018-02-21")


def test_overnight_is_the_night_before_the_day_in_focus():
    assert found("Rebels shelled the city overnight.")["overnight"] == ("TIME", "2018-02-20TNI")


def test_vague_references():
    got = found("Now the army is currently regrouping; it recently lost ground, and the future is unclear.")
    assert got["Now"] == ("DATE", "PRESENT_REF")
    assert got["currently"] == ("DATE", "PRESENT_REF")
    assert got["recently"] == ("DATE", "PAST_REF")
    assert got["the future"] == ("DATE", "FUTURE_REF")


def test_former_only_on_request():
    text = "The former minister was arrested."
    assert found(text) == {}
    assert found(text, include_former=True) == {"former": ("DATE", "PAST_REF")}


# --------------------------------------------------------------------------- robustness


def test_no_publication_date_gives_underspecified_values():
    got = found("Troops left on Tuesday and returned yesterday, two years ago, on Oct. 5; now it is calm.", None)
    assert got["Tuesday"] == ("DATE", "XXXX-WXX-2")
    assert got["yesterday"] == ("DATE", "XXXX-XX-XX")
    assert got["Oct. 5"] == ("DATE", "XXXX-10-05")
    assert got["now"] == ("DATE", "PRESENT_REF")


def test_bad_publication_date_is_treated_as_missing():
    assert found("It happened yesterday.", "not a date")["yesterday"] == ("DATE", "XXXX-XX-XX")


@pytest.mark.parametrize("text", ["", " ", "\n\n", "٢٠١٨ في يوم الثلاثاء", "昨天下午三点", "🙂" * 50, "9" * 5000,
                                  "the the the " * 200, "Feb. 30, 2018", "2018-13-45", "25:99 p.m."])
def test_never_raises_on_odd_input(text):
    result = find_timexes(text, PUBLISHED)
    assert isinstance(result, list)
    for t in result:
        assert text[t.start:t.end] == t.text


def test_non_string_input_gives_empty_list():
    assert find_timexes(None, PUBLISHED) == []  # type: ignore[arg-type]


def test_long_input_offsets():
    # Speed on long texts is measured by benchmarks/time_eval.py (chars/s, short vs long texts).
    sentence = "On Tuesday, officials said talks that began last week would resume in March 2018. "
    text = sentence * 300
    timexes = find_timexes(text, PUBLISHED)
    assert len(timexes) == 3 * 300
    assert all(text[t.start:t.end] == t.text for t in timexes)


# --------------------------------------------------------------------------- tense cues and idioms


def test_present_progressive_announces_a_plan():
    # A Wednesday story: "is traveling ... Thursday" is tomorrow, not last week.
    assert found("The minister is traveling to Paris Thursday.")["Thursday"] == ("DATE", "2018-02-22")


def test_as_early_as_looks_ahead_but_early_hours_do_not():
    assert found("A vote could come as early as Friday.")["Friday"] == ("DATE", "2018-02-23")
    got = found("Police arrested him in the early hours of Tuesday.")
    assert got["Tuesday"] == ("DATE", "2018-02-20")


def test_past_progressive_plan_is_still_ahead():
    # A Friday story: protesters "were planning to" march Monday means the coming Monday.
    got = found("Exiles were planning to march downtown on Monday.", "2018-02-23")
    assert got["Monday"] == ("DATE", "2018-02-26")


def test_the_last_twenty_four_hours_is_a_day():
    assert found("Prices fell sharply in the last twenty four hours.")["the last twenty four hours"] == ("DURATION", "P1D")
    assert found("The strike lasted 24 hours.")["24 hours"] == ("DURATION", "PT24H")


def test_the_next_couple_of_years_is_two():
    assert found("Growth will slow over the next couple of years.")["the next couple of years"] == ("DURATION", "P2Y")


def test_recent_years_is_a_past_reference():
    assert found("Exports have boomed in recent years.")["recent years"] == ("DATE", "PAST_REF")


def test_spoken_year_with_century_needs_no_preposition():
    assert found("Atlanta, nineteen ninety-six. A bomb went off.")["nineteen ninety-six"] == ("DATE", "1996")
    assert "two thousand" not in found("Some two thousand people marched.")


# --------------------------------------------------------------------------- anaphora, cues and titles


def test_the_following_year_counts_from_the_last_named_date():
    got = found("On May 22, 1995, Farkas was made a general, and the following year he was posted to Paris.")
    assert got["the following year"] == ("DATE", "1996")


def test_the_following_month_counts_from_the_last_named_month():
    got = found("In March, the company received an offer. The following month, it put itself up for sale.", "1989-10-27")
    assert got["The following month"] == ("DATE", "1989-04")


def test_this_past_season_is_the_one_just_gone():
    assert found("Sales were weak this past spring.", "1989-10-30")["this past spring"] == ("DATE", "1989-SP")
    assert found("Sales were weak last spring.", "1989-10-30")["last spring"] == ("DATE", "1988-SP")


def test_holiday_without_cue_is_the_nearest_one():
    got = found("It is the theme of our campaign from now to Election Day.", "1998-10-26")
    assert got["Election Day"] == ("DATE", "1998-11-03")


def test_days_later_is_not_a_future_cue():
    # A Monday story: the Friday just gone, although "later" stands nearby.
    got = found("Three days later, as of Friday's close, the index was down 6%.", "1989-10-30")
    assert got["Friday"] == ("DATE", "1989-10-27")


def test_preposition_before_a_possessive_weekday_is_no_deadline():
    got = found("Its share before Friday's purchases is far below that.", "1989-10-30")
    assert got["Friday"] == ("DATE", "1989-10-27")
    # Without the possessive, "before Friday" still looks ahead.
    assert found("The board must decide before Friday.", "1989-10-30")["Friday"] == ("DATE", "1989-11-03")


def test_titles_and_compounds_are_not_times():
    assert found('Baker said on ABC News\' "This Week" that talks failed.') == {}
    assert found("The yield fell to its quarter-century low.") == {}
    assert found('It is like the film "High Noon."') == {}
    assert found("The deadline is noon.")["noon"][0] == "TIME"


def test_the_day_before_a_weekday_is_one_day_off_it():
    # A Thursday story: last Tuesday is Feb. 22, the day before it Feb. 21.
    got = found("The day before last Tuesday's hearing, Manuel went to Miami.", "2000-02-24")
    assert got["The day before last Tuesday"] == ("DATE", "2000-02-21")
    assert found("They met the day after Monday.", "2000-02-24")["the day after Monday"] == ("DATE", "2000-02-22")


def test_the_week_of_a_date_is_the_week_that_holds_it():
    got = found("The case may be resolved in a hearing the week of March 6, his cousin said.", "2000-02-24")
    assert got == {"the week of March 6": ("DATE", "2000-W10")}
    got = found("Police searched the area the weekend of Oct. 23, 1998.", "1999-05-05")
    assert got == {"the weekend of Oct. 23, 1998": ("DATE", "1998-W43-WE")}


def test_ordinal_second_and_paper_names_are_not_times():
    assert found("Couples that meet certain conditions can have a second child.") == {}
    assert found("Many were uprooted for a second or third time.") == {}
    assert found("He told the Sunday Mirror he was sorry.") == {}
    # A rate and a weekday after "the" that names a day stay.
    assert found("The wind blew at ten metres a second.")["a second"] == ("SET", "PT1S")
    assert found("On the Sunday before the vote, crowds gathered.")["Sunday"][0] == "DATE"


def test_holiday_with_its_year_after_in():
    got = found("Militants bombed churches on Christmas Eve in 2000.", "2005-12-21")
    assert got == {"Christmas Eve in 2000": ("DATE", "2000-12-24")}


def test_bare_month_without_cue_is_the_coming_one_only_a_season_ahead():
    # December stories: February is two months ahead, May five.
    assert found("A summit in February on Kosovo and Serbia and their borders.", "2006-12-15")["February"] == ("DATE", "2007-02")
    assert found("A summit in May on Kosovo and Serbia and their borders.", "2006-12-15")["May"] == ("DATE", "2006-05")
    # A future verb still looks ahead however far.
    assert found("The EU will resume talks in May.", "2006-12-15")["May"] == ("DATE", "2007-05")


def test_weekday_next_week_and_the_fall_of_a_city():
    # A Wednesday story (2018-01-17).
    got = found("The UN is convening talks between the two sides in Vienna on Thursday and Friday next week.", "2018-01-17")
    assert got["Friday next week"] == ("DATE", "2018-01-26")
    assert got["Thursday"] == ("DATE", "2018-01-25")
    assert found("Fighters were moved there after the fall of other rebel enclaves.", "2019-03-14") == {}
    assert found("The city fell in the fall of 2014.")["the fall of 2014"] == ("DATE", "2014-FA")


def test_day_ranges_give_both_days_with_the_year():
    got = found("Leaders meet at the Washington summit on April 24 and 25, 1999.", "1999-02-10")
    assert got == {"April 24": ("DATE", "1999-04-24"), "25, 1999": ("DATE", "1999-04-25")}
    got = found("The bank holds its next policy meeting on December 18-19.", "2006-12-14")
    assert got == {"December 18": ("DATE", "2006-12-18"), "19": ("DATE", "2006-12-19")}
    # A count after "and" is no day.
    assert "25" not in found("On March 3 and 25 people were hurt.")


def test_day_first_ranges_give_the_first_day_its_month():
    got = found("The Tests run from 15 to 19 December 2006 in Johannesburg.", "2006-12-05")
    assert got == {"15": ("DATE", "2006-12-15"), "19 December 2006": ("DATE", "2006-12-19")}


def test_that_day_after_a_year_is_an_unknown_day_of_it():
    got = found("The index is based on the close of 1987. Trades made that day fell.", "1989-10-30")
    assert got["that day"] == ("DATE", "1987-XX-XX")
    got = found("In October 1998 he moved. That same day he left.", "1999-02-06")
    assert got["That same day"] == ("DATE", "1998-10-XX")
    assert timex_to_date(only("Trades made that day fell.", "1989-10-30")) == ("1989-10-30", "day")


def test_quarter_ended_a_date_is_the_quarter_around_it():
    got = found("Net rose 5% in the quarter ended Sept. 30 from a year earlier.", "1989-10-26")
    assert got["the quarter"] == ("DATE", "1989-Q3")
    assert got["a year earlier"] == ("DATE", "1988-Q3")
    # A fiscal quarter closing July 31 runs May to July: mostly the second calendar quarter.
    assert found("In the quarter ended July 31, sales fell.", "1989-10-30")["the quarter"] == ("DATE", "1989-Q2")


def test_quarter_just_named_keeps_its_label_over_the_closing_date():
    text = "Delta posted a profit for its fiscal first quarter. For the quarter ended Sept. 29, net rose."
    assert found(text, "1989-10-26")["the quarter"] == ("DATE", "1989-Q1")


def test_a_week_after_an_object_pronoun_is_a_duration_not_a_rate():
    got = found("He offered him a week to withdraw fully.")
    assert got == {"a week": ("DURATION", "P1W")}


def test_a_forecast_quarter_does_not_become_the_reported_one():
    text = ("Net fell in the third quarter. Analysts expect losses through the third quarter of 1990. "
            "In the year-ago period, the company earned $101 million.")
    assert found(text, "1989-10-26")["the year-ago period"] == ("DATE", "1988-Q3")


def test_a_fiscal_quarter_reported_in_the_past_stays_in_focus():
    # Fiscal fourth quarter ended Sept. 30: its label lies ahead of an October story, but it was reported.
    text = "Ralston reported a 47% decline in fourth-quarter earnings, from $84 million a year earlier."
    assert found(text, "1989-11-02")["a year earlier"] == ("DATE", "1988-Q4")


def test_the_latest_period_is_the_quarter_just_named():
    text = "National Steel posted net income for the fiscal second-quarter. The latest period included gains."
    assert found(text, "1989-10-26")["The latest period"] == ("DATE", "1989-Q2")
    assert found("The latest period included gains.", "1989-10-26")["The latest period"] == ("DATE", "1989-Q3")


def test_soon_is_a_future_reference_only_next_to_a_modal():
    assert found("Prosecutors may soon seek an indictment.") == {"soon": ("DATE", "FUTURE_REF")}
    assert found("It soon will begin selling boxes.") == {"soon": ("DATE", "FUTURE_REF")}
    assert found("He was released soon after his arrest.") == {}
    assert found("They will leave as soon as the talks end.") == {}


def test_the_night_of_a_date_leaves_the_part_of_day_to_the_date():
    got = found("He was shot to death on the night of Oct. 23 in his kitchen.", "1998-11-21")
    assert got == {"Oct. 23": ("DATE", "1998-10-23")}
    got = found("Police arrested him in the early hours of Thursday morning.", "1999-10-08")
    assert "the early hours" not in got
    assert "the first hours" in found("Prisoners were taken in the first hours of the ground war.")


def test_until_a_weekday_before_a_past_perfect_looks_back():
    assert found("Until Thursday, they had not called him a suspect.", "1999-05-07") == {"Thursday": ("DATE", "1999-05-06")}
    assert found("The offer runs until Thursday.", "1999-05-07") == {"Thursday": ("DATE", "1999-05-13")}


def test_one_day_after_a_modal_is_a_future_reference():
    assert found("Islam will one day be the second largest religion.") == {"one day": ("DATE", "FUTURE_REF")}
    assert found("The strike lasted one day.") == {"one day": ("DURATION", "P1D")}


def test_the_corresponding_period_last_year_is_the_quarter_a_year_back():
    text = "Net rose in the third quarter, compared with $1.8 million for the corresponding period last year."
    assert found(text, "1989-11-01")["the corresponding period last year"] == ("DATE", "1988-Q3")
    text = "Third-quarter sales fell. U.K. sales for last year's quarter were $3 million."
    assert found(text, "1989-11-01")["last year's quarter"] == ("DATE", "1988-Q3")


def test_holiday_week_is_the_week_of_the_holiday():
    assert found("Protesters prayed as Easter week began.", "2000-04-17") == {"Easter week": ("DATE", "2000-W16")}
    assert found("Sales slowed in Christmas week 1998.") == {"Christmas week 1998": ("DATE", "1998-W52")}


def test_first_two_quarters_of_a_year_is_its_first_half():
    got = found("Losses will last through at least the first two quarters of 1990.", "1989-10-26")
    assert got == {"the first two quarters of 1990": ("DATE", "1990-H1")}
    assert found("Profit rose in the first two quarters.")["the first two quarters"] == ("DURATION", "P2Q")


def test_the_march_of_is_a_march_not_the_month():
    assert found("He was at the head of the ``March of the Combatant Mothers.''") == {}
    assert found("Elections are due in March.")["March"][0] == "DATE"


def test_a_quarter_described_in_passing_does_not_become_the_reported_one():
    text = ("Kimberly-Clark posted a 20% gain in third-quarter net income. After a flat second quarter, "
            "sales rose. In the 1989 period, interest expense was lower than a year ago.")
    got = found(text, "1989-11-01")
    assert got["second quarter"] == ("DATE", "1989-Q2")
    assert got["the 1989 period"] == ("DATE", "1989-Q3")
    assert got["a year ago"] == ("DATE", "1988-Q3")


@pytest.mark.parametrize("opening", ["MOSCOW, Feb. 21 (Reuters) - ", "MOSCOW, Feb. 21 (Reuters) --\n\n"])
def test_the_date_of_a_dateline_is_the_publication_time(opening):
    timexes = find_timexes(opening + "Russia and Pakistan met on Tuesday.", "2018-02-21")
    assert [(t.text, t.value, t.function) for t in timexes] == [
        ("Feb. 21", "2018-02-21", "PUBLICATION_TIME"), ("Tuesday", "2018-02-20", None)]
    assert [t.function for t in find_timexes("The talks of Feb. 21 went well.", "2018-02-21")] == [None]
