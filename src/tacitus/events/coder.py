"""The CAMEO event coder: lexicon rules matched on the dependency parse.

Deciding and writing are apart: :func:`match_sentence` returns :class:`Candidate` events for one
sentence of a parsed article (trigger, rule, code after modality, source and target mentions, the
parse path as evidence); :class:`tacitus.events.stage.EventStage` turns them into model Events.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..ingest.dateline import HEAD_CHARS, head_dateline
from ..model import Mention
from .lexicon import ANY_COMPLEMENT, Lexicon, Rule, default_domains

# Prepositions whose object is a target when a rule does not say where the target is.
TARGET_PREPS = ("with", "to", "against", "on", "at", "toward", "towards", "for", "into", "from", "between")
# Verbs that turn an infinitive into an intention ("plans to visit", "is willing to partner").
INTENT_HEADS = {"plan", "intend", "want", "seek", "hope", "aim", "expect", "prepare", "wish", "pledge", "promise",
                "vow", "swear", "offer", "agree", "willing", "ready", "prepared", "eager", "keen", "determined",
                "set", "propose", "consider", "mull", "commit", "committed"}
# Verbs that only carry a nominal event: "make a visit", "pay a visit", "conduct a raid".
LIGHT_VERBS = {"make", "pay", "hold", "have", "conduct", "begin", "start", "launch", "undertake", "complete",
               "continue", "end", "wrap", "carry", "stage", "mount", "be",
               # "announced a ceasefire", "ordered the release of": the announcer's own act.
               "announce", "declare", "order", "approve", "authorize", "authorise"}
# Nouns whose infinitive is an intended act: "a consensus to exchange information".
INTENT_NOUNS = {"agreement", "consensus", "deal", "accord", "understanding", "decision", "plan", "commitment",
                "pledge", "promise", "offer", "readiness", "willingness", "intention", "undertaking"}
# "X claimed that they had attacked Y" claims responsibility for the attack (015).
CLAIM_HEADS = {"claim"}
CLAIMANT_PRONOUNS = {"they", "it", "he", "she", "we"}
CLAIM_CODE = "015"
# "failed to reach agreement" is no agreement: coded like a refusal (CAMEO 12).
REFUSAL_HEADS = {"refuse", "decline", "reject", "fail"}
# "threatened to strike": the act is only threatened (CAMEO 13).
THREAT_HEADS = {"threaten"}
FUTURE_AUX = {"will", "shall", "'ll", "would", "wo"}
# Speculation is not a factual event: "talks could resume", "sanctions might follow".
SPECULATIVE_AUX = {"could", "may", "might", "can"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
# Clauses a future or obliged act waits for: "will not lift the siege until the hostages go free".
PENDING_MARKS = {"until", "till", "before"}

# Intent: a future or intended cooperative act is CAMEO 03 ("express intent to ...").
INTENT_CODES = {"040": "036", "041": "036", "042": "036", "043": "036", "044": "036", "045": "039", "046": "036",
                "050": "032", "051": "032", "052": "032", "053": "032", "054": "032", "055": "032", "056": "032",
                "057": "030",
                "060": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
                # Asylum and shelter for refugees are humanitarian: "will not accept refugees" -> 1223.
                "070": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334", "075": "0333",
                "080": "035", "081": "0351", "0811": "0351", "0812": "0351", "0813": "0351", "0814": "0351",
                "082": "0352", "083": "034", "0831": "0341", "0832": "0342", "0833": "0343", "0834": "0344",
                "084": "0353", "0841": "0353", "0842": "0353", "085": "0354", "086": "0355", "0861": "0355",
                "0862": "0355", "0863": "0355", "087": "0356", "0871": "0356", "0872": "0356", "0873": "0356",
                "0874": "0356"}
INTENT_ROOTS = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
# A future act of force or coercion, announced, is a threat (CAMEO 13).
THREAT_ROOTS = {"14": "133", "15": "138", "16": "131", "17": "137", "18": "1383", "19": "1384", "20": "1385"}
THREAT_CODES = {"163": "1312", "161": "1313", "162": "1311", "164": "134", "165": "135", "166": "136",
                "172": "132", "1723": "1323", "1724": "1324", "191": "1381", "192": "1382", "204": "1385"}
# Asking for, demanding or refusing an act has the act's own CAMEO sub-structure: the appeal (02),
# demand (10) and reject (12) families mirror "express intent" (03) family by family, so each is
# derived from the intent code: "urged Iran to release the hostages" -> release (084) -> intent to
# release (0353) -> appeal for release (0253).
def _mirror(prefix: str, special: dict[str, str]):
    return lambda intent: special.get(intent) or special.get(intent[:3]) or prefix + intent[2:]


APPEAL_FROM_INTENT = _mirror("02", {"039": "028"})
DEMAND_FROM_INTENT = _mirror("10", {"039": "108"})
REJECT_FROM_INTENT = _mirror("12", {
    "030": "120", "032": "120", "0314": "121", "036": "125", "037": "127", "038": "126", "039": "126",
    "0311": "1211", "0312": "1212", "0313": "1213", "031": "121", "033": "122", "034": "123", "035": "124",
    "0331": "1221", "0332": "1222", "0333": "1223", "0334": "1224", "0341": "1231", "0342": "1232",
    "0343": "1233", "0344": "1234", "0351": "1241", "0352": "1242", "0353": "1243", "0354": "1244",
    "0355": "1245", "0356": "1246"})
# Codes of their own, not mirrored from an intention: asking for an agreement is asking to settle the
# dispute, refusing to sign is rejecting the agreement.
APPEAL_DIRECT = {"057": "027"}
DEMAND_DIRECT = {"057": "107"}
REJECT_DIRECT = {"057": "127"}
# Asking or demanding that others protest, sanction, cut ties or fight is rallying opposition against the
# target (113): "called for sanctions against Myanmar's generals", "called on Arabs to mobilize against".
RALLY_ROOTS = {"14", "15", "16", "19", "20"}
RALLY_CODE = "113"
# Modes in which the act itself does not happen: it is asked for, demanded, refused or threatened, and
# the governing word's act (the appeal, demand, refusal or threat) is what is reported.
UNDONE_MODES = ("appeal", "demand", "refusal", "threat")
# The tables of each asking or refusing mode, read once per event by `apply_modality`.
MODE_DIRECT = {"appeal": APPEAL_DIRECT, "demand": DEMAND_DIRECT, "refusal": REJECT_DIRECT}
MODE_MIRROR = {"appeal": APPEAL_FROM_INTENT, "demand": DEMAND_FROM_INTENT, "refusal": REJECT_FROM_INTENT}
# Verbs whose complement is what they ask for ("urged Iran to stop", "called on both sides to talk",
# "demanded that Israel withdraw"); the complement's event is coded as the appeal or demand.
APPEAL_HEADS = {"urge", "call", "appeal", "ask", "request", "implore", "exhort", "plead", "press", "beseech",
                "entreat", "encourage", "petition", "lobby", "persuade", "convince"}
DEMAND_HEADS = {"demand", "insist", "order", "require", "command", "ultimatum", "pressure", "pressurize",
                "pressurise"}
# Demand verbs that also assert: only a subjunctive or modal clause is demanded.
ASSERTING_HEADS = {"insist"}
# Wanting or hoping that someone else acts is asking them to: "Kyiv wants Berlin to send more tanks",
# "said it hoped for a new round of talks" (026). The parser lemmatizes "hoped" as "hop".
WANT_HEADS = {"want", "wish", "hope", "hoped", "hopes", "hoping"}
# "must"/"has to" said of someone is a demand on them; "should" is an appeal.
OBLIGATION_AUX = {"must"}
ADVICE_AUX = {"should", "ought"}
# Verbs whose complement is what is to end: "must stop attacking" demands no attack.
STOPPING_HEADS = {"stop", "halt", "cease", "end", "refrain", "avoid", "quit"}
# The code of a said obligation whose act has no rule of its own.
OBLIGED_CODES = {"demand": "100", "appeal": "020"}
# "has to" is a demand, "needs to" an appeal ("Japan needs to enact reforms" -> 0242).
OBLIGATION_VERBS = {"have": "demand", "need": "appeal"}
# Verbs that report what someone said, whose clause complement can carry a demand or an appeal.
SPEECH_HEADS = {"say", "tell", "state", "declare", "announce", "add", "stress", "insist", "argue", "write",
                "reiterate", "emphasize", "emphasise", "note", "maintain", "assert", "warn", "remind", "believe",
                "think", "told", "urge", "repeat", "underline", "underscore", "affirm"}
# Verbs that ask through a for-to clause: "pressed for parliament to amend the charter", "called for the generals
# to be referred to the court".
FOR_TO_HEADS = {"push", "press", "call", "lobby", "campaign", "appeal", "plead"}
# Nouns that report what someone said, whose clause can carry a demand or an appeal.
SPEECH_NOUNS = {"reminder", "warning", "statement", "message", "letter", "declaration", "announcement", "note"}
# Prepositions that carry the addressee of an appeal: "called on Israel", "appealed to the UN".
ADDRESSEE_PREPS = ("on", "upon", "to")
# Nouns that carry what is asked for, demanded or proposed: "a call for talks", "a request to interrogate
# detainees", "demands that the government grant rights", "a proposal for a cease-fire". The act is the
# noun's infinitive, clause or "for" object; the value is the noun's own mode (a proposal or offer only
# has one under a verb that refuses it).
REQUEST_NOUNS = {"call": "appeal", "appeal": "appeal", "plea": "appeal", "request": "appeal", "petition": "appeal",
                 "demand": "demand", "ultimatum": "demand", "proposal": None, "offer": None, "suggestion": None}
# Verbs that refuse such a noun: "rejected calls for economic aid" refuses the aid (CAMEO 12).
REFUSING_VERBS = {"reject", "refuse", "dismiss", "rebuff", "spurn", "turn", "decline", "repudiate", "brush"}
# Verbs that only deliver such a noun, so that the request is theirs: "renewed an appeal to Spain to
# extradite", "insisted on its demands that ...", "issued an ultimatum to".
CARRIER_VERBS = {"issue", "make", "renew", "repeat", "reiterate", "launch", "send", "submit", "voice", "insist",
                 "deliver", "present", "lodge", "file", "step", "press"}

# Verbs that ask for, promise, refuse or threaten an act (their subject is no part of the act's domain).
MODAL_HEADS = APPEAL_HEADS | DEMAND_HEADS | INTENT_HEADS | REFUSAL_HEADS | THREAT_HEADS | {"warn", "reject", "accuse"}

# Amounts and containers whose "of" object is the real object: "tons of aid", "a batch of helicopters".
QUANTITY_NOUNS = {"state", "kind", "type", "form", "round", "series", "ton", "tons", "tonne", "tonnes", "worth",
                  "percent", "cent", "portion", "half", "bulk", "rest", "remainder",
                  "shipment", "consignment", "batch", "convoy", "load",
                  "cargo", "package", "number", "lot", "kilogram", "kg", "bag", "bags", "truckload", "planeload",
                  "million", "billion", "thousand", "hundred", "dozen", "dozens", "hundreds", "thousands", "millions",
                  "unit", "units", "set", "supply", "supplies", "amount", "quantity", "fleet", "squadron",
                  "contingent", "team", "delegation", "group", "part", "day", "days", "week", "weeks",
                  "month", "months", "hours", "some", "much", "most", "all", "many", "few", "share"}
# Where an adjective is predicated ("is ready to", "remained defiant") rather than naming a thing ("the
# wounded") or modifying one ("free trade"): only there does it trigger like a verb.
PREDICATIVE_DEPS = ("acomp", "ROOT", "xcomp", "ccomp", "conj", "advcl", "relcl")
# Dependencies of the modifiers a rule's ``compound`` names.
COMPOUND_DEPS = ("compound", "amod", "nmod", "advmod", "npadvmod")
# Entity types of dates and times, which are never addressees or targets ("called X on Tuesday").
TIME_ENTITIES = ("DATE", "TIME")
# Dependencies of the trigger's own actor, whose words say nothing about the act's domain.
SUBJECT_DEPS = ("nsubj", "csubj")
# Those who fight "alongside" someone fight on one side, not against each other.
ALLIED_PREPS = {"alongside", "beside"}
# Prepositions and conjunctions that place an act in time relative to another.
TIME_PREPS = {"after", "before", "since", "following", "until", "till", "ahead", "prior"}
# Heads whose "of"/"for" complement is an act only alleged or judged, not reported as it happens.
ALLEGATION_HEADS = {"accuse", "charge", "suspect", "blame", "convict", "indict", "arrest", "detain", "jail",
                    "sentence", "prosecute", "try", "acquit", "clear", "fine", "punish", "condemn", "criticize",
                    "criticise", "denounce", "sue", "investigate", "probe", "allegation", "accusation", "charges",
                    "suspicion"}
# Words whose "to"/"on" complement is an act of their own subject: "committed to opening", "bent on
# retaking". Not "accused of raping": what one is accused of is only alleged.
COMMITMENT_HOLDERS = {"commit", "committed", "dedicate", "dedicated", "devote", "devoted", "determined", "determine",
                      "resolve", "resolved", "bent", "intent", "keen", "eager", "ready", "prepared", "willing",
                      "open", "close", "set"}
# How far around the trigger domain words count: the object and complement, not the next clause.
DOMAIN_WINDOW = (10, 25)
# Confidence of an event with no coded source (only returned when asked for, e.g. for evaluation).
SOURCELESS_PENALTY = 0.25
RESIDUAL_PENALTY = 0.2


@dataclass
class Candidate:
    """One event the coder found: before it is written into the model."""

    trigger: object  # spaCy Token
    rule: Rule
    code: str
    source: Mention | None
    target: Mention | None
    negated: bool = False
    modality: str | None = None
    evidence: dict = field(default_factory=dict)
    confidence: float = 0.5


class MentionIndex:
    """Token index -> the actor mention covering it (the innermost, coded one)."""

    def __init__(self, mentions: list[Mention]):
        self._by_token: dict[int, Mention] = {}
        for mention in sorted(mentions, key=lambda m: m.token_end - m.token_start, reverse=True):
            for i in range(mention.token_start, mention.token_end):
                self._by_token[i] = mention

    def at(self, token) -> Mention | None:
        return self._by_token.get(token.i)

    def actors(self, token) -> list[Mention]:
        """Coded mentions for an argument token: the mention itself, or each member of a plural one."""
        mention = self.at(token)
        if mention is None:
            return []
        if mention.members:
            return [m for m in mention.members if _coded(m)]
        return [mention] if _coded(mention) else []


def _coded(mention: Mention) -> bool:
    return mention.actor is not None and bool(mention.actor.code or mention.actor.country)


# -- rule matching ------------------------------------------------------------------------------

def _object(token):
    for child in token.children:
        if child.dep_ in ("dobj", "obj"):
            return child
    patient = _passive_subject(token)
    if patient is not None:
        return patient
    # A copula's adjective stands in for an object: "was skeptical", "is optimistic".
    if _lemma(token) == "be":
        return next((c for c in token.children if c.dep_ == "acomp"), None)
    # Gerunds and nominalized verbs take their object through "of": "the setting up of a commission".
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _object_heads(obj) -> list:
    """The object and its conjuncts, looking through amounts and containers: "25,000 tons of food aid",
    "a shipment of arms", "$50,000 worth of goods" -> aid, arms, goods."""
    words = [obj, *obj.conjuncts]
    for word in list(words):
        if _lemma(word) in QUANTITY_NOUNS or word.pos_ == "NUM":
            of = next((c for c in word.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if inner is not None:
                words += [inner, *inner.conjuncts]
    # A compound modifier can carry the sense: "curfew hours", "half of a military aid package".
    words += [c for w in list(words) for c in w.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
    return words


def _temporal(prep) -> bool:
    """A preposition whose object is a date or time: "on Tuesday"."""
    return any(c.dep_ == "pobj" and c.ent_type_ in TIME_ENTITIES for c in prep.children)


def _lemma(token) -> str:
    return token.lemma_.lower()


def _prep_object(token, prep: str):
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ == prep:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            # "called X on Tuesday" is no call on Tuesday: a date is never an addressee or a target.
            if pobj is not None and pobj.ent_type_ not in TIME_ENTITIES:
                return pobj
    return None


def _xcomp(token, words: frozenset[str]):
    if words == ANY_COMPLEMENT:
        return next((c for c in token.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    for child in token.children:
        if child.dep_ in ("xcomp", "ccomp", "pcomp") and _lemma(child) in words:
            return child
        if child.dep_ == "prep":  # "agree on holding talks"
            for grand in child.children:
                if grand.dep_ == "pcomp" and _lemma(grand) in words:
                    return grand
    return None


def match_rule(token, rule: Rule):
    """Check one rule against one trigger token; returns the tokens it consumed, or None."""
    consumed = []
    hit, words = None, []
    if rule.intransitive and (_is_passive(token) or any(c.dep_ in ("dobj", "obj") for c in token.children)):
        return None
    if rule.objects:
        obj = _object(token)
        if obj is None:
            return None
        words = _object_heads(obj)
        hit = next((w for w in words if _lemma(w) in rule.objects or w.lower_ in rule.objects), None)
        if hit is None:
            return None
        consumed.append(obj)
    if rule.prep:
        # The preposition hangs on the verb or on its object: "launched rocket fire against the camps".
        pobj = _prep_object(token, rule.prep) or next(
            (p for p in (_prep_object(w, rule.prep) for w in words) if p is not None), None)
        if pobj is None or (rule.pobj and _lemma(pobj) not in rule.pobj and pobj.lower_ not in rule.pobj):
            return None
    if rule.particle and not any(
            c.dep_ in ("prt", "prep") and c.lower_ == rule.particle and not _temporal(c) for c in token.children):
        return None
    if rule.xcomp:
        comp = _xcomp(token, rule.xcomp)
        if comp is None:
            return None
        if not rule.any_complement:
            consumed.append(comp)
    # A verb rule's modifier sits on its object ("launched drone strikes") or on the verb ("sexually assaulted").
    holders = [token] if hit is None else [token, hit]
    if rule.compound and not any(
            c.dep_ in COMPOUND_DEPS and (_lemma(c) in rule.compound or c.lower_ in rule.compound)
            for holder in holders for c in holder.children):
        return None
    return consumed


# -- arguments ----------------------------------------------------------------------------------

def _stranded_subject(verb):
    """The subject the parser hung on the previous clause's object: in "Russia provided helicopters to
    Pakistan and the militaries of the two countries held drills" the small model reads "the militaries"
    as a second recipient and leaves "held" without a subject. A coordinated verb with no subject whose
    words start right after a coordinated noun phrase takes that phrase."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    doc = verb.doc
    j = verb.left_edge.i - 1
    while j >= 0 and doc[j].pos_ == "ADV":
        j -= 1
    if j < 0:
        return None
    noun = doc[j]
    while noun.dep_ != "conj" and noun.head.i != noun.i and noun.head.right_edge.i == j:
        noun = noun.head
    if (noun.dep_ == "conj" and noun.pos_ in ("NOUN", "PROPN") and noun.right_edge.i == j
            and noun.head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "cc" for c in noun.head.children)):
        return noun
    return None


