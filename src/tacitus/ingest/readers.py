"""Reading inputs (files, directories, JSON Lines, stdin) into Articles.

Every input yields Articles; an input that cannot be read yields an Article with empty text and one
:class:`~tacitus.model.ArticleError` (E1xx) naming the input, so that a batch run goes on with the
other inputs and the error appears in the output. Only a bad ``published`` argument raises.
"""

from __future__ import annotations

import codecs
import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from tacitus.errors import (
    E_BAD_FIELD,
    E_BAD_HTML,
    E_BAD_JSONL,
    E_BINARY,
    E_EMPTY_ARTICLE,
    E_EMPTY_DIRECTORY,
    E_ENCODING,
    E_NO_SUCH_PATH,
    E_TOO_LONG,
    UsageError,
)
from tacitus.ingest.article import (
    DEFAULT_LIMIT,
    MAX_ARTICLE_CHARS,
    article_from_text,
    bad_date_error,
    error_article,
    input_error,
    replace_lone_surrogates,
    resolve_limit,
)
from tacitus.ingest.dates import normalize_iso_date, validate_published
from tacitus.ingest.html import extract_html
from tacitus.model import Article, ArticleError

logger = logging.getLogger(__name__)

STDIN = "-"
STDIN_NAME = "<stdin>"
STDIN_STEM = "stdin"

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

# UTF-8 needs at most 4 bytes a character: a text file larger than this is over the article limit
# whatever it holds, and is not read into memory.
BYTES_PER_CHAR = 4
MAX_TEXT_BYTES = MAX_ARTICLE_CHARS * BYTES_PER_CHAR
# Web pages carry much markup around their text; past this size a page is not a news article.
MAX_HTML_BYTES = 50_000_000
# Binary sniffing looks at the start of the file, as `file` and git do.
SNIFF_BYTES = 8192
# Share of control bytes (other than tab, newlines, form feed, escape) above which a file is binary.
MAX_CONTROL_SHARE = 0.3
TEXT_CONTROL_BYTES = frozenset(b"\t\n\r\f\v\b\x1b")
# Optional JSONL fields that must be strings when present.
JSONL_STRING_FIELDS = ("title", "url", "source")


def read_inputs(
    inputs: Iterable[str],
    *,
    published: str | None = None,
    stdin: TextIO | None = None,
    max_chars: int | None = DEFAULT_LIMIT,
) -> Iterator[Article]:
    """Read articles from paths, directories and stdin, in order.

    Reads each input: ``"-"`` is ``stdin`` (default ``sys.stdin``), one plain-text article or JSON
    Lines; a ``.txt``/``.md`` file is one article; ``.html``/``.htm`` is one page; ``.jsonl`` has one
    article per line; a directory is read recursively in sorted order (hidden entries and other
    files skipped). ``published`` (YYYY-MM-DD) overrides every other publication date. An article
    over ``max_chars`` characters (None: no limit) becomes an E108 error Article.

    Returns an iterator of Articles (read lazily). Raises :class:`~tacitus.errors.UsageError`
    at once, before reading anything, when ``published`` is not an ISO date; any other problem
    becomes an error Article (see :func:`~tacitus.ingest.is_error_article`).
    """
    published = validate_published(published)
    if max_chars is not DEFAULT_LIMIT and max_chars is not None and max_chars < 1:
        raise UsageError(f"max_chars must be at least 1, got {max_chars}")
    return _iter_inputs(_as_list(inputs), published, stdin, max_chars)


def _as_list(inputs: Iterable[str] | str | os.PathLike) -> Iterable[str]:
    # A lone path is a common slip (read_inputs("a.txt")); iterating it would read one path per character.
    if isinstance(inputs, (str, os.PathLike)):
        return [os.fspath(inputs)]
    return inputs


def _iter_inputs(
    inputs: Iterable[str], published: str | None, stdin: TextIO | None, max_chars: int | None
) -> Iterator[Article]:
    for item in inputs:
        name = os.fspath(item)
        if name == STDIN:
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, published, max_chars)
        else:
            yield from _read_path(Path(name), printable_name(name), published, max_chars)


