"""The quote stage: direct and reported speech, its speakers, and who "we" is inside a quote.

Direct quotes are found on the text (curly or straight quote marks, possibly over several sentences);
the speaker is the subject of a speech verb next to the quote ("..., Mr Lavrov said", "Mr Asif said:
"..."", "..., according to X"). Reported speech is a speech verb with a clausal complement outside
quote marks ("X said that ..."). First-person pronouns inside a direct quote are resolved to its speaker.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..events.coder import MentionIndex, subjects
from ..model import Article, Mention, Quote
from ..parse import sentence_index

# A direct quote: curly double quotes, or a pair of straight ones. At least two characters inside.
DIRECT_QUOTE = re.compile(r"“(?P<curly>[^”“]{2,}?)”|\"(?P<straight>[^\"\n]{2,}?)\"")
# Speech verbs, by lemma. Kept small and explicit: each is common as a quote cue in newswire.
CUE_VERBS = {"say", "tell", "add", "note", "stress", "state", "declare", "insist", "warn", "announce", "explain",
             "remark", "ask", "reply", "write", "tweet", "emphasise", "emphasize", "recall", "affirm", "claim",
             "comment", "observe", "argue", "assert", "maintain", "acknowledge", "admit", "confirm", "deny",
             "allege", "continue", "conclude", "respond", "told", "underline", "reiterate", "quote", "complain"}
# Quotes shorter than this many words are scare quotes or names ("codenamed 'Friendship'").
MIN_QUOTE_WORDS = 3


class QuoteStage:
    """Sets ``Article.quotes``; links first-person mentions inside direct quotes to the speaker."""

    name = "quotes"
    requires = ("doc", "sentences", "mentions")
    assigns = ("quotes",)

    def __call__(self, article: Article) -> Article:
        index = MentionIndex(article.mentions)
        sentence_of = sentence_index(article)
        direct = self.find_direct(article, index, sentence_of)
        reported = self.find_reported(article, index, sentence_of, direct)
        article.quotes = sorted(direct + reported, key=lambda q: q.start)
        resolve_first_person(article)
        return article

    def find_direct(self, article: Article, index: MentionIndex, sentence_of: dict[int, int]) -> list[Quote]:
        doc = article.doc
        quotes = []
        for match in DIRECT_QUOTE.finditer(article.text):
            inner = match.group("curly") or match.group("straight") or ""
            if len(inner.split()) < MIN_QUOTE_WORDS:
                continue
            start, end = match.start(), match.end()
            first = doc.char_span(start, end, alignment_mode="expand")
            if first is None:
                continue
            cue, speaker = _find_cue(doc, first.start, first.end, index)
            quotes.append(Quote(
                start=start, end=end, text=article.text[start:end], speaker=speaker,
                cue=cue.text if cue is not None else None, direct=True,
                sentence=sentence_of.get(first.start, 0),
            ))
        return quotes

    def find_reported(self, article: Article, index: MentionIndex, sentence_of: dict[int, int],
                      direct: list[Quote]) -> list[Quote]:
        """"X said (that) ..." outside quote marks: the clausal complement is what X said."""
        quotes = []
        inside = [(q.start, q.end) for q in direct]
        for token in article.doc:
            if token.pos_ != "VERB" or token.lemma_.lower() not in CUE_VERBS:
                continue
            comp = next((c for c in token.children if c.dep_ == "ccomp"), None)
            if comp is None:
                continue
            span = article.doc[comp.left_edge.i:comp.right_edge.i + 1]
            if any(s <= span.start_char < e for s, e in inside):
                continue
            speaker = _speaker(token, index)
            quotes.append(Quote(start=span.start_char, end=span.end_char, text=span.text, speaker=speaker,
                                cue=token.text, direct=False, sentence=sentence_of.get(token.i, 0)))
        return quotes


def _speaker(cue, index: MentionIndex) -> Mention | None:
    for token in subjects(cue):
        mention = index.at(token)
        if mention is not None:
            return mention
    return None


def _find_cue(doc, start: int, end: int, index: MentionIndex):
    """The speech verb that introduces the quote on tokens [start, end) and its speaker's mention.

    Looks after the quote in the sentence where it ends, then before it in the sentence where it starts.
    """
    after = doc[end - 1].sent
    before = doc[start].sent
    candidates = [t for t in doc[end:after.end]] + list(reversed([t for t in doc[before.start:start]]))
    for token in candidates:
        if token.lemma_.lower() in CUE_VERBS and token.pos_ in ("VERB", "AUX"):
            return token, _speaker(token, index)
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            pobj = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
            return token, index.at(pobj) if pobj is not None else None
    return None, None


def resolve_first_person(article: Article) -> None:
    """ "We"/"our" inside a direct quote is the speaker (or the speaker's side: a minister's "we" is
    his government, coded the same way)."""
    for quote in article.quotes:
        if not quote.direct or quote.speaker is None or quote.speaker.actor is None:
            continue
        for mention in article.mentions:
            if mention.label == "PRONOUN" and quote.start <= mention.start < quote.end \
                    and mention.text.lower() in ("we", "us", "our", "ours", "i", "me", "my"):
                mention.actor = replace(quote.speaker.actor, basis=f"speaker of quote: {quote.speaker.text}")
                mention.entity = quote.speaker.entity
                mention.members = list(quote.speaker.members)
