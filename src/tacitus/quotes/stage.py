"""The quote stage: direct and reported speech, its speakers, and who "we" is inside a quote.

Deciding is split from writing (STYLE.md 4): :func:`direct_candidates` and :func:`reported_candidates` return
candidate quotes from the parse, :func:`settle` decides between overlapping ones, and ``QuoteStage`` writes the
survivors to ``Article.quotes`` and resolves first-person pronouns inside direct quotes to their speaker.

- Direct quotes are found on the text by :func:`quote_spans` (curly or straight marks, over several sentences;
  a paragraph that ends inside open marks ends the quote, the wire convention for a quote that goes on in the
  next paragraph). The speaker is the subject of a speech verb next to the quote ("..., Mr Lavrov said",
  "Mr Asif said: ..."", "..., according to X"); a quote with no cue of its own continues the quote just before it
  ("...," he said. "...").
- Reported speech is the clausal complement of a speech verb outside quote marks ("X said (that) ...",
  "..., X said"), or the clause an "according to X" phrase hangs on. Quoted fragments inside a reported clause
  (X said the talks were "very productive") belong to it and are not direct quotes.
- The speaker's actor comes from the actor stage's entity of the speaker mention, so "the Russian foreign
  minister" speaks as Sergey Lavrov when coreference put them together.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from ..events.coder import MentionIndex, subjects
from ..model import Article, Mention, Quote
from ..parse import sentence_index

OPEN_MARK = "“"
CLOSE_MARK = "”"
STRAIGHT_MARK = '"'
QUOTE_MARKS = OPEN_MARK + CLOSE_MARK + STRAIGHT_MARK
PARAGRAPH = re.compile(r"[^\n]+")
WORD = re.compile(r"\w+")
# After a reported clause: the punctuation and closing mark of a quoted fragment it ends with ('... period."').
CLOSING_TAIL = re.compile(r"[.,!?]?[”\"]")
# Speech verbs, by lemma. Kept small and explicit: each is common as a quote cue in newswire.
CUE_VERBS = {"say", "tell", "add", "note", "stress", "state", "declare", "insist", "warn", "announce", "explain",
             "remark", "ask", "reply", "write", "tweet", "emphasise", "emphasize", "recall", "affirm", "claim",
             "comment", "observe", "argue", "assert", "maintain", "acknowledge", "admit", "confirm", "deny",
             "allege", "continue", "conclude", "respond", "told", "underline", "reiterate", "quote", "complain",
             "concede", "report", "vow", "pledge", "promise", "predict", "scream", "shout", "exclaim", "cry"}
# Quotes shorter than this many words are scare quotes or names ("codenamed 'Friendship'", a "volcano").
MIN_QUOTE_WORDS = 3
# A quote with no cue of its own continues the previous one when it starts at most this many sentences after
# the sentence where the previous one ended ('"...," he said. "..."' is one sentence further).
CONTINUATION_SENTENCES = 1
# How far into the next sentence to look for the cue of a quote that ends its sentence, in tokens.
NEXT_SENTENCE_CUE = 4
CLAUSE_DEPS = ("dobj", "ccomp", "xcomp", "attr", "dative")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
# How the parser hangs a cue that follows its clause ("The talks failed, officials said"; "..., a colleague
# was quoted as saying" comes out as a conjunct).
INVERTED_DEPS = ("parataxis", "ccomp", "advcl", "conj")
# Verbs that, over a speech verb, mean it was not said ("refused to comment on reports that ...").
REFUSALS = {"refuse", "decline"}
FIRST_PERSON = ("we", "us", "our", "ours", "i", "me", "my", "mine")
EDGE_PUNCT = ",;:—–-"


@dataclass
class Candidate:
    """A quote found but not yet written: its span, how it was found, and its cue token."""

    start: int
    end: int
    direct: bool
    cue: object = None  # spaCy Token of the speech verb (or "according")
    speaker: Mention | None = None
    first_token: int = 0
    last_token: int = 0
    # A direct quote cut by the end of its paragraph (the quote goes on in the next paragraph).
    open_end: bool = False
    # The cue was found next to this quote, not taken over from the quote it continues.
    own_cue: bool = True
    # First token of the sentence where the quote starts.
    sentence_start: int = -1


class QuoteStage:
    """Sets ``Article.quotes``; links first-person mentions inside direct quotes to the speaker."""

    name = "quotes"
    requires = ("doc", "sentences", "mentions")
    assigns = ("quotes",)

    def __call__(self, article: Article) -> Article:
        index = MentionIndex(article.mentions)
        direct = direct_candidates(article, index)
        reported = reported_candidates(article, index)
        sentence_of = sentence_index(article)
        article.quotes = [self.to_quote(article, c, sentence_of) for c in settle(direct, reported)]
        resolve_first_person(article)
        return article

    @staticmethod
    def to_quote(article: Article, candidate: Candidate, sentence_of: dict[int, int]) -> Quote:
        return Quote(
            start=candidate.start, end=candidate.end, text=article.text[candidate.start:candidate.end],
            speaker=speaker_as_entity(article, candidate.speaker),
            cue=candidate.cue.text if candidate.cue is not None else None, direct=candidate.direct,
            sentence=sentence_of.get(candidate.first_token, 0),
        )


# -- direct quotes --------------------------------------------------------------------------------

def quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """``(start, end, open_end)`` of every stretch of text in double quote marks, marks included.

    Hand-written rather than a regex because marks pair within a paragraph only, and an unclosed mark at
    a paragraph's end closes there (``open_end``): a regex either pairs across paragraphs or drops the quote.
    An opening curly mark inside an open quote means the earlier one was never closed.
    """
    spans = []
    for para in PARAGRAPH.finditer(text):
        open_at = None
        for i in range(para.start(), para.end()):
            ch = text[i]
            if ch == OPEN_MARK or (ch == STRAIGHT_MARK and open_at is None):
                if open_at is not None:
                    spans.append((open_at, _rstrip(text, open_at, i), True))
                open_at = i
            elif ch in (CLOSE_MARK, STRAIGHT_MARK) and open_at is not None:
                spans.append((open_at, i + 1, False))
                open_at = None
        if open_at is not None:
            spans.append((open_at, _rstrip(text, open_at, para.end()), True))
    return [(s, e, o) for s, e, o in spans if len(text[s:e].strip(QUOTE_MARKS).split()) >= MIN_QUOTE_WORDS]


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def direct_candidates(article: Article, index: MentionIndex) -> list[Candidate]:
    """Direct quotes with their cue and speaker; a quote without a cue continues the one before it."""
    doc = article.doc
    # Token and sentence boundaries, looked up by bisection: doc.char_span and Token.sent rebuild the text or
    # walk the sentences on every call, which made this stage slower than the parse on long articles.
    token_starts = [t.idx for t in doc]
    sentences = [s.start for s in doc.sents]
    spans = []
    for start, end, open_end in quote_spans(article.text):
        first = bisect_right(token_starts, start) - 1
        last = bisect_left(token_starts, end)
        if 0 <= first < last:
            spans.append((start, end, open_end, first, last))
    inside = set()
    for *_, first, last in spans:
        inside.update(range(first, last))
    found: list[Candidate] = []
    for start, end, open_end, first, last in spans:
        cue, speaker = find_cue(doc, first, last, index, inside, sentences)
        candidate = Candidate(start, end, True, cue, speaker, first, last - 1, open_end, cue is not None,
                              sentences[_sentence_no(sentences, first)])
        if cue is None and found:
            _continue_previous(candidate, found[-1], sentences)
        if candidate.cue is None and _inside_narration(doc, first, sentences):
            continue
        found.append(candidate)
    return found


def _inside_narration(doc, first: int, sentences: list[int]) -> bool:
    """The quote marks open after a word of the same sentence ('compared it to "a Churchillian situation"'):
    with no speech verb to attribute it, the stretch is a phrase the writer borrows, not a quote."""
    if first == 0 or first == sentences[_sentence_no(sentences, first)]:
        return False
    before = doc[first - 1]
    return not (before.is_punct or before.is_space)


def _continue_previous(candidate: Candidate, previous: Candidate, sentences: list[int]) -> None:
    """Give a quote with no cue the speaker of the quote it continues ('"...," he said. "..."')."""
    # Counted from the previous quote's cue when that follows it ('"...?" she said on Friday. "..."').
    previous_end = max(previous.last_token, previous.cue.i if previous.cue is not None and previous.own_cue else -1)
    gap = _sentence_no(sentences, candidate.first_token) - _sentence_no(sentences, previous_end)
    if gap <= CONTINUATION_SENTENCES or previous.open_end:
        candidate.speaker = previous.speaker
        candidate.cue = previous.cue


def _sentence_no(starts: list[int], token_i: int) -> int:
    return bisect_right(starts, token_i) - 1


def find_cue(doc, start: int, end: int, index: MentionIndex, inside: set[int], sentences: list[int]):
    """The speech verb that introduces the quote on tokens [start, end) and its speaker's mention.

    Reads the sentence where the quote ends, after it, then the sentence where it starts, before it (nearest
    first); either search stops at another quote, whose cue that would be.
    """
    ends_at = _sentence_no(sentences, end - 1) + 1
    sentence_end = sentences[ends_at] if ends_at < len(sentences) else len(doc)
    after = _until_quote(doc, range(end, sentence_end), inside)
    before = _until_quote(doc, range(start - 1, sentences[_sentence_no(sentences, start)] - 1, -1), inside)
    # A quote that ends its sentence ('“...?” she said on Friday.') may have its cue parsed into the next one;
    # looked at last, in its first words only, and only a bare attribution: "Germany recalled its ambassador"
    # after a quote is news of its own.
    following = [t for t in _until_quote(doc, range(end, min(len(doc), end + NEXT_SENTENCE_CUE)), inside)
                 if not after and _is_cue(t) and not any(c.dep_ in CLAUSE_DEPS for c in t.children)]
    for token in after + before + following:
        if _is_cue(token):
            return token, _speaker(token, index, inside)
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            return token, _according_to_speaker(doc[token.i + 1], index)
    return None, None


def _until_quote(doc, positions: range, inside: set[int]) -> list:
    """Tokens at ``positions`` up to the first one inside a quote (by index: slicing a Doc is not cheap)."""
    found = []
    for i in positions:
        if i in inside:
            break
        found.append(doc[i])
    return found


def _is_cue(token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in CUE_VERBS


# -- speakers -------------------------------------------------------------------------------------

def _speaker(cue, index: MentionIndex, quoted: set[int] = frozenset()) -> Mention | None:
    """The mention that is the cue's subject: found by the actor stage, or else the subject's own phrase.

    A subject the parser finds inside the quotation (tokens in ``quoted``) is not the speaker: in
    '"... our chief of staff [Gerasimov]," he said' the speaker is "he".
    """
    governing = _governing_cue(cue)
    if governing is not None:
        return _speaker(governing, index, quoted)
    found = [t for t in _speaker_tokens(cue) if t.i not in quoted]
    for token in found:
        mention = _mention_in(token, index)
        if mention is not None:
            return mention
    if found and found[0].pos_ in ("NOUN", "PROPN", "PRON"):
        return _phrase_mention(found[0])
    return None


def _governing_cue(cue):
    """For a speech verb conjoined inside another's complement without a subject of its own ("Chen conceded that
    Wei had died but insisted ..."), the speech verb whose subject it shares; the parser makes it Wei's."""
    if cue.dep_ != "conj" or any(c.dep_ in SUBJECT_DEPS for c in cue.children):
        return None
    head = cue.head
    if head.dep_ == "ccomp" and _is_cue(head.head):
        return head.head
    return None


