"""Event dating: the date each event happened, not the day the story ran.

For each event, in order:

1. a time expression attached to the trigger in the parse ("signed ... in Nov 2014"), or to a verb that
   governs it ("agreed on Monday to meet", "announced on Tuesday ... while expressing alarm"); a vague
   one ("recently", "during the past four years", "soon") only says before or after the story;
   "will meet next week", coded as an intention, is dated next week, when the meeting is to be;
2. inside a quotation, direct or reported, what is told in the present or future is at the time the
   words were spoken: the speaker's verb is dated the same way ("'We are forming a commission,' Lavrov
   said" on the day he said it); what the quotation tells in the past is dated as if outside it;
3. the tense: an act still to come ("we will investigate", coded as the act, not as an intention; "a
   centre to support ...") gets no date (``after_publication``); an event in a perfect tense ("had
   provided", "have mobilized") was done at some unknown time before the story's time and gets no date
   (``before_publication``);
4. the story's narrative time, for a simple-past event: a verbal act (CAMEO's verbal quad classes:
   statements, appeals, talks, criticism, threats) takes the story's own day, the first day in the week
   before publication its lead names ("Pakistan and Russia on Tuesday announced ..."), anywhere in the
   story, since a story's "said" and "criticised" report the occasion it is about; a material act takes
   the last day named before it, only within the next few sentences, after which a simple past is as
   often background as news;
5. else the publication date (``date_precision`` "publication" says so).

``evidence["date_basis"]`` names the step that dated the event, for ``tacitus explain``.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date

from ..model import Article, Event, Quote, Timex
from ..time import timex_to_date

# How many clause levels (verbs) a time expression may sit above the trigger and still date it, and how
# many words the walk up the parse may pass in all (prepositions and nouns between the verbs).
MAX_HOPS = 4
MAX_NODES = 12
# A day named in the text dates past-tense material acts at most this many sentences after the one that
# names it, and only a day in the week before publication (the news of the story, not background).
NARRATIVE_SENTENCES = 2
NARRATIVE_DAYS = 7
# The lead: the first sentences of a story, where it names the day of its news.
LEAD_SENTENCES = 3
# Dependencies that carry a time expression's clause up to its verb.
CLAUSE_DEPS = {"xcomp", "conj", "ccomp", "advcl", "pcomp", "relcl", "acl"}
# CAMEO's verbal quad classes (verbal cooperation 01-05, verbal conflict 09-13): statements, appeals,
# talks, criticism and threats are the occasion a story reports, so the narrative day dates them anywhere in it.
VERBAL_QUADS = frozenset({1, 3})
# Verbs that only carry a nominal trigger ("held talks", "made a visit"): the noun takes their tense. Other
# verbs make the noun their topic ("recalled his six visits"), which says nothing of when it happened.
SUPPORT_VERBS = frozenset({"hold", "have", "make", "conduct", "give", "take", "be", "begin", "start", "end",
                           "continue", "resume", "open", "launch", "issue", "pay", "carry", "stage", "sign"})
NOMINAL_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "attr"})
PAST_PERFECT_AUXILIARIES = frozenset({"had", "'d"})
PERFECT_AUXILIARIES = PAST_PERFECT_AUXILIARIES | {"has", "have", "'ve"}
# CAMEO's root for intentions (03): an intention is expressed when it is said, however far off its act.
INTENT_ROOT = "03"
# Verbs whose infinitive happened ("managed to flee", "was forced to withdraw", "began to shell") or was
# attempted when they were ("has long tried to block"): it takes their tense.
IMPLICATIVE_VERBS = frozenset({"manage", "force", "compel", "oblige", "begin", "start", "continue", "proceed",
                               "go", "happen", "come", "get", "use", "dare", "move", "rush", "hasten",
                               "try", "attempt", "seek", "strive"})
# How far up from the speaker the speech verb may be ("Mr Lavrov, the foreign minister, said").
SPEAKER_HOPS = 3
# How far from a quote its cue word may be when no speaker leads to it (about a sentence).
CUE_CHARS = 200
# "the past four years", "the next two weeks": a duration that ends or starts at the story's time.
PAST_WINDOW_WORDS = frozenset({"past", "last", "previous", "preceding"})
FUTURE_WINDOW_WORDS = frozenset({"next", "coming", "following"})
# "over the past decade" in 2005 is the ten years before the story, not the 1990s: a decade or a century
# counted back or ahead from the story is a window, not a calendar one.
WINDOW_PRECISIONS = frozenset({"decade", "century"})
# Prepositions whose object bounds a span ("since 1949", "until Friday"): what is above them is not at that time.
BOUNDARY_PREPS = frozenset({"since", "until", "till", "til"})


class DatingStage:
    """Sets ``date``, ``date_precision`` and ``date_text`` on every event."""

    name = "dating"
    requires = ("doc", "events", "timexes", "published", "quotes")
    assigns = ("events",)

    def __call__(self, article: Article) -> Article:
        dater = _Dater(article)
        for event in article.events:
            dater.date(event)
        return article


class _Dater:
    """Dates the events of one article."""

    def __init__(self, article: Article):
        self.article = article
        self.anchors = _anchor_timexes(article)
        # The days in the week before publication the text names, in text order: the story's narrative time.
        self.days = sorted((t.start, t.sentence, t) for t in article.timexes if _is_recent_day(t, article.published))
        # The story's own day: the first of them, when the lead names it ("Pakistan and Russia on Tuesday
        # announced ..."); later ones are as often the background of the news ("informed late Monday").
        lead = [day for day in self.days if day[1] < LEAD_SENTENCES]
        self.story_day: Timex | None = lead[0][2] if lead else None
        self.speech: dict[int, tuple[Timex | None, str]] = {}

    def date(self, event: Event) -> None:
        doc = self.article.doc
        span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        token = span.root if span is not None else None
        timex = self.attached(token)
        basis = "time expression" if timex is not None else None
        to_come = token is not None and _unrealized(token, event)
        # Inside a quotation, what is told in the present or future is at the time of speaking; what is
        # told in the past happened before it, and is dated as if outside the quotation.
        if timex is None and event.quote is not None and not _told_in_past(token) and not to_come:
            timex, basis = self.speech_time(event.quote, event.sentence)
        if timex is None and basis is None and to_come:
            basis = "future act"
        if timex is None and basis is None and token is not None and _done_before(token):
            basis = "perfect tense"
        if timex is None and basis is None:
            # The story's day dates its own narration of what was said and done, not what a quotation
            # recalls ("'He was the first fighter I met,' he wrote").
            verbal = event.quad_class in VERBAL_QUADS and event.quote is None
            timex = self.from_narrative(token, event.sentence, verbal)
            basis = "narrative day" if timex is not None else None
        event.evidence["date_basis"] = basis or "publication"
        if timex is not None:
            event.date, event.date_precision = _calendar(timex)
            event.date_text = timex.text
        elif basis in ("perfect tense", "speech of its quote: perfect tense"):
            event.date, event.date_precision, event.date_text = None, "before_publication", None
        elif basis == "future act":
            event.date, event.date_precision, event.date_text = None, "after_publication", None
        else:
            event.date = self.article.published
            event.date_precision = "publication" if self.article.published else None
            event.date_text = None

    def attached(self, token) -> Timex | None:
        """The time expression hanging from the token or from a verb that governs it."""
        node, verbs, nodes = token, 0, 0
        while node is not None and verbs <= MAX_HOPS and nodes <= MAX_NODES:
            if node.i in self.anchors:
                return self.anchors[node.i]
            if node.head.i == node.i or (nodes and node.dep_ not in CLAUSE_DEPS and node.pos_ in ("VERB", "AUX")):
                return None
            if node.dep_ == "relcl" and _finite(node):
                # "the 500 troops the military has said are there": a relative clause with a subject of
                # its own keeps its own time.
                return None
            node = node.head
            nodes += 1
            verbs += node.pos_ in ("VERB", "AUX")
        return None

    def from_narrative(self, token, sentence: int, verbal: bool) -> Timex | None:
        """For a simple-past trigger, the story's day (a verbal act) or the last day named before it, near
        enough to it (a material act)."""
        if token is None or not _simple_past(token):
            return None
        if verbal and self.story_day is not None:
            return self.story_day
        i = bisect_left(self.days, token.idx, key=lambda day: day[0])
        if not i:
            return None
        _, named_in, timex = self.days[i - 1]
        if not verbal and sentence - named_in > NARRATIVE_SENTENCES:
            return None
        return timex

    def speech_time(self, number: int, sentence: int) -> tuple[Timex | None, str | None]:
        """When the quote's words were spoken: (time expression, basis), basis None when nothing dates it."""
        if number not in self.speech:
            verb = _speech_verb(self.article, self.article.quotes[number]) \
                if 0 <= number < len(self.article.quotes) else None
            if verb is None:
                self.speech[number] = (None, None)
            elif (timex := self.attached(verb)) is not None:
                self.speech[number] = (timex, "speech of its quote: time expression")
            elif _perfect(verb):
                self.speech[number] = (None, "speech of its quote: perfect tense")
            elif (timex := self.from_narrative(verb, sentence, verbal=True)) is not None:
                self.speech[number] = (timex, "speech of its quote: narrative day")
            else:
                self.speech[number] = (None, None)
        return self.speech[number]


