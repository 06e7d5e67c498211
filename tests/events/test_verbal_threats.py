"""A threatened act takes the threat code of the act (CAMEO 13 mirrors 14-20), and the bare threat is
coded only when the complement is no event (hand-built parses, so the parser is not under test)."""

from tacitus.events.coder import MentionIndex, match_sentence
from tacitus.events.lexicon import default_lexicon

from .docs import code, parse


def test_threatening_to_shell_a_city_is_a_threat_of_conventional_attack():
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("threatened", "threaten", "VERB", "ROOT", 1),
            ("to", "to", "PART", "aux", 3), ("shell", "shell", "VERB", "xcomp", 1),
            ("Basra", "Basra", "PROPN", "dobj", 3)]
    assert code(rows, {0: "IRN", 4: "IRQ"}) == [("1384", "IRN", "IRQ")]


def test_threatening_to_break_relations_is_a_threat_to_break_relations():
    rows = [("Pakistan", "Pakistan", "PROPN", "nsubj", 1), ("threatened", "threaten", "VERB", "ROOT", 1),
            ("to", "to", "PART", "aux", 3), ("break", "break", "VERB", "xcomp", 1),
            ("relations", "relation", "NOUN", "dobj", 3), ("with", "with", "ADP", "prep", 3),
            ("Congo", "Congo", "PROPN", "pobj", 5)]
    assert code(rows, {0: "PAK", 6: "COG"}) == [("1313", "PAK", "COG")]


def test_threatening_an_act_no_rule_knows_is_a_bare_threat():
    rows = [("Hamas", "Hamas", "PROPN", "nsubj", 1), ("threatened", "threaten", "VERB", "ROOT", 1),
            ("to", "to", "PART", "aux", 3), ("resume", "resume", "VERB", "xcomp", 1),
            ("activities", "activity", "NOUN", "dobj", 3)]
    assert code(rows, {0: "PSEHMS"}) == [("130", "PSEHMS", None)]


def test_threatening_trade_restrictions_is_a_threat_of_sanctions():
    rows = [("France", "France", "PROPN", "nsubj", 1), ("threatened", "threaten", "VERB", "ROOT", 1),
            ("to", "to", "PART", "aux", 3), ("impose", "impose", "VERB", "xcomp", 1),
            ("import", "import", "NOUN", "compound", 5), ("restrictions", "restriction", "NOUN", "dobj", 3)]
    assert code(rows, {0: "FRA"}) == [("1312", "FRA", None)]


def test_an_infinitive_after_an_adverbial_is_still_what_is_threatened():
    # The parser hangs "to secede" as an adverbial clause when "on Monday" stands between.
    rows = [("Azerbaijan", "Azerbaijan", "PROPN", "nsubj", 1), ("threatened", "threaten", "VERB", "ROOT", 1),
            ("on", "on", "ADP", "prep", 1), ("Monday", "Monday", "PROPN", "pobj", 2),
            ("to", "to", "PART", "aux", 5), ("secede", "secede", "VERB", "advcl", 1)]
    assert code(rows, {0: "AZE"}) == [("1313", "AZE", None)]


def test_a_purpose_clause_of_a_phone_call_is_no_appeal():
    from tacitus.events.coder import attach_infinitives

    rows = [("Netanyahu", "Netanyahu", "PROPN", "nsubj", 1), ("called", "call", "VERB", "ROOT", 1),
            ("Morrison", "Morrison", "PROPN", "dobj", 1), ("to", "to", "PART", "aux", 4),
            ("congratulate", "congratulate", "VERB", "advcl", 1), ("him", "he", "PRON", "dobj", 4)]
    doc, _ = parse(rows)
    attach_infinitives(doc[:])
    assert doc[4].dep_ == "advcl"


def test_claiming_that_one_attacked_is_claiming_responsibility():
    rows = [("Taliban", "Taliban", "PROPN", "nsubj", 1), ("claimed", "claim", "VERB", "ROOT", 1),
            ("that", "that", "SCONJ", "mark", 5), ("they", "they", "PRON", "nsubj", 5),
            ("had", "have", "AUX", "aux", 5), ("attacked", "attack", "VERB", "ccomp", 1),
            ("Kabul", "Kabul", "PROPN", "dobj", 5)]
    doc, mentions = parse(rows, {0: "AFGINS", 6: "AFG"})
    found = match_sentence(doc[:], default_lexicon(), MentionIndex(mentions), require_source=False)
    assert [c.code for c in found] == ["015"]


def test_claiming_that_someone_else_attacked_is_no_claim_of_responsibility():
    from tacitus.events.coder import modality

    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("claimed", "claim", "VERB", "ROOT", 1),
            ("Israel", "Israel", "PROPN", "nsubj", 3), ("attacked", "attack", "VERB", "ccomp", 1),
            ("Natanz", "Natanz", "PROPN", "dobj", 3)]
    doc, _ = parse(rows)
    assert modality(doc[3])[0] != "claim"
