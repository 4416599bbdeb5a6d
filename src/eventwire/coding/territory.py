"""Direction of a territorial takeover: does the state side or a non-state group end up in control?

ACLED's GOV_REGAINS_TERIT (state forces or their affiliates regain a place) and
NON_STATE_ACTOR_OVERTAKES_TER (a non-state armed group takes a place, from the state or another group)
differ only in who took the place from whom, which bag-of-words features cannot see. This reads it from
the sentence's structure:

- English: the spaCy parse. The winner is the subject (or passive "by" agent) of a take-verb ("seized",
  "retook", "took control of"), the "to" object of "fell to" / "lost X to", the "by"/possessor of a
  capture noun, or the subject of an expel-verb ("pushed the insurgents out of"); the loser is a "from"
  object ("from the hands of X"), the object of an expel-verb, the subject of "lost" or of a withdrawal
  ("after the army fell back"), or the other side of the fighting ("after clashes with X").
- Other languages: the takeover phrase from resources/lang/<code>/territory.yaml and the word-order /
  marker rules of coding/roles.rule_roles over the resolved actor mentions.

Each side is resolved with the actor knowledge base (eventwire.kb.resolve: sector per mention); state
sectors are the government's own forces, and an armed group named as pro-government (territory.yaml
`state_allied`) counts as the state side. The answer is None whenever the structure does not say: no
resolved winner and no loser that settles it, or state forces taking a place from other state forces
without a verb of taking back (a foreign capture and a government regaining look the same there).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from eventwire.resources import lang_file, lang_word_sets

GOV = "GOV_REGAINS_TERIT"
NSA = "NON_STATE_ACTOR_OVERTAKES_TER"
# kb sectors (resources/kb/sources/sectors.yaml) of the state's own forces and of non-state parties
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY"})
# not CVL: civilians hold no ground; UAF and INS are CAMEO codes (not in sectors.yaml) that imported
# dictionaries (eventwire import, PETRARCH style) carry
NON_STATE_SECTORS = frozenset({"REB", "OPP", "CRM", "PTY", "UAF", "INS"})


@dataclass(frozen=True)
class Side:
    side: str  # "state" | "non"
    text: str
    reason: str
    generic: bool = False  # a bare force word ("forces") with no country or group: a weak state reading


def _data(lang: str) -> dict[str, Any]:
    return lang_file(lang, "territory") or {}


def _words(lang: str) -> dict[str, frozenset[str]]:
    return lang_word_sets(lang, "territory")


def languages() -> list[str]:
    """Languages with a territory.yaml (English needs the spaCy parse besides)."""
    from eventwire.resources import all_lang_files

    return sorted(all_lang_files("territory"))


def takeover_direction(text: str, lang: str | None = None, date: str | None = None) -> tuple[str | None, str]:
    """("GOV_REGAINS_TERIT" | "NON_STATE_ACTOR_OVERTAKES_TER" | None, reason) for a snippet already known to
    report a takeover. `date` (ISO) resolves office holders and groups as of that day. None when the
    structure does not say who ended up in control."""
    if not text or not text.strip():
        return None, "empty text"
    if lang is None:
        from eventwire.backends.langid import identify

        lang = identify(text)[0]
    if not _data(lang):
        return None, f"no territory.yaml for language {lang!r}"
    from eventwire.kb import load_kb

    mentions = load_kb().resolve(text, lang, date)
    if lang == "en":
        from eventwire.errors import MissingDependency

        try:
            return _english(text, mentions)
        except MissingDependency as exc:  # no parse, no structure: say so rather than guess
            return None, f"no English parse: {exc}"
    return _rules(text, lang, [m for m in mentions if m.sector])


# ---------------------------------------------------------------- shared decision

def _side_of_mention(m, lang: str, text: str | None = None, stops: tuple = ()) -> Side | None:
    """Side of a resolved mention (rule languages). With the snippet `text`, the words next to the mention
    in its noun phrase (up to NEAR words either side, not across punctuation or the spans in `stops`: verbs
    and other mentions) may name it pro-government ("milicias progubernamentales") or make a generic force
    word non-state ("lực lượng kháng chiến", "una banda armada")."""
    near = _near(m, text, stops) if text else m.text
    if _allied(near, lang):
        return Side("state", m.text, f"{near!r} is named as pro-government (state affiliate)")
    if (m.actor_id or "").startswith("ew:-:") and _has_word(near, _words(lang).get("non_state_modifiers", ())):
        return Side("non", m.text, f"{near!r}: force word with a non-state modifier")
    return _sector_side(m, lang)


def _sector_side(m, lang: str) -> Side | None:
    """Side from the KB sector; a named group called a government ("Taliban government forces") is state."""
    aid = m.actor_id or ""
    group = not aid.startswith("ew:-:") and not re.fullmatch(r"ew:[A-Z]{3}:[A-Z]+", aid)
    if group and _has_word(m.text, _words(lang).get("state_modifiers", ()), hyphen=False):
        return Side("state", m.text, f"{m.text!r}: group named as a government force")
    if group and _state_allied(aid):
        return Side("state", m.text, f"{m.text!r} -> {m.name}: state-allied armed group (KB)")
    sec = _base_sector(m)
    if sec in STATE_SECTORS:
        generic = aid.startswith("ew:-:") and "no country in the phrase" in (m.reason or "")
        return Side("state", m.text, f"{m.text!r} -> {m.name} ({sec}: state)", generic)
    if sec in NON_STATE_SECTORS:
        return Side("non", m.text, f"{m.text!r} -> {m.name} ({sec}: non-state)")
    return None


def _state_allied(actor_id: str) -> bool:
    """The KB marks pro-government militias (PMF, VDP, CJTF ...) `state_allied`: ACLED counts them with the
    government side."""
    from eventwire.kb import load_kb

    return bool((load_kb().actors.get(actor_id) or {}).get("state_allied"))


NEAR = 2


def _near(m, text: str, stops: tuple) -> str:
    """The mention with up to NEAR words on each side inside its phrase."""
    def blocked(a: int, b: int) -> bool:
        return any(x < b and a < y for x, y in stops if not (x == m.start and y == m.end))

    lo, hi = m.start, m.end
    for _ in range(NEAR):
        mt = re.search(r"(\w[\w'’-]*)\s*$", text[:lo])
        if not mt or text[mt.end():lo].strip() or blocked(mt.start(), mt.end()):
            break
        lo = mt.start()
    for _ in range(NEAR):
        mt = re.match(r"\s*(\w[\w'’-]*)", text[hi:])
        if not mt or blocked(hi + mt.start(1), hi + mt.end(1)):
            break
        hi += mt.end()
    return text[lo:hi]


def _has_word(text: str, words, hyphen: bool = True) -> bool:
    """A listed word or phrase in text; hyphen=False: not inside a hyphenated compound ("anti-government")."""
    low = text.lower()
    edge = r"\w" if hyphen else r"[\w-]"
    return any(re.search(rf"(?<!{edge}){re.escape(w)}(?!{edge})", low) for w in words)


def _allied(phrase: str, lang: str) -> bool:
    return _has_word(phrase, _words(lang).get("state_allied", ()))


def _combine(sides: list[Side]) -> Side | None:
    """Coordinated parties: state forces named as such with militias ("VDP militia and Burkinabe forces") are
    the government and its affiliates (ACLED); a bare "allied forces" beside a named group ("DPR fighters and
    allied forces") fights on that group's side."""
    named_state = [s for s in sides if s.side == "state" and not s.generic]
    return named_state[0] if named_state else (sides[0] if sides else None)


def _decide(winner: Side | None, loser: Side | None, again: str | None, verb: str) -> tuple[str | None, str]:
    if winner is not None and winner.side == "state":
        if loser is not None and loser.side == "state" and not again:
            return None, (f"state forces took it from state forces ({winner.reason}; loser {loser.reason}) with no "
                          f"verb of taking back: a foreign capture or a regaining")
        why = f"winner of {verb!r}: {winner.reason}" + (f"; taking back ({again!r})" if again else "")
        return GOV, why + (f"; loser {loser.reason}" if loser else "")
    if winner is not None:
        return NSA, f"winner of {verb!r}: {winner.reason}" + (f"; loser {loser.reason}" if loser else "")
    if loser is not None and loser.side == "state" and not again:
        return NSA, f"no resolved winner of {verb!r}; taken from the state side: {loser.reason}"
    if loser is not None:
        return None, f"no resolved winner of {verb!r}; loser {loser.reason} does not say who took it"
    return None, f"no resolved winner or loser of {verb!r}"


# ---------------------------------------------------------------- English (spaCy parse)

def _lemma_in(tok, words: frozenset[str]) -> bool:
    from eventwire.coding.roles import base_forms

    if tok.lemma_ and tok.lemma_.lower() in words:
        return True
    irr = _data("en").get("irregular") or {}
    low = tok.lower_
    return bool((base_forms(low) | ({irr[low]} if low in irr else set())) & words)


def _phrase_span(tok) -> tuple[int, int]:
    """Characters of a nominal head with its left modifiers and its 'of' complements (not clauses)."""
    lo, hi = tok.i, tok.i
    for c in tok.subtree:
        if c.i < tok.i and c.head.i >= c.i and all(a.dep_ not in ("relcl", "acl", "appos") for a in _path(c, tok)):
            lo = min(lo, c.i)
    for c in tok.children:
        if c.i > tok.i and (c.dep_ in ("compound", "flat", "nmod") or c.dep_ == "prep" and c.lower_ in ("of", "from")):
            hi = max(hi, c.right_edge.i)
    doc = tok.doc
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _path(c, top) -> list:
    out, u = [], c
    while u.i != top.i and u.head.i != u.i:
        out.append(u)
        u = u.head
    return out


def _base_sector(m) -> str | None:
    """A known group keeps its own sector: "RSF forces" is the RSF (REB), not MIL from the word 'forces'."""
    aid = m.actor_id or ""
    if aid.startswith("ew:-:") or re.fullmatch(r"ew:[A-Z]{3}:[A-Z]+", aid):
        return m.sector
    try:
        from eventwire.kb import load_kb

        return load_kb().actor(aid).sector or m.sector
    except Exception:  # noqa: BLE001 - an id the index does not hold: keep the mention's sector
        return m.sector


def _unknown_name(m, doc, mentions: list) -> bool:
    """A generic force word that is part of a name the KB does not resolve: capitalised inside the sentence
    ("the 7th Brigade", "Arakan Army") or right after uncovered proper nouns ("Libya Dawn forces")."""
    toks = [t for t in doc if m.start <= t.idx < m.end]
    if not toks:
        return False
    head = toks[-1]
    if head.i != head.sent.start and head.text[:1].isupper() and not head.is_upper:
        return True
    i = toks[0].i - 1
    while i >= 0 and doc[i].pos_ in ("PROPN", "PUNCT") and doc[i].text not in (",", "(", ")", ";"):
        t = doc[i]
        if t.pos_ == "PROPN" and not any(x.start < t.idx + len(t.text) and t.idx < x.end for x in mentions):
            return True
        i -= 1
    return False


def _side_of_tok(tok, mentions: list) -> Side | None:
    """The side a role head stands for: the resolved mention covering the head, else one inside its phrase
    ("fighters of the separatist coalition"). A pro-government modifier makes it state, a non-state one
    ("resistance forces", "clan fighters") non-state; a bare force word inside a name the KB does not know
    ("Arakan Army", "Libya Dawn forces") says nothing."""
    s, e = _phrase_span(tok)
    doc = tok.doc
    phrase = doc.text[s:e]
    w = _words("en")
    h0, h1 = tok.idx, tok.idx + len(tok.text)
    on_head = [m for m in mentions if m.start < h1 and h0 < m.end and m.sector]
    inside = [m for m in mentions if s <= m.start and m.end <= e and m.sector and m not in on_head]
    mods = [t for t in doc if s <= t.idx < e and t.i != tok.i]
    for m in on_head + inside:
        if _allied(phrase, "en"):
            return Side("state", phrase, f"{phrase!r} is named as pro-government (state affiliate)")
        if (m.actor_id or "").startswith("ew:-:"):
            nsm = [t.text for t in mods if t.lower_ in w["non_state_modifiers"] or t.lemma_.lower() in w["non_state_modifiers"]]
            if nsm:
                return Side("non", phrase, f"{phrase!r}: force word with non-state modifier {nsm[0]!r}")
            if m.sector in STATE_SECTORS and _unknown_name(m, doc, mentions):
                return None  # "Arakan Army", "Libya Dawn forces": a named organisation the KB does not know
        side = _sector_side(m, "en")
        if side:
            return side
    if _allied(phrase, "en") and tok.pos_ in ("NOUN", "PROPN"):
        return Side("state", phrase, f"{phrase!r} is named as pro-government (state affiliate)")
    return None


def _expand(tok, v) -> list[tuple[Any, str]]:
    """Role head -> the heads it stands for: conjuncts, a pronoun's antecedent (roles.subject_of), the head of
    a relative clause for 'who/which'."""
    from eventwire.coding.roles import subject_of, with_conjuncts

    if tok.lower_ in _words("en")["relative_pronouns"] and v.dep_ == "relcl":
        return [(x, "relative-clause subject") for x in with_conjuncts(v.head)]
    if tok.pos_ == "PRON":
        return [(x, r) for x, r in subject_of(tok, v, "parse")]
    out = []
    for x in with_conjuncts(tok):  # "The White Army, a Nuer youth militia, ...": the apposition says what it is
        out += [(x, "")] + [(a, "apposition") for a in x.children if a.dep_ == "appos" and a.pos_ in ("NOUN", "PROPN")]
    return out


def _owner(x, v, mentions: list) -> tuple[bool, Side | None]:
    """"The RSF said its forces had taken ...": a force word owned by a pronoun stands for the pronoun's
    antecedent, the subject of the reporting verb above. (True, side) when the head has such an owner."""
    if not any(c.dep_ == "poss" and c.lower_ in _words("en")["possessive_pronouns"] for c in x.children):
        return False, None
    w = _words("en")
    u = v
    for _ in range(5):
        if u.head.i == u.i:
            break
        u = u.head
        if _lemma_in(u, w["report_verbs"]):
            subj = [c for c in u.children if c.dep_ == "nsubj"]
            if subj:
                s = _side_of_tok(subj[0], mentions)
                if s is None:  # "A Kachin Independence Army spokesman": the group inside the phrase
                    for c in subj[0].children:
                        if c.dep_ in ("compound", "poss", "nmod"):
                            s = s or _side_of_tok(c, mentions)
                return True, s and replace(s, reason=f"{x.text!r} owned by {_poss_text(x)!r} -> {s.reason}")
            break
    return True, None


def _poss_text(x) -> str:
    return next(c.text for c in x.children if c.dep_ == "poss")


def _sides(toks: list, v, mentions: list) -> Side | None:
    sides = []
    for t in toks:
        for x, _ in _expand(t, v):
            owned, s = _owner(x, v, mentions)
            if not owned:
                s = _side_of_tok(x, mentions)
            if s:
                sides.append(s)
    return _combine(sides)


def _pobjs(prep) -> list:
    return [p for p in prep.children if p.dep_ == "pobj"]


def _holder(p, w) -> list:
    """"from the hands of X" -> X; "from X" -> X."""
    if p.lower_ in w["holder_nouns"]:
        inner = [q for c in p.children if c.dep_ == "prep" and c.lower_ == "of" for q in _pobjs(c)]
        if inner:
            return inner
    return [p]


def _again(v, w) -> str | None:
    if _lemma_in(v, w["again"]) or (v.pos_ == "NOUN" and _lemma_in(v, w["again_nouns"])):
        return v.text
    for c in v.children:
        if c.dep_ in ("prt", "advmod") and c.lower_ in w["again_particles"]:
            return f"{v.text} {c.text}"
        if c.dep_ == "dobj" and c.lower_ == "control":  # "took control ... again", "took back control"
            for d in c.children:
                if d.dep_ in ("advmod", "prt") and d.lower_ in w["again_particles"]:
                    return f"{v.text} {c.text} {d.text}"
    return None


def _opponents(v, w) -> list:
    """The other side of the fighting around the takeover ("after clashes with X", "after fighting X")."""
    out = []
    for t in v.subtree:
        if t.i == v.i:
            continue
        if _lemma_in(t, w["fight"]):
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in w["opponent_preps"]:
                    out += _pobjs(c)
                elif c.dep_ == "dobj" and t.pos_ == "VERB":
                    out.append(c)
    return out


def _withdrawers(v, w) -> list:
    """Subjects of a withdrawal clause hanging on the takeover ("after government forces fell back")."""
    out = []
    for c in v.children:
        if c.dep_ in ("advcl", "conj") and c.pos_ == "VERB" and _lemma_in(c, w["withdraw"]) and not _lemma_in(c, w["take"]):
            out += [s for s in c.children if s.dep_ == "nsubj"]
        elif c.dep_ == "prep" and c.lower_ in w["after_preps"]:
            for p in _pobjs(c):
                if p.pos_ == "NOUN" and _lemma_in(p, w["withdraw"] | w["withdraw_nouns"]):
                    out += [q for d in p.children if d.dep_ == "prep" and d.lower_ == "of" for q in _pobjs(d)]
                    out += [d for d in p.children if d.dep_ == "poss"]
    return out


def _reported(u, w) -> bool:
    """The clause is (coordinated with) the complement of a reporting verb ("the army said it had retaken")."""
    for _ in range(4):
        if u.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or u.head.i == u.i:
            return False
        u = u.head
        if _lemma_in(u, w["report_verbs"]):
            return True
    return False


def _background(v, w) -> bool:
    """An earlier takeover told as background: a relative clause, a pluperfect that is not reported speech
    ("said it had taken" is the report itself), or an after/since clause ("days after jihadists overran")."""
    u = v
    for _ in range(6):
        if u.dep_ == "relcl":
            return True
        if any(c.dep_ == "aux" and c.lower_ == "had" for c in u.children) and not _reported(u, w):
            return True
        if u.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in w["background_marks"] for c in u.children) \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in u.children):
            return True  # "days after jihadists overran it"; a subjectless "after capturing X" is the same side's act
        if u.head.i == u.i or u.dep_ not in ("conj", "ccomp", "xcomp", "aux"):
            break
        u = u.head
    return False


