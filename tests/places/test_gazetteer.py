"""Gazetteer tables: checked at load, names folded the same way in the table and in text."""

import pytest

from tacitus.errors import ModelError
from tacitus.places.gazetteer import _parse_csv, default_gazetteer, name_key


def test_name_keys_fold_accents_case_punctuation_and_the():
    assert name_key("Ürümqi") == name_key("URUMQI") == "urumqi"
    assert name_key("The Hague") == "hague"
    assert name_key("Al-Arish") == "al arish"


def test_a_malformed_table_names_the_file_and_line():
    with pytest.raises(ModelError) as bad_width:
        _parse_csv("admin1.csv", "# note\ncode,name\nPK.05,Sindh,extra\n", ("code", "name"))
    assert bad_width.value.code == "E202" and "admin1.csv" in str(bad_width.value) and bad_width.value.line == 2
    with pytest.raises(ModelError):
        _parse_csv("admin1.csv", "code,label\n", ("code", "name"))


def test_every_country_and_area_has_a_point_and_an_iso3_country():
    g = default_gazetteer()
    for candidate in [*g._countries.values(), *g._admin1.values()]:
        assert len(candidate.country) == 3 and candidate.country.isupper()
    assert all(c.lat is not None for c in g._admin1.values())
    assert sum(c.lat is not None for c in g._countries.values()) >= 240


def test_news_names_of_countries_and_areas():
    g = default_gazetteer()
    assert {r.candidate.country for r in g.lookup("Britain")} == {"GBR"}
    assert "PK.05" in {r.candidate.id for r in g.lookup("Sindh Province")}
    assert "CN.13" in {r.candidate.id for r in g.lookup("Xinjiang Uygur Autonomous Region")}
    assert any(r.candidate.name == "Kyiv" and r.alternate for r in g.lookup("Kiev"))
