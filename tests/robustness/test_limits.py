"""Limits: articles over max_chars are refused (E108), long ones are coded in chunks with offsets into the
whole text, and a runaway article is stopped by the time limit (E502) while the batch goes on."""

from __future__ import annotations

import json
import signal
import threading
import time

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tacitus.cli import main
from tacitus.errors import UsageError
from tacitus.ingest import article_from_text, read_inputs
from tacitus.model import Article, Quote
from tacitus.parse import split_text
from tacitus.pipeline import MIN_CHUNK_CHARS, Pipeline
from tacitus.time.stage import TimeStage

from ..conftest import EXAMPLE
from .checks import assert_coded_soundly, assert_offsets
from .strategies import enormous_tokens, news_like

# --- splitting -------------------------------------------------------------------------------------


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=st.one_of(news_like, enormous_tokens(), st.text(max_size=300)), max_chars=st.integers(1, 400))
def test_chunks_cover_every_character_in_order_within_the_limit(text, max_chars):
    chunks = split_text(text, max_chars)
    covered = []
    previous_end = 0
    for start, end in chunks:
        assert previous_end <= start < end <= len(text)
        assert end - start <= max_chars
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert not text[previous_end:start].strip()
        covered.append(text[start:end])
        previous_end = end
    assert not text[previous_end:].strip()
    assert "".join("".join(covered).split()) == "".join(text.split())


def test_chunks_end_at_paragraphs_before_sentences_before_words():
    text = "One two. Three four.\n\nFive six. Seven eight nine."
    assert [text[a:b] for a, b in split_text(text, 30)] == ["One two. Three four.", "Five six. Seven eight nine."]
    assert [text[a:b] for a, b in split_text(text, 15)][:2] == ["One two.", "Three four."]
    token = "abcdefghij"
    assert [token[a:b] for a, b in split_text(token, 4)] == ["abcd", "efgh", "ij"]


# --- chunked coding ----------------------------------------------------------------------------------


def _body() -> str:
    # The example without its dateline, so that every copy of it is coded alike.
    return EXAMPLE.read_text(encoding="utf-8").replace("ISLAMABAD: ", "").strip()


def _coded(pipeline: Pipeline, text: str) -> Article:
    article = article_from_text(text, id="long", published="2024-06-10")
    article.dateline = None
    return pipeline(article)


def _events(article: Article, shift: int = 0) -> list[tuple]:
    return [(e.cameo, e.trigger.start + shift, e.trigger.end + shift, e.source and e.source.start + shift,
             e.target and e.target.start + shift, e.date, e.sentence) for e in article.events]


def test_a_long_article_is_coded_chunk_by_chunk_with_offsets_into_the_whole_text(pipeline):
    body = _body()
    alone = _coded(pipeline, body)
    assert alone.events, "the example must have events for this test to mean anything"
    copies = 3
    chunked = _coded(Pipeline(chunk_chars=len(body) + 50), "\n\n".join([body] * copies))
    assert chunked.doc is None and not chunked.errors
    assert_coded_soundly(chunked)
    step, sentences = len(body) + 2, len(alone.sentences)
    expected = []
    for copy in range(copies):
        expected += [(*event[:-1], event[-1] + copy * sentences) for event in _events(alone, copy * step)]
    assert _events(chunked) == expected
    assert len(chunked.mentions) == copies * len(alone.mentions)
    assert len(chunked.actors) == copies * len(alone.actors)
    assert [t.text for t in chunked.timexes] == [t.text for t in alone.timexes] * copies


def test_the_dateline_stays_with_the_article_when_chunked(pipeline):
    text = EXAMPLE.read_text(encoding="utf-8")
    article = Pipeline(chunk_chars=MIN_CHUNK_CHARS)(article_from_text(text, id="x", published="2024-06-10"))
    assert article.dateline is not None and article.dateline.text == "ISLAMABAD"
    assert_coded_soundly(article)
    assert not article.errors


# --- max_chars ----------------------------------------------------------------------------------------


def test_pipeline_refuses_an_article_over_max_chars_and_codes_the_rest(pipeline):
    short = Pipeline(max_chars=200)
    articles = [Article(id="long", text="Pakistan signed a deal. " * 20, origin="long.txt"),
                article_from_text("Pakistan signed a deal with Russia.", id="short")]
    long, ok = short.pipe(articles)
    assert [e.code for e in long.errors] == ["E108"] and "480" in long.errors[0].message
    assert long.doc is None and not long.events
    assert ok.events and not ok.errors


def test_readers_take_max_chars(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "x" * 30}) + "\n" + json.dumps({"text": "y" * 10}) + "\n", encoding="utf-8")
    first, second = read_inputs([str(path)], max_chars=20)
    assert [e.code for e in first.errors] == ["E108"] and not second.errors
    assert len(list(read_inputs([str(path)], max_chars=None))[0].text) == 30
    with pytest.raises(UsageError):
        read_inputs([str(path)], max_chars=0)


@pytest.mark.parametrize("options", [{"max_chars": 0}, {"chunk_chars": 10}, {"time_limit": 0}, {"time_limit": -1}])
def test_bad_limits_are_usage_errors(options):
    with pytest.raises(UsageError):
        Pipeline(**options)


