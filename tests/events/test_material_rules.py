"""Material codes (06-08, 14-20) on whole sentences through the real pipeline: the means of an attack,
prepositions on the object, nominal adjectives, quantities, and the sub-codes their domains decide."""

import pytest

from tacitus import article_from_text
from tacitus.events.evaluate import evaluation_pipeline, pick_event


@pytest.fixture(scope="module")
def top():
    pipeline = evaluation_pipeline()

    def code(text: str) -> str | None:
        [article] = pipeline.pipe([article_from_text(text, id="t", published=None)])
        event = pick_event(article)
        return event.cameo if event else None

    return code


@pytest.mark.parametrize("text, expected", [
    # The means of a killing or wounding decide the sub-code.
    ("Two policemen were killed when a car bomb went off outside the ministry in Kabul.", "1832"),
    ("A roadside bomb killed three soldiers near Kandahar on Monday.", "1833"),
    ("A US drone strike killed four militants in North Waziristan.", "1952"),
    ("Rebels wounded five soldiers in a bomb blast near the barracks on Friday.", "183"),
    # What happened before is not how it was done.
    ("Indian border guards shot dead two militants on Monday after a failed grenade attack on a police post.", "1823"),
    # A preposition on the object, not the verb: "launched ... fire against".
    ("Government forces launched heavy artillery fire against rebel positions near the town.", "194"),
    # Light verbs with "in": the noun is the event.
    ("Militias engaged in ethnic cleansing in the north of the province, the report said.", "203"),
    # Ending one's own strike; opening borders; being put on alert.
    ("The miners' union called off its strike after talks with the employers.", "082"),
    ("Troops remained on high alert along the border with Pakistan.", "152"),
    # Reductions of material aid, by kind.
    ("Washington suspended part of its military aid program for Egypt.", "1622"),
    # Forcing people or agencies out.
    ("Soldiers forced thousands of villagers out of their homes in the valley.", "201"),
    ("The junta forced the UN refugee agency out of the country.", "1663"),
    # Destruction of infrastructure and property.
    ("Insurgents blew up two power lines leading into the capital.", "1712"),
    ("Settlers set fire to a mosque in the village overnight.", "1712"),
    ("Police prevented a rally by opposition supporters in the capital.", "170"),
    ("Border guards sexually abused migrants held at the camp, a rights group said.", "1821"),
    # Modifiers of the subject count for the means even far from the verb.
    ("Recent American Predator strikes on compounds in the tribal areas have killed six commanders.", "1952"),
    ("The army mounted a large invasion of the northern provinces.", "190"),
    ("The regime has recruited hundreds of hackers to attack foreign networks.", "155"),
    ("Red Cross teams evacuated the injured from the shelled town.", "073"),
    ("Turkey reopened the border crossing to allow deliveries of food and medicine.", "0863"),
])
def test_material_sub_codes(top, text, expected):
    assert top(text) == expected


def test_a_nominal_adjective_is_no_trigger(top):
    # "the wounded" names people; it does not report a wounding.
    assert top("Medics evacuated the wounded from the shelled village by helicopter.") != "182"


def test_an_adjective_modifying_a_noun_is_no_trigger(top):
    # "free trade" is not a release.
    assert top("Chile and Peru signed a free trade agreement on Monday.") not in ("084", "0841")


def _pairs(text):
    [article] = evaluation_pipeline().pipe([article_from_text(text, id="t", published=None)])
    return {(e.cameo, e.source.actor.code if e.source else None, e.target.actor.code if e.target else None)
            for e in article.events}


def test_a_ceasefire_agreed_by_two_sides_runs_both_ways():
    pairs = _pairs("Armenia and Azerbaijan agreed to a ceasefire on Sunday.")
    assert {(c, s, t) for c, s, t in pairs if s and t} >= {("0356", "ARM", "AZE"), ("0356", "AZE", "ARM")}


def test_a_truce_brokered_between_two_sides_targets_both():
    pairs = _pairs("Egypt brokered a truce between Israel and Lebanon.")
    assert {("045", "EGY", "ISR"), ("045", "EGY", "LBN")} <= pairs
    assert {("0871", "ISR", "LBN"), ("0871", "LBN", "ISR")} <= pairs


