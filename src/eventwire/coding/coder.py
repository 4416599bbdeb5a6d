"""Sentence -> events, for one analysed article (used by stages/events.py).

1. cheap pass: per-language trigger lexicon; sentences without a trigger are not coded;
2. the trained classifier (classifier.py) decides type(s), mode and contexts for the rest, in one batch;
3. roles (roles.py), size (numbers.py), modality / attribution / claims (modality.py), date and place from
   the other stages' annotations, CAMEO root, score and ACLED sub-type from the ontology data;
4. denials that point back at an earlier claim mark it; duplicates within the article
   (same type, actors, recipients, date, place) merge, keeping all evidence.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field, replace
from typing import Any

from eventwire.coding import ontology as onto
from eventwire.coding.classifier import Prediction, best_mode, best_type, load_model
from eventwire.coding.lexicon import Hit, Token, cue_matcher, tokenize, trigger_matcher
from eventwire.coding.modality import attribution_cues, decide_any, find_cues, is_denial_sentence
from eventwire.coding.numbers import extract_size
from eventwire.coding.roles import (Candidate, RoleSpan, claims_responsibility, english_roles, english_speaker,
                                    rule_roles)
from eventwire.model import AnalyzedArticle
from eventwire.resources import lang_file
from eventwire.model.event import Attribution, Event, EventActor, Evidence, Size

log = logging.getLogger(__name__)

TYPE_MIN = 0.30  # minimum probability for the top type
EXTRA_MIN = 0.25  # a second type in the same sentence needs this much and its own trigger
ALT_MIN = 0.15  # an uncertain top type gives way to a type whose own trigger fired, if at least this
PHRASE_LEN = 2  # a trigger spanning more than this many extra tokens is a verb-object phrase
CONTEXT_MIN = 0.35
CASUALTY_TYPES = {"ASSAULT"}
# trigger modes naming a measure imposed on an area (curfew, state of emergency): the place it is imposed
# "in" is its recipient (roles.rule_roles; the English parse rules use roles.yaml territorial_measures); an
# attack (CASUALTY_TYPES) with no named victim targets the place struck
AREA_MODES = {"curfew", "martial-law"}
ARREST_TYPES = {"COERCE", "PROTEST"}
DENIABLE = {"ASSAULT", "COERCE", "MOBILIZE", "THREATEN", "SANCTION", "ACCUSE", "PROTEST", "REQUEST", "AGREE",
            "CONSULT", "AID", "COOPERATE", "RETREAT", "CONCEDE", "SUPPORT"}
# when the classifier has no model, trigger types are ranked by this order on ties
TYPE_PRIORITY = ("ASSAULT", "COERCE", "PROTEST", "THREATEN", "SANCTION", "MOBILIZE", "ACCUSE", "REJECT",
                 "REQUEST", "RETREAT", "AID", "COOPERATE", "CONCEDE", "AGREE", "CONSULT", "SUPPORT")


@dataclass
class Work:
    index: int
    start: int
    end: int
    text: str
    tokens: list[Token]
    hits: list[Hit]
    pred: Prediction | None = None
    events: list[Event] = field(default_factory=list)

    @property
    def event_hits(self) -> list[Hit]:
        return [h for h in self.hits if not h.label.startswith("tag:")]

    @property
    def tags(self) -> set[str]:
        return {t for h in self.hits for t in h.pattern.tags}


# ---------------------------------------------------------------- helpers over other stages' output

def _in(span_start: int, span_end: int, w: Work) -> bool:
    return w.start <= span_start and span_end <= w.end


def dateline_end(w: Work, doc: AnalyzedArticle | None = None) -> int:
    """Article offset where a dateline opening the sentence ("ANKARA (Reuters) - ", "ISTANBUL/BEIRUT, Oct 27 -")
    ends, else the sentence start. Place names in a dateline are not event participants. The article's
    datelines come from eventwire.ingest.dateline (found once per article); without a doc, the sentence
    alone is checked."""
    from eventwire.ingest.dateline import detect, for_article

    if doc is None or doc.article is None:
        return w.start + max((d.end for d in detect(w.text)), default=0)
    return max([d.end for d in for_article(doc) if d.start < w.end and w.start < d.end], default=w.start)


def _candidates(doc: AnalyzedArticle, w: Work) -> list[Candidate]:
    lo = dateline_end(w, doc)
    cands = [Candidate(a.start, a.end, a.text, a) for a in doc.actors if _in(a.start, a.end, w) and a.start >= lo]
    if not cands:
        cands = [Candidate(m.start, m.end, m.text, m) for m in doc.mentions if _in(m.start, m.end, w)
                 and m.kind in ("PERSON", "PER", "ORG", "GPE", "NORP", "LOC")]
    cands.sort(key=lambda c: c.start)
    out: list[Candidate] = []
    for c in cands:  # drop nested/overlapping duplicates, keep the longer
        if out and c.start < out[-1].end:
            if c.end - c.start > out[-1].end - out[-1].start:
                out[-1] = c
            continue
        out.append(c)
    return out


def _kb_resolve(text: str, lang: str, date: str | None) -> list:
    try:
        from eventwire import kb  # the actor knowledge base, when built
    except ImportError:
        return []
    try:
        return list(kb.resolve(text, lang, date))
    except Exception as exc:  # KB index missing, etc.: roles stay unresolved
        log.debug("kb.resolve unavailable: %s", exc)
        return []


def _to_actor(doc: AnalyzedArticle, role: RoleSpan, lang: str, as_of: str | None) -> tuple[EventActor, str]:
    best, best_ov = None, 0
    for a in doc.actors:
        ov = min(a.end, role.end) - max(a.start, role.start)
        if ov > best_ov:
            best, best_ov = a, ov
    if best is not None:
        return (EventActor(best.text, best.name, best.country, best.sector, best.wikidata, best.actor_id),
                f"{role.reason} -> actor {best.name} ({best.country or '?'} {best.sector or ''}) by span overlap")
    for pm in doc.places:  # a targeted town or region: its country, as a place (no actor id)
        if (pm.place is not None and pm.place.country and pm.kind == "toponym"
                and pm.start < role.end and role.start < pm.end):
            return (EventActor(role.text, pm.place.name, pm.place.country, None, None, None),
                    f"{role.reason} -> place {pm.place.name} ({pm.place.country}) by span overlap")
    if "actors" not in doc.provided:
        res = _kb_resolve(role.text, lang, as_of)
        if res:
            a = max(res, key=lambda m: m.end - m.start)
            return (EventActor(role.text, a.name, a.country, a.sector, a.wikidata, a.actor_id),
                    f"{role.reason} -> KB resolve {a.name} ({a.country or '?'} {a.sector or ''})")
    return EventActor(role.text, None, None, None, None, None), f"{role.reason} -> unresolved text span"


def _spacy_sentences(doc: AnalyzedArticle, works: list[Work]) -> dict[int, tuple[Any, int]]:
    """spaCy sentence spans for English sentences: from the shared parse when present, else parsed here."""
    out: dict[int, tuple[Any, int]] = {}
    sdoc = doc.notes.get("spacy")
    if sdoc is not None and getattr(sdoc, "text", None) == doc.article.text:
        for w in works:
            span = sdoc.char_span(w.start, w.end, alignment_mode="expand")
            if span is not None:
                out[w.index] = (span, 0)
        return out
    try:
        from eventwire.backends.nlp import spacy_en

        nlp = spacy_en()
    except Exception as exc:
        log.debug("spaCy unavailable: %s", exc)
        return out
    for w, sd in zip(works, nlp.pipe([w.text for w in works], disable=["ner"] if "ner" in nlp.pipe_names else [])):
        out[w.index] = (sd[:], w.start)
    return out


def _date_for(doc: AnalyzedArticle, w: Work) -> tuple[str | None, str | None, str, bool]:
    """(value, granularity, reason, from_text) for an event in sentence w."""
    from eventwire.timex import concrete

    for t in doc.times:
        if _in(t.start, t.end, w) and (c := concrete(t)):  # only concrete dates, not PRESENT_REF/XXXX-MM-DD
            return c[0], c[1], f"date {c[0]} from {t.text!r} ({t.reason})", True
    pub = doc.article.published
    if pub and pub.value:
        return pub.value[:10], "day", "date = publication date (no time expression in the sentence)", False
    return None, None, "no date", False


def _place_for(doc: AnalyzedArticle, w: Work):
    for p in doc.places:
        if p.place is not None and _in(p.start, p.end, w):
            return p.place, f"place {p.place.name} from {p.text!r}"
    return None, None


def _time_spans(doc: AnalyzedArticle, w: Work) -> list[tuple[int, int]]:
    return [(t.start, t.end) for t in doc.times if _in(t.start, t.end, w)]


def _actor_key(a: EventActor) -> str:
    return a.actor_id or (f"{a.country}:{a.sector}" if a.country else (a.text or "").strip().lower())


def event_id(article_id: str, etype: str, actors, recipients, date, place) -> str:
    key = "|".join([article_id, etype, ",".join(sorted(_actor_key(a) for a in actors)),
                    ",".join(sorted(_actor_key(a) for a in recipients)), date or "",
                    str(place.geonames_id or place.name) if place else ""])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


# ---------------------------------------------------------------- types per sentence

def _types_for(w: Work) -> list[tuple[str, float, str]]:
    """[(type, probability, reason)] for one sentence."""
    trig_types = {h.label for h in w.event_hits}
    if w.pred is None:  # no trained model: triggers only
        counts: dict[str, int] = {}
        for h in w.event_hits:
            counts[h.label] = counts.get(h.label, 0) + 1
        if not counts:
            return []
        t = max(counts, key=lambda k: (counts[k], -TYPE_PRIORITY.index(k) if k in TYPE_PRIORITY else -99))
        return [(t, 0.4, f"type {t} from trigger lexicon only (no classifier artefact)")]
    probs = w.pred.type_probs
    top, p = best_type(w.pred)
    out = []
    if top == onto.NONE or p < TYPE_MIN:
        alt = sorted(((v, k) for k, v in probs.items() if k != onto.NONE and k in trig_types), reverse=True)
        if top == onto.NONE and p >= 0.6:
            return []
        if not alt or alt[0][0] < ALT_MIN:
            # a verb-object phrase trigger ("restored full diplomatic ties") is precise lexical evidence where a
            # single word is not: it stands when the classifier is unsure, if it gives the type any mass
            phr = sorted(((probs.get(h.label, 0.0), h.label, h) for h in w.event_hits if h.last - h.first >= PHRASE_LEN),
                         key=lambda x: -x[0])
            if not phr or phr[0][0] < CLAUSE_MIN:
                return []
            p, top, h = phr[0]
            return [(top, p, f"type {top} p={p:.2f}: phrase trigger {w.text[h.start - w.start:h.end - w.start]!r}, "
                             f"classifier unsure (top {best_type(w.pred)[0]})")]
        p, top = alt[0]
        reason = f"type {top} p={p:.2f} (classifier; NONE/low top, trigger present)"
    else:
        reason = f"type {top} p={p:.2f} (classifier)"
    shadowed = top
    if top not in trig_types:
        # no trigger of the classifier's type in the sentence, but a verb-object phrase of another type
        # ("restore full diplomatic ties" read as SANCTION): the phrase is the precise evidence and decides, as
        # when the classifier is unsure (above), if the classifier gives its type any mass
        phr = sorted(((probs.get(h.label, 0.0), h.label, h) for h in w.event_hits
                      if h.last - h.first >= PHRASE_LEN and h.label != top), key=lambda x: -x[0])
        if phr and phr[0][0] >= CLAUSE_MIN:
            q, lab, h = phr[0]
            reason = (f"type {lab} p={q:.2f}: phrase trigger {w.text[h.start - w.start:h.end - w.start]!r}; the "
                      f"classifier's {top} p={p:.2f} has no trigger in the sentence")
            top, p = lab, p * 0.9
    sub = _subsumed(w, top, probs)
    if sub is not None:  # the phrase decides the type; the classifier's confidence in an event stays
        top, p, reason = sub[0], p * 0.9, sub[2] + f" (confidence from the classifier's {shadowed} p={p:.2f})"
    out.append((top, p, reason))
    for k, v in sorted(probs.items(), key=lambda kv: -kv[1]):
        if k not in (top, shadowed, onto.NONE) and v >= EXTRA_MIN and k in trig_types:
            out.append((k, v, f"second type {k} p={v:.2f} with its own trigger"))
    return out


def _subsumed(w: Work, top: str, probs: dict[str, float]) -> tuple[str, float, str] | None:
    """The top type's every trigger lies inside a longer phrase trigger of another type ("withdraw" in
    "withdrew its inspectors", "restrictions" in "cancelled restrictions"): the phrase is the more specific
    reading and wins when the classifier gives its type at least ALT_MIN."""
    own = [h for h in w.event_hits if h.label == top]
    if not own:
        return None
    best = None
    for h in own:
        cover = [x for x in w.event_hits if x.label != top and x.first <= h.first and h.last <= x.last
                 and x.last - x.first > h.last - h.first]
        if not cover:
            return None
        x = max(cover, key=lambda c: probs.get(c.label, 0.0))
        if best is None or probs.get(x.label, 0.0) > probs.get(best.label, 0.0):
            best = x
    q = probs.get(best.label, 0.0)
    if q < ALT_MIN:
        return None
    cue = w.text[best.start - w.start:best.end - w.start]
    return best.label, q, f"type {best.label} p={q:.2f}: phrase trigger {cue!r} contains every {top} trigger"


WRAPPERS = {"AGREE": "future", "THREATEN": "future", "REQUEST": "future", "REJECT": "negated",
            "SANCTION": "negated"}
# wrappers that only embed some kinds of act ("suspended aid", "halted talks" - not "sanctions over the attack")
WRAP_CONTENT = {"SANCTION": {"AID", "COOPERATE", "CONSULT", "SUPPORT"}}
WRAP_WINDOW = 6


INTENT_TYPES = {"SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "MOBILIZE"}
# conflictual acts announced for the future or on a condition are threats in PLOVER (CAMEO 13x:
# "threaten to boycott/sanction", "threaten to impose curfew", "threaten military force")
THREAT_TYPES = {"SANCTION", "COERCE", "MOBILIZE", "ASSAULT", "PROTEST"}


def _wrapped(w: Work, types: list[tuple[str, float, str]], lang: str, cs=None) -> tuple[list, dict[str, str]]:
    """Speech acts that embed another action ("agreed to withdraw", "threatened to strike", "refused to
    release", "amenazó con responder"): the wrapper is the event; the embedded action is kept as a second
    event whose modality is future (agree/threaten/request) or negated (reject)."""
    if not types:
        return types, {}
    verb_final = (lang_file(lang, "roles") or {}).get("order") == "SOV"
    demanded = _demanded(w, types, lang, cs) or _threatened(w, types, lang, cs) or _refused(w, types, lang, verb_final)
    if demanded is not None:
        return demanded
    if types[0][0] in WRAPPERS:
        return _embedded_under_top(w, types, verb_final)
    top, p, _ = types[0]
    content = [h for h in w.event_hits if h.label == top]
    best = None
    for h in w.event_hits:
        if h.label not in WRAPPERS or top not in WRAP_CONTENT.get(h.label, {top}):
            continue
        if any(x.label == top and x.first <= h.first and h.last <= x.last and x.last - x.first > h.last - h.first
               for x in content):
            continue  # the wrapper word is the object inside the act's own phrase ("ein Abkommen ... unterzeichnet")
        for c in content:
            d = (h.first - c.last) if verb_final else (c.first - h.last)
            if 0 < d <= WRAP_WINDOW and (best is None or d < best[1]):
                best = (h, d)
    if best is None:
        if (top in INTENT_TYPES and cs is not None and content
                and not any(x.label in ("THREATEN", "REJECT", "REQUEST") for x in w.event_hits)):
            # "Portugal will support ...", "France is ready to contribute troops": an intention to
            # cooperate is AGREE in PLOVER; the cooperative act itself stays as a future event
            from eventwire.coding.modality import decide

            m = decide(cs, content[0].first, content[0].last, lang, None, None)
            if m.modality == "future":
                return ([("AGREE", p, f"type AGREE: intention to {top} ({m.reasons[-1]})"),
                         (top, p * 0.9, types[0][2] + "; stated as an intention")]
                        + [t for t in types[1:] if t[0] not in ("AGREE", top)]), {top: "future"}
        return types, {}
    h = best[0]
    wt = h.label
    pw = w.pred.type_probs.get(wt, 0.0) if w.pred else 0.4
    if w.pred is not None and pw < 0.003:
        return types, {}
    cue = w.text[h.start - w.start:h.end - w.start]
    out = [(wt, max(p, pw), f"type {wt}: speech act {cue!r} embeds the {top} trigger (classifier p={pw:.2f})"),
           (top, min(p, max(p, pw)) * 0.9, types[0][2] + f"; embedded under {cue!r}")]
    out += [t for t in types[1:] if t[0] not in (wt, top)]
    return out, {top: WRAPPERS[wt]}


NOT_DEMANDED = {"REQUEST", "ACCUSE", "REJECT", "THREATEN"}  # speech acts that are not themselves the demanded act


def _demanded(w: Work, types: list[tuple[str, float, str]], lang: str, cs) -> tuple[list, dict[str, str]] | None:
    """A reported obligation ("Iraq must cooperate with inspectors, Chirac said", "Rusia dijo que Sudán debe
    devolver ..."): the speaker demands the act (PLOVER REQUEST); the act itself is kept as a future event.
    Needs a deontic cue before the top type's own trigger in the same clause and a reporting cue, so plain
    rules ("visitors must register") stay unattributed and are not coded as demands."""
    from eventwire.coding.modality import attribution_cues, obligation

    top, p, reason = types[0]
    if cs is None or not attribution_cues(cs):
        return None
    if top == "REQUEST":  # the classifier already reads the demand: the demanded act is not a fact
        owed = {h.label for h in w.event_hits if h.label in {t for t, _, _ in types[1:]} - NOT_DEMANDED
                and obligation(cs, h.first, lang, h.last) is not None}
        return (types, {t: "future" for t in owed}) if owed else None
    if top in NOT_DEMANDED:
        return None
    for h in w.event_hits:
        if h.label != top:
            continue
        cue = obligation(cs, h.first, lang, h.last)
        if cue is not None:
            pr = w.pred.type_probs.get("REQUEST", 0.0) if w.pred is not None else 0.0
            return ([("REQUEST", max(p, pr), f"type REQUEST: obligation cue {cue!r} over the {top} trigger "
                                             f"in reported speech (classifier REQUEST p={pr:.2f})"),
                     (top, p * 0.9, reason + f"; demanded ({cue!r})")]
                    + [t for t in types[1:] if t[0] not in ("REQUEST", top)]), {top: "future"}
    return None


def _threatened(w: Work, types: list[tuple[str, float, str]], lang: str, cs) -> tuple[list, dict[str, str]] | None:
    """"Said they would blockade Paris", "will extend the curfew", "may halt mediation": a conflictual act
    announced for later or on a condition is a THREATEN; the act stays as a future/hypothetical event.
    Not when a separate speech-act word (refuse, demand, agree) governs it: those wrappers decide."""
    from eventwire.coding.modality import decide

    top, p, reason = types[0]
    if top == "THREATEN" and cs is not None and not any(h.label == "THREATEN" for h in w.event_hits):
        # no threat word: the classifier read the announced act as the threat; decide it from the act's
        # trigger as if the act were on top, so the threat is asserted and the act keeps its modality
        act = next((h.label for h in w.event_hits if h.label in THREAT_TYPES), None)
        if act is not None:
            pa = w.pred.type_probs.get(act, 0.0) if w.pred is not None else 0.0
            rest = [t for t in types[1:] if t[0] != act]
            return _threatened(w, [(act, pa, f"type {act} p={pa:.2f} (trigger of the announced act)")] + rest,
                               lang, cs)
    if cs is None or top in NOT_DEMANDED:
        return None
    agree = [h for h in w.event_hits if h.label == "AGREE"]
    if top == "AGREE" and not (agree and all("intent" in h.pattern.tags for h in agree)):
        return None  # a real promise or deal; only "ready/prepared to <conflictual act>" is read as a threat
    cond = _threat_condition(w, lang)
    if top not in THREAT_TYPES and top != "AGREE" and cond is None:
        return None
    # the classifier may name the act differently from its trigger ("bloqueará": a PROTEST trigger, COERCE)
    content = ([h for h in w.event_hits if h.label == top and top != "AGREE"]
               or [h for h in w.event_hits if h.label in THREAT_TYPES])
    if not content:
        return None
    verb_final = (lang_file(lang, "roles") or {}).get("order") == "SOV"
    c0 = content[0]
    if cond is not None and cond.first <= c0.last and not verb_final:
        cond = None  # in SVO languages the condition follows the announced act
        if top not in THREAT_TYPES and top != "AGREE":
            return None
    if top == "AGREE":
        # the act the readiness cue governs is the nearest other trigger after it (before it, verb-final):
        # "prepared to impose martial law" threatens; "ready to contribute troops", "prepared to lift" do not
        ok = False
        for h in agree:
            if verb_final:
                nxt = max((x for x in w.event_hits if x.label != "AGREE" and x.last < h.first), key=lambda x: x.last, default=None)
            else:
                nxt = min((x for x in w.event_hits if x.label != "AGREE" and x.first > h.last), key=lambda x: x.first, default=None)
            if nxt is not None and nxt.label in THREAT_TYPES and abs(nxt.first - h.first) <= WRAP_WINDOW + 2:
                ok, c0, content = True, nxt, [nxt]
        if not ok:
            return None
    for x in w.event_hits:  # a refusal/demand/promise word governing the act decides instead
        d = (x.first - c0.last) if verb_final else (c0.first - x.last)
        # "ready to / prepared to impose curfew" is a readiness to act, not a promise: it stays a threat
        if x.label in ("REJECT", "REQUEST", "AGREE") and 0 < d <= WRAP_WINDOW and "intent" not in x.pattern.tags:
            return None
    m = decide(cs, content[0].first, content[0].last, lang, None, None)
    if top == "AGREE" and m.modality in ("asserted", "claimed"):  # "prepared to impose ...": the act is ahead
        m.modality = "future"
        m.reasons.append("the act follows a readiness cue")
    if cond is not None and m.modality in ("asserted", "claimed"):  # a conditional act is not yet a fact
        m.modality = "hypothetical"
    if m.modality not in ("future", "hypothetical"):
        return None
    if cond is not None:  # "will withdraw its force unless ...": the act is announced on a condition
        m.reasons.append(f"condition {w.text[cond.start - w.start:cond.end - w.start]!r} after the act")
    pt = w.pred.type_probs.get("THREATEN", 0.0) if w.pred is not None else 0.0
    if top == "AGREE":  # the readiness is the threat; the act it announces is kept, not the AGREE reading
        act = c0.label
        pa = w.pred.type_probs.get(act, 0.0) if w.pred is not None else 0.0
        return ([("THREATEN", max(p, pt), f"type THREATEN: readiness to {act} ({m.reasons[-1]}; classifier AGREE "
                                          f"p={p:.2f})"),
                 (act, max(pa, CLAUSE_MIN), f"type {act} p={pa:.2f}: the act announced ({m.modality})")]
                + [t for t in types[1:] if t[0] not in ("THREATEN", "AGREE", act)]), {act: m.modality}
    return ([("THREATEN", max(p, pt), f"type THREATEN: {top} announced as {m.modality} ({m.reasons[-1]})"),
             (top, p * 0.9, reason + f"; stated as {m.modality}")]
            + [t for t in types[1:] if t[0] not in ("THREATEN", top)]), {top: m.modality}


COOPERATIVE = {"AGREE", "CONCEDE", "RETREAT", "AID", "COOPERATE", "SUPPORT", "CONSULT"}


def _refused(w: Work, types: list[tuple[str, float, str]], lang: str, verb_final: bool):
    """A cooperative act stated as not going to happen or having failed ("will not accept", "failed to reach
    an agreement", "no logró un acuerdo"): declining or failing to cooperate is REJECT (CAMEO 12); the act
    is kept as a negated event. Cue lists: event_cues.yaml refusal (before the act) and refusal_suffixes
    (on the act or the word after it, for suffixing languages)."""
    from eventwire.coding.lexicon import cue_matcher

    top, p, reason = types[0]
    if top not in COOPERATIVE:
        return None
    content = [h for h in w.event_hits if h.label == top]
    if not content:
        return None
    c0 = content[0]
    m = cue_matcher(lang, "event_cues", ("refusal",))
    cue = None
    window = int((lang_file(lang, "event_cues") or {}).get("window") or 6)
    for h in (m.find(w.tokens) if m is not None else ()):
        gap = w.text[w.tokens[min(h.last, c0.first)].end - w.start:w.tokens[c0.first].start - w.start]
        # the cue may end on the act's own trigger ("không đạt được" over "đạt được")
        if h.first < c0.first and c0.first - h.last <= window and not any(ch in gap for ch in ",;:"):
            cue = w.text[h.start - w.start:h.end - w.start]
    if cue is None:
        sufs = tuple((lang_file(lang, "event_cues") or {}).get("refusal_suffixes") or ())
        after = w.tokens[c0.first:min(len(w.tokens), c0.last + 3)]
        t = next((t for t in after if sufs and t.text.endswith(sufs)), None) if verb_final or sufs else None
        if t is None:
            return None
        cue = w.text[t.start - w.start:t.end - w.start]
    pr = w.pred.type_probs.get("REJECT", 0.0) if w.pred is not None else 0.0
    return ([("REJECT", max(p, pr), f"type REJECT: the {top} act is refused or failed ({cue!r}; classifier REJECT "
                                    f"p={pr:.2f})"),
             (top, p * 0.9, reason + f"; refused ({cue!r})")]
            + [t for t in types[1:] if t[0] not in ("REJECT", top)]), {top: "negated"}


def _threat_condition(w: Work, lang: str):
    """A condition attached to an announced act ("unless", "or else", "a menos que"): event_cues.yaml
    threat_conditions. Announcing an act on a condition is a threat (CAMEO 13)."""
    from eventwire.coding.lexicon import cue_matcher

    from eventwire.coding.lexicon import Pattern

    m = cue_matcher(lang, "event_cues", ("threat_conditions",))
    hits = m.find(w.tokens) if m is not None else []
    if hits:
        return hits[0]
    sufs = tuple((lang_file(lang, "event_cues") or {}).get("threat_condition_suffixes") or ())
    for t in w.tokens if sufs else ():  # "durmazsa" (if it does not stop)
        if t.text.endswith(sufs):
            return Hit(Pattern((), "threat_conditions"), t.i, t.i, t.start, t.end)
    return None


def _embedded_under_top(w: Work, types: list[tuple[str, float, str]], verb_final: bool) -> tuple[list, dict[str, str]]:
    """The top type is itself a speech act ("denied that its aircraft struck ...", "threatened to strike"):
    an act whose own trigger follows it closely is kept as the embedded event (future / negated, or
    denied by the cue rules) when the classifier gives it at least ALT_MIN."""
    wt, pw, _ = types[0]
    if w.pred is None:
        return types, {}
    have = {t for t, _, _ in types}
    wraps = [h for h in w.event_hits if h.label == wt]
    best = None
    for h in w.event_hits:
        t = h.label
        pt = w.pred.type_probs.get(t, 0.0)
        if t == wt or t in WRAPPERS or (pt < ALT_MIN and t not in have) or t not in WRAP_CONTENT.get(wt, {t}):
            continue
        for c in wraps:
            d = (c.first - h.last) if verb_final else (h.first - c.last)
            if 0 < d <= WRAP_WINDOW and (best is None or d < best[1]):
                best = (h, d, pt)
    if best is None:
        return types, {}
    h, _, pt = best
    if h.label in have:  # already coded from its own clause: only its modality follows the speech act
        return types, {h.label: WRAPPERS[wt]}
    cue = w.text[h.start - w.start:h.end - w.start]
    return (types + [(h.label, min(pt, pw) * 0.9, f"type {h.label} p={pt:.2f}: trigger {cue!r} embedded under the "
                                                  f"{wt} speech act")]), {h.label: WRAPPERS[wt]}


CLAUSE_MIN = 0.02  # a type whose trigger heads a clause of its own needs only this much (the sentence-level
# classifier gives the minor clause of a two-act sentence little mass; the trigger and parse are the evidence)


def _clause_types(w: Work, types: list[tuple[str, float, str]], parse) -> list[tuple[str, float, str]]:
    """Extra types from separate clauses ("Turkish troops shelled X, and protesters marched in Y"): the
    single-label classifier spreads probability over both acts, so a trigger that heads its own clause
    (not the clause of an already chosen type, not embedded under a speech act) counts at a lower bar."""
    from eventwire.coding.roles import clause_head

    if w.pred is None:
        return []
    have = {t for t, _, _ in types}
    heads = {clause_head(parse[0], h.start, h.end, parse[1]) for h in w.event_hits if h.label in have}
    extra = []
    for h in w.event_hits:
        t = h.label
        p = w.pred.type_probs.get(t, 0.0)
        if t in have or t in WRAPPERS or p < CLAUSE_MIN or (h.pattern.mode is None and not h.pattern.tags):
            continue
        head = clause_head(parse[0], h.start, h.end, parse[1])
        if head is not None and head not in heads:
            extra.append((t, p, f"type {t} p={p:.2f}: trigger {w.text[h.start - w.start:h.end - w.start]!r} heads its own clause"))
            have.add(t)
            heads.add(head)
    return extra


def _background(tok) -> bool:
    """The token sits in a circumstantial adjunct ("despite warnings of X", "amid threats", "after the
    attack") or in a clause describing a noun ("rebels who are wanted on charges", "a go-between at the
    talks"): background to the clause's own predicate, not the act reported."""
    from eventwire.coding.roles import parse_words

    opaque = parse_words()["opaque_preps"]
    for t in [tok, *tok.ancestors]:
        if t.dep_ == "pobj" and t.head.lower_ in opaque:
            return True
        if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return True
        if t.dep_ == "ROOT":
            return False
    return False


def _main_clause_type(w: Work, types: list[tuple[str, float, str]], parse) -> list[tuple[str, float, str]]:
    """The sentence's main predicate (the root verb, or the clause a reporting verb reports) is a trigger of
    another type, while every trigger of the classifier's top type lies in background ("despite warnings ...,
    the government refused ...", "granted asylum to rebels who are wanted on charges"): the main clause names
    the act reported. The classifier's confidence that an event is reported stays; its type reading is kept
    as a second, weaker event."""
    from eventwire.coding.roles import is_listed

    if w.pred is None or not types:
        return types
    sent, off = parse
    root = sent.root
    if root.pos_ in ("VERB", "AUX") and is_listed(root, "speech_verbs"):  # "X said (that) Y ...": the reported clause
        root = next((c for c in root.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), root)
    if root.pos_ not in ("VERB", "AUX") or is_listed(root, "speech_verbs"):
        return types
    top, p, _ = types[0]

    def toks(h):
        return [t for t in sent if t.idx + off < h.end and t.idx + len(t.text) + off > h.start]
    own = [h for h in w.event_hits if h.label == top]
    if not own or any(not all(_background(t) for t in toks(h)) for h in own):
        return types
    main = next((h for h in w.event_hits if h.label != top and root in toks(h)), None)
    if main is None:
        return types
    pm = w.pred.type_probs.get(main.label, 0.0)
    if pm < CLAUSE_MIN:
        return types
    cue = w.text[main.start - w.start:main.end - w.start]
    out = [(main.label, p, f"type {main.label} p={pm:.2f}: trigger {cue!r} is the main predicate; classifier top "
                           f"{top} p={p:.2f} has its triggers only in adjuncts or noun-modifying clauses"),
           (top, p * 0.9 * (min(1.0, pm / p) if p > 0 else 1.0), types[0][2] + "; background to the main clause")]
    return out + [t for t in types[1:] if t[0] not in (main.label, top)]


def _share_roles(evs: list[Event], wrapper: str, embedded: set[str], article_id: str) -> list[Event]:
    """A speech act takes the participants of the act it embeds when it has none of its own
    ("the EC agreed to provide aid for Romania": recipient Romania)."""
    inner = [e for e in evs if e.event_type in embedded]
    if not inner:
        return evs
    out = []
    for e in evs:
        if e.event_type == wrapper and (not e.actor or not e.recipient):
            actor = e.actor or inner[0].actor
            recip = e.recipient or tuple(r for r in inner[0].recipient if r not in actor)
            if (actor, recip) != (e.actor, e.recipient):
                e = replace(e, actor=actor, recipient=recip,
                            id=event_id(article_id, e.event_type, actor, recip, e.date, e.location),
                            reasons=e.reasons + (f"participants taken from the embedded {inner[0].event_type} event",))
        out.append(e)
    return out


def _demand_roles(doc, w: Work, evs: list[Event], cs, speaker_span: RoleSpan | None, lang: str) -> list[Event]:
    """A demand read off a reported obligation ("Germany said that Serbia must hand over ...", "Francia dijo que
    Marruecos debe entregar ..."): the REQUEST has no demand word of its own, its roles came from the obliged
    act. The speaker makes the demand; the obliged party (the act's subject) is whom it is addressed to."""
    from eventwire.coding.modality import obligation

    if any(h.label == "REQUEST" for h in w.event_hits) or not attribution_cues(cs):
        return evs
    cue = next((c for h in w.event_hits if (c := obligation(cs, h.first, lang, h.last)) is not None), None)
    if cue is None:
        return evs
    out = []
    for e in evs:
        if e.event_type == "REQUEST" and (e.actor or speaker_span is not None):
            actor: tuple = ()
            why = "no speaker found"
            if speaker_span is not None:
                a, why = _to_actor(doc, speaker_span, lang, e.date)
                actor = (a,)
            recip = e.actor or e.recipient
            e = replace(e, actor=actor, recipient=recip,
                        id=event_id(doc.article.id, e.event_type, actor, recip, e.date, e.location),
                        reasons=e.reasons + (f"demand from a reported obligation ({cue!r}): actor = the speaker "
                                             f"({why}), recipient = the obliged party",))
        out.append(e)
    return out


def _anchors(w: Work, etype: str) -> list[Hit]:
    hs = [h for h in w.event_hits if h.label == etype]
    if not hs:
        hs = sorted(w.event_hits, key=lambda h: h.first)[:1]
    # longest match first at each position
    hs.sort(key=lambda h: (h.first, -(h.last - h.first)))
    out: list[Hit] = []
    for h in hs:
        if out and h.first <= out[-1].last:
            continue
        out.append(h)
    return out


# ---------------------------------------------------------------- triggers inside proper names

def _name_rule(lang: str) -> frozenset[str] | None:
    """Connector words inside multi-word names ("Agency for Development and Cooperation") for languages
    whose script capitalises names only (event_triggers.yaml `capitalised_names`); None = no name rule."""
    cfg = (lang_file(lang, "event_triggers") or {}).get("capitalised_names")
    if not cfg:
        return None
    return frozenset(str(c).lower() for c in (cfg.get("connectors") or ()))


def _cap(tok: Token, text: str) -> bool:
    w = text[tok.start:tok.end]
    return w[:1].isupper() and not w.isupper()


def _inside_name(h: Hit, toks: list[Token], text: str, connectors: frozenset[str]) -> bool:
    """A trigger word written as part of a capitalised name ("West Bank", "Canadian Press", "the Ceasefire
    Violations Committee", "Askar Akayev") names an entity, it is not the event predicate. Needs every
    word of the hit capitalised (not sentence-initial) next to another capitalised word, possibly across one
    connector; headline-style sentences (most words capitalised) are left alone."""
    if h.first == 0 or not all(_cap(toks[i], text) for i in range(h.first, h.last + 1)):
        return False
    words = [t for t in toks if any(c.isalpha() for c in t.text)]
    caps = sum(_cap(t, text) for t in words)
    if len(words) - caps < 3 or caps > 0.75 * len(words):  # title case: few lower-case words
        return False

    def cap_at(i: int) -> bool:
        return 0 <= i < len(toks) and _cap(toks[i], text) and toks[i].text not in connectors

    def near(i: int, step: int) -> bool:
        if cap_at(i):
            return True
        return 0 <= i < len(toks) and toks[i].text in connectors and cap_at(i + step)
    return near(h.first - 1, -1) or near(h.last + 1, 1)


def _attributive(h: Hit, toks: list[Token], text: str, sufs: tuple[str, ...] = ()) -> bool:
    """A participle hyphenated to a capitalised name ("the Israeli-occupied territories", "US-backed") is
    an attributive compound describing a place or group, not the sentence's event."""
    i = h.first
    if i == 0 or h.last != h.first:
        return False
    prev, tok = toks[i - 1], toks[i]
    if text[prev.end:tok.start] != "-":
        return False
    # "the long-threatened invasion": a hyphenated participle (event_triggers.yaml hyphen_participles)
    return _cap(prev, text) or bool(sufs and tok.text.endswith(sufs))


def _in_compound(h: Hit, compounds: list[Hit]) -> bool:
    """The trigger lies inside a compound noun naming a kind of force or gear ("riot police", "attack
    helicopters"; event_triggers.yaml `non_event_compounds`), not an act."""
    return any(c.first <= h.first and h.last <= c.last for c in compounds)


# ---------------------------------------------------------------- main

def code_article(doc: AnalyzedArticle, model: Any = "default") -> list[Event]:
    art = doc.article
    if art is None or not doc.sentences:
        return []
    lang = art.language or "und"
    matcher = trigger_matcher(lang)
    if matcher is None:
        return []
    if model == "default":
        model = load_model()
    text = art.text
    works: list[Work] = []
    quiet: list[Work] = []  # sentences with no trigger: only read for denials of earlier claims
    names = _name_rule(lang)
    hyph = tuple((lang_file(lang, "event_triggers") or {}).get("hyphen_participles") or ())
    compounds = cue_matcher(lang, "event_triggers", ("non_event_compounds",))
    for s in doc.sentences:
        stext = text[s.start:s.end]
        toks = tokenize(stext, lang, s.start)
        hits = matcher.find(toks)
        if names is not None:
            hits = [h for h in hits if h.label.startswith("tag:") or not (_inside_name(h, toks, text, names)
                                                                         or _attributive(h, toks, text, hyph))]
        if compounds is not None and (cs := compounds.find(toks)):
            hits = [h for h in hits if h.label.startswith("tag:") or not _in_compound(h, cs)]
        if any(not h.label.startswith("tag:") for h in hits):
            works.append(Work(s.index, s.start, s.end, stext, toks, hits))
        else:
            quiet.append(Work(s.index, s.start, s.end, stext, toks, hits))
    if not works:
        return []
    if model is not None:
        preds = model.predict([w.text for w in works], [lang] * len(works), hits_list=[w.hits for w in works])
        for w, p in zip(works, preds):
            w.pred = p
    parses = _spacy_sentences(doc, works) if lang == "en" else {}
    published = art.published.value if art.published else None
    events: list[Event] = []
    denials: list[tuple[Work, Any, Attribution | None]] = []
    for w in works:
        types = _types_for(w)
        cs = find_cues(w.tokens, w.text, w.start, lang)
        attribution, speaker_span = _attribution(doc, w, cs, parses.get(w.index), lang)
        den = is_denial_sentence(cs)
        if not types:
            if den is not None:
                denials.append((w, den, attribution))
            continue
        if types and w.index in parses:
            types = _main_clause_type(w, types, parses[w.index])
            types = types + _clause_types(w, types, parses[w.index])
        types, forced = _wrapped(w, types, lang, cs)
        for etype, p, treason in types:
            for ev in _events_for_type(doc, w, etype, p, treason, cs, attribution, speaker_span,
                                       parses.get(w.index), lang, published):
                if (forced and etype == types[0][0] and etype not in forced
                        and ev.modality in ("future", "hypothetical", "negated")
                        and not any(h.label == etype for h in w.event_hits)):
                    # a demand/threat/refusal read off the framing of another act: its own trigger is that act's,
                    # whose future/conditional/negated form is what makes it so; the speech act itself happened
                    m = "claimed" if ev.claim_status == "claimed" else "asserted"
                    ev = replace(ev, modality=m, reasons=ev.reasons + (
                        f"modality={m}: the {etype} is the act of announcing; the {ev.modality} cue belongs to the embedded act",))
                if etype in forced:
                    top_conf = max((e.confidence for e in w.events if e.event_type == types[0][0]), default=1.0)
                    ev = replace(ev, confidence=round(min(ev.confidence, top_conf * 0.95), 3))
                    if ev.modality in ("asserted", "claimed"):
                        ev = replace(ev, modality=forced[etype],
                                     reasons=ev.reasons + (f"modality={forced[etype]}: embedded under a {types[0][0]} speech act",))
                w.events.append(ev)
        if forced:
            w.events = _share_roles(w.events, types[0][0], set(forced), doc.article.id)
        w.events = _demand_roles(doc, w, w.events, cs, speaker_span, lang)
        # a denial sentence that codes events of its own ("the ELN denied attacking civilians") denies
        # them in place; only denials with no event of their own point back at an earlier claim
        events.extend(w.events)
    if events:
        for w in quiet:
            cs = find_cues(w.tokens, w.text, w.start, lang)
            den = is_denial_sentence(cs)
            if den is not None:
                denials.append((w, den, _attribution(doc, w, cs, None, lang)[0]))
        denials.sort(key=lambda d: d[0].index)
    events = _apply_denials(events, works, denials, text)
    return merge_events(events)


def _attribution(doc, w: Work, cs, parse, lang) -> tuple[Attribution | None, RoleSpan | None]:
    cues = attribution_cues(cs)
    if not cues:
        return None, None
    cue = cues[-1] if cues[-1].kind == "verb" else cues[0]
    span: RoleSpan | None = None
    if parse is not None:
        span = english_speaker(parse[0], cue.start, cue.end, parse[1])
    if span is None:
        cands = _candidates(doc, w)
        if cue.kind == "prep":
            after = [c for c in cands if c.start >= cue.end]
            if after:
                c = after[0]
                span = RoleSpan(c.start, c.end, c.text, f"first name after {cue.text!r}")
        else:
            before = [c for c in cands if c.end <= cue.start and cue.first - _tok_index(w, c.end) <= 6]
            after = [c for c in cands if c.start >= cue.end and _tok_index(w, c.start) - cue.last <= 4]
            if before:
                c = before[-1]
                span = RoleSpan(c.start, c.end, c.text, f"name before reporting verb {cue.text!r}")
            elif after and w.text[:cue.start - w.start].rstrip()[-1:] in (",", '"', "”", "»", "'", "’", "،"):
                c = after[0]  # inverted: '..., said the ministry'
                span = RoleSpan(c.start, c.end, c.text, f"name after reporting verb {cue.text!r}")
        if span is None:
            span = _raw_speaker(w, cue)
    if span is None:
        return Attribution(None, None, cue.text), None
    actor, why = _to_actor(doc, span, lang, None)
    return Attribution(actor.name or span.text, actor.country, cue.text), span


def _tok_index(w: Work, char: int) -> int:
    for t in w.tokens:
        if t.end >= char:
            return t.i
    return len(w.tokens)


def _raw_speaker(w: Work, cue) -> RoleSpan | None:
    """No names found: the words between the last comma and a clause-final reporting verb."""
    if cue.kind == "verb":
        left = w.text[:cue.start - w.start]
        cut = max(left.rfind(","), left.rfind(";"), left.rfind("\u060c"))
        seg = left[cut + 1:].strip(" \"'«»“”—–-") if cut >= 0 else ""
        if seg and len(seg.split()) <= 6 and any(c.isalpha() for c in seg) and seg in left:
            s = w.start + left.index(seg, cut + 1)
            return RoleSpan(s, s + len(seg), seg, f"words before reporting verb {cue.text!r}")
    return None


def _events_for_type(doc, w: Work, etype, p, treason, cs, attribution, speaker_span, parse, lang, published):
    anchors = _anchors(w, etype)
    out = []
    date, gran, dreason, date_from_text = _date_for(doc, w)
    place, preason = _place_for(doc, w)
    size_res = None
    groups = _role_groups(doc, w, etype, anchors, parse, speaker_span, lang)
    multi = len(groups) > 1
    for h, a_sp, r_sp, anchor_reasons, clause in groups:
        reasons = [treason, *anchor_reasons]
        actors, recips = [], []
        for sp in a_sp:
            a, why = _to_actor(doc, sp, lang, date)
            actors.append(a)
            reasons.append("actor: " + why)
        for sp in r_sp:
            a, why = _to_actor(doc, sp, lang, date)
            recips.append(a)
            reasons.append("recipient: " + why)
        if not actors and speaker_span is not None:
            claim = claims_responsibility(lang, w.tokens)
            if claim:  # the claimant of responsibility is the doer, not merely a source
                a, why = _to_actor(doc, replace(speaker_span, reason=f"claimed responsibility ({claim!r})"), lang, date)
                actors.append(a)
                reasons.append("actor: " + why)
        mode, mreason = None, None
        if w.pred is not None:
            m, mp = best_mode(w.pred, etype)
            m = onto.valid_mode(etype, m)
            if m and mp >= 0.3:
                mode, mreason = m, f"mode {m} p={mp:.2f} (classifier)"
        if mode is None:
            tm = next((x.pattern.mode for x in [h, *anchors] if x.label == etype and onto.valid_mode(etype, x.pattern.mode)), None)
            if tm:
                mode, mreason = tm, f"mode {tm} from trigger lexicon"
        if mreason:
            reasons.append(mreason)
        ctx = tuple(sorted(c for c, cp in (w.pred.contexts.items() if w.pred else ()) if cp >= CONTEXT_MIN))
        if ctx:
            reasons.append("contexts " + ",".join(ctx) + " (classifier)")
        clause_bounds = None
        if multi and clause is not None:
            # several events in one sentence: each takes the figures inside its own clause
            from eventwire.coding.roles import clause_span

            cs0, ce0 = clause_span(parse[0], clause, parse[1])
            clause_bounds = (cs0, ce0)
            size_res = extract_size(w.text, lang, w.start, w.tokens,
                                    _time_spans(doc, w) + [(w.start, cs0), (ce0, w.end)])
        elif size_res is None:
            size_res = extract_size(w.text, lang, w.start, w.tokens, _time_spans(doc, w))
        sv = size_res.values
        size = Size()
        if etype in CASUALTY_TYPES:
            size = Size(dead=sv.get("dead", (None, None))[0], dead_max=sv.get("dead", (None, None))[1],
                        injured=sv.get("injured", (None, None))[0], injured_max=sv.get("injured", (None, None))[1],
                        arrested=sv.get("arrested", (None, None))[0] if etype in ARREST_TYPES else None)
        if etype in ARREST_TYPES and "arrested" in sv:
            size = replace(size, arrested=sv["arrested"][0], arrested_max=sv["arrested"][1])
        if size != Size():
            reasons.extend(r for r in size_res.reasons if r.startswith("size: ") and any(
                f"{k}=" in r for k in ("dead", "injured", "arrested") if getattr(size, k) is not None))
        reasons.extend(r for r in size_res.reasons if "running total" in r)
        spans = [(x.first, x.last) for x in anchors if x.label == etype and
                 (clause is None or x.start >= (clause_bounds[0] if clause_bounds else 0))] or [(h.first, h.last)]
        if clause_bounds:
            spans = [(a, b) for a, b in spans if clause_bounds[0] <= w.tokens[a].start < clause_bounds[1]] or [(h.first, h.last)]
        mod = decide_any(cs, spans, lang, date if date_from_text else None, published)
        reasons.extend(mod.reasons)
        reasons.append(dreason)
        if preason:
            reasons.append(preason)
        if attribution is not None:
            reasons.append(f"attribution: {attribution.speaker or '?'} via {attribution.text!r}")
        # the trigger's CAMEO verb class ("urged" appeal 02 vs "demanded" 10) refines the type's default root
        vc = next((c for x in [h, *anchors] if x.label == etype
                   and (c := onto.cameo_verb_class(lang, etype, w.tokens, x.first))), None)
        root = onto.cameo_root(etype, mode, ctx, vc[0] if vc else None)
        if vc and root == vc[0]:
            reasons.append(f"cameo root {root} from the trigger's CAMEO verb class ({vc[1]})")
        sub, sreason = onto.acled_subtype(etype, mode, ctx, w.tags, [a.sector for a in actors],
                                         [a.sector for a in recips], {"dead": size.dead, "injured": size.injured,
                                                                      "arrested": size.arrested})
        from eventwire.coding.acled import refine as _acled_refine  # trained sub-type model (acled.yaml)

        sub, sreason = _acled_refine(w.text, etype, sub, sreason)
        if sub:
            reasons.append(f"acled {sub} ({sreason})")
        conf = p * (1.0 if actors else 0.8) * (1.0 if recips or etype in ("PROTEST", "MOBILIZE") else 0.9)
        ev = Event(
            id=event_id(doc.article.id, etype, actors, recips, date, place), article_id=doc.article.id,
            event_type=etype, mode=mode, contexts=ctx, cameo_root=root, acled_subtype=sub,
            score=onto.score(etype, mode), actor=tuple(actors), recipient=tuple(recips), date=date,
            date_granularity=gran, location=place, size=size, modality=mod.modality, attribution=attribution,
            claim_status=mod.claim_status, confidence=round(conf, 3), reasons=tuple(reasons),
            evidence=(_evidence(doc, w),), trigger=w.text[h.start - w.start:h.end - w.start])
        out.append(ev)
    return out


def _trigger_spans(w: Work) -> list[tuple[int, int]]:
    return [(h.start, h.end) for h in w.event_hits]


def _known_spans(doc: AnalyzedArticle):
    """known(start, end): the span overlaps an actor mention resolved to a country or a KB entry, or a
    resolved place name ("the town of Kadugli": the town's country)."""
    spans = [(a.start, a.end) for a in doc.actors if a.country or a.wikidata]
    spans += [(p.start, p.end) for p in doc.places
              if p.place is not None and p.place.country and p.kind == "toponym"]

    def known(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in spans)
    return known


def _clean(spans: list[RoleSpan], w: Work, speaker_span: RoleSpan | None, known=None) -> list[RoleSpan]:
    out = []
    for a in spans:
        if (speaker_span is not None and a.start < speaker_span.end and speaker_span.start < a.end
                and "antecedent" not in a.reason  # "X said it would ...": X is also the actor
                and not speaker_span.also_actor):  # "X rejected it, and said ..."
            continue
        if any(s <= a.start and a.end <= e for s, e in _trigger_spans(w)) and not (known and known(a.start, a.end)):
            continue  # the role is the trigger itself ("air strike"), unless it is a resolved actor
        out.append(a)
    return out


def _role_groups(doc, w: Work, etype: str, anchors: list[Hit], parse, speaker_span, lang):
    """[(anchor hit, actor spans, recipient spans, reasons)]: one entry per event in the sentence.

    With a parse, triggers in the same clause complex form one event (roles pooled); separate clauses
    with their own roles are separate events. Without a parse, one event per type and sentence."""
    src = lambda h: f"trigger {w.text[h.start - w.start:h.end - w.start]!r} ({h.pattern.source})"  # noqa: E731
    if parse is None:
        cands = [c for c in _candidates(doc, w)
                 if not (speaker_span and c.start < speaker_span.end and speaker_span.start < c.end)]
        # a trigger word inside an actor phrase ("Turkish soldiers", "сирийских войск") names the actor,
        # it is not the event's predicate
        inside = lambda x: any(c.start <= x.start and x.end <= c.end for c in cands)  # noqa: E731
        h = next((x for x in anchors if not inside(x)), anchors[0])
        spans = sorted({(x.first, x.last) for x in w.event_hits if not inside(x)})
        places = [(p.start, p.end) for p in doc.places if _in(p.start, p.end, w)]
        area = next((w.text[x.start - w.start:x.end - w.start] for x in anchors
                     if x.pattern.mode in AREA_MODES or etype in CASUALTY_TYPES), None)
        a_sp, r_sp = rule_roles(lang, etype, w.tokens, w.text, w.start, h.start, h.end, cands, spans, places, area)
        known = _known_spans(doc)
        return [(h, _clean(a_sp, w, speaker_span, known), _clean(r_sp, w, speaker_span, known), [src(h)], None)]
    from eventwire.coding.roles import clause_head

    groups: dict[Any, list] = {}
    known = _known_spans(doc)
    for h in anchors:
        key = clause_head(parse[0], h.start, h.end, parse[1])
        a_sp, r_sp = english_roles(parse[0], h.start, h.end, parse[1], known, etype in CASUALTY_TYPES)
        g = groups.setdefault(key, [h, [], [], [], key])
        g[3].append(src(h))
        for sp, bucket in ((a_sp, g[1]), (r_sp, g[2])):
            for x in _clean(sp, w, speaker_span, known):
                if not any(x.start < y.end and y.start < x.end for y in bucket):
                    bucket.append(x)
    lo = dateline_end(w, doc)
    out = []
    for h, a_sp, r_sp, rs, key in groups.values():
        a_sp = [a for a in a_sp if a.start >= lo]
        r_sp = [r for r in r_sp if r.start >= lo]
        r_sp = [r for r in r_sp if not any(r.start < a.end and a.start < r.end for a in a_sp)]
        out.append((h, a_sp, r_sp, rs, key))
    with_roles = [g for g in out if g[1] or g[2]]
    return with_roles or out[:1]


def _evidence(doc: AnalyzedArticle, w: Work) -> Evidence:
    a = doc.article
    return Evidence(article_id=a.id, sentence_index=w.index, start=w.start, end=w.end, sentence=w.text,
                    path=a.path, source=a.source, url=a.url, language=a.language)


def _apply_denials(events: list[Event], works: list[Work], denials, text: str) -> list[Event]:
    """A denial with no event of its own marks the claim it answers (the nearest earlier event(s) of the
    denier's country, else of the nearest earlier sentence with events) as denied."""
    if not denials or not events:
        return events
    by_id = {id(e): i for i, e in enumerate(events)}
    for w, den, attribution in denials:
        prior = [e for e in events if e.evidence[0].sentence_index < w.index and e.event_type in DENIABLE
                 and e.modality != "denied"]
        if not prior:
            continue
        country = attribution.country if attribution else None
        target = [e for e in prior if country and any(a.country == country for a in e.actor)]
        if not target:
            last = max(e.evidence[0].sentence_index for e in prior)
            if w.index - last > 3:
                continue
            target = [e for e in prior if e.evidence[0].sentence_index == last]
        cue = text[den.start:den.end]
        who = attribution.speaker if attribution and attribution.speaker else "a source"
        for e in target:
            i = by_id[id(e)]
            events[i] = replace(events[i], claim_status="denied",
                                reasons=events[i].reasons + (f"claim denied by {who} in sentence {w.index} (cue {cue!r})",))
    return events


def merge_events(events: list[Event]) -> list[Event]:
    """One event per id (type, actors, recipients, date, place): keep all evidence and reasons."""
    out: dict[str, Event] = {}
    for e in events:
        if e.id not in out:
            out[e.id] = e
            continue
        a = out[e.id]
        ev = a.evidence + tuple(x for x in e.evidence if (x.sentence_index, x.start) not in
                                {(y.sentence_index, y.start) for y in a.evidence})
        size = Size(**{k: (getattr(a.size, k) if getattr(a.size, k) is not None else getattr(e.size, k))
                       for k in ("dead", "dead_max", "injured", "injured_max", "arrested", "arrested_max")})
        statuses = {a.claim_status, e.claim_status}
        claim = "contested" if "denied" in statuses and ("reported" in statuses or "claimed" in statuses) else a.claim_status
        modality = a.modality if a.modality == "asserted" or e.modality != "asserted" else e.modality
        out[e.id] = replace(a, evidence=ev, size=size, claim_status=claim, modality=modality,
                            mode=a.mode or e.mode, contexts=tuple(sorted(set(a.contexts) | set(e.contexts))),
                            acled_subtype=a.acled_subtype or e.acled_subtype,
                            attribution=a.attribution or e.attribution,
                            confidence=max(a.confidence, e.confidence),
                            reasons=a.reasons + tuple(r for r in e.reasons if r not in a.reasons)
                            + (f"merged with the mention in sentence {e.evidence[0].sentence_index}",))
    return list(out.values())
