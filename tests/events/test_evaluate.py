import json

import pytest

from tacitus.errors import InputError, ModelError
from tacitus.events.evaluate import GoldItem, Prediction, detect_kind, format_report, read_gold, score
from tacitus.model import Event, Trigger


def write(tmp_path, name, records):
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def event(code, root, plover, penta, confidence=0.5):
    return Event(sentence=0, source=None, target=None, cameo=code, cameo_root=root, quad_class=1, penta_class=penta,
                 goldstein=0.0, plover=plover, trigger=Trigger(0, 1, "x"), rule="r", confidence=confidence)


def test_kinds_are_detected_by_their_gold_fields():
    assert detect_kind({"cameo": "010", "cameo_root": "01"}) == "cameo"
    assert detect_kind({"plover_event": "AGREE"}) == "plover"
    assert detect_kind({"class5": 3}) == "class5"
    with pytest.raises(ModelError):
        detect_kind({"label": "x"})


def test_plover_gold_reads_old_names_as_map_names(tmp_path):
    path = write(tmp_path, "p.jsonl", [{"id": "a", "text": "t", "gold": {"plover_event": "DEMAND"}},
                                       {"id": "b", "text": "t", "gold": {"plover_event": "FIGHT"}},
                                       {"id": "c", "text": "t", "gold": {"plover_event": "INVESTIGATE"}},
                                       {"id": "d", "text": "t", "gold": {"plover_event": "AGREE"}}])
    kind, items = read_gold(path)
    assert kind == "plover" and [i.label for i in items] == ["REQUEST", "ASSAULT", "ACCUSE", "AGREE"]


def test_mixed_or_broken_gold_files_are_input_errors(tmp_path):
    mixed = write(tmp_path, "m.jsonl", [{"text": "t", "gold": {"class5": 1}}, {"text": "t", "gold": {"cameo": "010"}}])
    with pytest.raises(InputError, match="line 2"):
        read_gold(mixed)
    broken = tmp_path / "b.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        read_gold(broken)


def test_cameo_scores_count_misses_against_recall_only():
    items = [GoldItem("1", "t", "0312", "03"), GoldItem("2", "t", "190", "19"), GoldItem("3", "t", "111", "11")]
    predictions = [Prediction(items[0], event("0311", "03", "AGREE", 1), "0311", "03"),
                   Prediction(items[1], event("190", "19", "ASSAULT", 4), "190", "19"),
                   Prediction(items[2], None, None, None)]
    report = score("cameo", predictions)
    assert report.scores["root_p"] == 1.0 and report.scores["root_r"] == pytest.approx(2 / 3)
    assert report.scores["code_p"] == 0.5 and report.scores["code_accuracy"] == pytest.approx(1 / 3)
    assert report.confusion["11"]["--"] == 1 and report.confusion["03"]["03"] == 1
    text = format_report(report, worst_n=2)
    assert "root_f1" in text and "no event" in text


def test_class5_accuracy(tmp_path):
    items = [GoldItem("1", "t", "4"), GoldItem("2", "t", "0")]
    predictions = [Prediction(items[0], event("190", "19", "ASSAULT", 4), "4"),
                   Prediction(items[1], event("111", "11", "ACCUSE", 3), "3")]
    assert score("class5", predictions).scores["accuracy"] == 0.5
