"""The actor stage: find actor mentions in the parse, code them, and resolve them across the article.

Mentions come from three places: named entities (people, countries, organizations), nominal phrases
headed by a role word ("Pakistani troops", "the foreign ministry", "the two sides") and pronouns.
Each is coded by :mod:`tacitus.actors.dictionary` from the whole noun phrase, then linked to earlier
mentions of the same actor ("Mr Lavrov" -> "Russian Foreign Minister Sergey Lavrov", "he" -> the last
person named, "the two sides" -> the last two countries), so every mention carries the best code the
article gives for it.

A role with no country in its own phrase takes one from the article's structure, in this order: its
owner ("Iran's navy", "the army of Pakistan", "Arab League Secretary General ..."), where it is
("rebels in the Ivory Coast"), the person a title stands for, and then, as tie-breakers, the dateline
country, the country its sentence names most, the country the article names most (the last two only
where one country leads). An unknown person takes the code of the description set beside their name.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Span

from ..model import Actor, Article, Entity, Mention
from ..parse import sentence_index
from .dictionary import PEOPLE_SECTOR, default_dictionary

log = logging.getLogger(__name__)

ENTITY_LABELS = {"PERSON", "NORP", "GPE", "ORG", "FAC", "LOC"}
# Left dependents that belong to a noun phrase naming an actor ("Russian Foreign Minister", "US-led").
PHRASE_LEFT_DEPS = {"compound", "amod", "nmod", "det", "poss", "nummod", "npadvmod", "quantmod", "punct", "case"}
SINGULAR_PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers"}
# Words that show a person's gender: pronouns, honorifics, gendered titles. Pronoun resolution uses
# them to keep "she" from a man named just before ("Sajid Javid ... Diane Abbott ... she").
MALE_WORDS = {"he", "him", "his", "himself", "mr", "king", "prince", "sir", "lord", "emir", "sultan", "sheikh"}
FEMALE_WORDS = {"she", "her", "hers", "herself", "mrs", "ms", "miss", "queen", "princess", "dame", "lady", "madam"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs"}
FIRST_PERSON_PRONOUNS = {"we", "us", "our", "ours", "i", "me", "my"}
# Phrases that stand for the two parties last named: "the two sides", "both countries".
PAIR_HEADS = {"side", "sides", "country", "countries", "nation", "nations", "government", "governments",
              "leader", "leaders", "party", "parties", "state", "states", "neighbour", "neighbours",
              "neighbor", "neighbors", "capital", "capitals", "two"}
PAIR_MARKERS = {"two", "both"}
# Titles that name one person: a later "the Russian foreign minister" is the minister named before.
PERSON_TITLES = {"minister", "president", "premier", "chancellor", "king", "queen", "prince", "emir", "sultan",
                 "secretary", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "general",
                 "commander", "chief", "leader", "counterpart", "governor", "mayor", "senator", "official"}
# Prepositions whose object is where a role phrase's people are: "rebels in the Ivory Coast",
# "students throughout Kenya", "a militia based in Mali".
LOCATIVE_PREPS = {"in", "inside", "within", "throughout", "across", "from"}
# Prepositions whose object is a place where something happens, not an actor: a capital there is the
# place ("arrived in Amman", "talks in Moscow"), not its government ("Moscow said").
PLACE_PREPS = {"in", "at", "near", "inside", "outside", "into", "around", "across", "throughout"}
# Words that measure from a place: "west of Baghdad", "just outside of Kabul".
BEARINGS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "outside",
            "northwards", "southwards", "eastwards", "westwards"}
# Heads that name the other party of the countries around them ("their European counterparts"): no
# country from the sentence for them.
OTHER_PARTY_HEADS = {"counterpart", "counterparts", "partner", "partners", "rival", "rivals", "enemy", "enemies"}
# What makes a people noun some of its people rather than the people as a whole ("168 Liberians").
PEOPLE_SOME_DEPS = {"nummod", "quantmod", "amod", "acl", "relcl", "prep"}
QUANTITY_WORDS = {"hundreds", "thousands", "tens", "dozens", "millions", "scores", "some", "many", "group",
                  "number", "crowd", "crowds"}
# Actors that serve abroad: where they are is not whose they are.
ABROAD_HEADS = {"embassy", "consulate", "mission", "ambassador", "envoy", "diplomat", "consul", "attache"}
# How many sentences back a pronoun or "the two sides" may reach for its antecedent.
ANTECEDENT_WINDOW = 3
# How far back "the two sides" may reach for a pair named together ("Pakistan and Russia").
PAIR_WINDOW = 8


@dataclass
class _Candidate:
    head: int
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    label: str


class ActorStage:
    """Finds, codes and resolves actor mentions; sets ``Article.mentions`` and ``Article.actors``."""

    name = "actors"
    requires = ("doc", "sentences")
    assigns = ("mentions", "actors")

    def __init__(self, dictionary=None):
        self.dictionary = dictionary or default_dictionary()

    def __call__(self, article: Article) -> Article:
        candidates = self.find_candidates(article.doc, _dateline_tokens(article))
        article.mentions = self.code_candidates(article, candidates)
        article.actors = resolve(article, self.dictionary)
        return article

    # -- deciding -----------------------------------------------------------------------------
    def find_candidates(self, doc, exclude: set[int] | None = None) -> list[_Candidate]:
        """Token spans that may name an actor, never overlapping each other or the ``exclude`` tokens
        (the dateline, which names where the story was filed, not an actor)."""
        taken: set[int] = set(exclude or ())
        found: list[_Candidate] = []
        tokens = list(doc)  # spaCy builds a new Token object on every access: build them once

        def add(head, start, end, label):
            if any(i in taken for i in range(start, end)):
                return
            taken.update(range(start, end))
            found.append(_Candidate(head, start, end, label))

        # Role nouns first: their phrase swallows the names and demonyms inside it
        # ("his Pakistani counterpart Khawaja Asif", "Russian Foreign Minister Sergey Lavrov").
        # A role word inside a longer organisation name is part of that name ("Workers" in "Kurdistan
        # Workers' Party"): the name's own mention codes it, as a whole.
        in_org = {i for ent in doc.ents if ent.label_ == "ORG" and len(ent) > 1
                  for i in range(ent.start, ent.end) if i != ent.root.i}
        for token in tokens:
            # A role noun in compound (or adjective) position heads its own mention when what it
            # modifies is no actor: "Israeli police custody", but not "army" in "army chief", nor
            # "Radical" in "Radical French farmers".
            compound = token.dep_ in ("compound", "amod", "nmod") and (token.head.pos_ != "NOUN" or self._is_role(token.head))
            if token.pos_ in ("NOUN", "PROPN") and not compound and token.i not in in_org and self._is_role(token):
                start, end = noun_phrase(token)
                if token.dep_ == "compound":
                    # The parse hangs the demonym on the outer noun: "Israeli police custody".
                    while start > 0 and tokens[start - 1].head.i == token.head.i and tokens[start - 1].dep_ == "amod":
                        start -= 1
                add(token.i, start, end, "NOMINAL")
        for ent in _entities(doc):
            if ent.label_ not in ENTITY_LABELS:
                continue
            root = ent.root
            # A demonym, name or body modifying a noun is part of that noun's phrase ("Russian" in
            # "Russian Foreign Minister Sergey Lavrov", "the Russian side", "foreign ministry" in
            # "Chinese foreign ministry spokesman Shen Guofang"), not an actor of its own.
            if root.dep_ in ("amod", "compound", "nmod") and root.head.pos_ in ("NOUN", "PROPN") \
                    and ent.label_ in ("NORP", "GPE", "ORG") and root.head.i not in range(ent.start, ent.end) \
                    and (root.head.i in taken or self._is_role(root.head)):
                continue
            start, end = noun_phrase(root, ent.start, ent.end)
            if any(i in taken for i in range(start, end)):
                # Keep what the phrase adds up to an earlier mention: "Kenya's new President William
                # Ruto" -> "new President William Ruto" beside "Kenya's" (its owner, read in `resolve`).
                start = max([i + 1 for i in range(start, ent.start) if i in taken], default=start)
                if any(i in taken for i in range(ent.end, end)):
                    end = ent.end
            add(root.i, start, end, ent.label_)
        # NER misses some country names ("Uzbekistan finally opened ..."): a proper noun the dictionary
        # knows as a country, and that no other mention holds, is one.
        # So are the names of armed groups and IGOs it misses ("the pro-Iranian Hizbollah group").
        for token in tokens:
            if token.pos_ == "PROPN" and token.i not in taken and token.dep_ != "compound" \
                    and token.ent_type_ == "":
                if self.dictionary.is_country_name(token.text) or self.dictionary.is_misspelt_country_name(token.text):
                    add(token.i, token.i, token.i + 1, "GPE")
                elif self.dictionary.is_organization_name(token.text):
                    add(token.i, token.i, token.i + 1, "ORG")
        # NER misses some repeats of a name it found elsewhere ("Mr Asif seconded ..."): a proper noun
        # that is the surname of a person named in the article is that person.
        surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
        for token in tokens:
            if token.pos_ == "PROPN" and token.text in surnames and token.dep_ != "compound":
                start, end = noun_phrase(token)
                add(token.i, start, end, "PERSON")
        for token in tokens:
            lower = token.lower_
            if token.pos_ == "PRON" and lower in SINGULAR_PERSON_PRONOUNS | PLURAL_PRONOUNS | FIRST_PERSON_PRONOUNS:
                add(token.i, token.i, token.i + 1, "PRONOUN")
        found.sort(key=lambda c: c.start)
        return found

    def _is_role(self, token) -> bool:
        """True for a role or people noun, alone or with the modifier right before it ("groups" in
        "opposition groups", "armed groups", "terror group")."""
        if self.dictionary.is_actor_word(token.lemma_.lower()) or self.dictionary.is_actor_word(token.lower_):
            return True
        if token.i == 0 or token.pos_ != "NOUN":
            return False
        before = token.doc[token.i - 1]
        if before.head.i != token.i or before.dep_ not in ("compound", "amod"):
            return False
        return self.dictionary.is_actor_phrase(f"{before.lower_} {token.lemma_.lower()}") or \
            self.dictionary.is_actor_phrase(f"{before.lower_} {token.lower_}")

    # -- writing ------------------------------------------------------------------------------
    def code_candidates(self, article: Article, candidates: list[_Candidate]) -> list[Mention]:
        doc = article.doc
        sent_of = sentence_index(article)
        mentions = []
        for cand in candidates:
            span = doc[cand.start:cand.end]
            sentence = sent_of.get(cand.head, 0)
            actor = None
            if cand.label != "PRONOUN":
                # No sentence context here: a role word's country is taken from the article's own
                # structure in `resolve` (an "of" complement, a possessor, the person it titles), since
                # "any country named nearby" mis-codes phrases like "Mr Asif's tenure as defence minister"
                # in a sentence that also names Russia.
                actor = self.dictionary.code(span.text, date=article.published)
                if actor is not None and actor.kind == "person" and cand.label == "FAC":
                    # A place named after someone is not them: "the Ayn al-Assad" air base, "King Fahd Airport".
                    actor = None
            mentions.append(Mention(
                start=span.start_char, end=span.end_char, text=span.text, sentence=sentence, actor=actor,
                label=cand.label, token_start=cand.start, token_end=cand.end,
            ))
        return mentions


# Words no name holds: an entity the NER runs across one of them is two ("the Syrian Democratic Forces
# against Isis").
ENTITY_BREAKS = {"against", "alongside", "versus", "vs", "vs."}


def _entities(doc) -> list:
    """The NER's entities, split where one runs across a word no name holds."""
    out = []
    for ent in doc.ents:
        start = ent.start
        for token in ent:
            if token.lower_ in ENTITY_BREAKS and token.pos_ == "ADP":
                if token.i > start:
                    out.append(Span(doc, start, token.i, label=ent.label_))
                start = token.i + 1
        if start == ent.start:
            out.append(ent)
        elif start < ent.end:
            out.append(Span(doc, start, ent.end, label=ent.label_))
    return out