def printable_name(name: str) -> str:
    """A path as ids, origins and messages show it: valid Unicode whatever bytes the file name has.

    Found by fuzzing file names: a name that is not UTF-8 (b"\\xffnews.txt") comes from the OS with
    surrogate escapes, which made the article's id unwritable and ended the run. Such bytes are shown
    as ``\\xff``.
    """
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that no file system produced
        return replace_lone_surrogates(name)


def count_inputs(inputs: Iterable[str]) -> int | None:
    """Count the articles that :func:`read_inputs` will yield, cheaply, to size a progress bar.

    Reads directory listings and counts the non-blank lines of JSONL files; every other file, and
    every unreadable input, counts one. Returns None when an input is stdin (it cannot be read twice).
    """
    total = 0
    for item in _as_list(inputs):
        if os.fspath(item) == STDIN:
            return None
        path = Path(item)
        if path.is_dir():
            files = _directory_files(path)
            total += sum(_count_file(f) for f in files) if files else 1
        else:
            total += _count_file(path)
    return total


def _count_file(path: Path) -> int:
    if path.suffix.lower() not in JSONL_SUFFIXES:
        return 1
    try:
        with path.open("rb") as handle:
            return max(1, sum(1 for line in handle if line.strip()))
    except OSError:
        return 1


def _directory_files(root: Path) -> list[Path]:
    """The article files under ``root``, recursively, in sorted order of their relative paths.

    Hidden files and folders (name starting with ".") and files of other kinds are skipped.
    """
    found = []
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file():
            found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def _read_path(path: Path, name: str, published: str | None, max_chars: int | None) -> Iterator[Article]:
    """Read one input path (file or directory) given on the command line as ``name``."""
    if path.is_dir():
        files = _directory_files(path)
        if not files:
            kinds = ", ".join(sorted(ARTICLE_SUFFIXES))
            problem = f"directory has no article files ({kinds})"
            yield error_article(name, input_error(E_EMPTY_DIRECTORY, problem, input=name))
            return
        for file in files:
            yield from _read_file(file, printable_name(str(file)), published, max_chars)
    elif path.exists():
        yield from _read_file(path, name, published, max_chars)
    else:
        yield error_article(name, input_error(E_NO_SUCH_PATH, "no such file or directory", input=name))


def _read_file(path: Path, name: str, published: str | None, max_chars: int | None) -> Iterator[Article]:
    """Read one file by its kind; files of unknown kind given by name are read as plain text."""
    suffix = path.suffix.lower()
    if max_chars is DEFAULT_LIMIT:
        text_limit: int | None = MAX_TEXT_BYTES
    else:
        text_limit = None if max_chars is None else max_chars * BYTES_PER_CHAR
    if suffix in JSONL_SUFFIXES:
        limit = None
    elif suffix in HTML_SUFFIXES:
        limit = None if text_limit is None else max(MAX_HTML_BYTES, text_limit)
    else:
        limit = text_limit
    try:
        size = path.stat().st_size
        if limit is not None and size > limit:
            problem = f"file is {size:,} bytes, too large for one article (limit {resolve_limit(max_chars):,} characters)"
            yield error_article(name, input_error(E_TOO_LONG, problem, input=name))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield error_article(name, input_error(E_NO_SUCH_PATH, f"cannot read: {exc.strerror or exc}", input=name))
        return
    # One line of JSON Lines with a NUL byte costs that line, not the file (found by fuzzing: a single
    # corrupted record made thousands of good ones an E103); the file is binary when its first line is.
    sniffed = data.lstrip(b"\r\n\t ").split(b"\n", 1)[0] if suffix in JSONL_SUFFIXES else data
    if _looks_binary(sniffed):
        yield error_article(name, input_error(E_BINARY, "binary file, not text", input=name))
        return
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(data, name, printable_name(path.stem), published, max_chars)
    elif suffix in HTML_SUFFIXES:
        yield _read_html(data, name, printable_name(path.stem), published, max_chars)
    else:
        if suffix not in TEXT_SUFFIXES:
            logger.debug("%s: unknown file kind %r, reading it as plain text", name, suffix)
        yield _read_text(data, name, printable_name(path.stem), published, max_chars)