def _according_to_speaker(to, index: MentionIndex) -> Mention | None:
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    return _mention_in(pobj, index) or _phrase_mention(pobj)


def _mention_in(token, index: MentionIndex) -> Mention | None:
    """The mention at the token, or one among its pre-modifiers ("the White House readout of a call").

    Not one in a phrase after it: in "a dealer at a European bank said", the bank is not the speaker.
    """
    mention = index.at(token)
    if mention is not None:
        return mention
    for left in token.lefts:
        for t in left.subtree:
            mention = index.at(t)
            if mention is not None:
                return mention
    return None


def _phrase_mention(token) -> Mention:
    """A speaker the actor stage did not record ("sources here", "a dealer"): its noun phrase, uncoded."""
    doc = token.doc
    left = token.left_edge.i
    right = token.i + 1
    # Keep post-modifiers that name the speaker ("sources here"), not clauses ("officials who ...").
    for child in token.rights:
        if child.dep_ in ("advmod", "compound", "amod", "nummod"):
            right = child.right_edge.i + 1
        else:
            break
    span = doc[left:right]
    return Mention(start=span.start_char, end=span.end_char, text=span.text, sentence=-1, label="NOMINAL",
                   token_start=left, token_end=right)


def speaker_as_entity(article: Article, mention: Mention | None) -> Mention | None:
    """The speaker mention carrying its entity's actor: who "the Russian foreign minister" is, by coreference."""
    if mention is None or mention.entity is None or not 0 <= mention.entity < len(article.actors):
        return mention
    if _names_itself(mention):
        # "The German foreign minister, Heiko Maas" is Maas even when coreference merged him with another
        # minister: the name in the speaker's own words beats the entity.
        return mention
    actor = article.actors[mention.entity].actor
    if mention.actor is not None and mention.actor.name == actor.name and mention.actor.code == actor.code:
        return mention
    return replace(mention, actor=replace(actor, basis=f"entity of speaker: {mention.text}"))


