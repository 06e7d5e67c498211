"""`tacitus code` end to end: every input kind, bad inputs, the three output formats."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from tacitus.cli import main
from tacitus.output import validate

from .conftest import EXAMPLE

STORY = ("WASHINGTON (Reuters) - The United States and Japan signed a trade agreement on Monday, "
         "officials said. Japanese troops also held joint exercises with American forces.")


def run(*args, input=None):
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result


def records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_code_text_file_gives_valid_contract(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = run("code", str(path), "--published", "2021-03-02")
    assert result.exit_code == 0, result.output
    [record] = records(result.stdout)
    validate(record)
    assert record["id"] == "story" and record["published"] == "2021-03-02"
    codes = {(e["cameo"], e["source"]["country"], e["target"]["country"] if e["target"] else None)
             for e in record["events"]}
    assert ("057", "USA", "JPN") in codes and ("057", "JPN", "USA") in codes
    event = record["events"][0]
    assert STORY[event["trigger"]["start"]:event["trigger"]["end"]] == event["trigger"]["text"]
    assert STORY[event["source"]["start"]:event["source"]["end"]] == event["source"]["text"]


@pytest.mark.parametrize("kind", ["html", "jsonl", "directory", "stdin-text", "stdin-jsonl"])
def test_every_input_kind(tmp_path, kind):
    args, stdin = [], None
    if kind == "html":
        page = tmp_path / "page.html"
        page.write_text(f"<html><head><title>Trade pact</title></head><body><article><h1>Trade pact</h1>"
                        f"<p>{STORY}</p><p>More text follows here about the meeting.</p></article></body></html>")
        args = [str(page)]
    elif kind == "jsonl":
        path = tmp_path / "stories.jsonl"
        path.write_text(json.dumps({"id": "a1", "text": STORY, "published": "2021-03-02"}) + "\n")
        args = [str(path)]
    elif kind == "directory":
        (tmp_path / "sub").mkdir()
        (tmp_path / "sub" / "one.txt").write_text(STORY)
        (tmp_path / "two.md").write_text(STORY)
        args = [str(tmp_path)]
    elif kind == "stdin-text":
        args, stdin = ["-"], STORY
    else:
        args, stdin = ["-"], json.dumps({"id": "s1", "text": STORY}) + "\n"
    result = run("code", *args, "--published", "2021-03-02", input=stdin)
    assert result.exit_code == 0, result.output
    found = records(result.stdout)
    assert found and all(r["events"] for r in found)
    for record in found:
        validate(record)


def test_bad_inputs_are_reported_and_the_rest_still_coded(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(STORY)
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 64)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 talks".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    lines = tmp_path / "lines.jsonl"
    lines.write_text('{"text": "Iran and Iraq held talks."}\nnot json\n{"id": 3}\n')
    result = run("code", str(tmp_path / "missing.txt"), str(binary), str(latin), str(empty), str(lines), str(good),
                 "--published", "2021-03-02")
    assert result.exit_code == 0
    found = records(result.stdout)
    errors = {e["code"] for r in found for e in r["errors"]}
    assert {"E101", "E103", "E104", "E105", "E106"} <= errors
    assert "missing.txt" in result.stderr and "line 2" in result.stderr
    assert any(r["id"] == "good" and r["events"] for r in found)
    for record in found:
        validate(record)


def test_exit_status_is_nonzero_only_when_nothing_could_be_read(tmp_path):
    result = run("code", str(tmp_path / "nope.txt"), str(tmp_path / "nada.jsonl"))
    assert result.exit_code == 1
    assert "E101" in result.stderr and "no article could be read" in result.stderr
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    assert run("code", str(empty_dir)).exit_code == 1


def test_bad_published_option_is_a_usage_error(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    result = run("code", str(path), "--published", "last Tuesday")
    assert result.exit_code != 0 and "last Tuesday" in result.output + result.stderr


def test_csv_has_one_row_per_event(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    result = run("code", str(path), "--format", "csv", "--published", "2021-03-02")
    jsonl = records(run("code", str(path), "--published", "2021-03-02").stdout)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == len(jsonl[0]["events"]) > 0
    assert rows[0]["article_id"] == "story" and rows[0]["cameo"]


def test_table_format_shows_events():
    result = run("code", str(EXAMPLE), "--format", "table")
    assert result.exit_code == 0
    assert "Sign formal agreement" in result.stdout and "PAK" in result.stdout


def test_bundled_example_is_dated_from_its_text():
    [record] = records(run("code", str(EXAMPLE)).stdout)
    assert record["published"] == "2024-06-05"
    assert record["dateline"]["name"] == "Islamabad"
    assert len(record["events"]) >= 8


def test_explain_shows_rule_and_path():
    result = run("explain", "Russia and India signed a defence agreement on Monday.", "--published", "2020-01-08")
    assert result.exit_code == 0
    assert "057" in result.stdout and "rule" in result.stdout and "source_path" in result.stdout


def test_actor_command():
    out = json.loads(run("actor", "Pakistani troops").stdout)
    assert out["code"] == "PAKMIL"
    assert json.loads(run("actor", "a cat named Frank").stdout) is None


def test_time_command(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("The talks were held on Tuesday.")
    out = json.loads(run("time", str(path), "--published", "2018-02-21").stdout)
    assert [(t["type"], t["value"]) for t in out] == [("DATE", "2018-02-20")]
    assert "The talks were held on Tuesday."[out[0]["start"]:out[0]["end"]] == out[0]["text"]


def test_time_command_reads_the_parse_when_asked(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("Iraq goes to the polls on Thursday.")
    words = json.loads(run("time", str(path), "--published", "2005-12-13").stdout)
    parsed = json.loads(run("time", str(path), "--published", "2005-12-13", "--parse").stdout)
    assert [t["value"] for t in words] == ["2005-12-08"]
    assert [t["value"] for t in parsed] == ["2005-12-15"]
    result = run("time", str(path), "--parse", "--model", "no_such_model")
    assert result.exit_code != 0 and "E201" in result.output
