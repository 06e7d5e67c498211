import pytest

from tacitus.errors import ModelError
from tacitus.events.lexicon import default_lexicon, parse_rules
from tacitus.events.ontology import cameo, cameo_codes


def test_every_code_has_class_score_and_plover_where_mapped():
    codes = cameo_codes()
    assert len(codes) == 318
    assert cameo("0312").plover == "AGREE" and cameo("0312").quad_class == 1 and cameo("0312").goldstein == 5.2
    assert cameo("190").penta_class == 4 and cameo("190").quad_class == 4
    assert cameo("020").plover == "REQUEST" and cameo("010").plover is None
    assert all(-10 <= c.goldstein <= 10 for c in codes.values())


def test_penta_class_boundaries():
    assert [cameo(c).penta_class for c in ("010", "020", "030", "057", "060", "087", "090", "139", "140", "204")] == \
        [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]


def test_lexicon_loads_and_codes_exist():
    lexicon = default_lexicon()
    assert lexicon.rules and lexicon.codes <= set(cameo_codes())
    assert len({r.id for r in lexicon.rules}) == len(lexicon.rules)


@pytest.mark.parametrize("entry, problem", [
    ({"code": "999", "verbs": ["sign"]}, "not a CAMEO event code"),
    ({"code": "057"}, "either verbs or nouns"),
    ({"code": "057", "verbs": ["sign"], "colour": "red"}, "unknown keys"),
    ({"code": "057", "verbs": ["sign"], "target": "sideways"}, "target must be"),
    ({"code": "030", "verbs": ["agree"], "domains": {"space": "0312"}}, "domains must map"),
])
def test_bad_lexicon_entries_are_named(entry, problem):
    with pytest.raises(ModelError) as info:
        parse_rules([entry], source="test.yaml")
    assert problem in str(info.value) and "test.yaml, rule 1" in str(info.value) and info.value.code == "E202"
