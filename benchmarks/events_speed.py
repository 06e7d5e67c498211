"""Throughput of the coding stages against parsing, measured side by side in one run.

Parses N sentences of ../shared/corpus/newswire_te3.jsonl with spaCy once (timed), then runs the
stages after parsing (actors, quotes, events, dating; time expressions are not part of the coder and
run untimed in between because dating reads them) over the parsed articles (timed), and reports
sentences per second for each and their ratio to parsing. Target: the CAMEO coder (the events stage) at
2,000 sentences/s or more on one core; the other stages are reported beside it.

    python benchmarks/events_speed.py [-n 2000]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "newswire_te3.jsonl"
# A rough sentence count before parsing: final punctuation or a line break.
SENTENCE_END = re.compile(r"[.!?][\"'”’]?(?:\s|$)|\n")


def load_articles(n_sentences: int):
    """Articles from the corpus, enough to hold about ``n_sentences`` sentences (rough count by periods)."""
    from tacitus.ingest import article_from_text

    articles, count = [], 0
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            articles.append(article_from_text(record["text"], id=record.get("id", str(len(articles))),
                                              published=record.get("published")))
            count += len(SENTENCE_END.findall(record["text"])) or 1
            if count >= n_sentences:
                break
    return articles


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2000, help="about how many sentences to parse")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is not present")
        return 0
    from tacitus.actors.stage import ActorStage
    from tacitus.events.dating import DatingStage
    from tacitus.events.stage import EventStage
    from tacitus.parse import Parser
    from tacitus.quotes.stage import QuoteStage
    from tacitus.time.stage import TimeStage

    articles = load_articles(args.n)
    parser_ = Parser()
    list(parser_.pipe(load_articles(20)))  # warm up the model outside the timing
    started = time.perf_counter()
    parsed = list(parser_.pipe(articles))
    parse_s = time.perf_counter() - started
    n = sum(len(a.sentences) for a in parsed)
    timed = [ActorStage(), QuoteStage(), EventStage(), DatingStage()]
    time_stage = TimeStage()
    for article in parsed:  # time expressions first, untimed: dating needs them
        time_stage(article)
    per_stage = {stage.name: 0.0 for stage in timed}
    events = 0
    for article in parsed:
        for stage in timed:
            started = time.perf_counter()
            stage(article)
            per_stage[stage.name] += time.perf_counter() - started
        events += len(article.events)
    coding_s = sum(per_stage.values())
    parse_rate, coding_rate = n / parse_s, n / coding_s
    print(f"{len(parsed)} articles, {n} sentences, {events} events")
    print(f"parse   {parse_rate:9.0f} sentences/s  ({parse_s:.2f} s)")
    print(f"coding  {coding_rate:9.0f} sentences/s  ({coding_s:.2f} s; actors + quotes + events + dating)")
    for name, seconds in per_stage.items():
        print(f"  {name:<8}{n / seconds:9.0f} sentences/s  ({seconds:.2f} s)")
    event_rate = n / per_stage["events"]
    print(f"the CAMEO coder (events stage) runs at {event_rate:.0f} sentences/s, {event_rate / parse_rate:.1f}x the "
          f"parse rate; target 2000 sentences/s: {'met' if event_rate >= 2000 else 'not met'}")
    print(f"all stages after parsing together run at {coding_rate / parse_rate:.1f}x the parse rate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