def noun_phrase(head, start: int | None = None, end: int | None = None) -> tuple[int, int]:
    """Token range of the actor phrase around ``head``: its modifiers, appositions and "of" complement.

    Relative clauses, coordination and other prepositions stay out: "Pakistan and Russia" gives two
    mentions, and "troops in Kabul" is the troops, not Kabul.
    """
    lo = head.i if start is None else start
    hi = head.i + 1 if end is None else end
    for child in head.lefts:
        if child.dep_ in PHRASE_LEFT_DEPS:
            lo = min(lo, child.left_edge.i)
    for child in head.rights:
        if child.dep_ == "appos" and _after_separator(head.doc, head.i, child.i) == head.i:
            hi = max(hi, noun_phrase(child)[1])
        elif child.dep_ in ("flat", "compound"):
            hi = max(hi, child.right_edge.i + 1)
        elif child.dep_ == "prep" and child.lower_ == "of" and head.pos_ == "NOUN":
            hi = max(hi, child.right_edge.i + 1)
        elif child.dep_ == "case":
            hi = max(hi, child.i + 1)
    # Never start a phrase on punctuation left over from the subtree, nor before a dateline's dash.
    doc = head.doc
    lo = _after_separator(doc, lo, head.i + 1)
    while lo < head.i and doc[lo].is_punct:
        lo += 1
    while hi - 1 > head.i and (doc[hi - 1].is_punct and doc[hi - 1].text not in ")"):
        hi -= 1
    return lo, hi