def _names_itself(mention: Mention) -> bool:
    """The mention's own actor is a person named in the mention's words."""
    actor = mention.actor
    if actor is None or actor.kind != "person" or not actor.name:
        return False
    return actor.name.split()[-1].casefold() in WORD.findall(mention.text.casefold())


# -- reported speech ------------------------------------------------------------------------------

def reported_candidates(article: Article, index: MentionIndex) -> list[Candidate]:
    """Reported clauses: a speech verb's finite clausal complement, or the clause of "according to X"."""
    doc = article.doc
    found = []
    according = []
    for token in doc:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            according.append(token)
        elif _is_cue(token) and not _unsaid(token):
            comp = next((c for c in token.children if c.dep_ == "ccomp" and _finite_clause(c)), None)
            if comp is not None:
                first, last = comp.left_edge.i, _before_conjoined_cue(doc, comp)
            else:
                first, last = _object_as_subject(token)
            if first is not None:
                span = _clause_span(doc, first, last, article.text)
                if span is not None:
                    found.append(Candidate(*span, False, token, _speaker(token, index), first, last - 1))
                continue
            inverted = _inverted_clause(doc, token, article.text)
            if inverted is not None:
                found.append(Candidate(*inverted, False, token, _speaker(token, index),
                                       token.head.left_edge.i, token.i))
    for token in according:  # after the rest: a clause with a cue of its own is that cue's
        candidate = _according_to_clause(doc, token, index, found, article.text)
        if candidate is not None:
            found.append(candidate)
    return found