def _conjuncts(token) -> list:
    """The token and its conjuncts, less a conjunct that is really the next clause's subject."""
    out = [token]
    for c in token.conjuncts:
        after = c.right_edge.i + 1
        doc = c.doc
        while after < len(doc) and doc[after].pos_ == "ADV":
            after += 1
        stranded = _stranded_subject(doc[after]) if after < len(doc) and doc[after].pos_ == "VERB" else None
        if stranded is not None and stranded.i == c.i:
            continue
        out.append(c)
    return out


def subjects(verb, depth: int = 0) -> list:
    """Tokens that act as the verb's subject, following control and coordination up the tree."""
    if depth > 4:
        return []
    found = []
    subject_children = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    # A wire dateline the parser made a first subject ("MOSCOW (Reuters) - Russia said"): the next one acts.
    dateline = subject_children[0].i if len(subject_children) > 1 and _in_dateline(subject_children[0]) else None
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and not found and child.i != dateline:
            # The first subject: when the parser gives a verb two, the later one belongs to a clause it
            # misread ("The envoy to forces fighting to defeat Islamic State has resigned").
            found = _conjuncts(child)
        elif child.dep_ == "agent":
            found = [c for c in child.children if c.dep_ == "pobj"]
            found += [c for t in list(found) for c in t.conjuncts]
    if found:
        return found
    if _reduced_passive(verb):
        by = _prep_object(verb, "by")
        return _conjuncts(by) if by is not None else []
    stranded = _stranded_subject(verb)
    if stranded is not None:
        # Only the phrase itself: spaCy counts the noun it hangs on among its conjuncts.
        return [stranded, *(c for c in stranded.conjuncts if c.i > stranded.i)]
    holder = verb.head.head
    if (verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and _lemma(holder) in COMMITMENT_HOLDERS
            and not any(c.dep_ in ("dobj", "obj") for c in holder.children)):
        # "Ghana is committed to opening its ports": the one committed opens. Not "accused the
        # rebels of violating": what one is accused of is no act of the accuser.
        committed = next((c for c in holder.children if c.dep_ == "nsubjpass"), None)
        return _conjuncts(committed) if committed is not None else subjects(holder, depth + 1)
    if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp") and verb.head.i != verb.i:
        head = verb.head
        # Object control: "urged Iran to stop" -> Iran stops.
        if verb.dep_ == "xcomp":
            obj = next((c for c in head.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None and head.pos_ == "VERB":
                return [obj, *obj.conjuncts]
        if verb.dep_ == "ccomp":
            return []
        found = subjects(head, depth + 1)
        if not found and verb.dep_ == "advcl":
            # "announced setting up a commission for promoting cooperation while expressing alarm": the
            # parser hangs the adverbial on a nominal gerund; its subject is the clause's.
            clause = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")
                           and any(c.dep_ in ("nsubj", "nsubjpass") for c in a.children)), None)
            if clause is not None:
                found = subjects(clause, depth + 1)
        return found
    if verb.dep_ == "acomp" or (verb.head.pos_ == "ADJ" and verb.dep_ == "xcomp"):
        return subjects(verb.head, depth + 1)
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return [verb.head]
    return []


