"""Hand-built parses for coder tests: the coder is under test, not the statistical parser."""

from __future__ import annotations

from spacy.tokens import Doc
import spacy

from tacitus.model import Actor, Mention

VOCAB = spacy.blank("en").vocab


def parse(rows: list[tuple], actors: dict[int, str] | None = None):
    """Build a Doc from rows of (word, lemma, pos, dep, head_index) and mentions for ``actors``.

    ``actors`` maps a token index to a CAMEO code (country = first three letters).
    """
    words = [r[0] for r in rows]
    doc = Doc(VOCAB, words=words, lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
              deps=[r[3] for r in rows], heads=[r[4] for r in rows], sent_starts=[True] + [False] * (len(rows) - 1))
    mentions = []
    for i, code in (actors or {}).items():
        token = doc[i]
        actor = Actor(name=token.text, code=code, country=code[:3], sector=code[3:] or None, kind="state",
                      basis="test")
        mentions.append(Mention(start=token.idx, end=token.idx + len(token.text), text=token.text, sentence=0,
                                actor=actor, label="GPE", token_start=i, token_end=i + 1))
    return doc, mentions


def code(rows: list[tuple], actors: dict[int, str] | None = None, negated: bool = False) -> list[tuple]:
    """Code a hand-built sentence: (code, source code, target code[, negated]) for each event found."""
    from tacitus.events.coder import MentionIndex, match_sentence
    from tacitus.events.lexicon import default_lexicon

    doc, mentions = parse(rows, actors)
    found = match_sentence(doc[:], default_lexicon(), MentionIndex(mentions))
    return [(c.code, c.source.actor.code, c.target.actor.code if c.target else None) + ((c.negated,) if negated else ())
            for c in found]
