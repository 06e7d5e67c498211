"""The Dawn article of ../shared/examples: the job Tacitus must get right (skipped without ../shared)."""


def pair(event):
    return {event["source"]["country"], (event["target"] or {}).get("country")}


def test_publication_date_and_dateline_from_the_text(dawn):
    assert dawn["published"] == "2018-02-21"
    assert dawn["dateline"]["name"] == "Islamabad"


def test_at_least_eight_events(dawn):
    assert len(dawn["events"]) >= 8


def test_talks_between_pakistan_and_russia(dawn):
    talks = [e for e in dawn["events"] if e["cameo_root"] == "04" and pair(e) == {"PAK", "RUS"}]
    assert talks


def test_agreements_signed_in_2014_and_2015(dawn):
    signed = [e for e in dawn["events"] if e["cameo"] == "057"]
    assert {e["date"] for e in signed} >= {"2014-11", "2015-10"}
    assert all(pair(e) == {"PAK", "RUS"} for e in signed)
    assert all(e["source"]["code"].startswith(("PAK", "RUS")) for e in signed)


def test_helicopters_go_to_pakistan_and_the_two_militaries_hold_the_drills(dawn):
    aid = [e for e in dawn["events"] if e["cameo"] == "072"]
    assert aid and all(e["source"]["country"] == "RUS" and e["target"]["code"] == "PAK" for e in aid)
    drills = [e for e in dawn["events"] if e["cameo"] == "062"]
    assert {(e["source"]["code"], e["target"]["code"]) for e in drills} == {("PAKMIL", "RUSMIL"), ("RUSMIL", "PAKMIL")}
    # Background events told in the past perfect are not dated on the day the story ran.
    assert all(e["date"] != "2018-02-21" for e in aid + drills)


def test_both_countries_express_alarm(dawn):
    alarm = [e for e in dawn["events"] if e["trigger"]["text"] == "expressing"]
    assert {e["source"]["country"] for e in alarm} == {"PAK", "RUS"} and all(e["cameo"] == "012" for e in alarm)


def test_the_talks_and_what_was_said_at_them_are_dated_on_tuesday(dawn):
    # "on Tuesday" is named once, in the lead; the talks, the ministers' quoted words and the criticism
    # told later in the story are dated by it, not by the day the story ran.
    talks = [e for e in dawn["events"] if e["cameo_root"] == "04" and pair(e) == {"PAK", "RUS"}
             and e["trigger"]["text"] in ("meeting", "talks", "discussions")]
    assert talks and all(e["date"] == "2018-02-20" for e in talks)
    quoted = [e for e in dawn["events"] if e["quote"] is not None and e["date_precision"] != "before_publication"]
    assert quoted and all(e["date"] == "2018-02-20" for e in quoted)
    criticism = [e for e in dawn["events"] if e["cameo_root"] == "11"]
    assert criticism and all(e["date"] == "2018-02-20" for e in criticism)