@pytest.mark.parametrize("text, not_codes", [
    ("The Hang Seng index of Chinese shares rose 44 points to close at 4,979 on Tuesday, the exchange said.", ("172",)),
    ("The bank added $227 million to its reserves, increasing general reserves to $300 million.", ("154",)),
    ("Opposition supporters will hang Lebanese flags on the two main squares of the capital.", ("1823", "1383")),
    ("North Korea, hit by worsening food shortages, asked China for more rice.", ("190",)),
    ("Three more students fled the school in Maiduguri, the police said.", ("0874",)),
    ("Syrian volunteers gave thousands of their lives to the fight against the Islamic State.", ("080",)),
    ("The Kurds in Syria fear an attack by Turkey once US troops leave.", ("190",)),
    ("Britain gave the chemical weapons watchdog in The Hague new powers.", ("2041",)),
    ("Ankara has quietly engaged the Kurdish party in talks.", ("190",)),
    ("The Slovenian central bank will put into circulation one billion euros in January.", ("173", "137")),
    ("Cabinet papers released by the National Archives in London show the plan.", ("084", "0841", "0842")),
    ("The Sinn Fein administrator turned out to be a British agent, the Irish government said.", ("120", "121", "1212")),
    # What someone is accused or arrested for is alleged, not reported as happening.
    ("Five US marines have been accused of raping a Filipino woman.", ("1821",)),
    ("Police arrested two Syrian men for killing a German tourist.", ("1823",)),
])
def test_everyday_senses_of_force_words_are_no_events(text, not_codes):
    assert not {c for c, s, _ in _pairs(text) if s} & set(not_codes)


def test_a_reduced_passive_takes_its_agent_as_source_and_its_noun_as_target():
    pairs = _pairs("Residents fled the village attacked by Serbian forces on Monday.")
    assert any(c == "190" and s and s.startswith("SRB") for c, s, _ in pairs)


def test_struck_with_an_object_is_an_attack_and_without_one_a_strike():
    strikes = {"143", "1431", "1432", "1433", "1434"}
    assert strikes & {c for c, _, _ in _pairs("Teachers in Nairobi struck for higher pay on Monday.")}
    codes = {c for c, _, _ in _pairs("US cruise missiles struck two camps in Afghanistan, the Pentagon said.")}
    assert not strikes & codes


def test_an_awareness_campaign_is_no_attack():
    codes = {c for c, s, _ in _pairs("The Kenyan government has launched a nationwide awareness campaign on AIDS.") if s}
    assert "190" not in codes


def test_a_place_modifying_an_attack_is_what_was_hit():
    [article] = evaluation_pipeline().pipe([article_from_text(
        "The embassy bombings in Nairobi killed 247 people.", id="t", published=None)])
    bombings = [e for e in article.events if e.cameo.startswith("183")]
    assert bombings and all(e.source is None or e.source.text.lower() != "embassy" for e in bombings)


def test_a_threatened_bombing_carried_by_a_light_verb_is_a_threat_not_a_bombing():
    codes = {c for c, s, _ in _pairs("Al-Shabaab threatened to carry out more suicide bombings in Nairobi.") if s}
    assert "1383" in codes
    assert not {"183", "1831"} & codes


def test_those_who_fight_alongside_someone_do_not_fight_each_other():
    pairs = _pairs("US troops and British special forces have fought alongside Kurdish fighters.")
    assert not {(s, t) for c, s, t in pairs if c == "190" and s and t} & {("USAMIL", "GBRMIL"), ("GBRMIL", "USAMIL")}


def test_information_given_runs_one_way_and_information_shared_both_ways(pipeline):
    def dyads(text):
        article = pipeline(article_from_text(text, id="t", published="2018-02-21"))
        return {(e.source.actor.code, e.target.actor.code) for e in article.events if e.cameo == "064" and e.target}

    assert dyads("The United States provided intelligence to Pakistan.") == {("USA", "PAK")}
    assert dyads("Russia shared intelligence with Turkey.") == {("RUS", "TUR"), ("TUR", "RUS")}


def test_a_wire_dateline_is_not_the_subject_of_the_first_sentence(pipeline):
    for text in ("MOSCOW, Feb. 21 (Reuters) - Pakistan and Russia signed a defence pact on Tuesday.",
                 "NEW YORK (AP) _ Iran criticized Israel on Tuesday."):
        article = pipeline(article_from_text(text, id="t", published="2018-02-21"))
        assert article.events, text
        assert all(e.source.actor.country in ("PAK", "RUS", "IRN") for e in article.events)