def _in_dateline(token) -> bool:
    """The token is in the place of the story's dateline, as ingest reads it ("MOSCOW, Feb. 21 (Reuters) -")."""
    if token.idx >= HEAD_CHARS:
        return False
    found = head_dateline(token.doc.text)
    return found is not None and found.place.start <= token.idx < found.place.end


def _is_passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or _reduced_passive(verb)


def _reduced_passive(verb) -> bool:
    """A bare past participle modifying a noun or a clause: "North Korea, hit by food shortages", "a camp
    attacked by militiamen". Its subject is not the main clause's; its agent comes with "by"."""
    return (verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl")
            and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "mark") for c in verb.children))


def _passive_subject(verb):
    """What a passive verb's act is done to: its passive subject, or the noun a reduced passive modifies
    ("papers released by the archives", "a camp attacked by militiamen")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None and verb.dep_ == "acl" and _reduced_passive(verb):
        return verb.head
    return subject


def targets(token, rule: Rule, consumed) -> list:
    """Tokens that are the trigger's target, by the rule's ``target`` or the default order."""
    consumed_ids = {t.i for t in consumed}
    if rule.target == "none":
        return []
    holders = [token] + [t for t in consumed]
    if rule.target and rule.target.startswith("prep:"):
        for prep in rule.target.split(":", 1)[1].split(","):
            for holder in holders:
                pobj = _prep_object(holder, prep)
                if pobj is not None:
                    return _conjuncts(pobj)
        return []
    found = []
    if token.pos_ != "NOUN" and rule.target in (None, "object"):
        for child in token.children:
            if child.dep_ in ("dobj", "obj", "dative", "iobj") and child.i not in consumed_ids:
                found = _conjuncts(child)
                break
        if not found and _is_passive(token):
            subj = _passive_subject(token)
            if subj is not None and subj.i not in consumed_ids:
                found = [subj, *subj.conjuncts]
    if found:
        return found
    for prep in TARGET_PREPS:
        for holder in holders:
            pobj = _prep_object(holder, prep)
            if pobj is not None and pobj.i not in consumed_ids:
                return _conjuncts(pobj)
    # "expressed readiness to strengthen Pakistan's defences", "offered to help Syria": an intent or an offer
    # is aimed at whom the act it names would be aimed at.
    for holder in holders:
        for act in holder.children:
            if act.dep_ in ("xcomp", "acl") and act.pos_ == "VERB" \
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in act.children):
                obj = next((c for c in act.children if c.dep_ in ("dobj", "dative")), None)
                if obj is None:
                    obj = next((p for prep in TARGET_PREPS for p in [_prep_object(act, prep)] if p is not None), None)
                if obj is not None:
                    return _conjuncts(obj)
    # "demanded that Sudan release ...": the one asked to act is the subject of the consumed clause.
    for comp in consumed:
        if comp.dep_ == "ccomp":
            subj = next((c for c in comp.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return [subj, *subj.conjuncts]
    return []


# Nouns for places and buildings: as the modifier of an attack they name what was hit ("the embassy
# bombings", "a market blast"), not who acted.
PLACE_MODIFIERS = {"embassy", "embassies", "consulate", "hotel", "market", "mosque", "church", "temple", "school", "clinic",
                   "hospital", "bus", "train", "station", "airport", "checkpoint", "restaurant", "cafe", "border",
                   "village", "camp", "office", "headquarters", "pipeline", "compound", "base", "ship"}


# A nominal event that is only feared, threatened or averted did not happen: "the threat of a Turkish
# attack", "fear attack by Turkey", "to prevent a war".
FEAR_NOUNS = {"threat", "fear", "fears", "risk", "possibility", "prospect", "danger", "spectre", "specter", "likelihood",
              "chance", "prevention"}
FEAR_VERBS = {"fear", "prevent", "avert", "avoid", "deter", "forestall", "risk", "dread", "preclude"}


def _feared(noun) -> bool:
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and _lemma(head.head) in FEAR_NOUNS:
        return True
    return noun.dep_ in ("dobj", "nsubjpass") and _lemma(head) in FEAR_VERBS


def noun_arguments(token) -> tuple[list, list]:
    """Source and target tokens of a nominal trigger: "Russia's attack on X", "talks between A and B"."""
    sources, between, places = [], [], []
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    for child in token.children:
        if owner is not None and child.dep_ in ("compound", "amod", "nmod"):
            continue  # "Trump's Syria withdrawal": the owner acts; the modifier says where
        if child.dep_ == "compound" and child.pos_ == "NOUN" and _lemma(child) in PLACE_MODIFIERS:
            places.append(child)
        elif child.dep_ == "poss" or (child.dep_ in ("compound", "amod", "nmod") and child.pos_ in ("PROPN", "ADJ", "NOUN")):
            sources.append(child)
            sources += list(child.conjuncts)
        elif child.dep_ == "prep" and child.lower_ == "between":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                between = [pobj, *pobj.conjuncts]
        elif child.dep_ == "prep" and child.lower_ == "by":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                sources = [pobj, *pobj.conjuncts]
    if between:
        return between, []
    return sources, places


def _light_verb_subjects(noun) -> list:
    """The actor behind a nominal event carried by a light verb or a copula: "X made a visit to Y",
    "X is on a visit to Y" -> X."""
    head = noun.head
    if noun.dep_ in ("dobj", "attr") and _lemma(head) in LIGHT_VERBS:
        return subjects(head)
    if noun.dep_ == "pobj" and head.lower_ in ("on", "for") and _lemma(head.head) == "be":
        return subjects(head.head)
    return []


# -- modality -----------------------------------------------------------------------------------

def governor(token):
    """The verb or noun that asks for, demands or refuses ``token``'s act, with its mode:
    ("appeal"|"demand"|"refusal", governing token) or None.

    The act is the verb's infinitive ("urged Iran to stop"), its clause ("demanded that Israel withdraw"),
    its object ("demanded the release of") or the object of "for" ("called for talks"); or the complement
    of a request noun (REQUEST_NOUNS), governed by the verb that refuses or delivers the noun: "rejected a
    proposal for a cease-fire", "insisted on its demands that X grant rights".
    """
    head = token.head
    if head.i == token.i:
        return None
    asked_for = token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "for"
    if asked_for:
        head = head.head
    elif token.dep_ == "acl" and head.pos_ == "NOUN" and _lemma(head) in REQUEST_NOUNS:
        pass  # "a request to interrogate detainees", "an ultimatum to hand over a guard"
    elif token.dep_ not in ("xcomp", "ccomp", "dobj", "obj"):
        return None
    lemma = _lemma(head)
    if head.pos_ == "NOUN" and lemma in REQUEST_NOUNS:
        return _request_noun_governor(head, REQUEST_NOUNS[lemma])
    if head.pos_ == "VERB" and lemma in APPEAL_HEADS:
        return "appeal", head
    if head.pos_ == "VERB" and lemma in FOR_TO_HEADS and token.dep_ == "xcomp" and any(
            c.dep_ == "mark" and c.lower_ == "for" for c in token.children):
        return "appeal", head
    if head.pos_ == "VERB" and (lemma in WANT_HEADS or head.lower_ in WANT_HEADS) and (
            asked_for or token.dep_ == "ccomp" and any(c.dep_ == "nsubj" for c in token.children)
            or token.dep_ == "xcomp" and any(c.dep_ in ("dobj", "obj") for c in head.children)):
        return "appeal", head
    if head.pos_ in ("VERB", "NOUN") and lemma in DEMAND_HEADS:
        if lemma in ASSERTING_HEADS and token.dep_ == "ccomp" and token.tag_ != "VB" and not any(
                c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX | ADVICE_AUX for c in token.children):
            return None  # "insists it is enforcing the sanctions" asserts; "insisted that Israel withdraw" demands
        return "demand", head
    return None


def _request_noun_governor(noun, mode: str | None):
    """Who governs what a request noun asks for: the verb refusing it, the verb delivering it, or the noun."""
    carrier = noun.head
    if noun.dep_ == "pobj" and carrier.dep_ == "prep" and carrier.head.i != carrier.i:
        carrier = carrier.head  # "insisted on its demands"
    elif noun.dep_ not in ("dobj", "obj", "nsubjpass"):
        carrier = None
    if carrier is not None and carrier.pos_ == "VERB":
        lemma = _lemma(carrier)
        if lemma in REFUSING_VERBS:
            return "refusal", carrier
        if mode is not None and (lemma in CARRIER_VERBS or lemma in APPEAL_HEADS or lemma in DEMAND_HEADS):
            return mode, carrier
    return (mode, noun) if mode is not None else None


def attach_infinitives(sent) -> None:
    """Relabel as ``xcomp`` the subjectless to-infinitive that the parser hangs as ``advcl`` on an asking,
    promising, refusing or threatening verb when an adverbial stands between them: "threatened on Monday
    to secede", "appealed to the junta on Friday to let the radio station broadcast again". Only these
    verbs: elsewhere a to-infinitive adverbial is a purpose ("visited Dakar to mediate")."""
    for token in sent:
        head = token.head
        if token.dep_ != "advcl" or head.i == token.i:
            continue
        children = list(token.children)
        if _lemma(head) in FOR_TO_HEADS and any(c.dep_ == "mark" and c.lower_ == "for" for c in children) and any(
                c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in children):
            token.dep_ = "xcomp"  # "pressed for the charter to be amended"
            continue
        if _lemma(head) not in MODAL_HEADS:
            continue
        # "called the premier on Sunday to thank him" is a phone call with a purpose.
        if _lemma(head) == "call" and head.pos_ == "VERB" and not any(
                c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in ADDRESSEE_PREPS and any(
                    g.dep_ == "pobj" and g.ent_type_ not in TIME_ENTITIES for g in c.children))
                for c in head.children):
            continue
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in children) and not any(
                c.dep_ in ("nsubj", "nsubjpass", "mark", "expl") for c in children):
            token.dep_ = "xcomp"


def drop_repeated_acts(found: list[Candidate]) -> list[Candidate]:
    """One act coded twice through a governing word and its object ("agreed to a ceasefire": the agreement
    and the ceasefire, both 0356 between the same actors) is kept once, at the governing word."""
    def key(c):
        return (c.code, c.source.start if c.source else None, c.target.start if c.target else None)

    kept = []
    for c in found:
        twin = next((k for k in kept if key(k) == key(c) and (
            k.trigger.i in {a.i for a in c.trigger.ancestors} or c.trigger.i in {a.i for a in k.trigger.ancestors})),
            None)
        if twin is None:
            kept.append(c)
        elif c.trigger.i in {a.i for a in twin.trigger.ancestors}:
            kept[kept.index(twin)] = c
    return kept


def obliged_statement(candidate: Candidate, mentions: MentionIndex) -> Candidate:
    """A plain statement that someone must or should act is a demand or an appeal on them, even when the
    act has no rule of its own: "Human Rights Watch said the authorities must ensure security" (100).
    Returns the candidate recoded, or unchanged."""
    if not candidate.rule.residual or candidate.code != "010":
        return candidate
    for clause in candidate.trigger.children:
        if clause.dep_ != "ccomp":
            continue
        aux = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
        mode = "demand" if aux & OBLIGATION_AUX else "appeal" if aux & ADVICE_AUX else None
        if mode is None or any(c.dep_ == "neg" for c in clause.children):
            continue
        obliged = [m for t in subjects(clause) for m in mentions.actors(t)]
        target = next((m for m in obliged if candidate.source is None or not _self_directed(
            candidate.source.actor, m.actor)), None)
        evidence = dict(candidate.evidence, modality=mode, governor=candidate.trigger.i)
        return Candidate(trigger=candidate.trigger, rule=candidate.rule, code=OBLIGED_CODES[mode],
                         source=candidate.source, target=target or candidate.target, negated=candidate.negated,
                         modality=mode, evidence=evidence, confidence=candidate.confidence)
    return candidate


def obligation(token):
    """What a speaker says someone must or should do: ("demand"|"appeal", speech verb) or None.

    "Russia said Sudan must return the helicopter" is Russia's demand on Sudan, not a return; "Japan
    needs to enact reforms" likewise. Returns ("hypothetical", None) for an obligation without a
    speaker in reach: what someone must do has not happened.
    """
    aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    clause = token
    if aux & OBLIGATION_AUX:
        mode = "demand"
    elif aux & ADVICE_AUX:
        mode = "appeal"
    elif token.dep_ == "xcomp" and _lemma(token.head) in OBLIGATION_VERBS and token.head.pos_ in ("VERB", "AUX"):
        mode, clause = OBLIGATION_VERBS[_lemma(token.head)], token.head
    elif token.dep_ == "xcomp" and _lemma(token.head) in STOPPING_HEADS:
        # "Israel must stop attacking": the attack is what must end, not what is asked for.
        return ("hypothetical", None) if obligation(token.head) is not None else None
    elif token.dep_ in ("xcomp", "acomp") and token.head.i != token.i and token.head.dep_ != "xcomp":
        # "Qatar must be ready to host talks": the obligation sits on the governing word (the copula).
        return obligation(token.head)
    else:
        return None
    if clause.dep_ == "ccomp" and _lemma(clause.head) in SPEECH_HEADS:
        return mode, clause.head
    if clause.dep_ in ("acl", "ccomp") and _lemma(clause.head) in SPEECH_NOUNS:
        # "sent a sharp reminder to Caracas that it must comply": the one who issued it demands.
        noun = clause.head
        carrier = noun.head if noun.dep_ in ("dobj", "obj") and noun.head.pos_ == "VERB" else noun
        return mode, carrier
    speech = next((c for c in clause.children if c.dep_ in ("parataxis", "ccomp") and _lemma(c) in SPEECH_HEADS), None)
    if speech is not None:
        return mode, speech
    return "hypothetical", None


def addressee(verb) -> list:
    """Who an appeal or demand is addressed to: "urged Iran", "called on Israel", "appealed to the UN",
    "renewed an appeal to Spain" (through a request noun), "a request to Iran"."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj", "dative")]
    requests = [c for c in objects if _lemma(c) in REQUEST_NOUNS]
    if verb.pos_ == "NOUN" and _lemma(verb) in REQUEST_NOUNS:
        requests = [verb]
    for noun in requests:
        for prep in ADDRESSEE_PREPS:
            pobj = _prep_object(noun, prep)
            if pobj is not None:
                return [pobj, *pobj.conjuncts]
    for child in objects:
        return [child, *child.conjuncts]
    for prep in ADDRESSEE_PREPS:
        pobj = _prep_object(verb, prep)
        if pobj is not None:
            return [pobj, *pobj.conjuncts]
    return []