def _predicates(doc, w) -> list[tuple[Any, str]]:
    out = []
    for t in doc:
        # a clause root with a subject is a verb even when tagged otherwise ("the army retook[NOUN] ...")
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT" and (
                t.pos_ not in ("NOUN", "PROPN") or any(c.dep_ == "nsubj" for c in t.children)):
            objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
            if _lemma_in(t, w["take"]):
                if any(o.lower_ in w["not_place_objects"] for o in objs if o.dep_ == "dobj"):
                    continue
                if _lemma_in(t, w["control_only"]) and not any(o.lower_ in w["control_objects"] for o in objs):
                    continue
                out.append((t, "take"))
            elif _lemma_in(t, w["expel"]) and any(c.dep_ in ("dobj", "nsubjpass") for c in t.children):
                out.append((t, "expel"))
            elif _lemma_in(t, w["fall"]) and any(c.dep_ == "prep" and c.lower_ in w["fall_preps"] for c in t.children):
                out.append((t, "fall"))
            elif _lemma_in(t, w["lose"]) and any(c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in t.children):
                out.append((t, "lose"))
            elif any(o.dep_ == "dobj" and o.lower_ in w["path_objects"] for o in objs) and any(
                    c.dep_ in ("prep", "advmod") and c.lower_ in w["path_preps"]
                    for x in (t, *objs) for c in x.children):
                out.append((t, "take"))  # "shot their way into the town"
        elif t.pos_ == "NOUN" and _lemma_in(t, w["take_nouns"]):
            if t.lower_ == "control" and not (t.dep_ == "dobj" and _lemma_in(t.head, w["announce_verbs"])):
                continue
            if any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in {"by", "to"} | w["source_preps"] for c in t.children) \
                    or t.dep_ == "dobj" and _lemma_in(t.head, w["announce_verbs"]):
                out.append((t, "noun"))
    return out


