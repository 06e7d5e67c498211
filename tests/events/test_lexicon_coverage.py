from tacitus.events.coder import INTENT_CODES, REJECT_DIRECT, THREAT_CODES, apply_modality
from tacitus.events.lexicon import default_domains, default_lexicon
from tacitus.events.ontology import cameo_codes

MODES = ("intent", "refusal", "appeal", "demand")


def reachable_codes() -> set[str]:
    """Codes some rule gives: directly, through its domains, or through a modality map."""
    direct = default_lexicon().codes
    return direct | {apply_modality(code, mode) for code in direct for mode in MODES}


def test_at_least_280_cameo_codes_are_reachable():
    reachable = reachable_codes()
    assert reachable <= set(cameo_codes())
    assert len(reachable) >= 280, sorted(set(cameo_codes()) - reachable)


def test_modality_maps_name_real_codes():
    codes = set(cameo_codes())
    for table in (INTENT_CODES, THREAT_CODES, REJECT_DIRECT):
        assert set(table) <= codes and set(table.values()) <= codes


def test_appeal_demand_and_refusal_mirror_every_cooperative_code_onto_real_codes():
    codes = set(cameo_codes())
    cooperative = [c for c in codes if c[:2] in ("03", "04", "05", "06", "07", "08")]
    for mode in ("appeal", "demand", "refusal"):
        for code in cooperative:
            assert apply_modality(code, mode) in codes, (mode, code)


def test_domain_keys_of_every_rule_are_known_domains():
    known = set(default_domains())
    for rule in default_lexicon().rules:
        for parts, _ in rule.domains:
            assert set(parts) <= known, rule.id