def modality(token) -> tuple[str | None, bool]:
    """The trigger's modality and polarity: ("intent"|"refusal"|"threat"|"claim"|"hypothetical"|None, negated)."""
    negated = any(c.dep_ == "neg" for c in token.children)
    aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    head = token.head
    mode = None
    if aux & SPECULATIVE_AUX:
        mode = "hypothetical"
    elif aux & FUTURE_AUX:
        mode = "intent"
    if token.dep_ in ("pobj", "pcomp") and head.dep_ == "prep" and head.lower_ in ("to", "on", "upon") \
            and _lemma(head.head) in INTENT_HEADS:
        # "agreed to a ceasefire", "agreed on talks": an intention, like "agreed to hold talks".
        mode = "intent"
        negated = negated or any(c.dep_ == "neg" for c in head.head.children)
    if token.dep_ == "acl" and _lemma(head) in INTENT_NOUNS and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        # "reached a consensus to pool intelligence", "an offer to host a summit": an intention.
        mode = "intent"
    if token.dep_ in ("pcomp", "pobj") and head.dep_ == "prep" and head.lower_ in ("of", "for", "over") \
            and _lemma(head.head) in ALLEGATION_HEADS:
        # "accused of raping", "arrested for killing": the act is what the accusation or the arrest is
        # about; the article's event is the accusation (coded by its own rule), not the act.
        return "hypothetical", negated
    if token.dep_ == "ccomp" and _lemma(head) in CLAIM_HEADS and _claims_own_act(token, head):
        # "the militants claimed that they had bombed the depot": a claim of responsibility (015).
        mode = "claim"
    if token.dep_ == "xcomp" and head.i != token.i:
        lemma = _lemma(head)
        if lemma in REFUSAL_HEADS:
            mode = "refusal"
        elif lemma in THREAT_HEADS:
            mode = "threat"
        elif lemma in INTENT_HEADS or head.lower_ in INTENT_HEADS:
            mode = "intent"
        negated = negated or any(c.dep_ == "neg" for c in head.children)
        head_aux = {c.lower_ for c in head.children if c.dep_ == "aux"}
        if head_aux & SPECULATIVE_AUX:
            mode = "hypothetical"
    # Conditionals anywhere up the tree make the event hypothetical ("if Iran attacks, ..."), as does what
    # a future act waits for ("won't ease the curbs until the regulator reports").
    node = token
    for _ in range(6):
        marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
        if marks & CONDITIONAL_MARKS:
            return "hypothetical", negated
        if marks & PENDING_MARKS and any(
                c.dep_ == "aux" and c.lower_ in FUTURE_AUX | OBLIGATION_AUX for c in node.head.children):
            return "hypothetical", negated
        if node.head.i == node.i:
            break
        node = node.head
    if _is_question(token):
        return "hypothetical", negated
    if mode == "intent" and negated:
        # "will not accept refugees", "would not meet": announcing that one will not act is a refusal.
        return "refusal", False
    return mode, negated