def _anchor_timexes(article: Article) -> dict[int, Timex]:
    """Map the token each calendar time expression hangs from (its first verb or noun up the tree) to it."""
    doc = article.doc
    anchors: dict[int, Timex] = {}
    for timex in article.timexes:
        if timex.function or (timex_to_date(timex) is None and _direction(timex) is None):
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            continue
        node = span.root
        for _ in range(MAX_HOPS + 2):
            if node.head.i == node.i:
                break
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                break
            if node.lower_ in BOUNDARY_PREPS:
                # "the largest meeting since the founding of the republic in 1949": a bound of a span is
                # not the date of what the span reaches.
                break
        if node.lower_ in BOUNDARY_PREPS:
            continue
        anchors.setdefault(node.i, timex)
        # A participle modifying a noun ("attacked a convoy carrying engineers ... on Saturday") rarely
        # owns the date; the clause's verb does, so it is anchored there too. Relative clauses with their
        # own subject ("which invaded Georgia in 2008") keep theirs.
        if node.dep_ == "acl":
            verb = _governing_verb(node.head)
            if verb is not None:
                anchors.setdefault(verb.i, timex)
    return anchors


def _speech_verb(article: Article, quote: Quote):
    """The verb the quote's speaker says it with: the speaker's head ("Mr Lavrov said"), else the cue word
    nearest the quote and outside it."""
    doc = article.doc
    if quote.speaker is not None:
        span = doc.char_span(quote.speaker.start, quote.speaker.end, alignment_mode="expand")
        node = span.root if span is not None else None
        for _ in range(SPEAKER_HOPS):
            if node is None or node.head.i == node.i:
                break
            node = node.head
            if node.pos_ in ("VERB", "AUX") and not quote.start <= node.idx < quote.end:
                return node
    if quote.cue:
        cue = quote.cue.casefold()
        window = doc.char_span(max(0, quote.start - CUE_CHARS), min(len(doc.text), quote.end + CUE_CHARS),
                               alignment_mode="expand")
        near = [t for t in window or () if t.lower_ == cue and not quote.start <= t.idx < quote.end]
        if near:
            return min(near, key=lambda t: min(abs(t.idx - quote.start), abs(t.idx - quote.end)))
    return None