def _object_as_subject(cue) -> tuple[int | None, int | None]:
    """Tokens [first, last) of "X said the death of ..., who was buried ..., was a stain": the parser makes
    "the death" the verb's object and "was" a complement without a subject; together they are the clause."""
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    comp = next((c for c in cue.children if c.dep_ == "ccomp"), None)
    if obj is None or comp is None or not obj.i < comp.i or _finite_clause(comp) or comp.pos_ not in ("VERB", "AUX"):
        return None, None
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children):
        return None, None
    return obj.left_edge.i, comp.right_edge.i + 1


def _unsaid(cue) -> bool:
    """ "did not say whether ...", "refused to comment on reports that ...": the clause is not what was said."""
    if any(c.dep_ == "neg" for c in cue.children):
        return True
    return cue.dep_ == "xcomp" and cue.head.lemma_.lower() in REFUSALS


def _before_conjoined_cue(doc, comp) -> int:
    """End (exclusive) of a complement that stops before a speech verb conjoined or subordinated to it: in "Chen
    conceded that Wei had died but insisted the death ...", what Chen conceded ends at "died"; in "Lavrov said both
    countries had agreed ..., while Mr Asif said that ...", Lavrov's clause ends before "while". Each of those
    speech verbs has a quote of its own. (A speech verb in a clausal complement is reported inside the report,
    "the official said Erdogan replied that ...", and stays in it.)"""
    last = comp.right_edge.i + 1
    for token in comp.subtree:
        if token.i > comp.i and token.dep_ in ("conj", "advcl") and _is_cue(token):
            cut = token.left_edge.i
            while cut > comp.i + 1 and doc[cut - 1].dep_ in ("cc", "punct"):
                cut -= 1
            last = min(last, cut)
    return last