def _is_question(token) -> bool:
    """The token's sentence ends in a question mark (closing quotes and brackets aside)."""
    doc = token.doc
    i = token.sent.end - 1
    while i > token.i and doc[i].is_punct and doc[i].text != "?":
        i -= 1
    return doc[i].text == "?"


def _claims_own_act(act, claim) -> bool:
    """Whether the claimant is the actor of the claimed act: its subject is a pronoun or the same word."""
    actor = next((c for c in act.children if c.dep_ == "nsubj"), None)
    claimant = next((c for c in claim.children if c.dep_ == "nsubj"), None)
    if actor is None or claimant is None:
        return False
    return actor.pos_ == "PRON" and actor.lower_ in CLAIMANT_PRONOUNS or actor.lower_ == claimant.lower_


def intent_code(code: str) -> str | None:
    """The "express intent" (03) code for a cooperative act, or None when the act is not cooperative."""
    root = code[:2]
    if root == "03":
        return code
    if root in INTENT_ROOTS:
        return INTENT_CODES.get(code) or INTENT_CODES.get(code[:3]) or INTENT_ROOTS[root]
    return None


def apply_modality(code: str, mode: str | None) -> str:
    """The CAMEO code an intention, appeal, demand, refusal or threat turns ``code`` into."""
    root = code[:2]
    if mode == "claim":
        return CLAIM_CODE
    if mode in ("intent", "threat"):
        if root in THREAT_ROOTS:
            return THREAT_CODES.get(code) or THREAT_CODES.get(code[:3]) or THREAT_ROOTS[root]
        return (intent_code(code) if mode == "intent" else None) or code
    direct = MODE_DIRECT.get(mode, {})
    if code in direct:
        return direct[code]
    if mode in ("appeal", "demand") and (root in RALLY_ROOTS or code == RALLY_CODE):
        return RALLY_CODE
    mirror = MODE_MIRROR.get(mode)
    if mirror is not None:
        intent = intent_code(code)
        return mirror(intent) if intent else code
    return code


