"""Coverage-guided fuzzing of ingest (and, with --pipeline, the whole pipeline) with atheris (libFuzzer).

atheris is not a Tacitus dependency. To run this target:

    .venv/bin/pip install atheris            # Linux/macOS wheels for CPython 3.8-3.11; else it needs clang
    .venv/bin/python benchmarks/fuzz_atheris.py -atheris_runs=100000
    .venv/bin/python benchmarks/fuzz_atheris.py --pipeline -max_total_time=600 corpus_dir/

Every input is read as a file of one of the kinds Tacitus takes (.txt, .html, .jsonl, stdin) and must
give Articles or coded E1xx errors, offsets that point at their text and a record that reaches UTF-8;
with --pipeline, every readable article is also coded and must have no E501 stage crash and sound
offsets. Any exception is a finding: libFuzzer stops and writes the input to crash-<hash>. Other
arguments go to libFuzzer (-atheris_runs, -max_total_time, -max_len, a corpus folder, ...).
"""

from __future__ import annotations

import io
import logging
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
KINDS = (".txt", ".html", ".jsonl", "-")

try:
    import atheris
except ImportError:
    sys.stderr.write("fuzz_atheris.py needs atheris, which Tacitus does not depend on.\n"
                     "Install it with: .venv/bin/pip install atheris   (then rerun this script)\n"
                     "Without it, run the hypothesis fuzzer instead: .venv/bin/python benchmarks/fuzz.py\n")
    sys.exit(2)

with atheris.instrument_imports(include=["tacitus"]):
    from tacitus.ingest import read_inputs

from tests.robustness.checks import assert_coded_soundly  # noqa: E402
from tests.robustness.test_ingest_fuzz import assert_sound  # noqa: E402

FOLDER = Path(tempfile.mkdtemp(prefix="tacitus-atheris-"))
PIPELINE = None


def read(kind: str, payload: bytes):
    if kind == "-":
        return list(read_inputs(["-"], stdin=io.TextIOWrapper(io.BytesIO(payload), encoding="utf-8")))
    path = FOLDER / f"input{kind}"
    path.write_bytes(payload)
    return list(read_inputs([str(path)]))


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    kind = KINDS[provider.ConsumeIntInRange(0, len(KINDS) - 1)]
    articles = read(kind, provider.ConsumeBytes(provider.remaining_bytes()))
    if not articles:
        raise AssertionError("an input gave no Article at all")
    for article in articles:
        assert_sound(article)
        if PIPELINE is not None and article.text:
            assert_coded_soundly(PIPELINE(article))


def main() -> None:
    global PIPELINE
    logging.basicConfig(level=logging.CRITICAL)
    argv = [arg for arg in sys.argv if arg != "--pipeline"]
    if "--pipeline" in sys.argv:
        from tacitus import Pipeline

        PIPELINE = Pipeline(time_limit=30)
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
