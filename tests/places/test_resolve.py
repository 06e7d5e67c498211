"""Resolver: context decides between same-name places; weak evidence gives no place (no parser needed)."""

from collections import Counter

from tacitus.places.gazetteer import Candidate, Reading, default_gazetteer
from tacitus.places.resolve import MIN_CONFIDENCE, Context, resolve


def city(id, country, population, admin1=None, capital=False):
    return Candidate(id=id, name=id, country=country, lat=0.0, lon=0.0, feature="city", population=population,
                     admin1=admin1, capital=capital)


HYD_IND = city("hyd-ind", "IND", 6_993_262, "IN.40")
HYD_PAK = city("hyd-pak", "PAK", 1_921_275, "PK.05")
PARIS_FR = city("paris-fr", "FRA", 2_138_551, "FR.11", capital=True)
PARIS_TX = city("paris-tx", "USA", 24_782, "US.TX")


def test_hyderabad_follows_the_story_country():
    readings = [Reading(HYD_IND), Reading(HYD_PAK)]
    assert resolve(readings, Context()).candidate is HYD_IND
    pakistani = Context(countries=Counter({"PAK": 6, "IND": 1}))
    assert resolve(readings, pakistani).candidate is HYD_PAK


def test_an_american_story_keeps_paris_in_france():
    readings = [Reading(PARIS_FR), Reading(PARIS_TX)]
    assert resolve(readings, Context(countries=Counter({"USA": 10}))).candidate is PARIS_FR


def test_a_qualifier_or_the_state_named_in_the_story_moves_paris_to_texas():
    readings = [Reading(PARIS_FR), Reading(PARIS_TX)]
    assert resolve(readings, Context(), qualifier={"USA", "US.TX"}).candidate is PARIS_TX
    story = Context(countries=Counter({"USA": 3}), admin1=Counter({"US.TX": 1}))
    assert resolve(readings, story).candidate is PARIS_TX


def test_a_small_place_without_support_in_the_story_stays_unresolved():
    village = city("nato-ph", "PHL", 5583)
    assert resolve([Reading(village)], Context(countries=Counter({"USA": 3}))) is None
    found = resolve([Reading(village)], Context(countries=Counter({"PHL": 1})))
    assert found is not None and found.confidence >= MIN_CONFIDENCE


def test_two_equal_readings_give_no_answer():
    a, b = city("a", "AAA", 100_000), city("b", "BBB", 100_000)
    assert resolve([Reading(a), Reading(b)], Context()) is None


def test_an_old_name_yields_to_the_place_that_bears_it_now():
    g = default_gazetteer()
    found = resolve(g.lookup("Islamabad"), Context())
    assert (found.candidate.name, found.candidate.country) == ("Islamabad", "PAK")


def test_georgia_the_country_unless_the_story_is_among_us_states():
    g = default_gazetteer()
    assert resolve(g.lookup("Georgia"), Context()).candidate.country == "GEO"
    us = Context(countries=Counter({"USA": 5}), admin1=Counter({"US.AL": 1, "US.FL": 1}))
    found = resolve(g.lookup("Georgia"), us)
    assert (found.candidate.country, found.candidate.feature) == ("USA", "admin1")


def test_a_city_beats_the_admin_area_named_after_it():
    g = default_gazetteer()
    for name, country in (("Moscow", "RUS"), ("Baghdad", "IRQ"), ("Kuala Lumpur", "MYS")):
        found = resolve(g.lookup(name), Context())
        assert (found.candidate.feature, found.candidate.country) == ("city", country), name


def test_first_level_areas_come_with_a_point():
    g = default_gazetteer()
    found = resolve(g.lookup("Sindh"), Context())
    assert found.candidate.id == "PK.05" and 23 < found.candidate.lat < 29 and 66 < found.candidate.lon < 72


def test_unknown_names_have_no_reading():
    assert default_gazetteer().lookup("Qwzxv") == []


def test_several_places_of_one_country_give_the_country():
    g = default_gazetteer()
    towns = [Reading(city(f"s{i}", "USA", 150_000 - 10_000 * i)) for i in range(4)]
    story = Context(countries=Counter({"USA": 4}))
    assert resolve(towns, story) is None
    found = resolve(towns, story, country_of=g.country)
    assert (found.candidate.feature, found.candidate.country) == ("country", "USA")
    assert found.confidence >= MIN_CONFIDENCE


def test_no_country_fallback_for_small_places_the_story_never_mentions():
    g = default_gazetteer()
    towns = [Reading(city("a", "PHL", 6000)), Reading(city("b", "PHL", 5000))]
    assert resolve(towns, Context(countries=Counter({"USA": 3})), country_of=g.country) is None