def domains_of(token, consumed) -> set[str]:
    """The domains (data/events/domains.yaml) whose words occur around the trigger and in its object."""
    words = set()
    before, after = DOMAIN_WINDOW
    # Who asks, promises or refuses is not what is asked, promised or refused: "the UN Emergency Relief
    # Coordinator demanded ..." is no demand about an emergency. (The actor of a material act can name its
    # means, "suicide bombers killed", so it stays.)
    excluded = set()
    if _lemma(token) in MODAL_HEADS:
        excluded = {t.i for c in token.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
        # Nor are the clauses that describe a participant: "refused to allow planes to evacuate observers
        # who were taken hostage" is no refusal to release hostages.
        excluded |= {t.i for t in token.subtree if t.i != token.i and _describes_participant(t)
                  for t in t.subtree}
    # What happened before or after is not how this act was done: "shot dead two militants after a failed
    # grenade attack" is no bombing.
    excluded |= {t.i for c in token.children if c.dep_ == "prep" and c.lower_ in TIME_PREPS for t in c.subtree}
    excluded |= {t.i for c in token.children if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in TIME_PREPS for m in c.children) for t in c.subtree}
    tokens = sorted({t.i: t for holder in [token, *consumed] for t in holder.subtree
                     if -before <= t.i - token.i <= after and t.i not in excluded}.items())
    previous = None
    for _, t in tokens:
        words.add(t.lower_)
        words.add(_lemma(t))
        if previous is not None and previous.i == t.i - 1:
            words.add(f"{previous.lower_} {t.lower_}")
        previous = t
    # The modifiers of the subject and object count wherever they stand: "US Predator attacks ... killed".
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj"):
            words.update(c.lower_ for c in child.children if c.dep_ in ("compound", "amod"))
    return {name for name, vocab in default_domains().items() if words & vocab}