def _direction(timex: Timex) -> str | None:
    """For a time expression with no calendar value, whether it puts an event before or after the
    story: "recently", "in the past four years" (before_publication); "soon", "in the coming months"
    (after_publication); None for the rest ("now", "for three weeks", "every day")."""
    if timex.type == "DATE" and timex.value in ("PAST_REF", "FUTURE_REF"):
        return "before_publication" if timex.value == "PAST_REF" else "after_publication"
    found = timex_to_date(timex)
    if timex.type == "DURATION" or (found is not None and found[1] in WINDOW_PRECISIONS):
        words = timex.text.lower().split()
        first = words[1] if words[:1] == ["the"] and len(words) > 1 else (words[0] if words else "")
        if first in PAST_WINDOW_WORDS:
            return "before_publication"
        if first in FUTURE_WINDOW_WORDS:
            return "after_publication"
    return None


def _calendar(timex: Timex) -> tuple[str | None, str]:
    """(date, date_precision) from the time expression that dates an event."""
    window = _direction(timex)
    found = timex_to_date(timex)
    if found is not None and not (window and found[1] in WINDOW_PRECISIONS):
        return found
    return None, window or "publication"


def _is_recent_day(timex: Timex, published: str | None) -> bool:
    """The time expression is a day in the week before publication (or the day itself)."""
    found = timex_to_date(timex)
    # A dateline's date is when the story was filed, not a day it tells of.
    if not published or found is None or found[1] != "day" or timex.function:
        return False
    try:
        days = (date.fromisoformat(published) - date.fromisoformat(found[0])).days
    except ValueError:
        return False
    return 0 <= days <= NARRATIVE_DAYS