def _dateline_tokens(article: Article) -> set[int]:
    """Token indexes of the dateline place and what follows it up to its dash or colon."""
    if article.dateline is None:
        return set()
    doc = article.doc
    span = doc.char_span(article.dateline.start, article.dateline.end, alignment_mode="expand")
    if span is None:
        return set()
    tokens = set(range(span.start, span.end))
    for token in doc[span.end:span.end + 8]:
        tokens.add(token.i)
        if token.text in ("-", "—", "–", ":", "--"):
            return tokens
    return set(range(span.start, span.end))


def _after_separator(doc, start: int, end: int) -> int:
    """Skip a dateline glued to a name by NER ("KABUL (Reuters) - Interior Minister John Doe"): the span
    starts after its last free-standing dash or colon."""
    for i in range(end - 1, start - 1, -1):
        token = doc[i]
        if token.text in ("-", "—", "–", ":") and token.whitespace_ and i > 0 and doc[i - 1].whitespace_:
            return i + 1
        if token.text == ":" and i + 1 < end:
            return i + 1
    return start


def resolve(article: Article, dictionary) -> list[Entity]:
    """Link mentions to entities across the article and let each mention inherit the best code.

    Reads ``article.mentions`` (in text order) and the parse; fills ``Mention.entity``,
    ``Mention.members`` and improves ``Mention.actor``; returns the entity list.
    """
    entities: list[Entity] = []
    by_surname: dict[str, int] = {}
    # The stretches in quotation marks, found when a pronoun first needs them.
    quoted: list[tuple[int, int]] | None = None
    # The first word of a person's full name, for names written family name first ("Shen" after "Shen
    # Guofang", "Chen" after "Chen Boliang"): read only for a lone name word no surname accounts for.
    by_first: dict[str, int] = {}

    def earlier_person(span) -> int | None:
        """The entity of an earlier person whom a lone name word (``span``'s only proper noun) names."""
        names = [t for t in span if t.pos_ == "PROPN"]
        if len(names) != 1:
            return None
        word = names[0].text.lower().removesuffix("'s").removesuffix("’s")
        entity = by_surname.get(word, by_first.get(word))
        if entity is None or entities[entity].actor.kind != "person":
            return None
        # Only a name that reads as one ("Chen Boliang"), not a phrase the tagger ran together
        # ("Drabinsky and Cineplex").
        name = (entities[entity].actor.name or "").split()
        return entity if name and all(w[:1].isupper() for w in name) else None

    doc = article.doc
    home = dictionary.country_of(article.dateline.name) if article.dateline and article.dateline.name else None
    topics = _topic_countries(article)

    def borrowed(entity_id: int) -> Actor:
        """The entity's actor, as a mention that refers back to it carries it."""
        entity = entities[entity_id]
        return replace(entity.actor, basis=f"coreference: {article.mentions[entity.mentions[0]].text}")

    def new_entity(mention_index: int, actor: Actor) -> int:
        entities.append(Entity(id=len(entities), actor=actor, mentions=[mention_index]))
        return len(entities) - 1

    def link(mention_index: int, entity_id: int) -> None:
        mention = article.mentions[mention_index]
        entity = entities[entity_id]
        entity.mentions.append(mention_index)
        mention.entity = entity_id
        if mention.actor is None or (mention.actor.code is None and entity.actor.code):
            mention.actor = borrowed(entity_id)
        elif entity.actor.code is None and mention.actor.code:
            # The entity learns its code from a later description ("Diane Abbott ... the shadow home
            # secretary") and keeps the name it was introduced with.
            named = entity.actor.kind == "person" and entity.actor.name and not mention.actor.name
            entity.actor = replace(mention.actor, name=entity.actor.name, kind="person") if named else mention.actor

    for index, mention in enumerate(article.mentions):
        head = doc[mention.token_start:mention.token_end].root
        if mention.label == "PRONOUN":
            if quoted is None:
                from ..quotes.stage import quote_spans  # imported here: the quote stage builds on this one

                quoted = [(start, end) for start, end, _ in quote_spans(article.text)]
            _resolve_pronoun(article, index, head, link, quoted)
            continue
        if _is_pair_phrase(head):
            pair = _recent_pair(article, index)
            if pair:
                mention.members = [replace(mention, actor=m.actor, members=[], entity=m.entity) for m in pair]
            continue
        if mention.actor is None and mention.label == "PERSON":
            # Someone the dictionary does not know is still someone: give them an entity, so that
            # "he" and their surname find them and not the last known person ("Newt Gingrich said").
            mention.actor = Actor(name=_person_name(doc[mention.token_start:mention.token_end]) or mention.text,
                                  code=None, kind="person", basis="name not in the dictionary")
        if mention.actor is None and mention.label != "NOMINAL":
            # The tagger sometimes takes a person's surname for an organization or a place ("Begum, 19",
            # "Yishai's" after "Shamima Begum", "Eli Yishai"): a name the dictionary does not know that an
            # earlier person bears is that person.
            person = earlier_person(doc[mention.token_start:mention.token_end])
            if person is not None:
                mention.actor = borrowed(person)
                link(index, person)
                continue
        if mention.actor is None:
            continue
        if mention.label in ("NOMINAL", "PERSON") and mention.actor.country is None:
            _inherit_owner_country(article, index)
        if _is_counted_people(mention.actor, head):
            # "168 Liberians", "young Algerians", "Palestinians living in Gaza": some of a country's
            # people, its civilians; "the Palestinians" alone stay the people as a whole.
            mention.actor = replace(mention.actor, code=mention.actor.country + PEOPLE_SECTOR, sector=PEOPLE_SECTOR,
                                    basis=f"{mention.actor.basis} (some of them)")
        if _is_place(mention.actor, head, dictionary):
            # "arrived in Amman": the capital is where, not who; it stands for the country, not its
            # government as in "Amman said".
            mention.actor = replace(mention.actor, code=mention.actor.country, sector=None, kind="state",
                                    basis=f"{mention.actor.basis} (a place)")
        span = doc[mention.token_start:mention.token_end]
        named = _surname(span) if mention.label == "NOMINAL" else None
        if named or (mention.label == "PERSON" and (mention.actor.name is None or mention.actor.kind != "person")):
            # A title with a name is that named person: "Prime Minister Vo Van Kiet", "Chinese foreign
            # ministry spokesman Shen Guofang" (coded CHNGOV by the ministry, named by himself).
            person_name = _person_name(span)
            mention.actor = replace(mention.actor, name=(mention.actor.name if mention.actor.kind == "person" else None)
                                    or person_name, kind="person")
        if head.lemma_.lower() in PERSON_TITLES and mention.label == "NOMINAL" and not named:
            # A title names the person it stands for: "the Russian foreign minister" after "Sergey
            # Lavrov"; without a country, "Mr Asif's tenure as defence minister" in the same sentence.
            person = _recent_person(article, index, country=mention.actor.country,
                                    same_sentence=mention.actor.country is None)
            if person is None and mention.actor.country is None and span[0].lower_ == "the":
                # "the 76-year-old president" a sentence after "President Le Duc Anh": the one who bore the title.
                person = _titled_person(article, index, head.lemma_.lower())
                if person is not None:
                    mention.actor = borrowed(person)
            if person is not None:
                link(index, person)
                continue
        if mention.label == "NOMINAL" and mention.actor.country is None and span[0].lower_ == "the":
            # "the official" after "a Turkish official said": the same one, before any guess from the
            # countries of its sentence.
            antecedent = _same_head_antecedent(article, index, head)
            if antecedent is not None:
                earlier = article.mentions[antecedent]
                mention.actor = replace(earlier.actor, basis=f"coreference: {earlier.text}")
                link(index, earlier.entity)
                continue
        if mention.actor.country is None and mention.actor.sector and not _is_international(mention.actor) \
                and head.lemma_.lower() not in OTHER_PARTY_HEADS:
            # Tie-breakers for a role with no country in its phrase: an official ("Interior Minister
            # Mohsin Naqvi", "President Dos Santos") most likely serves the country the story is
            # datelined in, else the one its sentence names most, else the article's most named.
            # "Ethnic Albanians" are not Albania's: their own country is left out.
            origin = dictionary.ethnic_origin(mention.text)
            pick, where = None, ""
            if home is not None and home != origin:
                pick, where = home, "dateline country"
            else:
                for where, ranked in (("sentence country", topics.get(mention.sentence, ())),
                                      ("article country", topics.get(None, ()))):
                    pick = next((c for c in ranked if c != origin), None)
                    if pick is not None:
                        break
            if pick is not None:
                mention.actor = replace(mention.actor, country=pick, code=pick + (mention.actor.code or ""),
                                        name=mention.actor.name or dictionary.country_name(pick),
                                        basis=f"{mention.actor.basis} + {where}")
        if mention.label == "PERSON" or named or (mention.actor.kind == "person" and mention.label != "NOMINAL"):
            surname = _surname(span, any_name=mention.label not in ("PERSON", "NOMINAL"))
            if surname and surname not in by_surname and (family := earlier_person(span)) is not None:
                by_surname[surname] = family
            if surname and surname in by_surname:
                entity = entities[by_surname[surname]]
                if entity.actor.name and mention.actor.name != entity.actor.name and entity.actor.kind == "person":
                    # The article's own naming beats the dictionary: "Abbott" after "Diane Abbott" is
                    # her, not a former prime minister of the same surname.
                    mention.actor = borrowed(by_surname[surname])
                link(index, by_surname[surname])
                continue
            entity_id = new_entity(index, mention.actor)
            mention.entity = entity_id
            if surname:
                by_surname[surname] = entity_id
                name = (mention.actor.name or "").split()
                if len(name) > 1 and mention.actor.kind == "person":
                    by_first.setdefault(name[0].lower(), entity_id)
            continue
        entity_id = _same_actor(entities, mention.actor)
        if entity_id is None:
            entity_id = new_entity(index, mention.actor)
            mention.entity = entity_id
        else:
            link(index, entity_id)
    _code_people_from_appositions(article, entities)
    return entities


