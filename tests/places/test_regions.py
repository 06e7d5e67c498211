"""Named regions (regions.csv): islands, peninsulas, disputed territories and other non-city places."""

from collections import Counter

import pytest

from tacitus import Article
from tacitus.errors import ModelError
from tacitus.ingest.dateline import find_dateline
from tacitus.places.gazetteer import (
    FEATURE_CITY, FEATURE_REGION, REGION_COLUMNS, REGION_KINDS, _read_text, default_gazetteer, parse_regions,
)
from tacitus.places.resolve import Context, resolve

HEADER = ",".join(REGION_COLUMNS) + "\n"


def test_the_table_loads_with_every_row_checked():
    g = default_gazetteer()
    regions = parse_regions("regions.csv", _read_text(("places",), "regions.csv"), set(g._countries))
    assert len(regions) >= 150
    assert all(r.feature == FEATURE_REGION and r.kind in REGION_KINDS and r.lat is not None for r in regions)
    assert len({r.id for r in regions}) == len(regions)


@pytest.mark.parametrize("name, country", [
    ("Sinai", "EGY"), ("Donbas", "UKR"), ("Golan Heights", "SYR"), ("Darfur", "SDN"), ("Mindanao", "PHL"),
    ("Sumatra", "IDN"), ("Kashmir", "IND"), ("Nagorno-Karabakh", "AZE"), ("Ogaden", "ETH"), ("Casamance", "SEN"),
    ("Iraqi Kurdistan", "IRQ"), ("Strait of Hormuz", "IRN"),
])
def test_a_region_resolves_to_its_country(name, country):
    g = default_gazetteer()
    found = resolve(g.lookup(name), Context(), country_of=g.country)
    assert found is not None and found.candidate.feature == FEATURE_REGION
    assert found.candidate.country == country and found.confidence >= 0.99
    assert g.region(name) is found.candidate and found.candidate.lat is not None


def test_a_city_of_the_same_name_wins_unless_the_story_says_otherwise():
    g = default_gazetteer()
    # Jammu the city over Jammu the region, whatever the story.
    jammu = resolve(g.lookup("Jammu"), Context(countries=Counter({"IND": 3})))
    assert jammu.candidate.feature == FEATURE_CITY and jammu.candidate.country == "IND"
    # Cornwall: the Ontario town in a Canadian story, the English county in a British one.
    canadian = resolve(g.lookup("Cornwall"), Context(countries=Counter({"CAN": 5})))
    assert canadian.candidate.feature == FEATURE_CITY and canadian.candidate.country == "CAN"
    british = resolve(g.lookup("Cornwall"), Context(countries=Counter({"GBR": 5})))
    assert british.candidate.feature == FEATURE_REGION and british.candidate.country == "GBR"


def test_a_region_its_own_country_already_names_as_an_area_is_not_duplicated():
    g = default_gazetteer()
    assert [r.candidate.feature for r in g.lookup("Balochistan")] == ["admin1"]
    assert {r.candidate.feature for r in g.lookup("Punjab")} == {"admin1"}


@pytest.mark.parametrize("row, why", [
    ("Sinai,,EGX,29.5,33.8,peninsula", "unknown ISO3 country"),
    ("Sinai,,EGY,north,33.8,peninsula", "not numbers"),
    ("Sinai,,EGY,129.5,33.8,peninsula", "out of range"),
    ("Sinai,,EGY,29.5,33.8,plateau", "unknown kind"),
    (",,EGY,29.5,33.8,peninsula", "empty name"),
    ("Sinai,,EGY,29.5,33.8", "fields where"),
])
def test_a_bad_row_raises_a_coded_error_with_its_line(row, why):
    with pytest.raises(ModelError) as bad:
        parse_regions("regions.csv", "# note\n" + HEADER + "Darfur,,SDN,13.5,24.0,region\n" + row + "\n", {"EGY", "SDN"})
    assert bad.value.code == "E202" and why in str(bad.value) and "regions.csv" in str(bad.value)
    assert bad.value.line == 3


def test_a_name_on_two_rows_and_a_wrong_header_are_errors():
    with pytest.raises(ModelError) as twice:
        parse_regions("regions.csv", HEADER + "Sinai,,EGY,29.5,33.8,peninsula\nSinai Peninsula,Sinai,EGY,29,33,peninsula\n",
                      {"EGY"})
    assert twice.value.code == "E202" and "already on line 2" in str(twice.value)
    with pytest.raises(ModelError):
        parse_regions("regions.csv", "name,country\n", {"EGY"})


def test_an_event_in_a_region_is_located_there(pipeline):
    text = "CAIRO: Egyptian troops clashed with militants in Sinai on Monday, the army said."
    article = pipeline(Article(id="t", text=text, published="2020-01-01", dateline=find_dateline(text)))
    sinai = [p for p in article.places if p.text == "Sinai"]
    assert sinai and (sinai[0].country, sinai[0].feature) == ("EGY", FEATURE_REGION) and sinai[0].confidence > 0.9
    located = [e for e in article.events if e.location is not None and e.location.name == "Sinai"]
    assert located and all(e.location.country == "EGY" for e in located)
