"""The places stage and event location on parsed text, and the Dawn check (skipped without ../shared)."""

import pytest

from tacitus import Article
from tacitus.ingest.dateline import find_dateline


def code(pipeline, text, published="2020-01-01"):
    article = Article(id="t", text=text, published=published, dateline=find_dateline(text))
    return pipeline(article)


def places(article):
    return {p.text: (p.name, p.country, p.feature) for p in article.places}


def test_toponyms_resolved_with_spans(pipeline):
    article = code(pipeline, "Protesters marched in Karachi and Lahore on Sunday, police in Pakistan said.")
    found = {p.text: p for p in article.places}
    assert found["Karachi"].country == "PAK" and found["Lahore"].country == "PAK"
    karachi = found["Karachi"]
    assert article.text[karachi.start:karachi.end] == "Karachi"
    assert 24 < karachi.lat < 26 and 66 < karachi.lon < 68 and 0.5 <= karachi.confidence <= 1


def test_paris_texas(pipeline):
    article = code(pipeline, "A tornado struck Paris, Texas, on Monday, the governor of Texas said.")
    assert places(article)["Paris"][1] == "USA"
    article = code(pipeline, "The French president met protesters in Paris on Monday.")
    assert places(article)["Paris"][1] == "FRA"


def test_dateline_resolved_with_its_region(pipeline):
    article = code(pipeline, "KABUL, Afghanistan — Gunmen attacked a checkpoint on Monday, officials said.")
    assert (article.dateline.name, article.dateline.country, article.dateline.feature) == ("Kabul", "AFG", "city")
    assert article.dateline.confidence > 0.9


def test_event_in_a_named_city_is_located_there(pipeline):
    article = code(pipeline, "ISLAMABAD: Pakistan and China held talks in Beijing on Monday.")
    talks = [e for e in article.events if e.cameo.startswith("04")]
    assert talks and all(e.location is not None and e.location.name == "Beijing" for e in talks)


def test_event_without_a_place_falls_back_to_the_dateline(pipeline):
    article = code(pipeline, "ISLAMABAD: Pakistan condemned India on Monday.")
    assert article.events
    assert all(e.location.name == "Islamabad" and e.location.country == "PAK" for e in article.events)
    assert all(e.location.confidence < article.dateline.confidence for e in article.events)


def test_unresolvable_attached_place_gives_no_location(pipeline):
    article = code(pipeline, "ISLAMABAD: Pakistan and China held talks in Zqxvtown on Monday.")
    talks = [e for e in article.events if e.cameo.startswith("04")]
    if not any(p.text == "Zqxvtown" for p in article.places):
        pytest.skip("the parser did not read Zqxvtown as a place")
    assert talks and all(e.location is None for e in talks)


def test_dawn_talks_in_moscow_and_dateline_islamabad(dawn):
    dateline = dawn["dateline"]
    assert (dateline["name"], dateline["country"], dateline["feature"]) == ("Islamabad", "PAK", "city")
    assert 33 < dateline["lat"] < 34 and 72.5 < dateline["lon"] < 73.5
    talks = [e for e in dawn["events"] if e["cameo_root"] == "04" and e["trigger"]["text"] == "talks"
             and {e["source"]["country"], (e["target"] or {}).get("country")} == {"PAK", "RUS"}]
    assert talks
    for event in talks:
        assert (event["location"]["name"], event["location"]["country"]) == ("Moscow", "RUS")


def test_dawn_places_have_countries(dawn):
    named = {p["text"]: p["country"] for p in dawn["places"] if p["country"]}
    assert named["Moscow"] == "RUS" and named["Pakistan"] == "PAK" and named["Afghanistan"] == "AFG"


def test_area_and_town_words_choose_the_kind_of_place(pipeline):
    article = code(pipeline, "Shelling hit villages in Idlib province, and residents fled to the city of Idlib.")
    kinds = [(p.text, p.feature) for p in article.places if p.country == "SYR"]
    assert ("Idlib province", "admin1") in kinds or ("Idlib", "admin1") in kinds
    assert kinds[-1] == ("Idlib", "city")