def _finite_clause(verb) -> bool:
    """A clause with a subject of its own and no "to": "(that) Russia would ...", not "to be published"."""
    children = list(verb.children)
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
        return False
    return any(c.dep_ in SUBJECT_DEPS for c in children)


def _clause_span(doc, first: int, last_excl: int, text: str) -> tuple[int, int] | None:
    """Character span of tokens [first, last_excl) without edge punctuation, closing a quoted fragment it ends in.

    ``text`` is the article text (``doc.text`` would rebuild it on every call).
    """
    while first < last_excl and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while last_excl > first and ((doc[last_excl - 1].is_punct and doc[last_excl - 1].text in EDGE_PUNCT + ".")
                                 or doc[last_excl - 1].is_space):
        last_excl -= 1
    if last_excl - first < 2:
        return None
    start, end = doc[first].idx, doc[last_excl - 1].idx + len(doc[last_excl - 1].text)
    if _open_marks(text[start:end]):
        tail = CLOSING_TAIL.match(text, end)
        if tail:
            end = tail.end()
    return start, end


def _open_marks(text: str) -> bool:
    """The text opens a quote it does not close."""
    return text.count(OPEN_MARK) > text.count(CLOSE_MARK) or text.count(STRAIGHT_MARK) % 2 == 1


def _inverted_clause(doc, cue, text: str) -> tuple[int, int] | None:
    """ "CLAUSE, X said." where the parser hangs the cue on the clause's verb (parataxis, ccomp)."""
    head = cue.head
    if head.i == cue.i or head.i > cue.i or cue.dep_ not in INVERTED_DEPS or not _finite_clause(head):
        return None
    if any(c.dep_ in ("dobj", "ccomp") for c in cue.children):  # "..., and officials said nothing"
        return None
    if not _speaker_tokens(cue):
        return None
    before = cue.left_edge.i
    while before < cue.i and doc[before].is_punct:  # the parser may hang the comma on the cue
        before += 1
    if before == 0 or doc[before - 1].text != ",":
        return None
    return _clause_span(doc, head.left_edge.i, before - 1, text)