def _holds(doc, w) -> list[tuple[Any, Any, bool]]:
    """(holder head, phrase noun, earlier) for "in rebel hands", "under government control", "in the hands of
    X", "X were in control of": earlier when the phrase is background (relative clause, pluperfect)."""
    out = []
    for t in doc:
        if t.lower_ not in w["hold_nouns"] or t.dep_ != "pobj" or t.head.lower_ not in w["hold_preps"]:
            continue
        holders = [c for c in t.children if c.dep_ in ("compound", "amod", "poss")]
        # "in the hands of X", "under the control of X" (but "in control of X": X is the place)
        holders += [q for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for q in _pobjs(c)
                    if t.lower_ != "control" or t.head.lower_ == "under"]
        v = t.head.head
        if not holders and t.lower_ == "control" and v.pos_ in ("AUX", "VERB"):
            holders = [c for c in v.children if c.dep_ == "nsubj"]  # "the rebels were in control of X"
        for h in holders:
            out.append((h, t, _background(v, w) if v.pos_ in ("AUX", "VERB") else v.dep_ in ("relcl", "acl")))
    return out


def _roles(v, kind: str, w) -> tuple[list, list]:
    """(winner heads, loser heads) of one takeover predicate."""
    win: list = []
    lose: list = []
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)
    for c in v.children:
        if kind in ("take", "expel") and c.dep_ == "nsubj":
            win.append(c)
        elif kind in ("take", "expel") and c.dep_ == "agent":
            win += _pobjs(c)
        elif kind == "take" and c.dep_ == "prep" and c.lower_ in w["source_preps"]:
            lose += [h for p in _pobjs(c) for h in _holder(p, w)]
        elif kind == "expel" and c.dep_ == "dobj":
            lose.append(c)
        elif kind == "expel" and c.dep_ == "nsubjpass":
            lose.append(c)
        elif kind == "fall" and c.dep_ == "prep" and c.lower_ in w["fall_preps"]:
            for p in _pobjs(c):  # "fell to X", "fell into the hands of X", "came under the control of X"
                win += _holder(p, w)
        elif kind == "lose" and c.dep_ == "nsubj":
            lose.append(c)
        elif kind == "lose" and c.dep_ in ("prep", "dative") and c.lower_ == "to":
            win += _pobjs(c)
        elif kind == "noun" and c.dep_ == "poss":
            win.append(c)
        elif kind == "noun" and c.dep_ == "prep" and c.lower_ in ("by", "to"):
            win += _pobjs(c)  # "the capture of X by Y", "the fall of X to Y"
        elif kind == "noun" and c.dep_ == "prep" and c.lower_ in w["source_preps"]:
            lose += [h for p in _pobjs(c) for h in _holder(p, w)]
        elif kind == "take" and c.dep_ == "dobj":
            for d in c.children:  # "wrested control of X from Y": 'from' on the object
                if d.dep_ == "prep" and d.lower_ in w["source_preps"]:
                    lose += [h for p in _pobjs(d) for h in _holder(p, w)]
    if kind == "noun" and not win and v.dep_ == "dobj" and _lemma_in(v.head, w["announce_verbs"]):
        win += [c for c in v.head.children if c.dep_ == "nsubj"]  # "X announced the capture of Y"
    if kind in ("take", "expel") and not win and not passive:
        u = v  # "X said it had retaken", "took control ... and set up": climb to a shared subject
        for _ in range(3):
            if u.dep_ == "pcomp" and u.head.dep_ == "prep":  # "after driving out X": the clause's subject
                u = u.head
            if u.dep_ not in ("conj", "xcomp", "advcl", "prep") or u.head.i == u.i:
                break
            u = u.head
            subj = [c for c in u.children if c.dep_ == "nsubj"]
            if subj:
                win += subj
                break
    return win, lose