def _code_people_from_appositions(article: Article, entities: list[Entity]) -> None:
    """A person the dictionary does not know takes the code of the description set beside their
    name ("Kofi Annan, UN secretary-general" -> IGOUNOGOV; "X, chairwoman of the Y commission" -> Y's
    code), and so do the mentions linked to them."""
    doc = article.doc
    for mention in article.mentions:
        actor = mention.actor
        if mention.label != "NOMINAL" or actor is None or not actor.code:
            continue
        head = doc[mention.token_start:mention.token_end].root
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.dep_ == "appos":
            # "Frances Johnson-Morris, chairwoman of the National Elections Commission": the office
            # set beside the name is in the body it names.
            head = head.head.head
        if head.dep_ != "appos":
            continue
        person = _mention_at(article, head.head.i, len(article.mentions))
        if person is None or person.label != "PERSON" or person.actor is None or person.actor.code \
                or person.actor.kind != "person":
            continue
        coded = replace(actor, name=person.actor.name, kind="person",
                        basis=f"{actor.basis} + apposition: {mention.text}")
        if person.entity is not None:
            entities[person.entity].actor = coded
            for other in article.mentions:
                if other.entity == person.entity and (other.actor is None or not other.actor.code):
                    other.actor = coded
        person.actor = coded


def _topic_countries(article: Article) -> dict[int | None, tuple[str, ...]]:
    """The countries the mentions of each sentence name, most named first (ties: first named); under
    None, the article's most named country, only where it is named more often than any other (a story
    about Italy's troops in Albania has no one country to lend its unplaced "rebels")."""
    counts: dict[int | None, dict[str, int]] = {}
    for mention in article.mentions:
        actor = mention.actor
        if actor is None or not actor.country or mention.label == "PRONOUN":
            continue
        for key in (mention.sentence, None):
            tally = counts.setdefault(key, {})
            tally[actor.country] = tally.get(actor.country, 0) + 1
    # dicts keep insertion order, so a stable sort on the count leaves ties in text order
    ranked = {}
    for key, tally in counts.items():
        order = sorted(tally, key=lambda c: -tally[c])
        ranked[key] = tuple(order[:1]) if len(order) < 2 or tally[order[0]] > tally[order[1]] else ()
    return ranked


