"""What a request noun asks for is coded through the verb that refuses or delivers it: "rejected a
proposal for a ceasefire" refuses the ceasefire, "renewed an appeal to Spain to extradite" asks for an
extradition (hand-built parses, so the parser is not under test)."""

from tacitus.events.coder import MentionIndex, match_sentence
from tacitus.events.lexicon import default_lexicon

from .docs import code, parse


def test_rejecting_a_proposal_for_a_ceasefire_is_refusing_to_de_escalate():
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("rejected", "reject", "VERB", "ROOT", 1),
            ("Iraq", "Iraq", "PROPN", "poss", 4), ("'s", "'s", "PART", "case", 2),
            ("proposal", "proposal", "NOUN", "dobj", 1), ("for", "for", "ADP", "prep", 4),
            ("a", "a", "DET", "det", 7), ("ceasefire", "ceasefire", "NOUN", "pobj", 5)]
    assert code(rows, {0: "IRN", 2: "IRQ"}) == [("1246", "IRN", "IRQ")]


def test_rejecting_a_request_to_extradite_is_refusing_judicial_cooperation():
    rows = [("Britain", "Britain", "PROPN", "nsubj", 1), ("rejected", "reject", "VERB", "ROOT", 1),
            ("Turkey", "Turkey", "PROPN", "poss", 4), ("'s", "'s", "PART", "case", 2),
            ("request", "request", "NOUN", "dobj", 1), ("to", "to", "PART", "aux", 6),
            ("extradite", "extradite", "VERB", "acl", 4), ("a", "a", "DET", "det", 8),
            ("critic", "critic", "NOUN", "dobj", 6)]
    assert code(rows, {0: "GBR", 2: "TUR"}) == [("1213", "GBR", "TUR")]


def test_renewing_an_appeal_to_someone_to_act_is_the_appeal_for_that_act():
    rows = [("Turkey", "Turkey", "PROPN", "nsubj", 1), ("renewed", "renew", "VERB", "ROOT", 1),
            ("an", "an", "DET", "det", 3), ("appeal", "appeal", "NOUN", "dobj", 1),
            ("to", "to", "ADP", "prep", 3), ("Spain", "Spain", "PROPN", "pobj", 4),
            ("to", "to", "PART", "aux", 7), ("extradite", "extradite", "VERB", "acl", 3),
            ("a", "a", "DET", "det", 9), ("militant", "militant", "NOUN", "dobj", 7)]
    assert code(rows, {0: "TUR", 5: "ESP"}) == [("0213", "TUR", "ESP")]


def test_refusing_to_meet_demands_to_release_prisoners_is_refusing_the_release():
    rows = [("America", "America", "PROPN", "nsubj", 3), ("would", "would", "AUX", "aux", 3),
            ("not", "not", "PART", "neg", 3), ("meet", "meet", "VERB", "ROOT", 3),
            ("demands", "demand", "NOUN", "dobj", 3), ("to", "to", "PART", "aux", 6),
            ("release", "release", "VERB", "acl", 4), ("prisoners", "prisoner", "NOUN", "dobj", 6)]
    assert [c[0] for c in code(rows, {0: "USA"})] == ["1243"]


def test_reneging_on_a_commitment_to_elections_rejects_institutional_change():
    rows = [("Zambia", "Zambia", "PROPN", "nsubj", 1), ("reneged", "renege", "VERB", "ROOT", 1),
            ("on", "on", "ADP", "prep", 1), ("its", "its", "PRON", "poss", 4),
            ("commitment", "commitment", "NOUN", "pobj", 2), ("to", "to", "ADP", "prep", 4),
            ("elections", "election", "NOUN", "pobj", 5)]
    assert code(rows, {0: "ZMB"}) == [("1234", "ZMB", None)]


def test_refusing_refugees_is_refusing_humanitarian_aid():
    rows = [("Syria", "Syria", "PROPN", "nsubj", 3), ("will", "will", "AUX", "aux", 3),
            ("not", "not", "PART", "neg", 3), ("accept", "accept", "VERB", "ROOT", 3),
            ("refugees", "refugee", "NOUN", "dobj", 3)]
    assert [c[0] for c in code(rows, {0: "SYR"})] == ["1223"]