def test_a_caption_line_with_its_own_dateline_locates_its_events(pipeline):
    text = ("MOSCOW: Pakistan's foreign minister met his Russian counterpart on Tuesday.—Reuters\n"
            "ISLAMABAD: Pakistan and Russia on Tuesday announced a commission for military cooperation.")
    article = code(pipeline, text)
    assert article.dateline.name == "Islamabad"
    caption = [e for e in article.events if e.trigger.start < text.index("\n")]
    assert caption and all(e.location.name == "Moscow" for e in caption)


def test_a_country_word_before_an_object_is_not_the_event_location(pipeline):
    article = code(pipeline, "Netanyahu helped convince US president Donald Trump to pull out of the deal.")
    assert article.events and all(e.location is None for e in article.events)


def test_a_place_compounded_with_the_trigger_locates_it(pipeline):
    article = code(pipeline, "The Moscow talks between Pakistan and Russia ended on Tuesday.")
    talks = [e for e in article.events if e.trigger.text == "talks"]
    if not talks:
        pytest.skip("the coder found no talks event")
    assert all(e.location.name == "Moscow" for e in talks)


def test_a_dateline_is_a_city_even_where_a_territory_shares_its_name(pipeline):
    article = code(pipeline, "GAZA: Hamas said on Monday that talks with Egypt would resume next week.")
    assert (article.dateline.country, article.dateline.feature) == ("PSE", "city")


def test_an_article_without_places(pipeline):
    article = code(pipeline, "The committee met on Monday and approved the budget.")
    assert article.places == [] and all(e.location is None for e in article.events)


def test_events_of_a_long_article_coded_in_chunks_point_at_the_dateline():
    from tacitus import Pipeline

    paragraph = "Pakistan condemned India on Monday after the talks were cancelled by both governments.\n"
    text = "ISLAMABAD: " + paragraph * 40
    article = Article(id="long", text=text, published="2020-01-01", dateline=find_dateline(text))
    coded = Pipeline(chunk_chars=1000)(article)
    assert coded.dateline.country == "PAK"
    located = [e.location for e in coded.events if e.location is not None]
    assert located and any(e.trigger.start > 1000 for e in coded.events)
    for place in located:
        assert coded.text[place.start:place.end] == place.text == "ISLAMABAD"


@pytest.mark.parametrize("text, name, country, feature", [
    ("Pakistan's ruling party held a rally in Karachi on Sunday and another in Hyderabad on Monday.",
     "Hyderabad", "PAK", "city"),
    ("India's prime minister opened a metro line in Bangalore and then flew to Hyderabad on Monday.",
     "Hyderabad", "IND", "city"),
    ("Voters in Alabama and Georgia went to the polls on Tuesday in closely watched US Senate races.",
     "Georgia", "USA", "admin1"),
    ("Russian troops remain in two breakaway regions of Georgia, officials in Tbilisi said on Monday.",
     "Georgia", "GEO", "country"),
])
def test_context_decides_between_places_of_one_name(pipeline, text, name, country, feature):
    found = [(p.country, p.feature) for p in code(pipeline, text).places if p.text == name]
    assert found == [(country, feature)]


@pytest.mark.parametrize("text, name", [
    ("Afghan forces clashed with Taliban fighters near Kabul on Monday.", "Kabul"),
    ("Pakistani troops attacked Iranian guards on the border with Iran on Monday.", "Iran"),
    ("ISLAMABAD: Pakistani troops attacked militants in the northern city of Peshawar on Monday.", "Peshawar"),
])
def test_the_place_attached_to_the_trigger(pipeline, text, name):
    article = code(pipeline, text)
    assert article.events and all(e.location is not None and e.location.name == name for e in article.events)
