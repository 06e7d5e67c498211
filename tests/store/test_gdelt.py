"""The GDELT 2.0 export: column layout and the values Tacitus fills."""

from __future__ import annotations

from tacitus.store.gdelt import COLUMNS, fips_table

from .conftest import PAK, RUS, actor, event, record

# The GDELT 2.0 event table (Event Codebook V2.0): 61 columns in this order.
GDELT_V2_COLUMNS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    "Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code "
    "Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code "
    "Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code "
    "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources "
    "NumArticles AvgTone "
    "Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code "
    "Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID "
    "Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code "
    "Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID "
    "ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code "
    "ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL").split()


def test_column_layout_is_gdelt_2():
    assert [name for name, _ in COLUMNS] == GDELT_V2_COLUMNS


def test_fips_codes_for_geography():
    pairs = dict(zip(fips_table().column("iso3").to_pylist(), fips_table().column("fips").to_pylist()))
    assert pairs["RUS"] == "RS" and pairs["PAK"] == "PK" and pairs["DEU"] == "GM"


def test_gdelt_rows(store, tmp_path):
    moscow = {"text": "Moscow", "name": "Moscow", "country": "RUS", "lat": 55.75, "lon": 37.62, "feature": "city",
              "start": 0, "end": 6, "confidence": 1.0}
    text = "Pakistan met with Russia on Tuesday."
    store.add_coded([
        record("a1", text, [event(PAK, RUS, "0361", location=moscow, goldstein=4.0)], url="https://x.test/1",
               source="Dawn"),
        record("a2", text + " Yes.", [event(PAK, RUS, "036", date="2018-02-21")], source="TASS"),
        record("a3", "Undated.", [event(PAK, None, "010", date=None)], published="2018-01-05"),
    ])
    out = tmp_path / "events.tsv"
    assert store.export(out, "gdelt") == 2
    rows = [dict(zip(GDELT_V2_COLUMNS, line.split("\t"))) for line in out.read_text().splitlines()]
    first, undated = rows
    assert (first["SQLDATE"], first["MonthYear"], first["Year"]) == ("20180220", "201802", "2018")
    assert (first["Actor1Code"], first["Actor1CountryCode"], first["Actor2Code"]) == ("PAK", "PAK", "RUS")
    assert first["Actor1Name"] == "PAKISTAN"
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == ("0361", "036", "03")
    assert (first["NumMentions"], first["NumSources"], first["NumArticles"]) == ("2", "2", "2")
    assert (first["ActionGeo_Type"], first["ActionGeo_FullName"], first["ActionGeo_CountryCode"]) == (
        "4", "Moscow", "RS")
    assert first["SOURCEURL"] == "https://x.test/1" and first["IsRootEvent"] == "1"
    assert len(first["DATEADDED"]) == 14
    assert undated["SQLDATE"] == "20180105" and undated["Actor2Code"] == "" and undated["SOURCEURL"] == "a3"


def test_gdelt_rows_stay_one_line(store, tmp_path):
    broken = actor("PAK", "PAK", "Paki-\nstan")
    broken["name"] = "Paki\tstan"
    store.add_coded([record("a1", "Pakistan met with Russia on Tuesday.", [event(broken, RUS)], url="x\ty")])
    out = tmp_path / "events.tsv"
    store.export(out, "gdelt")
    [line] = out.read_text().splitlines()
    fields = line.split("\t")
    assert len(fields) == 61 and fields[6] == "PAKI STAN" and fields[-1] == "x y"


def test_a_region_is_exported_as_a_world_state_not_a_city(store, tmp_path):
    sinai = {"text": "Sinai", "name": "Sinai", "country": "EGY", "lat": 29.5, "lon": 33.8, "feature": "region",
             "start": 0, "end": 5, "confidence": 0.9}
    store.add_coded([record("a1", "Sinai: Egypt met with Israel.", [event(PAK, RUS, "036", location=sinai)])])
    out = tmp_path / "events.tsv"
    store.export(out, "gdelt")
    [row] = [dict(zip(GDELT_V2_COLUMNS, line.split("\t"))) for line in out.read_text().splitlines()]
    assert (row["ActionGeo_Type"], row["ActionGeo_FullName"], row["ActionGeo_CountryCode"]) == ("5", "Sinai", "EG")