def test_the_askers_own_title_says_nothing_about_what_is_asked():
    # "The UN emergency coordinator demanded talks" is a demand for talks, not about an emergency.
    rows = [("The", "the", "DET", "det", 2), ("emergency", "emergency", "NOUN", "compound", 2),
            ("coordinator", "coordinator", "NOUN", "nsubj", 3), ("demanded", "demand", "VERB", "ROOT", 3),
            ("talks", "talk", "NOUN", "dobj", 3)]
    assert [c[0] for c in code(rows, {2: "IGOUNO"})] == ["106"]


def test_hoping_for_talks_is_an_appeal_for_talks():
    # The parser lemmatizes "hoped" as "hop": the word itself is read as well.
    rows = [("China", "China", "PROPN", "nsubj", 1), ("hoped", "hop", "VERB", "ROOT", 1),
            ("for", "for", "ADP", "prep", 1), ("talks", "talk", "NOUN", "pobj", 2),
            ("with", "with", "ADP", "prep", 3), ("Taiwan", "Taiwan", "PROPN", "pobj", 4)]
    assert ("026", "CHN", "TWN") in code(rows, {0: "CHN", 5: "TWN"})


def test_expressing_hope_is_optimism_not_an_intention():
    rows = [("Turkey", "Turkey", "PROPN", "nsubj", 1), ("voiced", "voice", "VERB", "ROOT", 1),
            ("hope", "hope", "NOUN", "dobj", 1)]
    assert code(rows, {0: "TUR"}) == [("013", "TUR", None)]


def test_ordering_ones_own_patrols_is_no_demand():
    rows = [("Sindh", "Sindh", "PROPN", "nsubj", 1), ("ordered", "order", "VERB", "ROOT", 1),
            ("patrols", "patrol", "NOUN", "dobj", 1)]
    assert [c[0][:2] for c in code(rows, {0: "PAKGOV"})] != ["10"]


def test_ordering_someone_to_act_is_a_demand():
    rows = [("Managua", "Managua", "PROPN", "nsubj", 1), ("ordered", "order", "VERB", "ROOT", 1),
            ("Prensa", "Prensa", "PROPN", "dobj", 1), ("to", "to", "PART", "aux", 4),
            ("suspend", "suspend", "VERB", "xcomp", 1), ("publication", "publication", "NOUN", "dobj", 4)]
    assert [c[0] for c in code(rows, {0: "NICGOV", 2: "NICMED"})] == ["100"]


def test_calling_for_sanctions_against_someone_rallies_opposition_against_them():
    rows = [("EU", "EU", "PROPN", "nsubj", 1), ("called", "call", "VERB", "ROOT", 1),
            ("for", "for", "ADP", "prep", 1), ("sanctions", "sanction", "NOUN", "pobj", 2),
            ("against", "against", "ADP", "prep", 3), ("Uganda", "Uganda", "PROPN", "pobj", 4)]
    assert code(rows, {0: "EUR", 5: "UGA"}) == [("113", "EUR", "UGA")]


def test_insisting_on_ones_own_conduct_is_no_demand():
    from tacitus.events.coder import governor

    rows = [("China", "China", "PROPN", "nsubj", 1), ("insists", "insist", "VERB", "ROOT", 1),
            ("it", "it", "PRON", "nsubj", 4), ("is", "be", "AUX", "aux", 4),
            ("enforcing", "enforce", "VERB", "ccomp", 1), ("sanctions", "sanction", "NOUN", "dobj", 4)]
    doc, _ = parse(rows)
    doc[4].tag_ = "VBG"
    assert governor(doc[4]) is None


