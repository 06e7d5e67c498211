"""The CAMEO event lexicon: trigger patterns as data, loaded and checked once.

Every ``data/events/rules/*.yaml`` file is a list of rules. Each rule names a CAMEO code and the words that
express it, keyed on lemmas so that "signed", "signs" and "signing" match alike:

    - code: "057"                       # the CAMEO code the rule gives
      verbs: [sign, ink]                # trigger verbs (lemmas); or
      nouns: [treaty signing]           # nominal triggers (lemma of the head noun)
      object: [agreement, accord, pact] # the trigger's object (or passive subject) must be one of these
      prep: with                        # the trigger must govern this preposition
      pobj: [sidelines]                 # ... and the preposition's object must be one of these
      particle: up                      # the trigger must have this particle ("set up", "call off")
      xcomp: [meet, talk]               # the trigger governs an infinitive/gerund with one of these lemmas
      compound: [air, drone]            # a nominal trigger must carry one of these modifiers ("air strike")
      target: prep:with                 # where the target is: object | prep:<word>[,<word>...] (the first
                                        #   found) | none (default: object,
                                        #   then the first of with/to/against/on/at/toward/for/into)
      symmetric: true                   # "A and B signed ..." codes A->B and B->A
      domains: {military: "0312", economic: "0311", "aid+economic": "0331"}
                                        # a more specific code when the clause is about that domain; a key
                                        #   joining domains with "+" needs all of them (domains.yaml lists
                                        #   the domains and their words; the most demanding key wins)
      intransitive: true                # the trigger takes no object and is not passive ("workers struck"
                                        #   is a strike, "struck the sites" an attack)
      residual: true                    # a fallback (say -> 010): dropped when a non-residual rule fires on
                                        #   a trigger above or below it in the same sentence
      id: sign-agreement                # stable rule id (default: code + first lemma + first object)

A rule matches when every constraint it states holds; among matching rules for one trigger the most
specific wins (objects and infinitives weigh more than prepositions and particles).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from ..errors import E_BAD_DATA, ModelError
from .ontology import cameo_codes

ANY_COMPLEMENT = frozenset({"*"})
RULE_KEYS = {"code", "verbs", "nouns", "object", "prep", "particle", "xcomp", "compound", "target", "symmetric",
             "domains", "residual", "pobj", "intransitive", "id", "note"}


@dataclass(frozen=True)
class Rule:
    id: str
    code: str
    pos: str  # "VERB" or "NOUN"
    lemmas: frozenset[str]
    objects: frozenset[str] = frozenset()
    prep: str | None = None
    pobj: frozenset[str] = frozenset()
    particle: str | None = None
    xcomp: frozenset[str] = frozenset()
    compound: frozenset[str] = frozenset()
    target: str | None = None
    symmetric: bool = False
    # (domains that must all be present, code), most demanding first.
    domains: tuple[tuple[tuple[str, ...], str], ...] = ()
    residual: bool = False
    intransitive: bool = False

    @property
    def specificity(self) -> int:
        """How much a rule demands; the most demanding matching rule wins."""
        return (1 + 3 * bool(self.objects) + (1 if self.any_complement else 3) * bool(self.xcomp)
                + 2 * bool(self.compound) + 2 * bool(self.particle) + 1 * bool(self.prep) + 2 * bool(self.pobj)
                + 1 * self.intransitive)

    @property
    def any_complement(self) -> bool:
        """``xcomp: ["*"]``: any verb complement; it is left for its own rules, and this rule only codes
        the governing verb when the complement itself is no event ("agreed to undertake joint exercises")."""
        return self.xcomp == ANY_COMPLEMENT


@dataclass
class Lexicon:
    rules: list[Rule]
    by_lemma: dict[tuple[str, str], list[Rule]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        index: dict[tuple[str, str], list[Rule]] = defaultdict(list)
        for rule in self.rules:
            for lemma in rule.lemmas:
                index[(rule.pos, lemma)].append(rule)
        for rules in index.values():
            # Equally demanding rules: the one that can refine its code by domain goes first.
            rules.sort(key=lambda r: (-r.specificity, not r.domains))
        self.by_lemma = dict(index)

    def candidates(self, pos: str, lemma: str) -> list[Rule]:
        """Rules whose trigger is ``lemma`` with part of speech ``pos``, most specific first."""
        return self.by_lemma.get((pos, lemma), [])

    @property
    def codes(self) -> set[str]:
        return {r.code for r in self.rules} | {c for r in self.rules for _, c in r.domains}


@lru_cache(maxsize=1)
def default_domains() -> dict[str, frozenset[str]]:
    """Domain name -> its words (lower case; a few are two words), in priority order (data/events/domains.yaml)."""
    text = resources.files("tacitus").joinpath("data", "events", "domains.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    if not isinstance(raw, dict) or not raw:
        raise ModelError("domains.yaml: expected a mapping of domain names to word lists", code=E_BAD_DATA)
    return {str(name): _words(words, f"domains.yaml, {name}") for name, words in raw.items()}


def _parse_domains(value, codes, where: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    known = default_domains()
    if not isinstance(value, dict):
        raise ModelError(f"{where}: domains must map {sorted(known)} to CAMEO codes, got {value!r}", code=E_BAD_DATA)
    out = []
    for key, code in value.items():
        parts = tuple(str(key).split("+"))
        if any(p not in known for p in parts) or str(code) not in codes:
            raise ModelError(f"{where}: domains must map {sorted(known)} to CAMEO codes, got {value!r}",
                             code=E_BAD_DATA)
        out.append((parts, str(code)))
    order = list(known)
    out.sort(key=lambda item: (-len(item[0]), [order.index(p) for p in item[0]]))
    return tuple(out)


def _words(value, where: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ModelError(f"{where}: expected a word or a list of words, got {value!r}", code=E_BAD_DATA)
    return frozenset(v.strip().lower() for v in value)


def parse_rules(entries: list, source: str = "lexicon", seen: set[str] | None = None) -> list[Rule]:
    """Check raw YAML entries and turn them into Rules; raises ModelError naming the bad entry.

    ``seen`` holds rule ids already taken (by other files); a repeated id gets a ".2", ".3" suffix.
    """
    codes = cameo_codes()
    if not isinstance(entries, list):
        raise ModelError(f"{source}: expected a list of rules", code=E_BAD_DATA)
    rules: list[Rule] = []
    seen = set() if seen is None else seen
    for n, entry in enumerate(entries, start=1):
        where = f"{source}, rule {n}"
        if not isinstance(entry, dict):
            raise ModelError(f"{where}: expected a mapping, got {entry!r}", code=E_BAD_DATA)
        unknown = set(entry) - RULE_KEYS
        if unknown:
            raise ModelError(f"{where}: unknown keys {sorted(unknown)}", code=E_BAD_DATA)
        code = str(entry.get("code", ""))
        if code not in codes:
            raise ModelError(f"{where}: {code!r} is not a CAMEO event code", code=E_BAD_DATA)
        verbs, nouns = _words(entry.get("verbs"), where), _words(entry.get("nouns"), where)
        if bool(verbs) == bool(nouns):
            raise ModelError(f"{where}: give either verbs or nouns", code=E_BAD_DATA)
        domains = _parse_domains(entry.get("domains") or {}, codes, where)
        target = entry.get("target")
        if target is not None and not (target in ("object", "none") or str(target).startswith("prep:")):
            raise ModelError(f"{where}: target must be object, none or prep:<word>, got {target!r}", code=E_BAD_DATA)
        lemmas = verbs or nouns
        if entry.get("pobj") and not entry.get("prep"):
            raise ModelError(f"{where}: pobj needs a prep", code=E_BAD_DATA)
        objects = _words(entry.get("object"), where)
        rule_id = entry.get("id") or "-".join(
            [code, sorted(lemmas)[0]] + ([sorted(objects)[0]] if objects else []) + ([entry["prep"]] if entry.get("prep") else []))
        base, k = rule_id, 2
        while rule_id in seen:
            rule_id, k = f"{base}.{k}", k + 1
        seen.add(rule_id)
        rules.append(Rule(
            id=rule_id, code=code, pos="VERB" if verbs else "NOUN", lemmas=lemmas, objects=objects,
            prep=entry.get("prep"), pobj=_words(entry.get("pobj"), where), particle=entry.get("particle"), xcomp=_words(entry.get("xcomp"), where),
            compound=_words(entry.get("compound"), where), target=target, symmetric=bool(entry.get("symmetric")),
            domains=domains, residual=bool(entry.get("residual")), intransitive=bool(entry.get("intransitive")),
        ))
    return rules


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon shipped with Tacitus (every YAML file under data/events/rules/)."""
    folder = resources.files("tacitus").joinpath("data", "events", "rules")
    rules: list[Rule] = []
    seen: set[str] = set()
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".yaml"):
            rules.extend(parse_rules(yaml.safe_load(item.read_text(encoding="utf-8")), source=item.name, seen=seen))
    return Lexicon(rules)