def _looks_binary(data: bytes) -> bool:
    """True for bytes that are not text: NUL bytes anywhere, or mostly control bytes at the start.

    UTF-16 text (with its byte-order mark) has NUL bytes but is text.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in data:
        return True
    sample = data[:SNIFF_BYTES]
    if not sample:
        return False
    control = sum(1 for byte in sample if byte < 32 and byte not in TEXT_CONTROL_BYTES)
    return control / len(sample) > MAX_CONTROL_SHARE


def _decode(data: bytes, name: str, line: int | None = None, base_offset: int = 0) -> str | ArticleError:
    """Decode bytes as UTF-8 (a UTF-8 or UTF-16 byte-order mark is honoured).

    Returns the text, or an E104 error saying at which byte of the input decoding failed
    (``base_offset`` is where ``data`` starts in the input, for JSONL lines).
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            problem = f"invalid UTF-16 at byte offset {base_offset + exc.start}"
            return input_error(E_ENCODING, problem, input=name, line=line)
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = base_offset + skip + exc.start
        bad = data[skip + exc.start : skip + exc.start + 1].hex()
        problem = f"invalid UTF-8 at byte offset {offset} (byte 0x{bad}); save the file as UTF-8"
        return input_error(E_ENCODING, problem, input=name, line=line)


def _read_text(data: bytes, name: str, stem: str, published: str | None, max_chars: int | None) -> Article:
    text = _decode(data, name)
    if isinstance(text, ArticleError):
        return error_article(name, text)
    return article_from_text(text, id=stem, published=published, origin=name, max_chars=max_chars)


def _read_html(data: bytes, name: str, stem: str, published: str | None, max_chars: int | None) -> Article:
    """Read one HTML page: main text and metadata via trafilatura; the page's date ranks after ``published``."""
    try:
        page = extract_html(data)
    except Exception as exc:  # trafilatura and lxml raise many kinds on broken markup
        logger.debug("%s: HTML extraction failed", name, exc_info=True)
        return error_article(name, input_error(E_BAD_HTML, f"cannot parse HTML: {exc}", input=name))
    if not page.text or not page.text.strip():
        error = input_error(E_BAD_HTML, "no main text found in the HTML page", input=name)
        return error_article(name, error)
    if published is not None:
        date, source = published, "argument"
    elif page.published is not None:
        date, source = page.published, "html"
    else:
        date, source = None, None
    return article_from_text(
        page.text,
        id=stem,
        published=date,
        published_from=source,
        title=page.title,
        url=page.url,
        source=page.source,
        origin=name,
        max_chars=max_chars,
    )


def _read_jsonl(
    data: bytes, name: str, stem: str, published: str | None, max_chars: int | None
) -> Iterator[Article]:
    """Read JSON Lines: one article per non-blank line, each read on its own so one bad line costs one article.

    A file without any non-blank line yields one E105 error article, so that it is not skipped silently.
    """
    offset = 0
    seen = False
    for lineno, raw in enumerate(data.split(b"\n"), start=1):
        line_offset = offset
        offset += len(raw) + 1
        if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
            line_offset += len(codecs.BOM_UTF8)
        if not raw.strip():
            continue
        seen = True
        where = f"{name}:{lineno}"
        if b"\x00" in raw and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            yield error_article(where, input_error(E_BINARY, "binary data, not text", input=name, line=lineno))
            continue
        line_id = f"{stem}-{lineno}"
        text = _decode(raw, name, line=lineno, base_offset=line_offset)
        if isinstance(text, ArticleError):
            yield error_article(where, text)
            continue
        yield _article_from_record(
            text, name=name, lineno=lineno, default_id=line_id, published=published, max_chars=max_chars
        )
    if not seen:
        yield error_article(name, input_error(E_EMPTY_ARTICLE, "JSON Lines input has no records", input=name))


