"""The long fuzzing run: the properties of tests/robustness with many more examples, and a report.

    .venv/bin/python benchmarks/fuzz.py                    # 2,000 examples per ingest property, 500 per pipeline one
    .venv/bin/python benchmarks/fuzz.py --examples 200 --only pipeline

Each property feeds hostile input (any Unicode, control characters, mixed scripts and right-to-left
marks, enormous tokens, deeply nested HTML, malformed JSON Lines) to ingest or to the whole pipeline
and checks that the result is sound: Articles or coded errors, never an exception, never an E501 stage
crash, offsets that point at their text, a record that keeps the output contract. Hangs show up as
E502 (the pipeline runs with a --time-limit) and in the slowest-example column. The exit status is 1
when a property fails; hypothesis prints the smallest failing example.
"""

from __future__ import annotations

import argparse
import io
import logging
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.robustness.checks import assert_coded_soundly  # noqa: E402
from tests.robustness.strategies import (  # noqa: E402
    any_unicode,
    enormous_tokens,
    hostile_text,
    jsonl_file,
    nested_html,
    news_like,
)
from tests.robustness.test_ingest_fuzz import assert_sound  # noqa: E402


class Tally:
    """Examples run, and the slowest, per property."""

    def __init__(self):
        self.examples, self.slowest, self.timeouts = 0, 0.0, 0

    def timed(self, started: float) -> None:
        self.examples += 1
        self.slowest = max(self.slowest, time.perf_counter() - started)


def ingest_properties(folder: Path) -> dict:
    from tacitus.ingest import article_from_text, read_inputs

    def from_text(tally):
        @given(text=hostile_text, published=st.one_of(st.none(), st.just("2018-02-21")))
        def run(text, published):
            started = time.perf_counter()
            assert_sound(article_from_text(text, id="fuzz", published=published))
            tally.timed(started)
        return run

    def any_file(tally):
        @given(data=st.one_of(st.binary(max_size=5_000), any_unicode.map(lambda t: t.encode("utf-8", "surrogatepass")),
                              jsonl_file, nested_html()),
               suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl", ".csv"]))
        def run(data, suffix):
            path = folder / f"input{suffix}"
            path.write_bytes(data)
            started = time.perf_counter()
            articles = list(read_inputs([str(path)]))
            assert articles
            for article in articles:
                assert_sound(article)
            tally.timed(started)
        return run

    def stdin(tally):
        @given(data=st.one_of(jsonl_file, st.binary(max_size=2_000),
                              news_like.map(lambda t: t.encode("utf-8", "surrogatepass"))))
        def run(data):
            started = time.perf_counter()
            articles = list(read_inputs(["-"], stdin=io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")))
            assert articles
            for article in articles:
                assert_sound(article)
            tally.timed(started)
        return run

    return {"ingest: article_from_text(any text)": from_text, "ingest: read_inputs(any file kind)": any_file,
            "ingest: stdin": stdin}


def pipeline_properties(time_limit: float) -> dict:
    from tacitus import Pipeline
    from tacitus.ingest import article_from_text

    pipeline = Pipeline(time_limit=time_limit)

    def make(strategy):
        def prop(tally):
            @given(text=strategy, published=st.sampled_from([None, "2018-02-21"]))
            def run(text, published):
                article = article_from_text(text, id="fuzz", published=published)
                started = time.perf_counter()
                if article.text:
                    article = pipeline(article)
                tally.timeouts += sum(error.code == "E502" for error in article.errors)
                assert_coded_soundly(article)
                tally.timed(started)
            return run
        return prop

    return {"pipeline: news-like mixed scripts": make(news_like), "pipeline: any Unicode": make(any_unicode),
            "pipeline: enormous tokens": make(enormous_tokens())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=None,
                        help="examples per property (default: 2,000 for ingest, 500 for the pipeline)")
    parser.add_argument("--only", choices=["ingest", "pipeline"], help="run one group of properties")
    parser.add_argument("--time-limit", type=float, default=30.0, help="the pipeline's time limit per article")
    parser.add_argument("--seed", type=int, default=None, help="hypothesis seed, to repeat a run")
    args = parser.parse_args()
    logging.basicConfig(level=logging.CRITICAL)

    groups = []
    with tempfile.TemporaryDirectory() as folder:
        if args.only in (None, "ingest"):
            groups.append((ingest_properties(Path(folder)), args.examples or 2_000))
        if args.only in (None, "pipeline"):
            groups.append((pipeline_properties(args.time_limit), args.examples or 500))
        failed = 0
        print(f"{'property':<40} {'examples':>8} {'seconds':>8} {'slowest s':>9} {'E502':>5} result")
        for properties, examples in groups:
            for name, build in properties.items():
                tally = Tally()
                test = settings(max_examples=examples, deadline=None, database=None, derandomize=args.seed is not None,
                                suppress_health_check=list(HealthCheck))(build(tally))
                if args.seed is not None:
                    from hypothesis import seed

                    test = seed(args.seed)(test)
                started = time.perf_counter()
                try:
                    test()
                    result = "ok"
                except Exception as exc:  # report every property, then fail
                    failed += 1
                    result = f"FAILED: {type(exc).__name__}: {str(exc)[:300]}"
                print(f"{name:<40} {tally.examples:>8} {time.perf_counter() - started:>8.1f} {tally.slowest:>9.2f} "
                      f"{tally.timeouts:>5} {result}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