def _is_international(actor: Actor) -> bool:
    return actor.kind == "igo" or (actor.code or "")[:3] in ("IGO", "IMG", "NGO", "NGM", "MNC", "INT")


def _is_place(actor: Actor, head, dictionary) -> bool:
    """True for a capital named alone as the object of a place preposition ("arrived in Amman"), but
    not where it places an actor ("an embassy in Tehran" is accredited to Iran's government)."""
    basis = actor.basis or ""
    if not (basis.startswith("capital:") and "+" not in basis and actor.sector is not None and head.dep_ == "pobj"):
        return False
    prep = head.head
    if prep.lower_ == "of" and prep.head.lower_ in BEARINGS:
        # "the air base west of Baghdad", "20 km north of Kabul": a bearing from the city.
        return True
    return prep.lower_ in PLACE_PREPS and not dictionary.is_actor_word(prep.head.lemma_.lower())


def _is_counted_people(actor: Actor, head) -> bool:
    """True for a people noun with a number, an adjective or a clause of its own ("168 Liberians",
    "young Algerians", "Palestinians living in Gaza", "thousands of Nigerians")."""
    if actor.sector is not None or actor.country is None or not (actor.basis or "").startswith("people:"):
        return False
    if any(c.dep_ in PEOPLE_SOME_DEPS for c in head.children):
        return True
    owner = head.head
    return head.dep_ == "pobj" and owner.lower_ == "of" and (owner.head.pos_ == "NUM" or owner.head.like_num
                                                             or owner.head.lower_ in QUANTITY_WORDS)