def test_saying_someone_must_act_is_a_demand_even_for_an_act_no_rule_knows():
    rows = [("HRW", "HRW", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
            ("Sudan", "Sudan", "PROPN", "nsubj", 4), ("must", "must", "AUX", "aux", 4),
            ("ensure", "ensure", "VERB", "ccomp", 1), ("security", "security", "NOUN", "dobj", 4)]
    assert code(rows, {0: "NGOHRI", 2: "SDN"}) == [("100", "NGOHRI", "SDN")]


def test_an_attack_that_must_stop_is_not_asked_for():
    rows = [("Egypt", "Egypt", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
            ("Israel", "Israel", "PROPN", "nsubj", 4), ("must", "must", "AUX", "aux", 4),
            ("stop", "stop", "VERB", "ccomp", 1), ("attacking", "attack", "VERB", "xcomp", 4),
            ("Gaza", "Gaza", "PROPN", "dobj", 5)]
    codes = [c[0] for c in code(rows, {0: "EGY", 2: "ISR", 6: "PSE"})]
    assert "113" not in codes and "190" not in codes, codes


def test_calling_on_others_to_mobilize_against_someone_rallies_opposition():
    rows = [("Groups", "group", "NOUN", "nsubj", 1), ("called", "call", "VERB", "ROOT", 1),
            ("on", "on", "ADP", "prep", 1), ("workers", "worker", "NOUN", "pobj", 2),
            ("to", "to", "PART", "aux", 5), ("mobilize", "mobilize", "VERB", "xcomp", 1),
            ("against", "against", "ADP", "prep", 5), ("America", "America", "PROPN", "pobj", 6)]
    # The target is still the one addressed (the workers), not the one rallied against.
    assert [c[0] for c in code(rows, {0: "SYRMED", 7: "USA"})] == ["113"]


def test_a_date_after_call_is_no_addressee():
    from spacy.tokens import Span

    rows = [("Trump", "Trump", "PROPN", "nsubj", 1), ("called", "call", "VERB", "ROOT", 1),
            ("May", "May", "PROPN", "dobj", 1), ("on", "on", "ADP", "prep", 1),
            ("Tuesday", "Tuesday", "PROPN", "pobj", 3)]
    doc, mentions = parse(rows, {0: "USAGOV", 2: "GBRGOV"})
    doc.ents = [Span(doc, 4, 5, label="DATE")]
    found = match_sentence(doc[:], default_lexicon(), MentionIndex(mentions))
    assert not any(c.code.startswith("02") for c in found)


def test_demanding_an_armed_presence_to_protect_them_is_a_demand_for_peacekeeping():
    rows = [("Albanians", "Albanian", "PROPN", "nsubj", 1), ("demanded", "demand", "VERB", "ROOT", 1),
            ("a", "a", "DET", "det", 4), ("military", "military", "ADJ", "amod", 4),
            ("presence", "presence", "NOUN", "dobj", 1), ("to", "to", "PART", "aux", 6),
            ("protect", "protect", "VERB", "acl", 4), ("the", "the", "DET", "det", 8),
            ("minority", "minority", "NOUN", "dobj", 6)]
    assert [c[0] for c in code(rows, {0: "SRBALB"})] == ["1034"]


def test_a_reminder_that_someone_must_act_is_the_issuers_demand():
    rows = [("Chirac", "Chirac", "PROPN", "nsubj", 1), ("issued", "issue", "VERB", "ROOT", 1),
            ("a", "a", "DET", "det", 3), ("reminder", "reminder", "NOUN", "dobj", 1),
            ("that", "that", "SCONJ", "mark", 7), ("Iraq", "Iraq", "PROPN", "nsubj", 7),
            ("must", "must", "AUX", "aux", 7), ("release", "release", "VERB", "acl", 3),
            ("hostages", "hostage", "NOUN", "dobj", 7)]
    assert code(rows, {0: "FRAGOV", 5: "IRQ"}) == [("1053", "FRAGOV", "IRQ")]


def test_seeking_refuge_is_a_demand_for_humanitarian_aid():
    rows = [("Kurds", "Kurd", "PROPN", "nsubj", 1), ("sought", "seek", "VERB", "ROOT", 1),
            ("refuge", "refuge", "NOUN", "dobj", 1), ("in", "in", "ADP", "prep", 1),
            ("Germany", "Germany", "PROPN", "pobj", 3)]
    assert [c[0] for c in code(rows, {0: "IRQKRD", 4: "DEU"})] == ["1033"]


def test_a_clause_describing_a_participant_says_nothing_about_what_is_refused():
    from tacitus.events.coder import domains_of

    # "refused to allow observers who were taken hostage": no refusal to release hostages.
    rows = [("UNITA", "UNITA", "PROPN", "nsubj", 1), ("refused", "refuse", "VERB", "ROOT", 1),
            ("to", "to", "PART", "aux", 3), ("allow", "allow", "VERB", "xcomp", 1),
            ("observers", "observer", "NOUN", "dobj", 3), ("who", "who", "PRON", "nsubjpass", 7),
            ("were", "be", "AUX", "auxpass", 7), ("taken", "take", "VERB", "relcl", 4),
            ("hostage", "hostage", "NOUN", "oprd", 7)]
    doc, _ = parse(rows)
    present = domains_of(doc[1], [doc[3]])
    assert "inspection" in present and "release" not in present


def test_cancelling_ones_own_visit_reduces_relations_and_rejects_nothing():
    rows = [("Putin", "Putin", "PROPN", "nsubj", 1), ("cancelled", "cancel", "VERB", "ROOT", 1),
            ("a", "a", "DET", "det", 3), ("visit", "visit", "NOUN", "dobj", 1),
            ("to", "to", "ADP", "prep", 3), ("Paris", "Paris", "PROPN", "pobj", 4)]
    assert [c[0] for c in code(rows, {0: "RUSGOV", 5: "FRA"})] == ["161"]


def test_pushing_for_someone_to_act_is_an_appeal():
    rows = [("Abe", "Abe", "PROPN", "nsubj", 1), ("pushed", "push", "VERB", "ROOT", 1),
            ("for", "for", "SCONJ", "mark", 7), ("the", "the", "DET", "det", 4),
            ("constitution", "constitution", "NOUN", "nsubjpass", 7), ("to", "to", "PART", "aux", 7),
            ("be", "be", "AUX", "auxpass", 7), ("revised", "revise", "VERB", "advcl", 1)]
    assert [c[0] for c in code(rows, {0: "JPNGOV"})] == ["0244"]


def test_being_opposed_to_mediation_rejects_it():
    rows = [("Israel", "Israel", "PROPN", "nsubjpass", 2), ("is", "be", "AUX", "auxpass", 2),
            ("opposed", "oppose", "VERB", "ROOT", 2), ("to", "to", "ADP", "prep", 2),
            ("French", "french", "ADJ", "amod", 5), ("mediation", "mediation", "NOUN", "pobj", 3)]
    doc, mentions = parse(rows, {0: "ISR"})
    found = match_sentence(doc[:], default_lexicon(), MentionIndex(mentions), require_source=False)
    assert "126" in [c.code for c in found]


def test_welcoming_a_statement_is_praise_not_hosting():
    rows = [("Germany", "Germany", "PROPN", "nsubj", 1), ("welcomed", "welcome", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3), ("statement", "statement", "NOUN", "dobj", 1)]
    assert [c[0] for c in code(rows, {0: "DEU"})] == ["051"]


def test_what_a_refused_act_waits_for_has_not_happened():
    rows = [("Russia", "Russia", "PROPN", "nsubj", 3), ("will", "will", "AUX", "aux", 3),
            ("not", "not", "PART", "neg", 3), ("lift", "lift", "VERB", "ROOT", 3),
            ("the", "the", "DET", "det", 5), ("ban", "ban", "NOUN", "dobj", 3),
            ("until", "until", "SCONJ", "mark", 8), ("Brussels", "Brussels", "PROPN", "nsubj", 8),
            ("provides", "provide", "VERB", "advcl", 3), ("information", "information", "NOUN", "dobj", 8)]
    assert [c[0] for c in code(rows, {0: "RUS", 7: "EUR"})] == ["1241"]