def _article_from_record(
    line: str, *, name: str, lineno: int, default_id: str, published: str | None, max_chars: int | None
) -> Article:
    """Build an Article from one JSONL line (already decoded); errors name ``name`` and ``lineno``."""
    where = f"{name}:{lineno}"

    def fail(code: str, problem: str) -> Article:
        return error_article(where, input_error(code, problem, input=name, line=lineno))

    try:
        record: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        return fail(E_BAD_JSONL, f"not valid JSON ({exc.msg} at column {exc.colno})")
    except (RecursionError, ValueError) as exc:
        # Found by fuzzing: json raises these, not JSONDecodeError, for arrays nested thousands deep
        # and for integers over Python's 4,300-digit conversion limit.
        return fail(E_BAD_JSONL, f"not readable JSON ({type(exc).__name__}: {str(exc)[:100]})")
    if not isinstance(record, dict):
        return fail(E_BAD_JSONL, f"expected a JSON object, got {_json_type(record)}")
    if "text" not in record or record["text"] is None:
        return fail(E_BAD_JSONL, 'missing "text" field')
    text = record["text"]
    if not isinstance(text, str):
        return fail(E_BAD_FIELD, f'field "text" must be a string, got {_json_type(text)}')
    if not text.strip():
        return fail(E_BAD_JSONL, 'field "text" is empty')

    record = {key: replace_lone_surrogates(value) if isinstance(value, str) else value for key, value in record.items()}
    article_id = record.get("id")
    if article_id is None or article_id == "":
        article_id = default_id
    elif isinstance(article_id, int) and not isinstance(article_id, bool):
        # Numeric ids are common in exported datasets; they name the article just as well.
        article_id = str(article_id)
    elif not isinstance(article_id, str):
        return fail(E_BAD_FIELD, f'field "id" must be a string or integer, got {_json_type(article_id)}')

    for field_name in (*JSONL_STRING_FIELDS, "published"):
        value = record.get(field_name)
        if value is not None and not isinstance(value, str):
            return fail(E_BAD_FIELD, f'field "{field_name}" must be a string, got {_json_type(value)}')

    errors: list[ArticleError] = []
    date, date_from = (published, "argument") if published is not None else (None, None)
    raw_date = record.get("published")
    if date is None and raw_date and raw_date.strip():
        date = normalize_iso_date(raw_date)
        if date is None:
            errors.append(bad_date_error(raw_date, input=name, line=lineno))
            logger.warning("%s: %s", errors[-1].code, errors[-1].message)
        else:
            date_from = "jsonl"

    article = article_from_text(
        text,
        id=article_id,
        published=date,
        published_from=date_from,
        title=record.get("title") or None,
        url=record.get("url") or None,
        source=record.get("source") or None,
        origin=where,
        max_chars=max_chars,
    )
    article.errors = errors + article.errors
    return article


def _json_type(value: Any) -> str:
    """The JSON name of a decoded value's type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "a string"


def _is_jsonl_text(text: str) -> bool:
    """True when every non-blank line of ``text`` is a JSON object with a "text" field."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return False
    for line in lines:
        try:
            record = json.loads(line)
        except (RecursionError, ValueError):  # JSONDecodeError, too deep, too many digits
            return False
        if not isinstance(record, dict) or "text" not in record:
            return False
    return True


def _read_stdin(stream: TextIO, published: str | None, max_chars: int | None) -> Iterator[Article]:
    """Read stdin: JSON Lines when every non-blank line is an object with "text", else one article.

    Reads the raw bytes when the stream has them (so that binary and encoding problems are reported
    like a file's), else the text.
    """
    buffer = getattr(stream, "buffer", None)
    try:
        if buffer is not None:
            data = buffer.read()
        else:
            content = stream.read()
            data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    except UnicodeDecodeError as exc:
        problem = f"invalid text at byte offset {exc.start}"
        yield error_article(STDIN_NAME, input_error(E_ENCODING, problem, input=STDIN_NAME))
        return
    except OSError as exc:
        yield error_article(STDIN_NAME, input_error(E_NO_SUCH_PATH, f"cannot read: {exc}", input=STDIN_NAME))
        return
    if _looks_binary(data):
        yield error_article(STDIN_NAME, input_error(E_BINARY, "binary data, not text", input=STDIN_NAME))
        return
    text = _decode(data, STDIN_NAME)
    if isinstance(text, ArticleError):
        yield error_article(STDIN_NAME, text)
        return
    if _is_jsonl_text(text):
        yield from _read_jsonl(data, STDIN_NAME, STDIN_STEM, published, max_chars)
    else:
        yield article_from_text(text, id=STDIN_STEM, published=published, origin=STDIN_NAME, max_chars=max_chars)
