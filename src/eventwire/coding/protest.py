"""Protest severity: were the demonstrators violent, and how serious was the authorities' intervention?

ACLED's protest sub-types differ by who was violent and how hard the state hit back, which bag-of-words
features confuse ("police fired tear gas at stone-throwing protesters" and "protesters were tear-gassed"
share most words):
- PEACE_PROTEST: peaceful demonstrators, no intervention;
- PROTEST_WITH_INTER: peaceful demonstrators, authorities intervene without lethal or serious harm (arrests,
  tear gas, water cannon, rubber bullets, dispersal);
- FORCE_AGAINST_PROTEST: peaceful demonstrators met with lethal force or serious injury;
- VIOL_DEMONSTR: the demonstrators themselves were violent or destructive, whatever the police did.
MOB_VIOL (crowd violence that is no demonstration) is left to the classifier.

The reading:
- English: the spaCy parse. Demonstrator violence is a violent act whose subject or passive "by" agent is a
  demonstrator or the gathering ("protesters threw stones", "shops were looted by rioters"), a clash of
  demonstrators with anyone ("demonstrators clashed with police", "clashes between protesters and police":
  reciprocal fighting counts as the demonstrators' violence), a gathering that "turned violent", or rioters
  named. A crowd stands for the demonstrators only when the text names a demonstration too. Force is a force
  verb whose subject or agent is a security head (or an arrest-like passive with no agent) and whose object
  or victim is a demonstrator or the gathering; it is lethal with a killing verb on demonstrator victims
  ("killing two protesters", "protesters were shot dead"), live fire ("live ammunition", "opened fire on"),
  or a death / serious-harm word anywhere in the text (victims are often named only by number); otherwise
  non-lethal. Acts under "since" or a commemorating verb are background. "No violence" needs the text to
  hold no violence word the parse did not place (resources/lang/en/protest.yaml `violence_hints`); "no
  intervention" needs a phrase saying so and no force word.
- Other languages: phrase lists (resources/lang/<code>/protest.yaml) and one proximity rule: a demonstrator
  word and a violent act / lethal victim word within `window` tokens of each other in the same clause
  (no . ; : ! ? between); force phrases anywhere in a snippet that names demonstrators or a gathering,
  except next to a no-intervention phrase; a negator up to two tokens before a phrase cancels it. An unplaced
  violence word makes "no violence" unsure, a death word away from the demonstrators "non-lethal".
The answer is None whenever the structure does not say: precision matters far more than coverage.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from eventwire.resources import lang_file, lang_word_sets

PEACE = "PEACE_PROTEST"
INTER = "PROTEST_WITH_INTER"
FORCE = "FORCE_AGAINST_PROTEST"
VIOL = "VIOL_DEMONSTR"
LABELS = (PEACE, INTER, FORCE, VIOL)


@dataclass(frozen=True)
class ProtestReading:
    demonstrators_violent: bool | None  # None: the text does not say
    intervention: str | None  # None | "none" | "nonlethal" | "lethal"
    reasons: tuple[str, ...] = ()


def protest_label(reading: ProtestReading) -> str | None:
    """One of the four protest labels the reading settles, or None. Demonstrator violence decides alone
    (ACLED: whatever the police did); the other three need demonstrators read as not violent."""
    if reading.demonstrators_violent:
        return VIOL
    if reading.demonstrators_violent is False:
        return {"none": PEACE, "nonlethal": INTER, "lethal": FORCE}.get(reading.intervention or "")
    return None


def _data(lang: str) -> dict[str, Any]:
    return lang_file(lang, "protest") or {}


def _words(lang: str) -> dict[str, frozenset[str]]:
    return lang_word_sets(lang, "protest")


@lru_cache(maxsize=1)
def _force_need() -> dict[str, frozenset[str]]:
    """English force verbs that count only with one of these objects (protest.yaml `force_need`)."""
    return {k: frozenset(str(x).lower() for x in v) for k, v in (_data("en").get("force_need") or {}).items()}


def languages() -> list[str]:
    """Languages with a protest.yaml (English needs the spaCy parse besides)."""
    from eventwire.resources import all_lang_files

    return sorted(all_lang_files("protest"))


def protest_reading(text: str, lang: str | None = None) -> ProtestReading:
    """Who was violent and how serious the intervention was, for a snippet reporting a demonstration."""
    if not text or not text.strip():
        return ProtestReading(None, None, ("empty text",))
    if lang is None:
        from eventwire.backends.langid import identify

        lang = identify(text)[0]
    if not _data(lang):
        return ProtestReading(None, None, (f"no protest.yaml for language {lang!r}",))
    if lang == "en":
        from eventwire.errors import MissingDependency

        try:
            return _english(text)
        except MissingDependency as exc:  # no parse, no structure: say so rather than guess
            return ProtestReading(None, None, (f"no English parse: {exc}",))
    return _rules(text, lang)


def _has(text: str, phrases) -> list[str]:
    """The listed words / phrases found in text (word edges; lowercase)."""
    low = text.lower()
    return [p for p in phrases if re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", low)]


def _decide(violent: list[str], force: list[str], lethal: list[str], text: str, lang: str,
            shown: list[str]) -> ProtestReading:
    """The reading from the acts found. `shown`: violence words an act already placed (not unplaced hints);
    without a placed lethal act, a death or serious-harm word anywhere makes the force read lethal (victims
    are often named only by number: "killing at least five", "1 fatality")."""
    w = _words(lang)
    reasons: list[str] = []
    if violent:
        dv: bool | None = True
        reasons += violent
    else:
        low = text.lower()
        for p in w.get("not_violence", ()):  # "riot police", "non-violent": no violence said
            low = low.replace(p, " ")
        hints = [h for h in _has(low, w.get("violence_hints", ())) if h not in shown]
        dv = None if hints else False
        reasons.append(f"unplaced violence words {hints[:3]}" if hints else "no violence word in the text")
    low = text.lower()
    for p in w.get("not_lethal", ()):  # "no fatalities", "over the killing of a colleague"
        low = low.replace(p, " ")
    deaths = _has(low, w.get("lethal_hints", ()))
    if lethal:
        inter: str | None = "lethal"
        reasons += lethal + force
    elif force and deaths:  # victims named only by number or by name: the force read was the lethal one
        inter = "lethal"
        reasons += force + [f"death or serious harm in the text: {deaths[:3]}"]
    elif force:
        inter = "nonlethal"
        reasons += force + ["no death or serious harm in the text"]
    else:
        low = text.lower()
        said = _has(low, w.get("no_intervention", ()))
        for s in said:
            low = low.replace(s, " ")
        hints = _has(low, w.get("intervention_hints", ()))
        inter = "none" if said and not hints else None
        reasons.append(f"no intervention: {said[0]!r}" if inter else
                       f"intervention unsure (force words {hints[:3]} not placed)" if hints else "no intervention said")
    return ProtestReading(dv, inter, tuple(reasons))


# ---------------------------------------------------------------- English (spaCy parse)

@lru_cache(maxsize=1)
def _nlp():
    from eventwire.backends.nlp import spacy_en

    return spacy_en()


def _is(tok, words: frozenset[str]) -> bool:
    from eventwire.coding.roles import base_forms

    low = tok.lower_
    return (tok.lemma_ or "").lower() in words or low in words or bool(base_forms(low) & words)


def _conj(tok) -> list:
    """The head, its conjuncts, and what a quantity or part stands for ("dozens of protesters", "some of
    the marchers", "a group of students protesting")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "NUM"):
            out += _conj(c)
        elif c.dep_ == "prep" and c.lower_ == "of" and tok.pos_ in ("NOUN", "NUM", "PRON", "ADJ", "DET"):
            out += [x for p in c.children if p.dep_ == "pobj" for x in _conj(p)]
    return out


def _demonstrator(tok, w) -> bool:
    """A demonstrator head: a listed noun, or a noun with a protest participle / relative clause ("students
    protesting", "workers who marched"), or the subject of a protest verb's noun ("the protesting crowd")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if _is(tok, w["demonstrators"]):
        return True
    for c in tok.children:
        if c.dep_ in ("acl", "relcl") and _is(c, w["protest_verbs"]):
            return True
        if c.dep_ == "amod" and c.lower_.endswith("ing") and _is(c, w["protest_verbs"]):
            return True
    return False


def _gathering(tok, w) -> bool:
    """The gathering itself ("the march"), or a crowd in a text about a demonstration."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    return _is(tok, w["gatherings"]) or _is(tok, w["crowds"]) and bool(tok.doc.user_data.get("protest"))


def _security(tok, w) -> bool:
    """A security head ("police", "riot police", "security forces"), not a demonstrator."""
    return tok.pos_ in ("NOUN", "PROPN") and _is(tok, w["security"]) and not _demonstrator(tok, w)


def _subjects(v) -> tuple[list, list]:
    """(active subjects, passive "by" agents) of a verb; a subjectless conjunct / purpose / participle
    clause ("police fired tear gas to disperse protesters", "..., killing two") takes its head's subject, a
    relative pronoun its antecedent ("a crowd that had stoned vehicles")."""
    subj = [x for c in v.children if c.dep_ == "nsubj" for x in _conj(c)]
    if v.dep_ == "relcl" and any(x.lower_ in ("who", "that", "which") for x in subj):
        subj = [x for x in subj if x.lower_ not in ("who", "that", "which")] + _conj(v.head)
    agents = [x for c in v.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj" for x in _conj(p)]
    u = v
    for _ in range(3):
        if subj or agents or any(c.dep_ == "nsubjpass" for c in u.children):
            break
        if u.dep_ not in ("conj", "xcomp", "advcl", "acl") or u.head.i == u.i:
            break
        u = u.head
        subj = [x for c in u.children if c.dep_ == "nsubj" for x in _conj(c)]
        agents = [x for c in u.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj" for x in _conj(p)]
    return subj, agents


def _objects(v, preps: tuple[str, ...] = ("on", "at", "into", "against")) -> list:
    """Object, passive subject, and "on/at/into/against" objects (also on the direct object: "fired tear gas
    at them") of a verb."""
    out = [x for c in v.children if c.dep_ in ("dobj", "nsubjpass") for x in _conj(c)]
    for h in (v, *[c for c in v.children if c.dep_ == "dobj"]):
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                out += [x for p in c.children if p.dep_ == "pobj" for x in _conj(p)]
    return out


def _background(v, w) -> bool:
    """An earlier act told as background: under a "since" clause or a commemorating verb."""
    u = v
    for _ in range(5):
        if any(c.dep_ == "mark" and c.lower_ in w["background_marks"] for c in u.children):
            return True
        if u.i != v.i and _is(u, w["commemorate"]):
            return True
        if u.head.i == u.i:
            break
        u = u.head
    return False


def _negated(v) -> bool:
    return any(c.dep_ == "neg" for c in v.children)


def _phrase(v) -> str:
    return v.doc[max(v.i - 4, v.sent.start):min(v.i + 6, v.sent.end)].text


def _harm_words(v) -> set[str]:
    """Lemmas of a verb's object heads (with conjuncts), particles, prepositions with their object heads and
    complements: "set fire to", "set a car ablaze", "broke into", "burned a police post" (but "burned an
    effigy of the police chief" names no harm)."""
    out = set()
    for c in v.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr"):
            out |= {x.lemma_.lower() for x in _conj(c)} | {x.lower_ for x in _conj(c)}
        elif c.dep_ in ("prt", "acomp", "oprd", "advmod", "xcomp", "ccomp"):
            out |= {c.lower_, c.lemma_.lower()}
        elif c.dep_ == "prep":
            out |= {c.lower_} | {p.lemma_.lower() for p in c.children if p.dep_ == "pobj"}
    return out


def _near_words(v) -> set[str]:
    """Lower-case words of a verb's own phrase: particles, objects and their modifiers, preposition objects."""
    out = set()
    for c in v.children:
        if c.dep_ in ("dobj", "prt", "acomp", "oprd", "advmod", "prep", "npadvmod", "ccomp", "xcomp", "attr",
                      "nsubjpass", "dative"):
            out |= {t.lower_ for t in c.subtree}
    return out


def _english(text: str) -> ProtestReading:
    w = _words("en")
    need = _force_need()
    letters = [c for c in text if c.isalpha()]
    caps = len(letters) > 10 and sum(c.isupper() for c in letters) > 0.8 * len(letters)
    # an all-capitals headline parses badly: parse it in sentence case (same length, same offsets)
    doc = _nlp()(text[:1] + text[1:].lower() if caps else text)
    if not any(_demonstrator(t, w) or _gathering(t, w) or t.pos_ == "VERB" and _is(t, w["protest_verbs"]) for t in doc):
        return ProtestReading(None, None, ("no demonstrator or gathering named",))
    doc.user_data["protest"] = True  # a crowd now stands for the demonstrators (see _gathering)
    violent: list[str] = []
    force: list[str] = []
    lethal: list[str] = []
    shown: list[str] = []  # violence words the parse placed (never "unplaced hints")
    for v in doc:
        if v.pos_ == "NOUN" and _is(v, w["violent_nouns"]) and v.dep_ not in ("compound", "amod"):
            violent.append(f"demonstrators named {v.text!r}")
        if v.pos_ == "NOUN" and _is(v, w["clash_words"]):
            sides = [x for c in v.children if c.dep_ == "prep" and c.lower_ in ("between", "with", "among")
                     for p in c.children if p.dep_ == "pobj" for x in _conj(p)]
            if any(_demonstrator(x, w) for x in sides) or (
                    sides and any(_security(x, w) for x in sides) and v.head.pos_ in ("VERB", "AUX")
                    and any(_demonstrator(s, w) or _gathering(s, w) for s in _subjects(v.head)[0])):
                violent.append(f"clash of demonstrators: {_phrase(v)!r}")
                shown += [v.lower_, v.lemma_.lower()]
        if v.pos_ not in ("VERB", "AUX") or _negated(v) or _background(v, w):
            continue
        subj, agents = _subjects(v)
        doers = subj + agents
        near = _near_words(v)
        # demonstrator violence
        if _is(v, w["violent_verbs"]) and any(_demonstrator(x, w) or _gathering(x, w) for x in doers):
            if not _is(v, w["violent_need_object"]) or _harm_words(v) & w["harm_objects"]:
                violent.append(f"demonstrator {'agent' if agents else 'subject'} of {v.text!r}: {_phrase(v)!r}")
                shown += [v.lower_]
                continue
        if _is(v, w["clash_words"]):
            others = _objects(v, ("with", "against"))
            if any(_demonstrator(x, w) or _gathering(x, w) for x in doers) or (
                    any(_security(x, w) for x in doers) and any(_demonstrator(x, w) for x in others)):
                violent.append(f"clash of demonstrators: {_phrase(v)!r}")
                shown += [v.lower_]
                continue
        if _is(v, w["turn_verbs"]) and any(_demonstrator(x, w) or _gathering(x, w) for x in subj) \
                and near & w["turn_results"]:
            violent.append(f"the gathering {v.text} {sorted(near & w['turn_results'])[0]}: {_phrase(v)!r}")
            shown += sorted(near & w["turn_results"])
            continue
        # force on demonstrators
        if not _is(v, w["force_verbs"]):
            continue
        lem = next((k for k in need if _is(v, frozenset({k}))), None)
        if lem is not None and not ({_base(x) for x in near} & need[lem]):
            continue
        victims = [x for x in _objects(v) if _demonstrator(x, w) or _gathering(x, w)]
        if not victims and lem == "use":  # "used tear gas to disperse the protesters": the purpose clause's object
            victims = [x for c in v.children if c.dep_ in ("xcomp", "advcl") for x in _objects(c)
                       if _demonstrator(x, w) or _gathering(x, w)]
        if not victims:
            continue
        if any(_demonstrator(x, w) for x in doers):
            continue  # demonstrators acting on a gathering or each other: not the authorities' force
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)
        by_security = any(_security(x, w) for x in doers)
        implied = passive and not agents and _is(v, w["implied_authority"])
        lethal_verb = _is(v, w["lethal_verbs"]) and (
            not _is(v, w["lethal_need_marker"]) or bool(near & w["lethal_markers"]))
        if not (by_security or implied or lethal_verb and passive and not agents):
            continue
        nonlethal = {_base(x) for x in near} & w["nonlethal"]
        live = near & w["live_fire"] or lem == "open"
        what = f"{'security' if by_security else 'passive'} {v.text!r} on {victims[0].text!r}: {_phrase(v)!r}"
        # a killing verb needs demonstrator victims; live fire on the gathering is lethal force too
        if not nonlethal and (lethal_verb and any(_demonstrator(x, w) for x in victims) or live):
            lethal.append("lethal: " + what)
        else:
            force.append("force: " + what)
    return _decide(violent, force, lethal, text, "en", shown)


def _base(word: str) -> str:
    """Crude singular ("bullets" -> "bullet", "canisters" -> "canister") for the small object lists."""
    return word[:-1] if word.endswith("s") and len(word) > 3 and not word.endswith("ss") else word


# ---------------------------------------------------------------- other languages (rules)

KEYS = ("demonstrators", "gatherings", "violent", "force", "nonlethal", "lethal", "live_fire", "no_intervention",
        "violence_hints", "intervention_hints", "negators")
BREAK = re.compile(r"[.;:!?؛。]")


def _matcher(lang: str):
    """Phrase patterns of protest.yaml's KEYS; None if it lists none."""
    from eventwire.coding.lexicon import cue_matcher

    m = cue_matcher(lang, "protest", KEYS)
    return None if m is None or m.empty else m


def _rules(text: str, lang: str) -> ProtestReading:
    """Phrase lists and proximity: demonstrator violence and lethal victims need a demonstrator word within
    `window` tokens in the same clause; a negator just before a phrase cancels it."""
    from eventwire.coding.lexicon import tokenize

    matcher = _matcher(lang)
    if matcher is None:
        return ProtestReading(None, None, (f"no protest cues for {lang!r}",))
    toks = tokenize(text, lang)
    hits = matcher.find(toks)
    window = int(_data(lang).get("window", 6))
    negs = [h for h in hits if h.label == "negators"]

    def negated(h) -> bool:
        return any(0 < h.first - n.last <= 2 for n in negs)

    def clause(i: int) -> int:
        return len(BREAK.findall(text[:toks[i].start])) if i < len(toks) else -1

    def by(label: str) -> list:
        return [h for h in hits if h.label == label and not negated(h)]

    demo = by("demonstrators")
    if not demo and not by("gatherings"):
        return ProtestReading(None, None, (f"rules({lang}): no demonstrator or gathering named",))

    def near_demo(h) -> bool:
        return any(clause(d.first) == clause(h.first)
                   and (abs(h.first - d.last) <= window or abs(d.first - h.last) <= window) for d in demo)

    def phrase(h) -> str:
        return text[h.start:h.end]

    violent = [f"rules({lang}): demonstrators near {phrase(h)!r}" for h in by("violent") if near_demo(h)]
    said = by("no_intervention")
    # a force word inside or next to a no-intervention phrase is the same phrase ("задержаний не было",
    # "s'est dispersé dans le calme")
    force = [f"rules({lang}): force {phrase(h)!r}" for h in by("force")
             if not any(s.first - 3 <= h.first <= s.last + 3 for s in said)]
    force += [f"rules({lang}): non-lethal means {phrase(h)!r}" for h in by("nonlethal")]
    lethal = [f"rules({lang}): demonstrator victims near {phrase(h)!r}" for h in by("lethal") if near_demo(h)]
    # a death word away from any demonstrator word: whose death is not said, so "non-lethal" is not sure
    far_deaths = [phrase(h) for h in by("lethal") if not near_demo(h)]
    lethal += [f"rules({lang}): live fire {phrase(h)!r}" for h in by("live_fire")]
    # violence hints that are their own phrase hits (not inside a placed one) keep "no violence" unsure
    placed = [(h.first, h.last) for h in by("violent") if near_demo(h)]
    hint_hits = [h for h in by("violence_hints") + [h for h in by("violent") if not near_demo(h)]
                 if not any(a <= h.first <= b for a, b in placed)]
    if hint_hits and not violent:
        return ProtestReading(None, "lethal" if lethal else "nonlethal" if force else None,
                              (f"rules({lang}): unplaced violence words {[phrase(h) for h in hint_hits][:3]}",)
                              + tuple(lethal + force))
    if violent:
        return ProtestReading(True, "lethal" if lethal else "nonlethal" if force else None,
                              tuple(violent + lethal + force))
    if lethal or force and not far_deaths:
        return ProtestReading(False, "lethal" if lethal else "nonlethal",
                              (f"rules({lang}): no violence word in the text",) + tuple(lethal + force))
    if force:
        return ProtestReading(False, None, (f"rules({lang}): force, and a death word {far_deaths[0]!r} whose "
                                            f"victims are not said",) + tuple(force))
    unsure = [h for h in by("intervention_hints") if not any(s.first <= h.first <= s.last for s in said)]
    if said and not unsure:
        return ProtestReading(False, "none",
                              (f"rules({lang}): no violence word; no intervention: {phrase(said[0])!r}",))
    return ProtestReading(False, None, (f"rules({lang}): no violence word; intervention not said",))
