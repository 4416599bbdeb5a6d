"""Actor and recipient of an event.

English: from the spaCy dependency parse (nsubj / nsubjpass + agent "by" / dobj / prepositional objects,
noun triggers with "by"/"on"/"against"/possessors, light verbs "carried out strikes", passive victims
"were killed in strikes by X", subjects of death verbs as victims, pronoun subjects of reported clauses
resolved to the reporting verb's subject, recipients of an embedded complement "agreed to provide aid to
X", and an unresolved role phrase opened for the resolved actor inside it: "further sanctions against
Russia", "a group of Kenyan doctors"). Other languages (and English without a parse): word-order, marker
and case rules from resources/lang/<code>/roles.yaml over candidate spans (actor mentions, else
named-entity mentions): agent markers, genitive doers of event nouns ("ударов сирийских войск",
"güçlerinin saldırısı", "frappes des forces"), victim predicates whose subject suffers the event
("погибли", "hayatını kaybetti"), and places after locative markers left out. Each role keeps its reason.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from eventwire.coding.lexicon import Token, normalise, tokenize
from eventwire.resources import lang_file


@dataclass(frozen=True)
class RoleSpan:
    start: int
    end: int
    text: str
    reason: str
    also_actor: bool = False  # a speaker who is also the act's subject ("X rejected the plan, and said ...")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    text: str
    obj: Any = None  # ActorMention / Mention / None


# ---------------------------------------------------------------- English, dependency parse

@lru_cache(maxsize=1)
def parse_words() -> dict[str, frozenset[str]]:
    """English word lists for the parse rules, from resources/lang/en/roles.yaml (parse:)."""
    data = (lang_file("en", "roles") or {}).get("parse", {})
    return {k: frozenset(v) for k, v in data.items()}


@lru_cache(maxsize=1)
def _irregular() -> dict[str, str]:
    return dict((lang_file("en", "roles") or {}).get("parse", {}).get("irregular_forms") or {})


def base_forms(word: str) -> set[str]:
    """Possible base forms of an inflected English word (the shared parse may run without spaCy's
    lemmatizer): the word itself, its irregular base form, and the regular -s/-ed/-ing strippings."""
    out = {word}
    if word in _irregular():
        out.add(_irregular()[word])
    for suf, reps in (("ies", ("y",)), ("ied", ("y",)), ("es", ("", "e")), ("s", ("",)), ("ed", ("", "e")),
                      ("ing", ("", "e")), ("d", ("",))):
        if word.endswith(suf) and len(word) > len(suf) + 2:
            stem = word[: -len(suf)]
            out.update(stem + r for r in reps)
            if len(stem) > 2 and stem[-1] == stem[-2]:  # "planned", "stopping"
                out.add(stem[:-1])
    return out


def is_listed(tok, key: str) -> bool:
    """The token is an inflection of a word in the roles.yaml `parse` list `key`."""
    words = parse_words()[key]
    if tok.lemma_ and tok.lemma_.lower() in words:
        return True
    return bool(base_forms(tok.lower_) & words)


def _span_of(tok) -> tuple[int, int]:
    """Character span of a nominal role head: its left modifiers, flat compounds, up to the head."""
    left = tok.left_edge
    # drop leading determiners/punctuation
    doc = tok.doc
    i = left.i
    while i < tok.i and doc[i].dep_ in ("det", "punct", "cc", "predet", "nummod", "quantmod") and doc[i].pos_ != "PROPN":
        i += 1
    # a relative clause or apposition starting left is unusual; keep simple
    j = tok.i
    while j + 1 < len(doc) and doc[j + 1].dep_ in ("compound", "flat", "appos") and doc[j + 1].head.i == j and doc[j + 1].pos_ == "PROPN":
        j += 1
    return doc[i].idx, doc[j].idx + len(doc[j].text)


def with_conjuncts(tok) -> list:
    """The token and its conjuncts, keeping only possible participants (so "on Sunday" never fills a
    role and the search for one goes on)."""
    out = [tok] if _role_head(tok) else []
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            out.extend(with_conjuncts(c))
    return out


def _noun_roles(n, actors: list, recips: list, why: str) -> None:
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            for p in c.children:
                if p.dep_ == "pobj":
                    actors.extend((x, f"{why}: 'by' object of {n.text!r}") for x in with_conjuncts(p))
        elif c.dep_ == "prep" and c.lower_ in parse_words()["noun_recipient_preps"]:
            for p in c.children:
                if p.dep_ == "pobj" and not (c.lower_ == "of" and p.pos_ != "PROPN"):
                    recips.extend((x, f"{why}: '{c.lower_}' object of {n.text!r}") for x in with_conjuncts(p))
        elif c.dep_ == "poss":
            actors.append((c, f"{why}: possessor of {n.text!r}"))
        elif c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"):
            actors.append((c, f"{why}: modifier {c.text!r} of {n.text!r}"))
    if is_listed(n, "directive_words"):
        _addressee(n, recips, why)
    if is_listed(n, "removal_words"):  # "the withdrawal of forces from Panama"
        for h in [n] + [p for c in n.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]:
            _source(h, n, recips, why)


def _source(h, v, recips: list, why: str) -> None:
    """The 'from' object of a removal or seizure: the party or place something is taken from."""
    for c in h.children:
        if c.dep_ == "prep" and c.lower_ in parse_words()["source_preps"]:
            recips.extend((x, f"{why}: '{c.lower_}' object of {v.text!r} (what it is taken from)")
                          for p in c.children if p.dep_ == "pobj" for x in with_conjuncts(p))


def _addressee(h, recips: list, why: str) -> None:
    """A directive word with a clausal complement ("demanded that the government release ...", "its demand
    that Iran free ..."): the complement's active subject is the one the demand is addressed to."""
    kids = list(h.children)
    if h.pos_ in ("NOUN", "PROPN") and h.dep_ == "dobj":
        # "reiterated its demand today that Israel ease ...": the parser hangs the noun's that-clause on the verb
        kids += [c for c in h.head.children if c.dep_ == "ccomp" and c.i > h.i
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    for c in kids:
        if c.pos_ not in ("VERB", "AUX") or not (
                c.dep_ == "ccomp" or c.dep_ == "acl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)):
            continue
        for s in c.children:
            if s.dep_ == "nsubj":
                recips.extend((x, f"{why}: subject of the demanded clause {c.text!r} under {h.text!r}")
                              for x in with_conjuncts(s))


def _verb_roles(v, actors: list, recips: list, why: str) -> None:
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)
    for c in v.children:
        if c.dep_ == "nsubj":
            if c.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                actors.extend((x, f"{why}: relative-clause subject of {v.text!r}") for x in with_conjuncts(v.head))
            elif is_listed(v, "death_verbs"):
                recips.extend((x, f"{why}: subject of {v.text!r} (the victim)") for x in with_conjuncts(c))
            else:
                actors.extend(subject_of(c, v, why))
        elif c.dep_ == "nsubjpass" and is_listed(v, "stative_participles") and not any(a.dep_ == "agent" for a in v.children):
            actors.extend((x, f"{why}: subject of the stative {v.text!r} (holds the stance)") for x in with_conjuncts(c))
        elif c.dep_ == "nsubjpass":
            recips.extend((x, f"{why}: passive subject of {v.text!r}") for x in with_conjuncts(c))
        elif c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    actors.extend((x, f"{why}: agent ('by') of {v.text!r}") for x in with_conjuncts(p))
        elif c.dep_ in ("dobj", "dative"):
            if c.pos_ in ("NOUN", "PROPN", "PRON"):
                recips.extend((x, f"{why}: object of {v.text!r}") for x in with_conjuncts(c))
            elif c.dep_ == "dative":  # "granted asylum to X": the parser labels the 'to' phrase dative
                recips.extend((x, f"{why}: '{c.lower_}' (dative) object of {v.text!r}")
                              for p in c.children if p.dep_ == "pobj" for x in with_conjuncts(p))
        elif c.dep_ == "prep" and c.lower_ in parse_words()["recipient_preps"]:
            for p in c.children:
                if p.dep_ == "pobj":
                    inner: list = []
                    if is_listed(p, "directive_words"):  # "insisted on its demands that X ...": X
                        _addressee(p, inner, why)
                    recips.extend(inner or [(x, f"{why}: '{c.lower_}' object of {v.text!r}") for x in with_conjuncts(p)])
        elif (c.dep_ == "prep" and c.lower_ in parse_words()["destination_preps"]
              and is_listed(v, "destination_verbs")):
            for p in c.children:
                if p.dep_ == "pobj":
                    recips.extend((x, f"{why}: destination ('{c.lower_}') of {v.text!r}") for x in with_conjuncts(p))
        elif c.dep_ == "prep" and passive and c.lower_ in parse_words()["instrument_preps"]:
            # "were killed in strikes by Syrian forces": the agent hangs off the instrument noun
            for p in c.children:
                if p.dep_ == "pobj":
                    _noun_roles(p, actors, [], why)
    u = v
    for _ in range(3):  # "Fidan was expected to travel to Moscow to meet Lavrov": climb to a subject
        if actors or u.dep_ not in ("xcomp", "conj", "advcl", "acomp") or u.head.pos_ not in ("VERB", "AUX", "ADJ"):
            break
        u = u.head
        for c in u.children:
            if c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and v.dep_ == "xcomp"):
                actors.extend((x, r + f" (governing verb {u.text!r})") for x, r in subject_of(c, u, why))
    if is_listed(v, "removal_words"):
        _source(v, v, recips, why)
        for c in v.children:  # "pulled its forces out of / from X" attaches 'from' to the object at times
            if c.dep_ == "dobj":
                _source(c, v, recips, why)
    if not recips and is_listed(v, "directive_words"):
        _addressee(v, recips, why)
    if not recips:
        _complement_recipients(v, recips, why)


def _complement_recipients(v, recips: list, why: str) -> None:
    """A control verb or adjective embeds the action that names the recipient ("agreed to provide aid
    for Romania", "is willing to withdraw its troops from Lebanon"): take the complement's recipients."""
    for c in v.children:
        if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
            inner: list = []
            _verb_roles(c, [], inner, why)
            recips.extend((x, r + f" (complement of {v.text!r})") for x, r in inner)
            if recips:
                return


def subject_of(c, v, why: str) -> list:
    """The subject `c` of verb `v`; a personal pronoun in a reported clause ("Syria says it is willing
    to ...") stands for the subject of the reporting verb, the usual antecedent in news prose."""
    if c.pos_ == "PRON" and c.lower_ in parse_words()["antecedent_pronouns"]:
        u = v
        for _ in range(4):
            if u.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or u.head.i == u.i:
                break
            u = u.head
            if is_listed(u, "speech_verbs") or is_listed(u, "intent_verbs"):
                subj = [s for s in _shared_subject(u) if s.pos_ in ("PROPN", "NOUN")]
                if subj:
                    return [(x, f"{why}: pronoun {c.text!r} subject of {v.text!r} -> antecedent, subject of "
                                f"reporting verb {u.text!r}") for x in with_conjuncts(subj[0])]
        return []
    return [(x, f"{why}: subject of {v.text!r}") for x in with_conjuncts(c)]


def _shared_subject(v) -> list:
    """The subject of verb v; a coordinated verb without one shares its first conjunct's ("the rebels rejected
    the plan and said they ...": 'said' has the rebels as subject)."""
    subj = [s for s in v.children if s.dep_ == "nsubj"]
    while not subj and v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
        subj = [s for s in v.children if s.dep_ == "nsubj"]
    return subj


def english_roles(sent, trig_start: int, trig_end: int, offset: int = 0,
                  known=None, place_target: bool = False) -> tuple[list[RoleSpan], list[RoleSpan]]:
    """Roles for the trigger at [trig_start, trig_end) (article offsets) in a spaCy sentence Span whose
    doc starts at article offset `offset`. `known(start, end)` (article offsets) tells whether a span is a
    resolved actor: a role head that is not ("further action against Russia", "leaders of the coalition")
    gives way to the resolved actors inside its phrase, and resolved roles outrank unresolved ones."""
    trig_start, trig_end = trig_start - offset, trig_end - offset
    toks = [t for t in sent if t.idx < trig_end and t.idx + len(t.text) > trig_start]
    if not toks:
        return [], []
    # the syntactic head of the trigger phrase
    tok = min(toks, key=lambda t: len(list(t.ancestors)))
    actors: list = []
    recips: list = []
    why = "parse"
    if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "xcomp", "oprd") and tok.head.pos_ in ("VERB", "AUX"):
        # "Syria is willing to withdraw ...": the subject is the copula's; the recipient is in the complement
        _verb_roles(tok.head, actors, [], why)
        _complement_recipients(tok, recips, why)
    elif tok.pos_ in ("VERB", "AUX") or (tok.pos_ not in ("NOUN", "PROPN") and tok.dep_ == "ROOT"):
        _verb_roles(tok, actors, recips, why)
    else:
        _noun_roles(tok, actors, recips, why)
        # "mediation mission between X and Y", "70 million dollars of aid": the phrase's head noun
        # carries the roles and the clause position
        while tok.dep_ in ("compound", "pobj") and tok.head.i != tok.i and (
                tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN")
                or tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN"):
            tok = tok.head if tok.dep_ == "compound" else tok.head.head
            _noun_roles(tok, actors, recips, why)
        h = tok.head
        if tok.dep_ in ("dobj", "nsubjpass") and h.pos_ in ("VERB", "AUX"):
            # light verb: "carried out strikes on X", "held talks with Y"
            for c in h.children:
                if c.dep_ == "nsubj" and not actors:
                    actors.extend((x, r + f" ({tok.text!r})") for x, r in subject_of(c, h, why))
                elif c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN"):  # "gave X 5 million dollars of aid"
                    recips.extend((x, f"{why}: indirect object of {h.text!r} ({tok.text!r})") for x in with_conjuncts(c))
                elif c.dep_ == "dative" and c.pos_ == "ADP":  # "gave aid to X"
                    recips.extend((x, f"{why}: '{c.lower_}' (dative) object of {h.text!r} ({tok.text!r})")
                                  for p in c.children if p.dep_ == "pobj" for x in with_conjuncts(p))
                elif c.dep_ == "prep" and c.lower_ in parse_words()["recipient_preps"] and not recips:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            recips.extend((x, f"{why}: '{c.lower_}' object of {h.text!r}") for x in with_conjuncts(p))
            if not actors:  # "is ready to send aid": the light verb's own subject is higher up
                _verb_roles(h, actors, [], why)
        elif tok.dep_ == "nsubj" and h.pos_ in ("VERB", "AUX"):
            # "An air strike killed 33 soldiers"
            for c in h.children:
                if c.dep_ == "dobj" and not recips:
                    recips.extend((x, f"{why}: object of {h.text!r} (trigger {tok.text!r} is the subject)") for x in with_conjuncts(c))
        elif tok.dep_ == "pobj" and h.dep_ == "prep" and h.head.pos_ in ("VERB", "AUX"):
            v = h.head
            for c in v.children:
                if c.dep_ == "nsubjpass" and not recips:
                    recips.extend((x, f"{why}: passive subject of {v.text!r} ({h.text} {tok.text})") for x in with_conjuncts(c))
                elif c.dep_ == "nsubj" and not recips and is_listed(v, "death_verbs"):
                    recips.extend((x, f"{why}: subject of {v.text!r} ({h.text} {tok.text})") for x in with_conjuncts(c))
                elif c.dep_ == "nsubj" and not actors and not is_listed(v, "death_verbs"):
                    # "Erdogan told Putin in a phone call": the verb's subject is the actor
                    actors.extend((x, f"{why}: subject of {v.text!r} ({h.text} {tok.text})") for x in with_conjuncts(c))
                elif c.dep_ in ("dobj", "dative") and not recips and c.pos_ in ("PROPN", "NOUN"):
                    recips.extend((x, f"{why}: object of {v.text!r} ({h.text} {tok.text})") for x in with_conjuncts(c))
    if known is not None:
        actors = _prefer_known(actors, known, offset)
        recips = _prefer_known(recips, known, offset)
        if not any(known(*_tok_span(t, offset)) for t, _ in recips):
            # no resolved recipient: the area a measure applies to, else whom the act's demands address
            v = tok if tok.pos_ in ("VERB", "AUX") else (
                tok.head if tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX") else None)
            extra: list = []
            _area_recipients(tok, v, extra, why, place_target)
            extra = [(t, r) for t, r in _prefer_known(extra, known, offset) if known(*_tok_span(t, offset))]
            if not extra:
                extra = _demand_targets(tok, v, known, offset, why)
            if not extra and v is not None:
                extra = [(t, r) for t, r in _prefer_known(_condition_party(v, why), known, offset)
                         if known(*_tok_span(t, offset))]
            if extra:
                recips = extra
    mods: set[int] = set()  # token indexes of resolved coordinated modifiers: they fill a role though adjectives
    if known is not None:
        actors = _split_coordinated(actors, known, offset, mods)
        recips = _split_coordinated(recips, known, offset, mods)
    out_a = _dedupe([_role(t, r, offset) for t, r in actors if _nominal(t) or t.i in mods])
    out_r = _dedupe([_role(t, r, offset) for t, r in recips if _nominal(t) or t.i in mods])
    out_r = [r for r in out_r if not any(_overlap(r, a) for a in out_a)]
    return out_a, out_r


def _split_coordinated(items: list, known, offset: int, mods: set[int]) -> list:
    """A head noun with coordinated modifiers ("Hungarian and Romanian officials", "U.S. and Russian
    negotiators") names one group per modifier: each resolved modifier fills the role (its index goes to
    `mods`)."""
    out = []
    for t, r in items:
        mod = next((c for c in t.children if c.dep_ in ("amod", "compound", "nmod") and c.i < t.i
                    and any(x.dep_ == "conj" for x in c.children)), None)
        grp = [mod] + [x for x in mod.subtree if x.dep_ == "conj" and x.i < t.i] if mod is not None else []
        if len(grp) > 1 and all(known(x.idx + offset, x.idx + len(x.text) + offset) for x in grp):
            out.extend((x, r + f" -> coordinated modifier {x.text!r} of {t.text!r}") for x in grp)
            mods.update(x.i for x in grp)
        else:
            out.append((t, r))
    return out


def _condition_party(v, why: str) -> list:
    """The subject of a condition on the act ("threatened to launch an offensive unless Baghdad accepted",
    "will stop the talks if the United States goes ahead"): the party the act is conditioned on."""
    out: list = []
    verbs = [v] + [c for c in v.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")]
    for u in verbs:
        for c in u.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in parse_words()["condition_marks"] for m in c.children):
                out.extend((x, f"{why}: subject of the condition {c.text!r} on {u.text!r}")
                           for s in c.children if s.dep_ == "nsubj" for x in with_conjuncts(s))
    return out


def _measure(t) -> bool:
    """A measure imposed on an area (roles.yaml parse territorial_measures: a noun, or the noun with the word
    before it: "martial law")."""
    if t.pos_ not in ("NOUN", "PROPN"):
        return False
    words = parse_words()["territorial_measures"]
    prev = t.doc[t.i - 1].lower_ if t.i > 0 else ""
    return t.lower_ in words or f"{prev} {t.lower_}" in words


def _area_recipients(tok, v, recips: list, why: str, place_target: bool = False) -> None:
    """A curfew, state of emergency or blockade "in X" is imposed on (or lifted for) X's people: the place it
    applies to is the recipient ("imposed a curfew in X", "lifted the state of emergency in X"). With
    place_target (an attack with no named victim: "exploded bombs in the capital Kabul", "killed 12 people in
    Kano") the place struck stands for its unnamed victims, as CAMEO/PLOVER coding does."""
    heads = [tok] + ([c for c in v.children if c.dep_ in ("dobj", "nsubjpass")] if v is not None else [])
    nouns = []
    for h in heads:
        nouns.append(h)
        nouns += [p for c in h.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    ms = [n for n in nouns if _measure(n)] or ([tok] if place_target else [])
    if not ms:
        return
    hosts = list(dict.fromkeys([*heads, *ms] + ([v] if v is not None else [])))
    for h in hosts:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in parse_words()["area_preps"]:
                for p in c.children:
                    if p.dep_ == "pobj":
                        recips.extend((x, f"{why}: area the {ms[0].text!r} applies to ('{c.lower_}' {p.text!r})")
                                      for x in with_conjuncts(p))


def _demand_targets(tok, v, known, offset: int, why: str) -> list:
    """Whom an act's stated demands address: resolved actors in a purpose clause of a demand verb ("marched to
    demand the resignation of X", "a demonstration calling for X's removal") or in a stance phrase ("in
    defiance of X", "in protest at X's decision"). A protest is aimed at the one it makes demands of."""
    out: list = []

    def take(t, cue: str) -> None:
        if _nominal(t) and known(*_tok_span(t, offset)):
            out.extend((x, f"{why}: {cue} {t.text!r}") for x in with_conjuncts(t))
        else:
            out.extend((x, f"{why}: {cue} {t.text!r} -> {x.text!r}") for x in _inner_known(t, known, offset))

    for h in dict.fromkeys([tok] + ([v] if v is not None else [])):
        for c in h.children:
            if c.dep_ in ("advcl", "xcomp", "acl", "relcl") and c.pos_ == "VERB" and is_listed(c, "demand_purpose_verbs"):
                for o in c.children:
                    if o.dep_ == "dobj":
                        take(o, f"demand {c.text!r} of")
                    elif o.dep_ == "prep" and o.lower_ not in parse_words()["opaque_preps"]:
                        for p in o.children:
                            if p.dep_ == "pobj":
                                take(p, f"demand '{c.text} {o.text}'")
                    elif o.dep_ == "ccomp":
                        for s in o.children:
                            if s.dep_ == "nsubj":
                                take(s, f"demand {c.text!r} addressed to")
            elif c.dep_ == "prep":
                for p in c.children:
                    if p.dep_ == "pobj" and is_listed(p, "stance_nouns") and p.i != tok.i:
                        for q in p.children:
                            if q.dep_ == "prep" and q.lower_ not in parse_words()["opaque_preps"]:
                                for r in q.children:
                                    if r.dep_ == "pobj":
                                        take(r, f"'{c.text} {p.text} {q.text}'")
        if out:
            break
    return out


# dependents searched for a resolved actor inside an unresolved role phrase (not into clauses)
INNER_DEPS = ("prep", "pobj", "poss", "compound", "amod", "nmod", "appos", "conj")


def _tok_span(t, offset: int) -> tuple[int, int]:
    s, e = _span_of(t)
    return s + offset, e + offset


def _inner_known(t, known, offset: int, depth: int = 0) -> list:
    out = []
    for c in t.children:
        if c.dep_ not in INNER_DEPS:
            continue
        if c.dep_ == "prep" and c.lower_ in parse_words()["opaque_preps"]:
            continue
        if _nominal(c) and known(*_tok_span(c, offset)):
            out.extend(x for x in with_conjuncts(c) if _nominal(x) and known(*_tok_span(x, offset)))
        elif depth < 3:
            out.extend(_inner_known(c, known, offset, depth + 1))
    return out


def _prefer_known(items: list, known, offset: int) -> list:
    """Resolve each role head to the known actors in its phrase; keep unresolved heads only when no role
    of this kind is resolved."""
    res, unres = [], []
    for t, r in items:
        if not _role_head(t):
            continue
        if known(*_tok_span(t, offset)):
            res.append((t, r))
            continue
        # "condemned an attack by X on Y", "rejected calls by X": the doer of an event phrase first
        inner = [c for p in t.children if p.dep_ in ("prep", "agent") and p.lower_ == "by"
                 for c in _inner_known(p, known, offset, 1)] or _inner_known(t, known, offset)
        if inner:
            res.extend((c, r + f" -> {c.text!r} inside {t.text!r}") for c in inner)
        elif _nominal(t):
            unres.append((t, r))
    return res or unres


BAD_ENTS = {"DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL"}


def _role_head(t) -> bool:
    """A noun that may hold a role: a participant, or a figure whose phrase names one ("70 million
    dollars of aid for Romania"; dropped later unless a resolved actor is found inside). Never a time."""
    return (t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in ("DATE", "TIME")
            and t.lower_ not in parse_words()["temporal_words"])


def _nominal(t) -> bool:
    return (t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in BAD_ENTS
            and t.lower_ not in parse_words()["temporal_words"])


def clause_head(sent, start: int, end: int, offset: int = 0):
    """The verb governing a trigger (itself when it is a verb), merged upward through subordinate
    links (advcl "when ...", xcomp, relcl, acl) so one clause complex counts as one event."""
    toks = [t for t in sent if t.idx < end - offset and t.idx + len(t.text) > start - offset]
    if not toks:
        return None
    tok = min(toks, key=lambda t: len(list(t.ancestors)))
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    while (tok.dep_ in ("advcl", "xcomp", "relcl", "acl", "pcomp")
           or (tok.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children))) \
            and tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX", "NOUN"):
        nxt = tok.head
        while nxt.pos_ not in ("VERB", "AUX") and nxt.head.i != nxt.i:
            nxt = nxt.head
        if is_listed(nxt, "speech_verbs") or nxt.i == tok.i:
            break
        tok = nxt
    return tok.i


def clause_span(sent, head_i: int, offset: int = 0) -> tuple[int, int]:
    """Article char span of a clause head's subtree."""
    tok = sent.doc[head_i]
    return tok.left_edge.idx + offset, tok.right_edge.idx + len(tok.right_edge.text) + offset


def _doc_text(doc) -> str:
    """Doc.text joins every token on each call; keep it once per parse."""
    text = doc.user_data.get("eventwire_text")
    if text is None:
        text = doc.user_data["eventwire_text"] = doc.text
    return text


def _role(tok, reason: str, offset: int = 0) -> RoleSpan:
    s, e = _span_of(tok)
    return RoleSpan(s + offset, e + offset, _doc_text(tok.doc)[s:e], reason)


def english_speaker(sent, cue_start: int, cue_end: int, offset: int = 0) -> RoleSpan | None:
    """The subject of a reporting verb ("the ministry said"), or the object of "according to"."""
    toks = [t for t in sent if t.idx < cue_end - offset and t.idx + len(t.text) > cue_start - offset]
    for t in toks:
        if t.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            shared = [s for s in _shared_subject(t) if s.pos_ != "PRON"]
            if shared:  # "X rejected the plan, and said ...": X is the speaker
                r = _role(shared[0], f"parse: subject shared by the coordinated reporting verb {t.text!r}", offset)
                return replace(r, also_actor=True)
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON":
                return _role(c, f"parse: subject of reporting verb {t.text!r}", offset)
            if c.dep_ == "pobj":
                return _role(c, f"parse: object of {t.text!r}", offset)
        if t.dep_ == "prep":  # "according to X": X is the pobj of "to"
            for c in t.children:
                if c.dep_ == "prep":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return _role(p, f"parse: object of '{t.text} {c.text}'", offset)
    return None


def _overlap(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def _dedupe(xs: list[RoleSpan]) -> list[RoleSpan]:
    out: list[RoleSpan] = []
    for x in xs:
        if not any(_overlap(x, y) for y in out):
            out.append(x)
    return out


# ---------------------------------------------------------------- rule-based (all languages)

def _rules(lang: str) -> dict[str, Any]:
    return lang_file(lang, "roles") or lang_file("en", "roles") or {}


def _phrase_before(tokens: list[Token], idx: int, phrases: list[str], lang: str, gap: int = 1) -> str | None:
    """A marker phrase ending within `gap` tokens before token index idx."""
    for ph in phrases:
        words = normalise(ph, lang).split()
        for end in range(idx - 1, max(-1, idx - 1 - gap), -1):
            st = end - len(words) + 1
            if st >= 0 and [t.text for t in tokens[st:end + 1]] == words:
                return ph
            # Arabic/clitic markers glued to the candidate ("بالقوات"): check the candidate token itself
    return None


def _victim_clause(r: dict, lang: str, sent_tokens: list[Token], spans: list[tuple[int, int]]) -> str | None:
    """A trigger phrase whose subject is the one who suffers it ("погибли", "hayatını kaybetti",
    "thiệt mạng"): roles.yaml victim_predicates, matched as word prefixes."""
    preds = [normalise(x, lang).split() for x in r.get("victim_predicates") or ()]

    def match(t, w: str) -> bool:  # a trailing "$" asks for the whole word, else a prefix
        return t.text == w[:-1] if w.endswith("$") else t.text.startswith(w)
    for a, b in spans:
        for words in preds:
            for i in range(a, b + 1):
                seg = sent_tokens[i:i + len(words)]
                if len(seg) == len(words) and all(match(t, w) for t, w in zip(seg, words)):
                    return " ".join(t.text for t in seg)
    return None


def claims_responsibility(lang: str, sent_tokens: list[Token]) -> str | None:
    """A claim of responsibility ("Hamas claimed responsibility for the attack", "reivindicó"): its
    claimant is the doer of the claimed act. roles.yaml responsibility_claims, word prefixes."""
    r = _rules(lang)
    for ph in r.get("responsibility_claims") or ():
        words = normalise(ph, lang).split()
        for i in range(len(sent_tokens) - len(words) + 1):
            if all(t.text.startswith(w) for t, w in zip(sent_tokens[i:i + len(words)], words)):
                return " ".join(t.text for t in sent_tokens[i:i + len(words)])
    return None


def _genitive_agent(r: dict, lang: str, sent_tokens: list[Token], fi: int, li: int,
                    spans: list[tuple[int, int]]) -> str | None:
    """The candidate at tokens [fi, li] is the genitive (subjective) complement of an event noun, i.e.
    the one who carried it out: "strikes of/by X" (genitive_markers between the noun and X, or none
    where the language marks the genitive by case: genitive_endings on X's first word), or, in
    head-final languages, X with a genitive suffix right before the event noun or before a relative
    participle ("Suriye güçlerinin saldırısı", "güçlerinin İdlib'e düzenlediği saldırı")."""
    g = r.get("genitive") or {}
    if not g:
        return None
    if g.get("suffixes"):
        last = sent_tokens[li].text
        if not any(last.endswith(normalise(x, lang)) and len(last) > len(x) + 2 for x in g["suffixes"]):
            return None
        if any(a == li + 1 for a, _ in spans):
            return "genitive before the event noun"
        parts = [normalise(x, lang) for x in g.get("participle_suffixes") or ()]
        for t in sent_tokens[li + 1:li + 4]:
            if any(t.text.endswith(x) for x in parts) and any(a <= t.i + 1 <= b + 1 for a, b in spans):
                return f"genitive subject of the participle {t.text!r}"
        return None
    markers = {normalise(x, lang) for x in g.get("markers") or ()}
    for a, b in spans:
        if b >= fi:
            continue
        gap = " ".join(t.text for t in sent_tokens[b + 1:fi])
        if gap and gap in markers:
            return f"after {' '.join(t.text for t in sent_tokens[a:b + 1])!r} {gap!r} (genitive agent)"
        if not gap and g.get("endings") and any(sent_tokens[fi].text.endswith(normalise(x, lang)) for x in g["endings"]):
            return f"genitive right after {' '.join(t.text for t in sent_tokens[a:b + 1])!r}"
    return None


def _locative_suffix(r: dict, lang: str, word: str) -> bool:
    return any(word.endswith(normalise(x, lang)) for x in r.get("locative_suffixes") or ())


def rule_roles(lang: str, etype: str, sent_tokens: list[Token], text: str, base: int,
               trig_start: int, trig_end: int, cands: list[Candidate],
               event_spans: list[tuple[int, int]] | None = None,
               place_spans: list[tuple[int, int]] | None = None,
               area_measure: str | None = None) -> tuple[list[RoleSpan], list[RoleSpan]]:
    """Word-order / marker / case rules from roles.yaml over candidate spans in the sentence.
    event_spans: token ranges (first, last) of the sentence's event trigger phrases (for genitive agents
    of event nouns and victim predicates); defaults to the trigger itself. place_spans: article char spans
    of place names; a place after a locative marker ("в Анкаре", "en Idlib") is where, not who, unless the
    event is a measure imposed on an area or an attack (area_measure: its trigger text, "комендантский час в
    Армении", "atacaron un mercado en Kabul"): then that place, whose people it applies to or strikes, is the
    recipient when no other is found."""
    if not cands:
        return [], []
    r = _rules(lang)
    order = r.get("order", "SVO")
    tok_at = {t.start: t.i for t in sent_tokens}

    def first_tok(c: Candidate) -> int | None:
        for t in sent_tokens:
            if t.end > c.start:
                return t.i
        return None

    def last_tok(c: Candidate) -> int | None:
        idx = None
        for t in sent_tokens:
            if t.start < c.end:
                idx = t.i
        return idx

    trig_first = next((t.i for t in sent_tokens if t.end > trig_start), 0)
    trig_last = max((t.i for t in sent_tokens if t.start < trig_end), default=trig_first)
    spans = event_spans or [(trig_first, trig_last)]
    passive = bool(_phrase_before(sent_tokens, trig_first, r.get("passive_aux") or [], lang, gap=3))
    v2 = {normalise(x, lang) for x in r.get("v2_aux") or ()}
    if v2:
        # verb-second languages put the finite auxiliary in second place and the participle last ("Deutschland
        # hat mit Frankreich ein Abkommen unterzeichnet"): the auxiliary marks where subject and objects divide
        aux = [t.i for t in sent_tokens[:trig_first] if t.text in v2
               and not any(ch in text[t.end - base:sent_tokens[trig_first].start - base] for ch in ",;:")]
        if aux:
            trig_first = aux[-1]
    # victim predicates: each one's adjacent unmarked noun phrase is its subject; a verb-final clause
    # whose last predicate is one makes its first noun phrase the sufferer
    victims = [(a, b, v) for a, b in spans for v in [_victim_clause(r, lang, sent_tokens, [(a, b)])] if v]
    if order == "SOV":
        victims = [x for x in victims if (x[0], x[1]) == max(spans)]
    loc = r.get("locative_markers") or []
    actors: list[RoleSpan] = []
    recips: list[RoleSpan] = []
    rest: list[tuple[Candidate, int, int]] = []
    areas: list[RoleSpan] = []
    for c in cands:
        fi, li = first_tok(c), last_tok(c)
        if fi is None or li is None:
            continue
        m = _phrase_before(sent_tokens, fi, r.get("agent_markers") or [], lang)
        if m:
            actors.append(RoleSpan(c.start, c.end, c.text, f"rules({lang}): after agent marker {m!r}"))
            continue
        gen = _genitive_agent(r, lang, sent_tokens, fi, li, spans)
        if gen:
            actors.append(RoleSpan(c.start, c.end, c.text, f"rules({lang}): {gen}"))
            continue
        if place_spans and any(s < c.end and c.start < e for s, e in place_spans) and (
                _phrase_before(sent_tokens, fi, loc, lang) or _locative_suffix(r, lang, sent_tokens[li].text)):
            if area_measure:
                areas.append(RoleSpan(c.start, c.end, c.text, f"rules({lang}): place the {area_measure!r} applies to "
                                                              f"or strikes (after a locative marker)"))
            continue  # "killed in Ankara": the place, not a participant
        post = normalise(" ".join(t.text for t in sent_tokens[li + 1:li + 2]), lang)
        if post and post in [normalise(x, lang) for x in r.get("agent_postpositions") or ()]:
            actors.append(RoleSpan(c.start, c.end, c.text, f"rules({lang}): before agent postposition {post!r}"))
            continue
        m = _phrase_before(sent_tokens, fi, r.get("recipient_markers") or [], lang)
        if m and fi > trig_first - 1:
            recips.append(RoleSpan(c.start, c.end, c.text, f"rules({lang}): after recipient marker {m!r}"))
            continue
        if post and post in [normalise(x, lang) for x in r.get("recipient_postpositions") or ()]:
            recips.append(RoleSpan(c.start, c.end, c.text, f"rules({lang}): before postposition {post!r}"))
            continue
        raw_last = text[c.start - base:c.end - base].split()[-1] if c.text.strip() else ""
        last_word = normalise(raw_last, lang)
        proper = raw_last[:1].isupper()
        # a proper name takes its case suffix after an apostrophe (Türkiye'ye); a bare ending only counts
        # on common nouns, so names that end in -ye/-ya (Suriye, Rusya) are not misread as datives
        suf = next((s for s in r.get("recipient_suffixes") or () if last_word.endswith(normalise(s, lang))
                    and len(last_word) > len(s) + 1 and (not proper or s[:1] in "'’")), None)
        if suf:
            recips.append(RoleSpan(c.start, c.end, c.text, f"rules({lang}): case suffix -{suf.lstrip(chr(39)).lstrip('’')}"))
            continue
        rest.append((c, fi, li))
    before = [x for x in rest if x[2] < trig_first]
    after = [x for x in rest if x[1] > trig_first]
    suffered = False  # a victim subject was found for the clause's own predicate
    for a, b, v in victims:
        # "Turkish soldiers died in strikes of X", "погибли двое турецких военных": the predicate's
        # unmarked subject suffers the event
        if order == "SOV":
            subj = rest[:1]
        else:
            near_b = [x for x in rest if x[2] < a and a - x[2] <= 3 and not any(x[2] < s0 < a for s0, _ in spans)]
            near_a = [x for x in rest if x[1] > b and x[1] - b <= 3 and not any(b < s0 < x[1] for s0, _ in spans)]
            subj = near_b[-1:] or near_a[:1]
        if subj and not any(y.start == subj[0][0].start for y in recips):
            c = subj[0][0]
            recips.append(RoleSpan(c.start, c.end, c.text, f"rules({lang}): subject of the victim predicate {v!r}"))
            suffered = suffered or a <= trig_first <= b or order == "SOV"
            rest = [x for x in rest if x[0] is not c]
            before = [x for x in before if x[0] is not c]
            after = [x for x in after if x[0] is not c]
    if suffered:
        before = after = []  # the clause's predicate is suffered, its remaining noun phrases are no doer
    coords = {normalise(x, lang) for x in r.get("coordinators") or ()}

    def coordinated(c: Candidate, pool: list) -> list[RoleSpan]:
        """Candidates joined to the subject c by coordinators ("Венгрия и Румыния договорились"): a
        coordinated subject names several actors."""
        out, cur = [], c
        for x, _, _ in sorted((y for y in pool if y[0].end <= c.start), key=lambda y: -y[0].start):
            if normalise(text[x.end - base:cur.start - base], lang).strip(" ,") not in coords | {""}:
                break
            if not text[x.end - base:cur.start - base].strip(" ,"):
                break  # adjacent names with no coordinator are one phrase, not two subjects
            out.append(RoleSpan(x.start, x.end, x.text, f"rules({lang}): coordinated with the subject {c.text!r}"))
            cur = x
        return out

    if order == "SOV":
        if before and not actors:
            c = before[0][0]
            actors.append(RoleSpan(c.start, c.end, c.text, f"rules({lang}): first unmarked noun phrase (SOV subject)"))
            before = before[1:]
        if before and not recips:
            c = before[-1][0]
            recips.append(RoleSpan(c.start, c.end, c.text, f"rules({lang}): noun phrase before the verb (SOV object)"))
    elif order == "VSO":
        if before and not actors:
            c = before[-1][0]
            actors.append(RoleSpan(c.start, c.end, c.text, f"rules({lang}): noun phrase before the verb (SVO variant)"))
        elif after and not actors:
            c = after.pop(0)[0]
            actors.append(RoleSpan(c.start, c.end, c.text, f"rules({lang}): first noun phrase after the verb (VSO subject)"))
        if after and not recips:
            c = after[0][0]
            recips.append(RoleSpan(c.start, c.end, c.text, f"rules({lang}): noun phrase after the subject (VSO object)"))
    else:  # SVO
        if passive:
            if before and not recips:
                c = before[-1][0]
                recips.append(RoleSpan(c.start, c.end, c.text, f"rules({lang}): subject of a passive clause"))
            if after and not actors:
                c = after[0][0]
                actors.append(RoleSpan(c.start, c.end, c.text, f"rules({lang}): noun phrase after a passive verb"))
        else:
            if before and not actors:
                c = before[-1][0]
                actors.append(RoleSpan(c.start, c.end, c.text, f"rules({lang}): nearest noun phrase before the verb (SVO subject)"))
                actors.extend(coordinated(c, before[:-1]))
            if after and not recips:
                c = after[0][0]
                recips.append(RoleSpan(c.start, c.end, c.text, f"rules({lang}): nearest noun phrase after the verb (SVO object)"))
    if areas and not recips:
        recips = areas[:1]
    # coordination "A and B" for symmetric types
    if etype in (r.get("symmetric") or ()) and len(actors) == 1 and not recips:
        a = actors[0]
        coords = {normalise(x, lang) for x in r.get("coordinators") or ()}
        for c, fi, li in rest:
            if c.start >= a.end:
                gap = normalise(text[a.end - base:c.start - base], lang).strip(" ,")
                if gap in coords:
                    recips.append(RoleSpan(c.start, c.end, c.text, f"rules({lang}): coordinated with the actor ({gap!r}), symmetric {etype}"))
                    break
    return actors, recips
