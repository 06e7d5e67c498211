"""Peak memory and time of one very long article against a normal long one: chunked parsing keeps memory flat.

Each size runs in a fresh Python process, which loads the pipeline, codes one short article (so that
every lazy table is loaded), then codes one article of SIZE characters built from news text, and reports
its peak resident memory (``ru_maxrss``). The ratio of the largest size's peak to the smallest one's is
the number to watch: with chunking it stays near 1, however long the article.

    .venv/bin/python benchmarks/limits.py                       # 100 KB vs 10 MB (minutes: 10 MB is parsed)
    .venv/bin/python benchmarks/limits.py --sizes 100000 1000000
    .venv/bin/python benchmarks/limits.py --sizes 300000 --chunk-chars 1000000   # one Doc, for comparison

The text is the newswire corpus of ../shared (articles joined by blank lines, repeated as needed), or the
shipped example article when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import logging
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "newswire_te3.jsonl"
EXAMPLE = ROOT / "src" / "tacitus" / "examples" / "islamabad-beijing-corridor.txt"
DEFAULT_SIZES = (100_000, 10_000_000)


def build_text(size: int) -> str:
    """News text of exactly ``size`` characters (cut at the end), paragraphs separated by blank lines."""
    if CORPUS.is_file():
        stories = [json.loads(line)["text"].strip() for line in CORPUS.open(encoding="utf-8") if line.strip()]
    else:
        stories = [EXAMPLE.read_text(encoding="utf-8").strip()]
    parts, length, index = [], 0, 0
    while length < size:
        story = stories[index % len(stories)]
        parts.append(story)
        length += len(story) + 2
        index += 1
    return "\n\n".join(parts)[:size].strip()


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


class ChunkProgress(logging.Handler):
    """Writes the pipeline's chunk messages to stderr with the peak memory so far, so that a long run
    shows where it is (and what it has used) even if it is stopped."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.started = time.perf_counter()

    def emit(self, record: logging.LogRecord) -> None:
        if "chunk" in record.getMessage():
            sys.stderr.write(f"  {time.perf_counter() - self.started:7.0f} s  peak {peak_mib():7.1f} MiB  "
                             f"{record.getMessage()}\n")
            sys.stderr.flush()


def child(size: int, chunk_chars: int, time_limit: float | None) -> dict:
    """Run in a fresh process: code one article of ``size`` characters; report time and peak memory."""
    logging.basicConfig(level=logging.ERROR)
    progress = logging.getLogger("tacitus.pipeline")
    progress.setLevel(logging.DEBUG)
    progress.addHandler(ChunkProgress())
    progress.propagate = False
    from tacitus import Pipeline, article_from_text

    pipeline = Pipeline(max_chars=None, chunk_chars=chunk_chars, time_limit=time_limit)
    pipeline(article_from_text("Pakistan and Russia signed an agreement in Moscow on Monday.", id="warm",
                               published="2018-02-21"))
    loaded = peak_mib()
    text = build_text(size)
    article = article_from_text(text, id=f"size-{size}", published="2018-02-21", max_chars=None)
    started = time.perf_counter()
    article = pipeline(article)
    seconds = time.perf_counter() - started
    return {"chars": len(article.text), "seconds": round(seconds, 1), "loaded_mib": round(loaded, 1),
            "peak_mib": round(peak_mib(), 1), "events": len(article.events), "sentences": len(article.sentences),
            "errors": [e.code for e in article.errors], "chunked": len(article.text) > chunk_chars}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES), help="article sizes in characters")
    parser.add_argument("--chunk-chars", type=int, default=None, help="Pipeline chunk_chars (default: the library's)")
    parser.add_argument("--time-limit", type=float, default=600.0, help="seconds per chunk (0: none)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    from tacitus.parse import CHUNK_CHARS

    chunk_chars = args.chunk_chars or CHUNK_CHARS
    time_limit = args.time_limit or None
    if args.child is not None:
        print(json.dumps(child(args.child, chunk_chars, time_limit)))
        return
    results = []
    print(f"chunk_chars={chunk_chars:,}  time_limit={time_limit}")
    print(f"{'chars':>12} {'seconds':>8} {'loaded MiB':>11} {'peak MiB':>9} {'growth MiB':>11} {'events':>7} errors")
    for size in args.sizes:
        command = [sys.executable, __file__, "--child", str(size), "--chunk-chars", str(chunk_chars),
                   "--time-limit", str(args.time_limit)]
        done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)  # progress on stderr
        if done.returncode != 0:
            print(f"{size:>12,} failed (exit {done.returncode})")
            continue
        result = json.loads(done.stdout.strip().splitlines()[-1])
        results.append(result)
        growth = result["peak_mib"] - result["loaded_mib"]
        print(f"{result['chars']:>12,} {result['seconds']:>8} {result['loaded_mib']:>11} {result['peak_mib']:>9} "
              f"{growth:>11.1f} {result['events']:>7} {','.join(result['errors']) or '-'}", flush=True)
    if len(results) >= 2:
        small, large = results[0], results[-1]
        print(f"size ratio {large['chars'] / small['chars']:.0f}x  peak memory ratio "
              f"{large['peak_mib'] / small['peak_mib']:.2f}x  growth ratio "
              f"{(large['peak_mib'] - large['loaded_mib']) / max(small['peak_mib'] - small['loaded_mib'], 1):.1f}x")


if __name__ == "__main__":
    main()