# --- time limit ---------------------------------------------------------------------------------------


class Spins:
    """A runaway stage: writes part of its field, then loops and swallows every Exception."""

    name, requires, assigns = "spins", ("doc",), ("quotes",)

    def __call__(self, article):
        if "spin" not in article.text:
            return article
        article.quotes.append(Quote(start=0, end=4, text=article.text[:4]))
        while True:
            try:
                time.sleep(0.01)
            except Exception:  # noqa: BLE001 - the point: a stage that would swallow an ordinary exception
                pass


class Sleeps:
    name, requires, assigns = "sleeps", ("doc",), ()

    def __call__(self, article):
        time.sleep(0.3)
        return article


def test_a_runaway_stage_is_stopped_with_e502_and_the_batch_goes_on(pipeline):
    runaway = Pipeline(stages=[TimeStage(), Spins()], time_limit=1)
    before = signal.getsignal(signal.SIGALRM)
    texts = ["Talks ended on Monday.", "They spin on Monday.", "Talks ended on Tuesday."]
    out = list(runaway.pipe(article_from_text(t, id=str(i), published="2024-06-10") for i, t in enumerate(texts)))
    assert [a.id for a in out] == ["0", "1", "2"]
    stopped = out[1]
    assert [e.code for e in stopped.errors] == ["E502"]
    assert "in stage spins" in stopped.errors[0].message and "limit of 1 s" in stopped.errors[0].message
    assert stopped.quotes == [], "a stopped stage's half-written field is dropped"
    assert [t.text for t in stopped.timexes] == ["Monday"], "finished stages keep their work"
    assert not out[0].errors and not out[2].errors and out[2].timexes
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_outside_the_main_thread_the_clock_is_checked_between_stages(pipeline):
    slow = Pipeline(stages=[Sleeps(), TimeStage()], time_limit=0.1)
    out = []
    articles = [article_from_text("Talks on Monday.", id=name, published="2024-06-10") for name in ("first", "t")]
    worker = threading.Thread(target=lambda: out.extend(slow.pipe(articles)))
    worker.start()
    worker.join(30)
    first, article = out
    assert not first.errors, "the first article, while the stages load their tables, has no limit"
    assert [e.code for e in article.errors] == ["E502"] and "before stage time" in article.errors[0].message
    assert article.timexes == []


def test_no_time_limit_lets_a_slow_stage_finish(pipeline):
    [article] = Pipeline(stages=[Sleeps(), TimeStage()], time_limit=None).pipe(
        [article_from_text("Talks on Monday.", id="t", published="2024-06-10")])
    assert not article.errors and article.timexes


def test_a_chunk_that_runs_away_costs_only_that_chunk(pipeline):
    paragraphs = ["Talks ended on Monday. " * 30, "They spin on Tuesday. " * 20, "Talks ended on Friday. " * 30]
    text = "\n\n".join(p.strip() for p in paragraphs)
    assert [len(text[a:b].split(". ")) for a, b in split_text(text, MIN_CHUNK_CHARS)] == [30, 20, 30]
    out = Pipeline(stages=[TimeStage(), Spins()], chunk_chars=MIN_CHUNK_CHARS, time_limit=2)(
        article_from_text(text, id="c", published="2024-06-10"))
    [error] = out.errors
    assert error.code == "E502" and "in stage spins" in error.message
    start, end = split_text(text, MIN_CHUNK_CHARS)[1]
    assert f"(in characters {start}-{end})" in error.message
    assert {t.text for t in out.timexes} == {"Monday", "Tuesday", "Friday"}
    assert len(out.sentences) == 80 and out.quotes == []
    assert_offsets(out)


# --- the command line ------------------------------------------------------------------------------


def test_cli_limits(tmp_path, pipeline):
    long, short = tmp_path / "long.txt", tmp_path / "short.txt"
    long.write_text("Pakistan signed a deal. " * 10, encoding="utf-8")
    short.write_text("Pakistan signed a deal with Russia.", encoding="utf-8")
    result = CliRunner().invoke(main, ["code", str(long), str(short), "--max-chars", "100", "--time-limit", "30",
                                       "--chunk-chars", "5000"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    first, second = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["code"] for e in first["errors"]] == ["E108"] and second["events"]
    result = CliRunner().invoke(main, ["code", str(short), "--chunk-chars", "10"])
    assert result.exit_code == 2 and "--chunk-chars" in result.output


class _SlowFinalizer:
    def __del__(self):
        started = time.monotonic()
        while time.monotonic() - started < 0.5:
            pass


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_regression_an_alarm_dropped_in_a_finalizer_goes_off_again():
    # Found by fuzzing: Python prints and drops an exception raised inside __del__ or a gc callback.
    from tacitus.pipeline import ALARM_REPEAT, ArticleTimeout, time_limit

    started = time.monotonic()
    with pytest.raises(ArticleTimeout):
        with time_limit(0.2):
            _SlowFinalizer()  # the alarm lands in its __del__ and is dropped
            while time.monotonic() - started < 30:
                time.sleep(0.01)
    assert time.monotonic() - started < 0.5 + ALARM_REPEAT + 5
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
