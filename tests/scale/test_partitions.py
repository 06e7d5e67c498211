"""Planning partitions and reading them back: the same articles, ids and errors as a serial read."""

from __future__ import annotations

import json
import os

import pytest

from tacitus import read_inputs
from tacitus.errors import UsageError
from tacitus.scale import plan_partitions, read_partition


def _jsonl(path, n, *, blank_every=0, bad_lines=()):
    lines = []
    for i in range(1, n + 1):
        if i in bad_lines:
            lines.append("{not json")
        else:
            lines.append(json.dumps({"id": f"a{i}", "published": "2018-02-21", "text": f"Story number {i}."}))
        if blank_every and i % blank_every == 0:
            lines.append("   ")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _summary(articles):
    return [(a.id, a.origin, a.text, a.published, [e.code for e in a.errors]) for a in articles]


def test_jsonl_is_cut_into_line_ranges_that_read_back_like_a_serial_read(tmp_path):
    path = _jsonl(tmp_path / "news.jsonl", 23, blank_every=4, bad_lines={7})
    partitions = plan_partitions([str(path)], partition_size=5)
    assert [p.size for p in partitions] == [5, 5, 5, 5, 3]
    read = [a for p in partitions for a in read_partition(p)]
    assert _summary(read) == _summary(read_inputs([str(path)]))
    assert any(a.errors and a.errors[0].code == "E106" for a in read)


def test_line_numbers_in_ids_and_errors_count_from_the_file_start(tmp_path):
    path = tmp_path / "plain.jsonl"
    path.write_text("\n".join(json.dumps({"text": f"Line {i}."}) for i in range(1, 8)) + "\n{broken\n",
                    encoding="utf-8")
    last = plan_partitions([str(path)], partition_size=3)[-1]
    articles = list(read_partition(last))
    assert articles[0].id == "plain-7"
    assert articles[1].id.endswith("plain.jsonl:8") and articles[1].errors[0].line == 8


def test_files_and_directories_are_grouped(tmp_path):
    folder = tmp_path / "stories"
    folder.mkdir()
    for i in range(5):
        (folder / f"s{i}.txt").write_text(f"Story {i} text.", encoding="utf-8")
    _jsonl(folder / "more.jsonl", 4)
    missing = str(tmp_path / "missing.txt")
    partitions = plan_partitions([str(folder), missing], partition_size=2)
    read = [a for p in partitions for a in read_partition(p)]
    assert _summary(read) == _summary(read_inputs([str(folder), missing]))
    assert read[-1].errors[0].code == "E101"
    assert sum(p.size for p in partitions) == len(read) == 10


def test_limit_stops_after_that_many_articles(tmp_path):
    path = _jsonl(tmp_path / "news.jsonl", 30)
    partitions = plan_partitions([str(path)], partition_size=4, limit=10)
    assert [p.size for p in partitions] == [4, 4, 2]
    assert len([a for p in partitions for a in read_partition(p)]) == 10


def test_empty_jsonl_still_reports_its_error(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    (partition,) = plan_partitions([str(path)])
    assert [e.code for a in read_partition(partition) for e in a.errors] == ["E105"]


def test_keys_are_stable_and_change_with_the_file(tmp_path):
    path = _jsonl(tmp_path / "news.jsonl", 10)
    first = [p.key for p in plan_partitions([str(path)], partition_size=4)]
    assert first == [p.key for p in plan_partitions([str(path)], partition_size=4)]
    assert len(set(first)) == 3
    _jsonl(path, 11)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert set(first).isdisjoint(p.key for p in plan_partitions([str(path)], partition_size=4))


def test_file_changed_after_planning_raises_so_the_partition_fails(tmp_path):
    path = _jsonl(tmp_path / "news.jsonl", 10)
    last = plan_partitions([str(path)], partition_size=4)[-1]
    _jsonl(path, 2)
    with pytest.raises(OSError, match="changed since"):
        list(read_partition(last))


def test_stdin_and_bad_sizes_are_usage_errors():
    with pytest.raises(UsageError, match="standard input"):
        plan_partitions(["-"])
    with pytest.raises(UsageError, match="at least 1"):
        plan_partitions(["x.jsonl"], partition_size=0)
