from tacitus.events.coder import MentionIndex, apply_modality, match_sentence
from tacitus.events.lexicon import default_lexicon

from .docs import code as coded, parse


def code(rows, actors):
    return coded(rows, actors, negated=True)


def test_coordinated_subjects_of_a_symmetric_act_code_both_directions():
    rows = [("Pakistan", "Pakistan", "PROPN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 0),
            ("Russia", "Russia", "PROPN", "conj", 0), ("signed", "sign", "VERB", "ROOT", 3),
            ("an", "an", "DET", "det", 5), ("agreement", "agreement", "NOUN", "dobj", 3)]
    assert code(rows, {0: "PAK", 2: "RUS"}) == [("057", "PAK", "RUS", False), ("057", "RUS", "PAK", False)]


def test_negation_is_flagged_not_dropped():
    rows = [("Russia", "Russia", "PROPN", "nsubj", 3), ("did", "do", "AUX", "aux", 3),
            ("not", "not", "PART", "neg", 3), ("sign", "sign", "VERB", "ROOT", 3),
            ("the", "the", "DET", "det", 5), ("treaty", "treaty", "NOUN", "dobj", 3),
            ("with", "with", "ADP", "prep", 3), ("Iran", "Iran", "PROPN", "pobj", 6)]
    assert code(rows, {0: "RUS", 7: "IRN"}) == [("057", "RUS", "IRN", True), ("057", "IRN", "RUS", True)]


def test_future_visit_is_an_intent_to_meet():
    rows = [("Iran", "Iran", "PROPN", "nsubj", 2), ("will", "will", "AUX", "aux", 2),
            ("visit", "visit", "VERB", "ROOT", 2), ("China", "China", "PROPN", "dobj", 2)]
    assert code(rows, {0: "IRN", 3: "CHN"}) == [("036", "IRN", "CHN", False)]


def test_refusal_to_meet_is_a_rejection_and_consumes_the_infinitive():
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("refused", "refuse", "VERB", "ROOT", 1),
            ("to", "to", "PART", "aux", 3), ("meet", "meet", "VERB", "xcomp", 1), ("Iraq", "Iraq", "PROPN", "dobj", 3)]
    # One event, not a rejection and a meeting; aimed at whom the meeting would have been with.
    assert code(rows, {0: "IRN", 4: "IRQ"}) == [("125", "IRN", "IRQ", False)]


def test_conditional_is_no_event():
    rows = [("If", "if", "SCONJ", "mark", 2), ("Iran", "Iran", "PROPN", "nsubj", 2),
            ("attacks", "attack", "VERB", "advcl", 5), ("Iraq", "Iraq", "PROPN", "dobj", 2),
            (",", ",", "PUNCT", "punct", 5), ("war", "war", "NOUN", "ROOT", 5)]
    assert code(rows, {1: "IRN", 3: "IRQ"}) == []


def test_passive_with_agent_puts_the_agent_first():
    rows = [("Iraq", "Iraq", "PROPN", "nsubjpass", 2), ("was", "be", "AUX", "auxpass", 2),
            ("attacked", "attack", "VERB", "ROOT", 2), ("by", "by", "ADP", "agent", 2), ("Iran", "Iran", "PROPN", "pobj", 3)]
    assert code(rows, {0: "IRQ", 4: "IRN"}) == [("190", "IRN", "IRQ", False)]


