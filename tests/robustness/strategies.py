"""Hypothesis strategies for hostile input: any Unicode, control characters, mixed scripts, right-to-left
text, enormous tokens, deeply nested HTML and malformed JSON Lines.

Shared by the bounded property tests in this folder and the longer run of ``benchmarks/fuzz.py``.
"""

from __future__ import annotations

import json

from hypothesis import strategies as st

# Words from several scripts, right-to-left ones included, and news words that wake the stages up
# (actors, event verbs, dates, quotes), so that the generated text reaches the code past the parser.
NEWS_WORDS = (
    "Pakistan", "Russia", "signed", "an", "agreement", "with", "on", "Monday", "said", "the", "minister",
    "Prime", "Minister", "Imran", "Khan", "accused", "rebels", "of", "attacking", "police", "in", "Kabul",
    "last", "week", "2018-02-21", "Feb.", "20", "UN", "NATO", "talks", "will", "meet", "not", "\"", "'", "—",
    "ISLAMABAD:", "(Reuters)", "-", "he", "they", "its", "and", ".", ",", "?", "!", ";", "\n", "\n\n",
)
OTHER_SCRIPTS = (
    "مرحبا", "باكستان", "שלום", "ישראל", "Россия", "Москва", "中国", "北京", "पाकिस्तान", "ਪੰਜਾਬ", "ελληνικά",
    "日本語", "한국어", "ไทย", "\u202e", "\u202d", "\u200f", "\u200e", "\u2066", "\u2069", "\u200b", "\ufeff",
    "e\u0301", "\U0001F600", "\U0001F1F5\U0001F1F0", "\u0000", "\x07", "\x1b[31m", "\x0c", "\x85", "\u2028",
    "\u2029", "\r", "\r\n", "\t", "\ufffd", "\ud800", "\udfff",
)
WORDS = st.sampled_from(NEWS_WORDS + OTHER_SCRIPTS)

# Any code point at all (surrogates and unassigned ones included).
any_unicode = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=300)


@st.composite
def enormous_tokens(draw) -> str:
    """One very long token (a run of one character or a short pattern), alone or inside a sentence."""
    unit = draw(st.sampled_from(["x", "ab", "-", ".", "9", "ق", "字", "\u0301", "A.", "http://", "@"]))
    token = unit * draw(st.integers(min_value=1_000, max_value=20_000))
    return draw(st.sampled_from(["{t}", "Pakistan signed {t} on Monday.", "{t} {t}", "Russia said: \"{t}\""])).format(t=token)


def _join(words: list[str], separators: list[str]) -> str:
    return "".join(w + separators[i % len(separators)] for i, w in enumerate(words))


# Mixed-script, control-laden, news-flavoured text: most of what the fuzzers feed the pipeline.
news_like = st.builds(
    _join,
    st.lists(WORDS, max_size=120),
    st.lists(st.sampled_from([" ", " ", " ", "", "\n", "  ", "\u00a0", "\t"]), min_size=1, max_size=5),
)

hostile_text = st.one_of(any_unicode, news_like, enormous_tokens())


@st.composite
def nested_html(draw) -> bytes:
    """An HTML page whose text sits inside thousands of nested (often unclosed or misnested) elements."""
    depth = draw(st.integers(min_value=1, max_value=5_000))
    tag = draw(st.sampled_from(["div", "b", "span", "table", "p", "ul", "li", "font", "a"]))
    close = draw(st.booleans())
    body = draw(news_like)
    opening = f"<{tag}>" * depth
    closing = f"</{tag}>" * depth if close else ""
    junk = draw(st.sampled_from(["", "<!--", "<script>", "<![CDATA[", "<?xml?>", "&#xD800;", "&#0;", "<html><html>"]))
    page = f"<html><head><title>{body[:40]}</title></head><body>{junk}{opening}<p>{body}</p>{closing}</body></html>"
    return page.encode("utf-8", "surrogatepass")


def _deep_json(depth: int) -> str:
    return "[" * depth + "]" * depth


@st.composite
def jsonl_line(draw) -> bytes:
    """One JSON Lines line: a good record, a record with bad fields, or something that is not JSON."""
    good = {"text": draw(hostile_text)}
    if draw(st.booleans()):
        good["id"] = draw(st.one_of(st.text(max_size=20), st.integers(), st.none(), st.booleans(), st.floats()))
    if draw(st.booleans()):
        good["published"] = draw(st.one_of(st.text(max_size=12), st.sampled_from(["2018-02-21", "2018-13-45"])))
    for name in ("title", "url", "source"):
        if draw(st.booleans()):
            good[name] = draw(st.one_of(st.text(max_size=20), st.integers(), st.lists(st.integers(), max_size=2)))
    kind = draw(st.sampled_from(["good", "good", "truncated", "not_object", "deep", "huge_int", "bytes", "blank"]))
    if kind == "good":
        return json.dumps(good, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
    if kind == "truncated":
        line = json.dumps(good).encode("utf-8", "surrogatepass")
        return line[: draw(st.integers(min_value=0, max_value=max(0, len(line) - 1)))]
    if kind == "not_object":
        return json.dumps(draw(st.one_of(st.text(max_size=10), st.integers(), st.lists(st.integers())))).encode()
    if kind == "deep":
        return ('{"text": ' + _deep_json(draw(st.integers(min_value=500, max_value=100_000))) + "}").encode()
    if kind == "huge_int":
        return b'{"text": "Pakistan signed.", "id": ' + b"7" * draw(st.integers(4_000, 10_000)) + b"}"
    if kind == "bytes":
        return draw(st.binary(max_size=200)).replace(b"\n", b" ")
    return b"   "


jsonl_file = st.lists(jsonl_line(), max_size=8).map(lambda lines: b"\n".join(lines))