@lru_cache(maxsize=1)
def _nlp():
    from eventwire.backends.nlp import spacy_en

    return spacy_en()


def _english(text: str, mentions: list) -> tuple[str | None, str]:
    w = _words("en")
    letters = [c for c in text if c.isalpha()]
    caps = len(letters) > 10 and sum(c.isupper() for c in letters) > 0.8 * len(letters)
    # an all-capitals headline parses badly: parse it in sentence case (same length, same offsets)
    doc = _nlp()(text[:1] + text[1:].lower() if caps else text)
    preds = _predicates(doc, w)
    holds = _holds(doc, w)
    if not preds and not any(not bg for _, _, bg in holds):
        # the small parser mis-tags some verbs ("retook" as a noun in "forces and VDP retook X"): fall back to
        # the word-order rules with English phrase patterns (territory.yaml rules_*)
        if any(t.pos_ in ("VERB", "AUX") and _lemma_in(t, w["take"] | w["expel"]) for t in doc):
            return None, "no takeover predicate found in the parse (a take-verb whose object is no place)"
        label, why = _rules(text, "en", [m for m in mentions if m.sector], prefix="rules_")
        return label, ("no takeover predicate in the parse; " + why) if label else "no takeover predicate found in the parse"
    sent_of = {s.start: k for k, s in enumerate(doc.sents)}
    main, earlier = [], []
    for v, kind in preds:
        key = (sent_of.get(v.sent.start, 0), len(list(v.ancestors)), v.i)
        # an expel clause ("after driving out X") is the same side's act, never an earlier takeover
        bg = _background(v, w) and (kind != "expel" or any(c.dep_ == "aux" and c.lower_ == "had" for c in v.children))
        (earlier if bg else main).append((key, v, kind))
    main.sort(key=lambda x: x[0])
    # the winner of an earlier takeover ("militants who had seized it") is who lost the place now
    prior = [x for _, v, kind in earlier for x in _roles(v, kind, w)[0]] + [h for h, _, bg in holds if bg]
    last = ""
    for _, v, kind in main:
        win, lose = _roles(v, kind, w)
        winner = _sides(win, v, mentions)
        loser = _sides(lose, v, mentions)
        if loser is None:
            extra = _withdrawers(v, w) + (_opponents(v, w) if winner is None or winner.side == "state" else [])
            loser = _sides(extra, v, mentions)
            if loser is not None:
                loser = replace(loser, reason=loser.reason + " (other side of the fighting / withdrew)")
        if loser is None and prior:
            loser = _sides(prior, v, mentions)
            if loser is not None:
                loser = replace(loser, reason=loser.reason + " (held it before: earlier takeover in the text)")
        label, why = _decide(winner, loser, _again(v, w), v.text)
        if label:
            return label, f"parse: {why}"
        last = last or f"parse: {why}"
    for h, t, bg in holds:  # "Mweso is back in government hands", "the rebels were in control of X"
        side = None if bg else _sides([h], t.head.head, mentions)
        if side is not None:
            label = GOV if side.side == "state" else NSA
            return label, f"parse: holder of the place ('{t.head.text} ... {t.text}'): {side.reason}"
    if not main:
        return None, "parse: only earlier (background) takeovers in the text"
    return None, last