def _speaker_tokens(cue) -> list:
    """The cue's own subject (active or passive: "a colleague was quoted as saying"), else the one the parse
    passes down to it (control, coordination: "Salih told reporters ... and added")."""
    own = [c for c in cue.children if c.dep_ in SUBJECT_DEPS and c.dep_ != "expl"]
    if own:
        return own
    found = subjects(cue)
    if found:
        return found
    if cue.dep_ in ("pcomp", "advcl", "xcomp"):
        verb = cue.head.head if cue.head.lower_ == "as" else cue.head
        # "He quoted Ho Chi Minh as saying": the words are Ho Chi Minh's; "a colleague was quoted as saying".
        if verb.lemma_ == "quote":
            quoted = [c for c in verb.children if c.dep_ == "dobj"]
            if quoted:
                return quoted
        return [c for c in verb.children if c.dep_ in ("nsubjpass", "csubjpass")]
    return []


def _according_to_clause(doc, according, index: MentionIndex, reported: list[Candidate],
                         text: str) -> Candidate | None:
    """ "According to X, CLAUSE." / "CLAUSE, according to X.": the rest of the sentence is what X says.

    Read on commas rather than on the parse: the parser often hangs "According" on a noun of X's phrase
    ("According to the White House readout of a call ..., Trump relayed ...") and the clause is then lost.
    A clause that is already reported speech ("Y said ..., according to local media") is left to its own cue.
    """
    sent = according.sent
    to = doc[according.i + 1]
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if words and words[0].i == according.i:
        comma = next((t for t in doc[to.i + 1:sent.end] if t.text == ","), None)
        if comma is None:
            return None
        first, last = comma.i + 1, sent.end
    elif according.i > sent.start and doc[according.i - 1].text == "," and \
            all(t.is_punct or t.is_space or t.i in range(to.i, to.right_edge.i + 1) for t in doc[to.i + 1:sent.end]):
        first, last = sent.start, according.i - 1
    else:
        return None
    clause = doc[first:last]
    if not any(t.pos_ in ("VERB", "AUX") for t in clause):
        return None
    if any(c.cue is not None and first <= c.cue.i < last for c in reported):
        return None
    span = _clause_span(doc, first, last, text)
    if span is None:
        return None
    return Candidate(*span, False, according, _according_to_speaker(to, index), first, last - 1)


# -- deciding between candidates --------------------------------------------------------------------

def settle(direct: list[Candidate], reported: list[Candidate]) -> list[Candidate]:
    """The quotes to keep, in text order.

    A reported clause that starts inside quote marks is the direct quote itself ('X said: "We will ..."') and
    is dropped; a direct quote inside a kept reported clause is a quoted fragment of it and is dropped.
    A quote with no cue of its own right after such a fragment, in the same sentence, is a fragment too (X said
    the move "not only damages ties" but also "puts pressure on daily life").
    A reported clause that repeats another's span (two cues on one clause) is kept once.
    """
    kept_reported = []
    seen = set()
    for r in reported:
        if any(d.start <= r.start < d.end for d in direct) or (r.start, r.end) in seen:
            continue
        seen.add((r.start, r.end))
        kept_reported.append(r)
    kept_direct = []
    previous_fragment = None
    for d in direct:
        fragment = any(r.start <= d.start and d.end <= r.end and not (d.start <= r.cue.idx < d.end)
                       for r in kept_reported)
        if not fragment and not d.own_cue and previous_fragment is not None \
                and d.sentence_start == previous_fragment.sentence_start:
            fragment = True
        if fragment:
            previous_fragment = d
        else:
            previous_fragment = None
            kept_direct.append(d)
    return sorted(kept_direct + kept_reported, key=lambda c: (c.start, -c.end))


def resolve_first_person(article: Article) -> None:
    """ "We"/"our" inside a direct quote is the speaker (or the speaker's side: a minister's "we" is
    his government, coded the same way)."""
    for quote in article.quotes:
        speaker = quote.speaker
        if not quote.direct or speaker is None or speaker.actor is None:
            continue
        for mention in article.mentions:
            if mention.label == "PRONOUN" and quote.start <= mention.start < quote.end \
                    and mention.text.lower() in FIRST_PERSON:
                mention.actor = replace(speaker.actor, basis=f"speaker of quote: {speaker.text}")
                mention.entity = speaker.entity
                mention.members = list(speaker.members)