def _describes_participant(token) -> bool:
    """A relative clause or participle hung on a noun ("observers who were taken hostage", "detainees held
    after the escape"), as opposed to an infinitive saying what is asked ("a request to interrogate")."""
    if token.head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    return token.dep_ == "relcl" or (token.dep_ == "acl" and token.tag_ in ("VBN", "VBG"))


def domain_code(rule: Rule, present: set[str]) -> tuple[str, str | None]:
    """The rule's code for the domains present: its most demanding domain key that all holds, else its own code."""
    for parts, code in rule.domains:
        if all(p in present for p in parts):
            return code, "+".join(parts)
    return rule.code, None


# -- the sentence matcher -----------------------------------------------------------------------

def match_sentence(sent, lexicon: Lexicon, mentions: MentionIndex, require_source: bool = True) -> list[Candidate]:
    """Every event the lexicon finds in one spaCy sentence span, with actors from ``mentions``.

    With ``require_source=False`` an event whose source is not a coded actor is still returned, with
    ``source=None`` and a lower confidence (the evaluation harness codes sentences whose actors the
    dictionaries do not know); by default such events are dropped.
    """
    attach_infinitives(sent)
    matches = find_triggers(sent, lexicon)
    found: list[Candidate] = []
    for token, rule, consumed in matches:
        found.extend(_candidates_for(token, rule, consumed, mentions, require_source))
    # A verb whose complement was coded as what it asks for or refuses ("urged X to release", "rejected
    # a proposal for a cease-fire") is not coded again as a bare appeal, demand or rejection.
    governors = {c.evidence["governor"] for c in found if "governor" in c.evidence}
    found = [obliged_statement(c, mentions) for c in found]
    return drop_repeated_acts([c for c in found if not (
        c.trigger.i in governors and (c.code[:2] in ("02", "10", "12") or c.rule.any_complement))])


def find_triggers(sent, lexicon: Lexicon) -> list[tuple]:
    """(trigger token, rule, consumed tokens) for every trigger in the sentence, residual rules pruned.

    Verbs go first and nouns after, so a noun a verb rule consumed ("hold talks") is skipped, as is an
    infinitive consumed by its governor ("meet" in "agree to meet").
    """
    consumed_all: set[int] = set()
    matches = []
    by_pos: dict[str, list] = {"VERB": [], "NOUN": []}
    for token in sent:  # one pass: spaCy builds a new Token object on every access
        # Predicative adjectives carry intentions like verbs: "is ready to contribute troops".
        token_pos = ("VERB" if (token.pos_ in ("VERB", "AUX") and not _nominal_participle(token))
                     or (token.pos_ == "ADJ" and token.dep_ in PREDICATIVE_DEPS) else
                     "NOUN" if token.pos_ in ("NOUN", "PROPN") else None)
        if token_pos is not None:
            by_pos[token_pos].append(token)
    for pos in ("VERB", "NOUN"):
        for token in by_pos[pos]:
            if token.i in consumed_all:
                continue
            for rule in _rules_for(lexicon, pos, token):
                consumed = match_rule(token, rule)
                if consumed is not None:
                    matches.append((token, rule, consumed))
                    consumed_all.update(t.i for t in consumed)
                    break
    return _prune_residual(matches)


def _nominal_participle(token) -> bool:
    """A participle that names or describes rather than reports: "evacuated the wounded", "the occupied
    territories", "a besieged town"."""
    if token.dep_ == "amod":
        return True
    return (token.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr")
            and any(c.dep_ == "det" for c in token.children)
            and not any(c.dep_ in ("dobj", "nsubj", "nsubjpass", "aux", "auxpass") for c in token.children))


def _rules_for(lexicon: Lexicon, pos: str, token) -> list:
    """The lexicon's rules for a token by its lemma, else by its own form, else by the stems its inflection
    allows: the statistical lemmatizer now and then gets a verb wrong ("staged" -> "stag")."""
    rules = lexicon.candidates(pos, _lemma(token)) or lexicon.candidates(pos, token.lower_)
    if rules or pos != "VERB":
        return rules
    return _stem_rules(lexicon, token.lower_)


def _stem_rules(lexicon: Lexicon, word: str) -> list:
    cache = lexicon.__dict__.setdefault("_stem_rules", {})  # most verbs are no trigger: remember that too
    if word not in cache:
        cache[word] = next((r for r in (lexicon.candidates("VERB", s) for s in _stems(word)) if r), [])
    return cache[word]


def _stems(word: str) -> list[str]:
    """Possible base forms of an inflected English verb, most likely first."""
    out = []
    if word.endswith("ied") or word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("ed"):
        out += [word[:-1], word[:-2]]
        if len(word) > 4 and word[-3] == word[-4]:
            out.append(word[:-3])  # stopped -> stop
    elif word.endswith("ing"):
        out += [word[:-3] + "e", word[:-3]]
        if len(word) > 5 and word[-4] == word[-5]:
            out.append(word[:-4])  # shelling -> shell
    elif word.endswith("es"):
        out += [word[:-1], word[:-2]]
    elif word.endswith("s"):
        out.append(word[:-1])
    return out


def _prune_residual(matches: list[tuple]) -> list[tuple]:
    """Drop residual matches (plain statements) that another rule's trigger above or below them outranks.

    CAMEO codes a statement (010) only when nothing more specific can be said: "X said Y attacked Z"
    is Y's attack, not X's statement.
    """
    specific = [m[0] for m in matches if not m[1].residual]
    if not specific:
        return matches
    kept = []
    for token, rule, consumed in matches:
        if rule.residual:
            ancestors = {a.i for a in token.ancestors}
            # A hypothetical act ("said Iran could attack") is no event: it does not outrank the statement.
            if any((t.i in ancestors or token.i in {a.i for a in t.ancestors})
                   and modality(t)[0] != "hypothetical" for t in specific):
                continue
        kept.append((token, rule, consumed))
    return kept


