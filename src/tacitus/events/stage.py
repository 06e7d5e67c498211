"""The event stage: writes the coder's candidates into the model as Events."""

from __future__ import annotations

from ..model import Article, Event, Trigger
from ..parse import sentence_index
from .coder import Candidate, MentionIndex, match_sentence
from .lexicon import Lexicon, default_lexicon
from .ontology import cameo


class EventStage:
    """Codes CAMEO events in every sentence; sets ``Article.events``.

    Reads the parse, the resolved actor mentions and the quotes (an event inside a quote links to it).
    ``require_source=False`` keeps events whose source is no coded actor (``source`` is then null);
    the evaluation harness uses it to score the coder on sentences whose actors it does not know.
    """

    name = "events"
    requires = ("doc", "sentences", "mentions", "quotes")
    assigns = ("events",)

    def __init__(self, lexicon: Lexicon | None = None, require_source: bool = True):
        self.lexicon = lexicon or default_lexicon()
        self.require_source = require_source

    def __call__(self, article: Article) -> Article:
        sentence_of = sentence_index(article)
        article.events = [self.to_event(article, c, sentence_of) for c in self.find(article)]
        return article

    def find(self, article: Article) -> list[Candidate]:
        """Candidates for every sentence of the article, in text order."""
        index = MentionIndex(article.mentions)
        found: list[Candidate] = []
        for sent in article.doc.sents:
            if sent.text.strip():
                found.extend(match_sentence(sent, self.lexicon, index, self.require_source))
        return found

    def to_event(self, article: Article, candidate: Candidate, sentence_of: dict[int, int]) -> Event:
        info = cameo(candidate.code)
        token = candidate.trigger
        sentence = sentence_of.get(token.i, 0)
        start = token.idx
        end = start + len(token.text)
        return Event(
            sentence=sentence,
            source=candidate.source,
            target=candidate.target,
            cameo=info.code,
            cameo_root=info.root,
            quad_class=info.quad_class,
            penta_class=info.penta_class,
            goldstein=info.goldstein,
            plover=info.plover,
            trigger=Trigger(start=start, end=end, text=token.text),
            rule=candidate.rule.id,
            confidence=candidate.confidence,
            negated=candidate.negated,
            quote=_quote_of(article, start),
            evidence=candidate.evidence,
        )


def _quote_of(article: Article, offset: int) -> int | None:
    """The quote, direct or reported, whose words hold the trigger (the shortest when they nest)."""
    inside = [(quote.end - quote.start, i) for i, quote in enumerate(article.quotes)
              if quote.start <= offset < quote.end]
    return min(inside)[1] if inside else None
