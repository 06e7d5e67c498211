"""Work units for scale-out: inputs split into partitions of files and JSONL line ranges.

A :class:`Partition` is a small, picklable description of work (paths and byte/line ranges, never
article text), so the client sends only that to a worker and the worker reads the input itself; on
a multi-node cluster the input paths must therefore be visible to every worker (a shared file system).

Each partition has a stable ``key`` derived from what it covers (path, size, modification time,
line range), so a rerun over unchanged inputs plans the same keys and can skip finished ones.
"""

from __future__ import annotations

import codecs
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from tacitus.errors import UsageError
from tacitus.ingest import read_inputs
from tacitus.ingest.readers import (
    JSONL_SUFFIXES,
    STDIN,
    _article_from_record,
    _decode,
    _directory_files,
)
from tacitus.ingest.article import DEFAULT_LIMIT, error_article
from tacitus.model import Article, ArticleError

# Articles (JSONL lines or files) per partition: large enough that scheduling costs little beside
# parsing (a partition of 100 newswire articles takes seconds), small enough that a lost worker
# loses little work and a progress bar moves.
PARTITION_SIZE = 100


@dataclass(frozen=True)
class Slice:
    """A piece of one input: a whole file (``first_line`` is 0), or JSONL lines [first_line, last_line].

    ``byte_start``/``byte_end`` locate the lines in the file so a worker reads only its own bytes.
    """

    path: str
    first_line: int = 0
    last_line: int = 0
    byte_start: int = 0
    byte_end: int = 0

    @property
    def whole_file(self) -> bool:
        return self.first_line == 0

    def describe(self) -> str:
        return self.path if self.whole_file else f"{self.path}:{self.first_line}-{self.last_line}"


@dataclass(frozen=True)
class Partition:
    """One unit of work: slices read and coded together by one worker; ``size`` is its article count."""

    key: str
    slices: tuple[Slice, ...]
    size: int

    def describe(self) -> str:
        first = self.slices[0].describe()
        return first if len(self.slices) == 1 else f"{first} (+{len(self.slices) - 1} files)"


def plan_partitions(inputs: Iterable[str], *, partition_size: int = PARTITION_SIZE,
                    limit: int | None = None) -> list[Partition]:
    """Split inputs (files and directories, as :func:`tacitus.read_inputs` takes them) into partitions.

    A JSONL file is cut into runs of ``partition_size`` non-blank lines; other files (text, HTML, and
    paths that do not exist, which read as one error article each) are grouped ``partition_size`` to a
    partition. ``limit`` stops after that many articles. Raises UsageError for stdin, which cannot be
    handed to workers, and for a partition size below 1.
    """
    if partition_size < 1:
        raise UsageError(f"partition size must be at least 1, got {partition_size}")
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [os.fspath(inputs)]
    partitions: list[Partition] = []
    files: list[Slice] = []
    remaining = limit if limit is not None else -1

    def flush_files() -> None:
        if files:
            partitions.append(_partition(tuple(files)))
            files.clear()

    for path in _expand(inputs):
        if remaining == 0:
            break
        if path.suffix.lower() in JSONL_SUFFIXES and path.is_file():
            flush_files()
            pieces = list(_jsonl_slices(path, partition_size, remaining))
            for piece, count in pieces:
                partitions.append(_partition((piece,), count))
                remaining = remaining - count if remaining > 0 else remaining
            if pieces:
                continue
            # A JSONL file without records is read whole, so that its E105 error article is reported.
        files.append(Slice(str(path)))
        remaining = remaining - 1 if remaining > 0 else remaining
        if len(files) >= partition_size:
            flush_files()
    flush_files()
    return partitions


def _expand(inputs: Iterable[str]) -> Iterator[Path]:
    for item in inputs:
        name = os.fspath(item)
        if name == STDIN:
            raise UsageError("standard input cannot be split across workers; give files or directories")
        path = Path(name)
        if path.is_dir():
            files = _directory_files(path)
            # An empty directory still yields its E102 error article through read_inputs.
            yield from files if files else [path]
        else:
            yield path


def _jsonl_slices(path: Path, size: int, limit: int) -> Iterator[tuple[Slice, int]]:
    """Runs of ``size`` non-blank lines of a JSONL file with their byte ranges, and each run's line count.

    Stops after ``limit`` lines (-1: no limit).
    """
    first = last = start = count = offset = taken = 0
    with path.open("rb") as handle:
        for lineno, raw in enumerate(handle, start=1):
            line_start = offset
            offset += len(raw)
            if not raw.strip():
                continue
            if count == 0:
                first, start = lineno, line_start
            last, count, taken = lineno, count + 1, taken + 1
            if count == size or taken == limit:
                yield Slice(str(path), first, last, start, offset), count
                count = 0
                if taken == limit:
                    return
    if count:
        yield Slice(str(path), first, last, start, offset), count


def _partition(slices: tuple[Slice, ...], size: int | None = None) -> Partition:
    return Partition(key=_key(slices), slices=slices, size=len(slices) if size is None else size)


def _key(slices: tuple[Slice, ...]) -> str:
    """A stable name for the work: what each slice covers and the size and mtime of its file then."""
    digest = hashlib.sha256()
    for piece in slices:
        try:
            stat = os.stat(piece.path)
            version = f"{stat.st_size}:{stat.st_mtime_ns}"
        except OSError:
            version = "missing"
        digest.update(f"{os.path.abspath(piece.path)}|{version}|{piece.first_line}-{piece.last_line}|"
                      f"{piece.byte_start}-{piece.byte_end}\n".encode())
    return digest.hexdigest()[:20]


def read_partition(partition: Partition, *, published: str | None = None,
                   max_chars: int | None = DEFAULT_LIMIT) -> Iterator[Article]:
    """The Articles of a partition, read as :func:`tacitus.read_inputs` reads them (same ids and errors).

    Raises OSError when a JSONL file is gone or changed since planning (the partition then fails and
    is retried or reported); every other problem becomes an error Article.
    """
    for piece in partition.slices:
        if piece.whole_file:
            yield from read_inputs([piece.path], published=published, max_chars=max_chars)
        else:
            yield from _read_jsonl_slice(piece, published, max_chars)


def _read_jsonl_slice(piece: Slice, published: str | None, max_chars: int | None) -> Iterator[Article]:
    # The per-line reading is the ingest package's own (_decode, _article_from_record), so ids
    # ("stem-LINE"), origins ("path:LINE") and errors match a serial run; only the line loop is
    # here, because ingest reads a JSONL file whole and numbers lines from 1.
    path = Path(piece.path)
    with path.open("rb") as handle:
        handle.seek(piece.byte_start)
        data = handle.read(piece.byte_end - piece.byte_start)
    if len(data) != piece.byte_end - piece.byte_start:
        raise OSError(f"{piece.path} changed since the run was planned (lines {piece.first_line}-{piece.last_line})")
    offset = piece.byte_start
    for lineno, raw in enumerate(data.split(b"\n"), start=piece.first_line):
        line_offset = offset
        offset += len(raw) + 1
        if lineno > piece.last_line:
            break
        if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
            line_offset += len(codecs.BOM_UTF8)
        if not raw.strip():
            continue
        text = _decode(raw, piece.path, line=lineno, base_offset=line_offset)
        if isinstance(text, ArticleError):
            yield error_article(f"{piece.path}:{lineno}", text)
            continue
        yield _article_from_record(text, name=piece.path, lineno=lineno, default_id=f"{path.stem}-{lineno}",
                                   published=published, max_chars=max_chars)