def _candidates_for(token, rule: Rule, consumed, mentions: MentionIndex, require_source: bool = True) -> list[Candidate]:
    mode, negated = modality(token)
    if mode == "hypothetical":
        return []
    if rule.pos == "VERB":
        passive = _is_passive(token)
        source_tokens = subjects(token)
        target_tokens = targets(token, rule, consumed)
        if passive and not any(c.dep_ == "agent" for c in token.children) and not _reduced_passive(token):
            source_tokens = []
    else:
        if _feared(token):
            return []
        if mode != "intent" or token.dep_ != "pobj":
            mode = None
        if token.dep_ == "dobj" and _lemma(token.head) in LIGHT_VERBS:
            # "threatened to carry out more bombings", "will not launch an offensive": the light verb
            # carries the noun's modality and polarity.
            mode, carrier_negated = modality(token.head)
            if mode == "hypothetical":
                return []
            negated = negated or carrier_negated
        source_tokens, target_tokens = noun_arguments(token)
        if not any(mentions.actors(t) for t in source_tokens):
            # "X agreed to a ceasefire": the one who agreed.
            source_tokens = subjects(token.head.head) if mode == "intent" else _light_verb_subjects(token)
        if rule.target:
            target_tokens = targets(token, rule, consumed) or target_tokens
        elif not target_tokens:
            target_tokens = [t for t in targets(token, rule, consumed)]
    governed = governor(token)
    governing = None
    if governed is None and mode in (None, "intent"):
        obliged = obligation(token)
        if obliged is not None and obliged[0] == "hypothetical":
            return []
        if obliged is not None:
            mode, governing = obliged
            negated = negated or any(c.dep_ == "neg" for c in governing.children)
            # The speaker asks; the one who must act is the target.
            target_tokens = subjects(token) or target_tokens
            source_tokens = subjects(governing)
    if governed is not None:
        # The act is only asked for: the asker is the source and the addressee the target.
        mode, governing = governed
        negated = negated or any(c.dep_ == "neg" for c in governing.children)
        source_tokens = subjects(governing)
        target_tokens = [t for t in addressee(governing) if t.i != token.i] or (
            subjects(token) if token.dep_ == "ccomp" else target_tokens)
    source_tokens = [t for t in source_tokens if t.i not in {c.i for c in consumed}]
    sources = _dedupe([m for t in source_tokens for m in mentions.actors(t)])
    targets_ = _dedupe([m for t in target_tokens for m in mentions.actors(t)])
    if not targets_:
        # The act is aimed at something an actor owns, names or shows, or made between two: "criticised
        # President Trump's strategy", "worried about the IS threat", "alarm over the indifference of Nato
        # forces", "brokered a truce between Israel and Hamas".
        owners = [c for t in target_tokens for c in t.children if c.dep_ == "poss"]
        owners += [n for t in target_tokens for n in _name_modifiers(t)[:1]]
        owners += [next((n for n in (p, *_name_modifiers(p)) if mentions.actors(n)), p)
                   for t in target_tokens for of in [_prep_object(t, "of")] if of is not None for p in _conjuncts(of)]
        owners += [p for t in target_tokens for between in [_prep_object(t, "between")] if between is not None
                   for p in _conjuncts(between)]
        targets_ = _dedupe([m for t in owners for m in mentions.actors(t)])
    if not sources and require_source:
        return []
    code, domain = rule.code, None
    if rule.domains:
        code, domain = domain_code(rule, domains_of(token, consumed))
    modal_code = apply_modality(code, mode)
    if mode in UNDONE_MODES and modal_code == code and code != RALLY_CODE:
        # An attack asked for or refused did not happen; the asking verb's own rule codes the request.
        return []
    # Whether the code names the act itself or the saying of it ("will attack" coded 1384, a threat).
    act_itself = modal_code == code
    code = modal_code
    # A joint act runs both ways; asking for it, refusing it or threatening it is one side's act.
    symmetric = rule.symmetric and mode not in UNDONE_MODES
    allied = any(c.dep_ == "prep" and c.lower_ in ALLIED_PREPS for c in token.children)
    pairs = []
    if not sources:
        pairs = [(None, t) for t in targets_] or [(None, None)]
    elif targets_:
        for s in sources:
            for t in targets_:
                pairs.append((s, t))
                if symmetric:
                    pairs.append((t, s))
    elif symmetric and len(sources) >= 2 and not allied:
        pairs = [(s, t) for s in sources for t in sources if s is not t]
    else:
        pairs = [(s, None) for s in sources]
    evidence = {
        "rule": rule.id,
        "trigger": f"{token.text}/{token.lemma_}/{token.dep_}",
        "consumed": [t.text for t in consumed],
        "source_path": [f"{t.dep_}({t.head.text})={t.text}" for t in source_tokens],
        "target_path": [f"{t.dep_}({t.head.text})={t.text}" for t in target_tokens],
        "modality": mode,
        "domain": domain,
        "act_itself": act_itself,
    }
    if governing is None and mode in ("intent", "refusal", "threat") and token.dep_ == "xcomp":
        governing = token.head
    if governing is not None:
        evidence["governor"] = governing.i
    out = []
    seen = set()
    if all(s is not None and t is not None and _self_directed(s.actor, t.actor) for s, t in pairs):
        # Every pair is one actor acting on itself: the act still stands once, without its target.
        pairs = [(pairs[0][0], None)]
    for source, target in pairs:
        if target is not None and source is not None and _self_directed(source.actor, target.actor):
            continue  # a misread pair beside real ones
        key = (source.start if source else None, source.actor.code if source else None,
               target.start if target else None, target.actor.code if target else None)
        if key in seen:
            continue
        seen.add(key)
        out.append(Candidate(
            trigger=token, rule=rule, code=code, source=source, target=target, negated=negated, modality=mode,
            evidence=dict(evidence), confidence=_confidence(rule, source, target, mode),
        ))
    return out


# Sectors that are arms of a state: a state acting on its own arm is a parse error, not an event.
STATE_ARMS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}


def _name_modifiers(noun) -> list:
    """The names that make a common noun an actor: "the militant Islamic State (IS) group"."""
    return [c for c in noun.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"]


def _self_directed(source, target) -> bool:
    """Source and target are one actor, or a state and an arm of the same state ("Russia" -> "Russia's
    military" comes from a misread coordination). A state against its own rebels or opposition stays."""
    if source.code and source.code == target.code:
        return True
    if not source.country or source.country != target.country:
        return False
    sectors = {source.sector, target.sector}
    return None in sectors and bool(sectors & STATE_ARMS)


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen, out = set(), []
    for m in mentions:
        key = (m.start, m.end, m.actor.code if m.actor else None)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def _confidence(rule: Rule, source: Mention | None, target: Mention | None, mode: str | None) -> float:
    """A heuristic score in [0, 1]: specific rules, two coded actors and plain assertions score higher;
    residual statements and events without a coded source score lower."""
    score = 0.45 + min(rule.specificity, 6) * 0.05
    if target is not None:
        score += 0.1
    if rule.residual:
        score -= RESIDUAL_PENALTY
    if source is None:
        score -= SOURCELESS_PENALTY
    elif source.actor and source.actor.country and source.actor.basis and "coreference" not in source.actor.basis:
        score += 0.05
    if mode is not None:
        score -= 0.05
    return round(max(0.05, min(score, 0.99)), 2)