def _governing_verb(token):
    node = token
    for _ in range(MAX_HOPS):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _tense_verb(token):
    """The verb whose tense the trigger takes: its own or the one carrying a nominal trigger, and for a
    participle or infinitive ("seconded the statement, noting ...", "agreed to meet") the finite verb
    it hangs from."""
    verb = _governing_verb(token)
    for _ in range(MAX_HOPS):
        if verb is None or verb.tag_ not in ("VBG", "VB") or verb.dep_ not in CLAUSE_DEPS \
                or verb.head.pos_ not in ("VERB", "AUX") or _finite(verb):
            break
        verb = verb.head
    return verb


def _finite(verb) -> bool:
    """The verb has its own subject or a modal ("we will send"): a clause of its own, not a participle."""
    return any(c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ == "aux" and c.tag_ == "MD") for c in verb.children)


def _simple_past(token) -> bool:
    """The trigger is in the simple past, active or passive: a verb, or a noun that is the subject of a
    past verb ("the talks were wide ranging") or the object of a support verb ("held talks")."""
    verb = _governing_verb(token)
    if verb is None or (verb is not token and token.dep_ not in NOMINAL_SUBJECT_DEPS
                        and verb.lemma_.lower() not in SUPPORT_VERBS):
        return False
    verb = _tense_verb(token)
    return not _perfect(verb) and _past_form(verb)


def _told_in_past(token) -> bool:
    """The trigger's clause is in a past tense, simple or perfect ("we were forced", "they had left")."""
    verb = _tense_verb(token) if token is not None else None
    return verb is not None and (_perfect(verb) or _past_form(verb))


def _past_form(verb) -> bool:
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ != "VBN":
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("auxpass", "aux")]
    if not auxiliaries:
        # A participle with a subject and no auxiliary is a past tense the tagger misread ("Liberians
        # across the country expressed ...").
        return any(c.dep_ == "nsubj" for c in verb.children)
    return any(c.lower_ in ("was", "were") for c in auxiliaries)


def _expressed(event: Event) -> bool:
    """The event is the saying of an act, not the act: an intention (03) or a code the modality gave
    ("will attack" as a threat, 1384)."""
    return event.cameo_root == INTENT_ROOT or not event.evidence.get("act_itself", True)


def _unrealized(token, event: Event) -> bool:
    """An act still to come: announced with "will" and coded as the act itself, not as an intention
    ("we will investigate" as 090), or named by an infinitive of purpose or plan ("a centre to support
    African countries", "duty bound to investigate"), unless its verb says it was done ("managed to")."""
    if _expressed(event):
        return False  # the code is the saying: an intention, a threat ("will attack" as 1384)
    if event.evidence.get("modality") == "intent":
        return True
    # An infinitive on a noun is often done ("the only leader to endorse it"); on a verb or an adjective it
    # names an aim ("built it to support", "bound to investigate").
    infinitive = token.pos_ == "VERB" and token.dep_ in ("xcomp", "advcl", "ccomp") \
        and token.head.pos_ in ("VERB", "AUX", "ADJ") and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    return infinitive and token.head.lemma_.lower() not in IMPLICATIVE_VERBS


def _done_before(token) -> bool:
    """"had provided", "have mobilized": done before the story's time, not news of the day. A verb joined
    to a past perfect without an auxiliary of its own stays in its past ("had provided helicopters and
    ... held drills"); one joined to a present perfect is news again ("have denied it, and a spokesman said")."""
    verb = _tense_verb(token)
    if verb is None:
        return False
    if verb.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return _perfect(verb) or _perfect(verb.head, PAST_PERFECT_AUXILIARIES)
    return _perfect(verb)


def _perfect(verb, auxiliaries: frozenset[str] = PERFECT_AUXILIARIES) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in auxiliaries for c in verb.children)