# ---------------------------------------------------------------- other languages (rules)

KEYS = ("take", "again", "expel", "source_markers", "held_markers", "held_inside")
MAX_VSO_GAP = 4  # tokens between a verb and a subject found after it (a farther one is another clause's)


def _matcher(lang: str, prefix: str = ""):
    """Phrase patterns of territory.yaml keys `prefix + KEYS` (labelled by the bare key); None if it lists none."""
    from eventwire.coding.lexicon import cue_matcher

    m = cue_matcher(lang, "territory", KEYS, prefix)
    return None if m is None or m.empty else m


def _rules(text: str, lang: str, mentions: list, prefix: str = "") -> tuple[str | None, str]:
    from eventwire.coding.lexicon import tokenize
    from eventwire.coding.roles import Candidate, rule_roles

    matcher = _matcher(lang, prefix)
    if matcher is None:
        return None, f"no territory cues for {lang!r}"
    d = _data(lang)
    # an acronym keeps its capitals, so "IS militants" never reads as the passive auxiliary "is"
    letters = [c for c in text if c.isalpha()]
    caps = sum(c.isupper() for c in letters) > 0.8 * max(len(letters), 1)
    toks = [replace(t, text=text[t.start:t.end]) if not caps and len(t.text) > 1 and text[t.start:t.end].isupper()
            else t for t in tokenize(text, lang)]
    hits = matcher.find(toks)
    held = [h for h in hits if h.label in ("held_markers", "held_inside")]
    # a take-verb inside a 'held by' phrase ("militanların ele geçirdiği", "bị nhóm vũ trang chiếm giữ") is the
    # earlier takeover, not the reported one
    preds = sorted((h for h in hits if h.label in ("take", "again", "expel")
                    and not any(x.first <= h.first <= x.last for x in held)), key=lambda h: (h.first, -h.last))
    if not preds:
        return None, f"rules({lang}): no takeover phrase"
    by_span = {(m.start, m.end): m for m in mentions}
    again = next((text[h.start:h.end] for h in hits if h.label == "again"), None)
    # a party after a 'from' / 'held by' marker lost the place ("de manos de", "у боевиков", "elindeki")
    losers = []
    for h in hits:
        if h.label == "source_markers":
            nxt = [m for m in mentions if m.start >= h.end and m.start - h.end <= 12]
            losers += [(m, f"after {text[h.start:h.end]!r}") for m in nxt[:1]]
        elif h.label == "held_markers":  # a postposed 'held by' marker follows its holder ("militanların elindeki")
            prv = [m for m in mentions if m.end <= h.start and h.start - m.end <= 3]
            losers += [(m, f"before {text[h.start:h.end]!r}") for m in prv[-1:]]
        elif h.label == "held_inside":  # "bị <holder> chiếm giữ"
            losers += [(m, f"holder in {text[h.start:h.end]!r}") for m in mentions if h.start < m.start and m.end < h.end][:1]
    # the other side of the fighting, marked by case ("ordu birlikleriyle"): never the winner
    opp_suf = tuple(str(x) for x in d.get("opponent_suffixes") or ())
    opponents = [m for m in mentions if opp_suf and m.text.lower().endswith(opp_suf)]
    out_of_pool = {id(m) for m, _ in losers} | {id(m) for m in opponents}
    cands = [Candidate(m.start, m.end, m.text, m) for m in mentions if id(m) not in out_of_pool]
    last = ""
    for h in preds:
        if h.label == "again" and any(p.label == "take" and p.first <= h.first <= p.last for p in preds):
            continue
        verb = text[h.start:h.end]
        a_sp, r_sp = rule_roles(lang, "COERCE", toks, text, 0, h.start, h.end, cands)
        # a subject found after the verb must be close to it (VSO); farther on it belongs to another clause
        a_sp = [a for a in a_sp if a.start < h.start
                or len([t for t in toks if h.end <= t.start < a.start]) <= MAX_VSO_GAP]
        winners = [by_span[(a.start, a.end)] for a in a_sp if (a.start, a.end) in by_span]
        stops = tuple((x.start, x.end) for x in hits) + tuple((x.start, x.end) for x in mentions)
        sides = [s for m in winners for s in [_side_of_mention(m, lang, text, stops)] if s]
        winner = _combine(sides)
        if winner is not None:
            winner = replace(winner, reason=winner.reason + f" [{a_sp[0].reason}]")
        lost = list(losers)
        if h.label == "expel":
            lost += [(by_span[(r.start, r.end)], r.reason) for r in r_sp if (r.start, r.end) in by_span]
        lost += [(m, "other side of the fighting (case-marked)") for m in opponents]
        lsides = [replace(s, reason=s.reason + f" [{why}]") for m, why in lost
                  for s in [_side_of_mention(m, lang, text, stops)] if s]
        loser = _combine(lsides)
        label, why = _decide(winner, loser, again, verb)
        if label:
            return label, f"rules({lang}): {why}"
        last = last or f"rules({lang}): {why}"
    return None, last
