"""Concessions, intentions and obligations: what is asked, promised or owed takes the code of the act
(hand-built parses, so the parser is not under test)."""

from tacitus.events.coder import MentionIndex, match_sentence
from tacitus.events.lexicon import default_lexicon

from .docs import code, parse


def test_demanding_that_a_state_forsake_its_nuclear_program_is_a_demand_to_yield():
    rows = [("America", "America", "PROPN", "nsubj", 1), ("demanded", "demand", "VERB", "ROOT", 1),
            ("that", "that", "SCONJ", "mark", 4), ("Korea", "Korea", "PROPN", "nsubj", 4),
            ("forsake", "forsake", "VERB", "ccomp", 1), ("its", "its", "PRON", "poss", 7),
            ("nuclear", "nuclear", "ADJ", "amod", 7), ("program", "program", "NOUN", "dobj", 4)]
    assert code(rows, {0: "USA", 3: "PRK"}) == [("105", "USA", "PRK")]


def test_a_speaker_saying_someone_needs_to_act_is_an_appeal():
    rows = [("Bush", "Bush", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
            ("Japan", "Japan", "PROPN", "nsubj", 3), ("needs", "need", "VERB", "ccomp", 1),
            ("to", "to", "PART", "aux", 5), ("resign", "resign", "VERB", "xcomp", 3)]
    assert code(rows, {0: "USAGOV", 2: "JPN"}) == [("0241", "USAGOV", "JPN")]


def test_agreeing_to_resign_is_an_intent_to_change_leadership():
    rows = [("Akayev", "Akayev", "PROPN", "nsubj", 1), ("agreed", "agree", "VERB", "ROOT", 1),
            ("to", "to", "PART", "aux", 3), ("resign", "resign", "VERB", "xcomp", 1)]
    assert code(rows, {0: "KGZGOV"}) == [("0341", "KGZGOV", None)]


def test_offering_to_hand_over_suspects_is_an_intent_of_judicial_cooperation():
    rows = [("Libya", "Libya", "PROPN", "nsubj", 1), ("offered", "offer", "VERB", "ROOT", 1),
            ("to", "to", "PART", "aux", 3), ("hand", "hand", "VERB", "xcomp", 1),
            ("over", "over", "ADP", "prt", 3), ("the", "the", "DET", "det", 6),
            ("suspects", "suspect", "NOUN", "dobj", 3)]
    assert code(rows, {0: "LBY"}) == [("0313", "LBY", None)]


def test_offering_concessions_is_an_intent_to_yield():
    rows = [("Moscow", "Moscow", "PROPN", "nsubj", 1), ("offered", "offer", "VERB", "ROOT", 1),
            ("concessions", "concession", "NOUN", "dobj", 1)]
    assert code(rows, {0: "RUS"}) == [("035", "RUS", None)]


def test_accepting_a_formula_to_end_a_dispute_is_an_intent_to_settle():
    rows = [("Denmark", "Denmark", "PROPN", "nsubj", 1), ("accepted", "accept", "VERB", "ROOT", 1),
            ("a", "a", "DET", "det", 3), ("formula", "formula", "NOUN", "dobj", 1),
            ("for", "for", "ADP", "prep", 3), ("ending", "end", "VERB", "pcomp", 4),
            ("the", "the", "DET", "det", 7), ("dispute", "dispute", "NOUN", "dobj", 5)]
    assert code(rows, {0: "DNK"}) == [("037", "DNK", None)]


def test_accusing_someone_of_violating_a_ceasefire_is_an_accusation_of_aggression():
    rows = [("Sudan", "Sudan", "PROPN", "nsubj", 1), ("accused", "accuse", "VERB", "ROOT", 1),
            ("rebels", "rebel", "NOUN", "dobj", 1), ("of", "of", "ADP", "prep", 1),
            ("violating", "violate", "VERB", "pcomp", 3), ("a", "a", "DET", "det", 6),
            ("ceasefire", "ceasefire", "NOUN", "dobj", 4)]
    assert [c[0] for c in code(rows, {0: "SDN", 2: "SDNREB"})] == ["1123"]


def test_wanting_someone_else_to_pay_compensation_is_an_appeal_to_yield():
    rows = [("Sharon", "Sharon", "PROPN", "nsubj", 1), ("wants", "want", "VERB", "ROOT", 1),
            ("Germany", "Germany", "PROPN", "nsubj", 4), ("to", "to", "PART", "aux", 4),
            ("pay", "pay", "VERB", "ccomp", 1), ("compensation", "compensation", "NOUN", "dobj", 4)]
    assert code(rows, {0: "ISRGOV", 2: "DEU"}) == [("025", "ISRGOV", "DEU")]


def test_saying_someone_must_be_ready_to_mediate_is_a_demand_to_mediate():
    rows = [("Egypt", "Egypt", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
            ("America", "America", "PROPN", "nsubj", 4), ("must", "must", "AUX", "aux", 4),
            ("be", "be", "AUX", "ccomp", 1), ("ready", "ready", "ADJ", "acomp", 4),
            ("to", "to", "PART", "aux", 7), ("mediate", "mediate", "VERB", "xcomp", 5)]
    assert ("108", "EGY", "USA") in code(rows, {0: "EGY", 2: "USA"})


def test_pressuring_workers_to_call_off_a_strike_is_a_demand_to_end_dissent():
    rows = [("Police", "police", "NOUN", "nsubj", 1), ("pressured", "pressure", "VERB", "ROOT", 1),
            ("workers", "worker", "NOUN", "dobj", 1), ("to", "to", "PART", "aux", 4),
            ("call", "call", "VERB", "xcomp", 1), ("off", "off", "ADP", "prt", 4),
            ("the", "the", "DET", "det", 7), ("strike", "strike", "NOUN", "dobj", 4)]
    assert [c[0] for c in code(rows, {0: "INDCOP", 2: "INDLAB"})] == ["1052"]


def test_being_committed_to_opening_the_economy_is_an_intent_to_cooperate_economically():
    rows = [("Vietnam", "Vietnam", "PROPN", "nsubjpass", 2), ("is", "be", "AUX", "auxpass", 2),
            ("committed", "commit", "VERB", "ROOT", 2), ("to", "to", "ADP", "prep", 2),
            ("opening", "open", "VERB", "pcomp", 3), ("up", "up", "ADP", "prt", 4),
            ("the", "the", "DET", "det", 7), ("economy", "economy", "NOUN", "dobj", 4)]
    doc, mentions = parse(rows, {0: "VNM"})
    # The subject of a gerund after a preposition is not reached yet: checked without a coded source.
    found = match_sentence(doc[:], default_lexicon(), MentionIndex(mentions), require_source=False)
    assert [c.code[:2] for c in found] == ["03"]


def test_offering_to_send_troops_is_an_offer_of_military_aid_not_a_threat():
    rows = [("Australia", "Australia", "PROPN", "nsubj", 1), ("offered", "offer", "VERB", "ROOT", 1),
            ("to", "to", "PART", "aux", 3), ("send", "send", "VERB", "xcomp", 1),
            ("troops", "troop", "NOUN", "dobj", 3), ("to", "to", "ADP", "prep", 3),
            ("Manila", "Manila", "PROPN", "pobj", 5)]
    assert [c[0] for c in code(rows, {0: "AUS", 6: "PHL"})] == ["0332"]


def test_establishing_diplomatic_ties_is_recognition():
    rows = [("Myanmar", "Myanmar", "PROPN", "nsubj", 1), ("established", "establish", "VERB", "ROOT", 1),
            ("ties", "tie", "NOUN", "dobj", 1), ("with", "with", "ADP", "prep", 1),
            ("Seychelles", "Seychelles", "PROPN", "pobj", 3)]
    assert ("054", "MMR", "SYC") in code(rows, {0: "MMR", 4: "SYC"})


def test_agreeing_to_a_ceasefire_is_one_event_not_two():
    rows = [("Turkey", "Turkey", "PROPN", "nsubj", 1), ("agreed", "agree", "VERB", "ROOT", 1),
            ("to", "to", "ADP", "prep", 1), ("a", "a", "DET", "det", 4),
            ("ceasefire", "ceasefire", "NOUN", "pobj", 2)]
    assert code(rows, {0: "TUR"}) == [("0356", "TUR", None)]


def test_agreeing_to_an_extension_of_a_peacekeeping_force_is_an_intent_to_send_peacekeepers():
    rows = [("Cyprus", "Cyprus", "PROPN", "nsubj", 1), ("agreed", "agree", "VERB", "ROOT", 1),
            ("to", "to", "ADP", "prep", 1), ("an", "an", "DET", "det", 4),
            ("extension", "extension", "NOUN", "pobj", 2), ("of", "of", "ADP", "prep", 4),
            ("the", "the", "DET", "det", 8), ("peacekeeping", "peacekeeping", "NOUN", "compound", 8),
            ("force", "force", "NOUN", "pobj", 5)]
    assert code(rows, {0: "CYP"}) == [("0334", "CYP", None)]


def test_conceding_defeat_is_yielding_not_admitting():
    rows = [("Guimaraes", "Guimaraes", "PROPN", "nsubj", 1), ("conceded", "concede", "VERB", "ROOT", 1),
            ("defeat", "defeat", "NOUN", "dobj", 1)]
    assert code(rows, {0: "BRAPTY"}) == [("080", "BRAPTY", None)]


def test_announcing_aid_is_giving_it_and_burning_a_flag_is_no_commemoration():
    rows = [("EU", "EU", "PROPN", "nsubj", 1), ("announced", "announce", "VERB", "ROOT", 1),
            ("humanitarian", "humanitarian", "ADJ", "amod", 3), ("assistance", "assistance", "NOUN", "dobj", 1)]
    assert [c[0] for c in code(rows, {0: "EUR"})] == ["073"]
    rows = [("Protesters", "protester", "NOUN", "nsubj", 1), ("burned", "burn", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3), ("flag", "flag", "NOUN", "dobj", 1)]
    assert [c[0] for c in code(rows, {0: "SRBOPP"})] != ["017"]


def test_agreeing_upon_a_pact_is_an_intention_by_domain():
    rows = [("Jordan", "Jordan", "PROPN", "nsubj", 1), ("agreed", "agree", "VERB", "ROOT", 1),
            ("upon", "upon", "ADP", "prep", 1), ("a", "a", "DET", "det", 5),
            ("trade", "trade", "NOUN", "compound", 5), ("pact", "pact", "NOUN", "pobj", 2)]
    assert [c[0] for c in code(rows, {0: "JOR"})] == ["0311"]


def test_a_plan_to_act_is_an_intention():
    from tacitus.events.coder import modality

    rows = [("Britain", "Britain", "PROPN", "poss", 1), ("plans", "plan", "NOUN", "ROOT", 1),
            ("to", "to", "PART", "aux", 3), ("impose", "impose", "VERB", "acl", 1),
            ("restrictions", "restriction", "NOUN", "dobj", 3)]
    doc, _ = parse(rows)
    assert modality(doc[3])[0] == "intent"