def _person_name(span) -> str | None:
    """The name inside a person's mention: from its first to its last proper noun that NER tags as a
    person ("Lee Teng-hui" in "President Lee Teng-hui"); None when it has none."""
    names = [t for t in span if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"]
    if not names:
        return None
    return span.doc[names[0].i:names[-1].i + 1].text


def _surname(span, any_name: bool = False) -> str | None:
    """The last name word of a person's mention; with ``any_name``, of any proper noun (NER sometimes
    labels a lone surname a place: "Abbott wrote to ...")."""
    names = [t for t in span if (any_name or t.ent_type_ == "PERSON") and t.pos_ == "PROPN"]
    if not names:
        return None
    return names[-1].text.lower().removesuffix("'s").removesuffix("’s")


def _is_pair_phrase(head) -> bool:
    lemma = head.lower_
    if lemma not in PAIR_HEADS:
        return False
    if lemma == "two":
        return any(t.lower_ == "the" for t in head.lefts)
    return any(t.lower_ in PAIR_MARKERS for t in head.lefts) or any(
        t.lower_ in PAIR_MARKERS for t in head.subtree if t.i < head.i)


def _recent_pair(article: Article, index: int) -> list[Mention] | None:
    """The two parties "the two sides" / "both countries" at mention ``index`` stands for.

    The last pair named together ("Pakistan and Russia", "talks between A and B") within
    PAIR_WINDOW sentences wins; failing that, the two most recent mentions of different countries
    within ANTECEDENT_WINDOW. (Taking the two latest countries alone goes wrong in stories that
    mention a third country in between, as a Pakistan-Russia story mentioning Afghanistan does.)
    """
    here = article.mentions[index].sentence
    doc = article.doc
    for mention in reversed(article.mentions[:index]):
        if here - mention.sentence > PAIR_WINDOW:
            break
        if mention.members and len({m.actor.country for m in mention.members if m.actor}) == 2:
            return mention.members[:2]
        if mention.actor is None or not mention.actor.country:
            continue
        head = doc[mention.token_start:mention.token_end].root
        for other in head.conjuncts:
            partner = _mention_at(article, other.i, index)
            if partner is not None and partner.actor and partner.actor.country \
                    and partner.actor.country != mention.actor.country:
                return sorted([mention, partner], key=lambda m: m.start)
    picked: list[Mention] = []
    for mention in reversed(article.mentions[:index]):
        if here - mention.sentence > ANTECEDENT_WINDOW:
            break
        actor = mention.actor
        if actor is None or not actor.country:
            continue
        if all(actor.country != p.actor.country for p in picked):
            picked.append(mention)
            if len(picked) == 2:
                return list(reversed(picked))
    return None


def _mention_at(article: Article, token_index: int, before: int) -> Mention | None:
    for mention in article.mentions[:before]:
        if mention.token_start <= token_index < mention.token_end:
            return mention
    return None


def _same_head_antecedent(article: Article, index: int, head) -> int | None:
    """The latest earlier mention, a few sentences back at most, whose phrase has the same head noun and
    a country: "a Turkish official" for "the official"."""
    here = article.mentions[index].sentence
    lemma = head.lemma_.lower()
    doc = article.doc
    for i in range(index - 1, -1, -1):
        mention = article.mentions[i]
        if here - mention.sentence > ANTECEDENT_WINDOW:
            return None
        if mention.label != "NOMINAL" or mention.entity is None or mention.actor is None \
                or mention.actor.country is None:
            continue
        if doc[mention.token_start:mention.token_end].root.lemma_.lower() == lemma:
            return i
    return None


def _recent_person(article: Article, index: int, country: str | None = None,
                   same_sentence: bool = False, gender: str | None = None) -> int | None:
    """The entity of the most recent person mention before ``index`` (of ``country`` when given, and
    not known to be of another ``gender`` than the pronoun's)."""
    window = 0 if same_sentence else ANTECEDENT_WINDOW if country is None else None
    for mention in _earlier_people(article, index, window, gender):
        if country is None or mention.actor.country == country:
            return mention.entity
    return None


def _earlier_people(article: Article, index: int, window: int | None, gender: str | None = None):
    """The person mentions linked to an entity before mention ``index``, nearest first, at most ``window``
    sentences back (None: no limit), and not known to be of another ``gender``."""
    here = article.mentions[index].sentence
    for mention in reversed(article.mentions[:index]):
        if window is not None and here - mention.sentence > window:
            return
        if mention.entity is None or mention.actor is None or mention.actor.kind != "person":
            continue
        if gender is not None and _entity_gender(article, mention.entity, index) not in (None, gender):
            continue
        yield mention


# Subjects are what a following "he"/"she" most often takes up (centering theory's preference).
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


# How many sentences back a subject pronoun looks for the subject it takes up: the one before, or two
# when a quoted sentence stands between ("Abbott called for ... 'What does it say ...?' she said").
SALIENT_SENTENCES = 2


def _salient_person(article: Article, index: int, gender: str | None,
                    quoted: list[tuple[int, int]]) -> int | None:
    """For a pronoun that is a subject, the most recent person who is the subject of a main clause (or the
    X of "according to X"), in its own sentence before it or in the sentences just before, leaving out
    what is said inside quotation marks when the pronoun is outside them: "Abbott called for Begum to be
    given the chance ... 'What does it say ...?' she said" is Abbott, though Begum was named last. (A
    possessive keeps the nearest person: "Charles Bronfman and his associates".)"""
    doc = article.doc
    outside = not _quoted_at(quoted, article.mentions[index].start)
    for mention in _earlier_people(article, index, SALIENT_SENTENCES, gender):
        if outside and _quoted_at(quoted, mention.start):
            continue
        root = doc[mention.token_start:mention.token_end].root
        if (root.dep_ in SUBJECT_DEPS and _main_clause(root.head)) or _according_to(root):
            return mention.entity
    return None


def _quoted_at(quoted: list[tuple[int, int]], position: int) -> bool:
    """Whether ``position`` lies inside one of the (sorted, non-overlapping) quoted stretches."""
    i = bisect_right(quoted, (position, float("inf"))) - 1
    return i >= 0 and quoted[i][0] <= position < quoted[i][1]


def _according_to(token) -> bool:
    """The token names the source of its sentence: "According to lawyer Garry Pogonyailo, ..."."""
    return token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according"


def _main_clause(verb) -> bool:
    """The verb heads its sentence, or is joined to the verb that does ("Chen conceded that Wei had ..."
    has Chen, not Wei, as its main subject)."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _titled_person(article: Article, index: int, title: str) -> int | None:
    """The entity of the most recent person named with ``title`` ("President Le Duc Anh") in the last few
    sentences before mention ``index``."""
    doc = article.doc
    for mention in _earlier_people(article, index, ANTECEDENT_WINDOW):
        if mention.actor.name and any(t.lemma_.lower() == title for t in doc[mention.token_start:mention.token_end]):
            return mention.entity
    return None


def _gender(word: str) -> str | None:
    word = word.lower().rstrip(".")
    return "m" if word in MALE_WORDS else "f" if word in FEMALE_WORDS else None


def _entity_gender(article: Article, entity: int, before: int) -> str | None:
    """What the article has shown of an entity's gender before mention ``before``: the pronouns that
    already refer to it, or an honorific or title in its mentions ("Mrs", "queen")."""
    for mention in article.mentions[:before]:
        if mention.entity != entity:
            continue
        for word in mention.text.split()[:3] if mention.label != "PRONOUN" else [mention.text]:
            found = _gender(word)
            if found:
                return found
    return None


def _same_actor(entities: list[Entity], actor: Actor) -> int | None:
    for entity in entities:
        if entity.actor.kind != "person" and entity.actor.code and entity.actor.code == actor.code \
                and entity.actor.name == actor.name:
            return entity.id
    return None


def _resolve_pronoun(article: Article, index: int, head, link, quoted: list[tuple[int, int]]) -> None:
    mention = article.mentions[index]
    lower = head.lower_
    if lower in SINGULAR_PERSON_PRONOUNS:
        gender = _gender(lower)
        entity = _salient_person(article, index, gender, quoted) if head.dep_ in SUBJECT_DEPS else None
        if entity is None:
            entity = _recent_person(article, index, gender=gender)
        if entity is not None:
            link(index, entity)
    elif lower in PLURAL_PRONOUNS:
        pair = _recent_coordination(article, index)
        if pair:
            mention.members = [replace(mention, actor=m.actor, members=[], entity=m.entity) for m in pair]
    # First-person pronouns are resolved by the quote stage, which knows who is speaking.


def _recent_coordination(article: Article, index: int) -> list[Mention] | None:
    """For "they"/"their": the last coordinated pair of coded actors ("A and B", "A with B"), else None."""
    doc = article.doc
    here = article.mentions[index].sentence
    for mention in reversed(article.mentions[:index]):
        if here - mention.sentence > 1:
            break
        if mention.members:
            return mention.members
        if mention.actor is None:
            continue
        head = doc[mention.token_start:mention.token_end].root
        for other in list(head.conjuncts) + [t for t in head.subtree if t.dep_ == "pobj" and t.head.lower_ == "with"]:
            partner = next((m for m in article.mentions[:index]
                            if m.actor is not None and m.token_start <= other.i < m.token_end), None)
            if partner is not None and partner is not mention:
                return sorted([mention, partner], key=lambda m: m.start)
    return None


def _inherit_owner_country(article: Article, index: int) -> None:
    """A role phrase without a country takes it from its owner: an "of" complement ("the militaries
    of the two countries" -> each country's military, "the army of Pakistan") or a possessor ("Iran's
    navy", "his ministry" -> the country of the person "his" stands for)."""
    mention = article.mentions[index]
    actor = mention.actor
    head = article.doc[mention.token_start:mention.token_end].root
    # The possessor may sit on the title before a name: "Kenya's new President William Ruto".
    titles = [c for c in head.children if c.dep_ == "compound"]
    owners = [c for t in (head, *titles) for c in t.children if c.dep_ == "poss"]
    owners += [g for c in head.rights if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    # An organisation named before a title: "OPEC Secretary General Haitham al-Ghais".
    owners += [c for t in (head, *titles) for c in t.children if c.dep_ == "compound" and c.i < mention.token_start]
    # Where the people are: "rebels in the Ivory Coast", "a militia based in Mali".
    # (Not for diplomats: "the embassy in Tehran" is another country's.)
    places = [c for c in head.rights if c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS
              and head.lemma_.lower() not in ABROAD_HEADS]
    places += [p for c in head.rights if c.dep_ == "acl" and c.lemma_ == "base" for p in c.children
               if p.dep_ == "prep" and p.lower_ in LOCATIVE_PREPS]
    owners += [g for c in places for g in c.children if g.dep_ == "pobj"]
    for owner in owners:
        inner = _inner_mention(article, owner, mention)
        if inner is None:
            continue
        members = [
            replace(mention, members=[], actor=replace(
                s.actor, code=s.actor.country + (actor.sector or ""), sector=actor.sector, kind="organization",
                name=f"{s.actor.name} {actor.name or ''}".strip(), basis=f"{actor.basis} + owner: {s.text}"))
            for s in (inner.members or [inner]) if s.actor and s.actor.country
        ]
        if not members and inner.actor is not None and inner.actor.kind == "igo" and inner.actor.code:
            # An IGO's officer: the IGO's code with the title's sector ("U.N. Secretary-General" IGOUNOGOV).
            code = inner.actor.code
            if actor.sector and not code.endswith(actor.sector):
                code += actor.sector
            mention.actor = replace(inner.actor, code=code, sector=actor.sector or inner.actor.sector,
                                    kind=actor.kind, name=actor.name or inner.actor.name,
                                    basis=f"{actor.basis} + owner: {inner.text}")
            return
        if len(members) == 1:
            mention.actor = members[0].actor
        elif members:
            mention.members = members
        return


def _inner_mention(article: Article, token, outer: Mention) -> Mention | None:
    """A mention inside ``outer`` whose head is ``token``, found by re-coding the complement phrase."""
    for m in article.mentions:
        if m is not outer and m.token_start <= token.i < m.token_end:
            return m
    # The complement is inside the outer phrase, so it has no mention of its own: look for a pair,
    # or the person a possessive pronoun stands for ("his counterpart").
    index = article.mentions.index(outer)
    if _is_pair_phrase(token):
        pair = _recent_pair(article, index)
        if pair:
            return replace(outer, members=pair)
    if token.lower_ in SINGULAR_PERSON_PRONOUNS:
        entity = _recent_person(article, index)
        if entity is not None:
            return next(m for m in article.mentions if m.entity == entity)
    return None