def test_domain_words_pick_the_specific_code():
    rows = [("India", "India", "PROPN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 0),
            ("Russia", "Russia", "PROPN", "conj", 0), ("agreed", "agree", "VERB", "ROOT", 3),
            ("to", "to", "PART", "aux", 5), ("boost", "boost", "VERB", "xcomp", 3),
            ("military", "military", "ADJ", "amod", 7), ("cooperation", "cooperation", "NOUN", "dobj", 5)]
    assert code(rows, {0: "IND", 2: "RUS"}) == [("0312", "IND", "RUS", False), ("0312", "RUS", "IND", False)]


def test_nominal_talks_between_two_actors():
    rows = [("Talks", "talk", "NOUN", "nsubj", 5), ("between", "between", "ADP", "prep", 0),
            ("Iran", "Iran", "PROPN", "pobj", 1), ("and", "and", "CCONJ", "cc", 2),
            ("Iraq", "Iraq", "PROPN", "conj", 2), ("ended", "end", "VERB", "ROOT", 5)]
    assert code(rows, {2: "IRN", 4: "IRQ"}) == [("040", "IRN", "IRQ", False), ("040", "IRQ", "IRN", False)]


def test_no_source_actor_no_event():
    rows = [("Someone", "someone", "PRON", "nsubj", 1), ("attacked", "attack", "VERB", "ROOT", 1),
            ("Iraq", "Iraq", "PROPN", "dobj", 1)]
    assert code(rows, {2: "IRQ"}) == []


def test_modality_maps():
    assert apply_modality("042", "intent") == "036"
    assert apply_modality("062", "intent") == "0312"
    assert apply_modality("190", "intent") == "1384"
    assert apply_modality("057", "refusal") == "127"
    assert apply_modality("111", "intent") == "111"


def test_reported_speech_codes_the_reported_act_not_the_statement():
    rows = [("Iraq", "Iraq", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
            ("Iran", "Iran", "PROPN", "nsubj", 3), ("attacked", "attack", "VERB", "ccomp", 1),
            ("Kuwait", "Kuwait", "PROPN", "dobj", 3)]
    assert code(rows, {0: "IRQ", 2: "IRN", 4: "KWT"}) == [("190", "IRN", "KWT", False)]


def test_a_plain_statement_is_the_residual_010():
    rows = [("Iraq", "Iraq", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
            ("it", "it", "PRON", "nsubj", 3), ("rained", "rain", "VERB", "ccomp", 1)]
    assert code(rows, {0: "IRQ"}) == [("010", "IRQ", None, False)]


def test_sourceless_candidates_only_when_asked():
    rows = [("Someone", "someone", "PRON", "nsubj", 1), ("attacked", "attack", "VERB", "ROOT", 1),
            ("Iraq", "Iraq", "PROPN", "dobj", 1)]
    doc, mentions = parse(rows, {2: "IRQ"})
    found = match_sentence(doc[:], default_lexicon(), MentionIndex(mentions), require_source=False)
    assert [(c.code, c.source, c.target.actor.code) for c in found] == [("190", None, "IRQ")]


def test_a_subject_misread_as_the_previous_objects_conjunct_acts_in_its_own_clause():
    # "Russia provided helicopters to Pakistan and Iran's army held drills": the parser hangs "army" on
    # "Pakistan" and leaves "held" without a subject.
    rows = [("Russia", "Russia", "PROPN", "nsubj", 1), ("provided", "provide", "VERB", "ROOT", 1),
            ("helicopters", "helicopter", "NOUN", "dobj", 1), ("to", "to", "ADP", "prep", 1),
            ("Pakistan", "Pakistan", "PROPN", "pobj", 3), ("and", "and", "CCONJ", "cc", 4),
            ("army", "army", "NOUN", "conj", 4), ("also", "also", "ADV", "advmod", 8),
            ("held", "hold", "VERB", "conj", 1), ("drills", "drill", "NOUN", "dobj", 8),
            ("with", "with", "ADP", "prep", 8), ("Iran", "Iran", "PROPN", "pobj", 10)]
    found = code(rows, {0: "RUS", 4: "PAK", 6: "PAKMIL", 11: "IRN"})
    assert ("072", "RUS", "PAK", False) in found
    assert ("072", "RUS", "PAKMIL", False) not in found
    assert ("062", "PAKMIL", "IRN", False) in found
    assert not any(c[0] == "062" and c[1] == "RUS" for c in found)


def test_a_verb_the_lemmatizer_got_wrong_is_found_by_its_stems():
    from tacitus.events.coder import _stems

    assert "stage" in _stems("staged")
    assert "stop" in _stems("stopped")
    assert "stop" in _stems("stopping")
    assert "bury" in _stems("buried")
    rows = [("Students", "student", "NOUN", "nsubj", 1), ("staged", "stag", "VERB", "ROOT", 1),
            ("rallies", "rally", "NOUN", "dobj", 1), ("against", "against", "ADP", "prep", 1),
            ("Iran", "Iran", "PROPN", "pobj", 3)]
    assert [c[0] for c in code(rows, {0: "IRNEDU", 4: "IRN"})][:1] == ["141"]


def test_refusing_a_joint_act_is_one_sides_act():
    rows = [("Iran", "Iran", "PROPN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 0),
            ("Iraq", "Iraq", "PROPN", "conj", 0), ("refused", "refuse", "VERB", "ROOT", 3),
            ("to", "to", "PART", "aux", 5), ("sign", "sign", "VERB", "xcomp", 3),
            ("a", "a", "DET", "det", 7), ("treaty", "treaty", "NOUN", "dobj", 5),
            ("with", "with", "ADP", "prep", 5), ("Syria", "Syria", "PROPN", "pobj", 8)]
    found = code(rows, {0: "IRN", 2: "IRQ", 9: "SYR"})
    assert found and all(c[2] == "SYR" for c in found)


def test_of_two_subjects_the_parser_gives_a_verb_the_first_acts():
    rows = [("envoy", "envoy", "NOUN", "nsubj", 4), ("to", "to", "ADP", "prep", 0),
            ("Iraq", "Iraq", "PROPN", "pobj", 1), ("Iran", "Iran", "PROPN", "nsubj", 4),
            ("attacked", "attack", "VERB", "ROOT", 4), ("Syria", "Syria", "PROPN", "dobj", 4)]
    assert [c[1] for c in code(rows, {0: "USAGOV", 3: "IRN", 5: "SYR"})] == ["USAGOV"]


def test_committed_to_an_act_lends_its_subject_to_the_act():
    from tacitus.events.coder import subjects

    rows = [("Vietnam", "Vietnam", "PROPN", "nsubjpass", 2), ("is", "be", "AUX", "auxpass", 2),
            ("committed", "commit", "VERB", "ROOT", 2), ("to", "to", "ADP", "prep", 2),
            ("opening", "open", "VERB", "pcomp", 3), ("markets", "market", "NOUN", "dobj", 4)]
    doc, _ = parse(rows)
    doc[2].tag_ = "VBN"
    assert [t.text for t in subjects(doc[4])] == ["Vietnam"]


def test_a_statement_about_a_hypothetical_act_stays_a_statement():
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
            ("Iraq", "Iraq", "PROPN", "nsubj", 4), ("could", "could", "AUX", "aux", 4),
            ("attack", "attack", "VERB", "ccomp", 1), ("Syria", "Syria", "PROPN", "dobj", 4)]
    assert [c[0] for c in code(rows, {0: "IRN", 2: "IRQ", 5: "SYR"})] == ["010"]


def test_an_act_whose_every_pair_is_self_directed_stands_once_without_target():
    rows = [("Russia", "Russia", "PROPN", "nsubj", 1), ("attacked", "attack", "VERB", "ROOT", 1),
            ("Russian", "Russian", "ADJ", "amod", 3), ("troops", "troop", "NOUN", "dobj", 1)]
    assert code(rows, {0: "RUS", 3: "RUSMIL"}) == [("190", "RUS", None, False)]


def test_concern_over_what_an_actor_does_targets_the_actor():
    # "Egypt voiced concern over the presence of the Hamas group": the target is the group named inside
    # the "of" phrase of what the concern is about.
    rows = [("Egypt", "Egypt", "PROPN", "nsubj", 1), ("voiced", "voice", "VERB", "ROOT", 1),
            ("concern", "concern", "NOUN", "dobj", 1), ("over", "over", "ADP", "prep", 2),
            ("the", "the", "DET", "det", 5), ("presence", "presence", "NOUN", "pobj", 3),
            ("of", "of", "ADP", "prep", 5), ("the", "the", "DET", "det", 9),
            ("Hamas", "Hamas", "PROPN", "compound", 9), ("group", "group", "NOUN", "pobj", 6)]
    assert code(rows, {0: "EGY", 8: "PSEHMS"}) == [("012", "EGY", "PSEHMS", False)]


def test_concern_with_no_actor_in_view_has_no_target():
    rows = [("Egypt", "Egypt", "PROPN", "nsubj", 1), ("voiced", "voice", "VERB", "ROOT", 1),
            ("concern", "concern", "NOUN", "dobj", 1), ("over", "over", "ADP", "prep", 2),
            ("the", "the", "DET", "det", 5), ("deal", "deal", "NOUN", "pobj", 3)]
    assert code(rows, {0: "EGY"}) == [("012", "EGY", None, False)]


def test_an_offer_is_aimed_at_whom_the_offered_act_is_aimed_at():
    rows = [("China", "China", "PROPN", "nsubj", 1), ("offered", "offer", "VERB", "ROOT", 1),
            ("to", "to", "PART", "aux", 3), ("support", "support", "VERB", "xcomp", 1),
            ("Pakistan", "Pakistan", "PROPN", "dobj", 3)]
    found = code(rows, {0: "CHN", 4: "PAK"})
    assert found and all((source, target) == ("CHN", "PAK") for _, source, target, _ in found)


def test_concern_about_a_named_threat_targets_the_name():
    rows = [("Egypt", "Egypt", "PROPN", "nsubj", 1), ("voiced", "voice", "VERB", "ROOT", 1),
            ("concern", "concern", "NOUN", "dobj", 1), ("about", "about", "ADP", "prep", 2),
            ("the", "the", "DET", "det", 6), ("Hamas", "Hamas", "PROPN", "compound", 6),
            ("threat", "threat", "NOUN", "pobj", 3)]
    assert ("012", "EGY", "PSEHMS", False) in code(rows, {0: "EGY", 5: "PSEHMS"})
