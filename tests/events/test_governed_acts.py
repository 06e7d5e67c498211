"""What is asked for, demanded, refused, threatened or said to be a must is coded as such, with the
asker as source and the one addressed as target (hand-built parses, so the parser is not under test)."""

from tacitus.events.coder import apply_modality

from .docs import code


def test_urging_someone_to_release_hostages_is_an_appeal_for_release_not_a_release():
    rows = [("Canada", "Canada", "PROPN", "nsubj", 1), ("urged", "urge", "VERB", "ROOT", 1),
            ("Iran", "Iran", "PROPN", "dobj", 1), ("to", "to", "PART", "aux", 4),
            ("release", "release", "VERB", "xcomp", 1), ("the", "the", "DET", "det", 6),
            ("hostages", "hostage", "NOUN", "dobj", 4)]
    assert code(rows, {0: "CAN", 2: "IRN"}) == [("0253", "CAN", "IRN")]


def test_a_demand_in_a_that_clause_targets_the_clause_subject():
    rows = [("Russia", "Russia", "PROPN", "nsubj", 1), ("demanded", "demand", "VERB", "ROOT", 1),
            ("that", "that", "SCONJ", "mark", 4), ("Sudan", "Sudan", "PROPN", "nsubj", 4),
            ("release", "release", "VERB", "ccomp", 1), ("the", "the", "DET", "det", 6),
            ("prisoners", "prisoner", "NOUN", "dobj", 4)]
    assert code(rows, {0: "RUS", 3: "SDN"}) == [("1053", "RUS", "SDN")]


def test_what_a_speaker_says_someone_must_do_is_the_speakers_demand():
    rows = [("Russia", "Russia", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
            ("Sudan", "Sudan", "PROPN", "nsubj", 4), ("must", "must", "AUX", "aux", 4),
            ("release", "release", "VERB", "ccomp", 1), ("the", "the", "DET", "det", 6),
            ("prisoners", "prisoner", "NOUN", "dobj", 4)]
    assert code(rows, {0: "RUS", 2: "SDN"}) == [("1053", "RUS", "SDN")]


def test_a_must_without_a_speaker_is_no_factual_event():
    rows = [("Sudan", "Sudan", "PROPN", "nsubj", 2), ("must", "must", "AUX", "aux", 2),
            ("release", "release", "VERB", "ROOT", 2), ("the", "the", "DET", "det", 4),
            ("prisoners", "prisoner", "NOUN", "dobj", 2)]
    assert code(rows, {0: "SDN"}) == []


def test_a_threatened_attack_is_a_threat_and_not_an_attack():
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("threatened", "threaten", "VERB", "ROOT", 1),
            ("to", "to", "PART", "aux", 3), ("attack", "attack", "VERB", "xcomp", 1),
            ("Iraq", "Iraq", "PROPN", "dobj", 3)]
    codes = code(rows, {0: "IRN", 4: "IRQ"})
    assert codes and all(c[0].startswith("13") for c in codes), codes
    assert ("190", "IRN", "IRQ") not in codes


def test_agreeing_to_an_act_no_rule_knows_falls_back_to_intent_by_domain():
    rows = [("Jordan", "Jordan", "PROPN", "nsubj", 1), ("agreed", "agree", "VERB", "ROOT", 1),
            ("to", "to", "PART", "aux", 3), ("undertake", "undertake", "VERB", "xcomp", 1),
            ("joint", "joint", "ADJ", "amod", 6), ("military", "military", "ADJ", "amod", 6),
            ("exercises", "exercise", "NOUN", "dobj", 3), ("with", "with", "ADP", "prep", 3),
            ("Britain", "Britain", "PROPN", "pobj", 7)]
    assert [c[0] for c in code(rows, {0: "JOR", 8: "GBR"})][:1] == ["0312"]


def test_an_amount_of_aid_is_aid():
    rows = [("Japan", "Japan", "PROPN", "nsubj", 1), ("sent", "send", "VERB", "ROOT", 1),
            ("tons", "ton", "NOUN", "dobj", 1), ("of", "of", "ADP", "prep", 2),
            ("food", "food", "NOUN", "pobj", 3), ("to", "to", "ADP", "prep", 1),
            ("Haiti", "Haiti", "PROPN", "pobj", 5)]
    assert code(rows, {0: "JPN", 6: "HTI"}) == [("073", "JPN", "HTI")]


def test_modal_maps_mirror_the_intent_family():
    assert apply_modality("0831", "appeal") == "0241"
    assert apply_modality("0831", "demand") == "1041"
    assert apply_modality("0831", "refusal") == "1231"
    assert apply_modality("045", "demand") == "108"
    assert apply_modality("057", "appeal") == "027"
    assert apply_modality("190", "threat") == "1384"


def test_announcing_one_will_not_act_is_a_refusal():
    rows = [("Syria", "Syria", "PROPN", "nsubj", 3), ("will", "will", "AUX", "aux", 3),
            ("not", "not", "PART", "neg", 3), ("meet", "meet", "VERB", "ROOT", 3),
            ("Israel", "Israel", "PROPN", "dobj", 3)]
    assert code(rows, {0: "SYR", 4: "ISR"})[0] == ("125", "SYR", "ISR")


def test_agreeing_to_a_ceasefire_is_an_intent_to_de_escalate():
    rows = [("Yugoslavia", "Yugoslavia", "PROPN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 0),
            ("Slovenia", "Slovenia", "PROPN", "conj", 0), ("agreed", "agree", "VERB", "ROOT", 3),
            ("to", "to", "ADP", "prep", 3), ("a", "a", "DET", "det", 6),
            ("ceasefire", "ceasefire", "NOUN", "pobj", 4)]
    codes = code(rows, {0: "YUG", 2: "SVN"})
    assert codes and {c[0] for c in codes} == {"0356"}, codes


def test_a_cease_fire_split_by_the_tokenizer_is_still_a_ceasefire():
    rows = [("Hizbollah", "Hizbollah", "PROPN", "nsubj", 1), ("declared", "declare", "VERB", "ROOT", 1),
            ("a", "a", "DET", "det", 5), ("cease", "cease", "NOUN", "compound", 5),
            ("-", "-", "PUNCT", "punct", 5), ("fire", "fire", "NOUN", "dobj", 1)]
    assert code(rows, {0: "LBNREB"}) == [("0871", "LBNREB", None)]
