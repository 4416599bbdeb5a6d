"""Actor and recipient of an event.

English: from the spaCy dependency parse (nsubj / nsubjpass + agent "by" / dobj / prepositional objects,
noun triggers with "by"/"on"/"against"/possessors, light verbs "carried out strikes", passive victims
"were killed in strikes by X"). Other languages (and English without a parse): word-order and
case rules from resources/lang/<code>/roles.yaml over candidate spans (actor mentions, else named-entity
mentions). Each role keeps its reason.
"""
from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    text: str
    obj: Any = None  # ActorMention / Mention / None


# ---------------------------------------------------------------- English, dependency parse

@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    """English word lists for the parse rules, from resources/lang/en/roles.yaml (parse:)."""
    data = (lang_file("en", "roles") or {}).get("parse", {})
    return {k: frozenset(v) for k, v in data.items()}


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


def _with_conj(tok) -> list:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            out.extend(_with_conj(c))
    return out


def _noun_roles(n, actors: list, recips: list, why: str) -> None:
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            for p in c.children:
                if p.dep_ == "pobj":
                    actors.extend((x, f"{why}: 'by' object of {n.text!r}") for x in _with_conj(p))
        elif c.dep_ == "prep" and c.lower_ in _words()["noun_recipient_preps"]:
            for p in c.children:
                if p.dep_ == "pobj" and not (c.lower_ == "of" and p.pos_ != "PROPN"):
                    recips.extend((x, f"{why}: '{c.lower_}' object of {n.text!r}") for x in _with_conj(p))
        elif c.dep_ == "poss":
            actors.append((c, f"{why}: possessor of {n.text!r}"))
        elif c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"):
            actors.append((c, f"{why}: modifier {c.text!r} of {n.text!r}"))


def _verb_roles(v, actors: list, recips: list, why: str) -> None:
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)
    for c in v.children:
        if c.dep_ == "nsubj":
            if c.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                actors.extend((x, f"{why}: relative-clause subject of {v.text!r}") for x in _with_conj(v.head))
            else:
                actors.extend((x, f"{why}: subject of {v.text!r}") for x in _with_conj(c))
        elif c.dep_ == "nsubjpass":
            recips.extend((x, f"{why}: passive subject of {v.text!r}") for x in _with_conj(c))
        elif c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    actors.extend((x, f"{why}: agent ('by') of {v.text!r}") for x in _with_conj(p))
        elif c.dep_ in ("dobj", "dative"):
            if c.pos_ in ("NOUN", "PROPN", "PRON"):
                recips.extend((x, f"{why}: object of {v.text!r}") for x in _with_conj(c))
        elif c.dep_ == "prep" and c.lower_ in _words()["recipient_preps"]:
            for p in c.children:
                if p.dep_ == "pobj":
                    recips.extend((x, f"{why}: '{c.lower_}' object of {v.text!r}") for x in _with_conj(p))
        elif c.dep_ == "prep" and passive and c.lower_ in _words()["instrument_preps"]:
            # "were killed in strikes by Syrian forces": the agent hangs off the instrument noun
            for p in c.children:
                if p.dep_ == "pobj":
                    _noun_roles(p, actors, [], why)
    u = v
    for _ in range(3):  # "Fidan was expected to travel to Moscow to meet Lavrov": climb to a subject
        if actors or u.dep_ not in ("xcomp", "conj", "advcl") or u.head.pos_ not in ("VERB", "AUX"):
            break
        u = u.head
        for c in u.children:
            if c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and v.dep_ == "xcomp"):
                actors.extend((x, f"{why}: subject of governing verb {u.text!r}") for x in _with_conj(c))


def english_roles(sent, trig_start: int, trig_end: int, offset: int = 0) -> tuple[list[RoleSpan], list[RoleSpan]]:
    """Roles for the trigger at [trig_start, trig_end) (article offsets) in a spaCy sentence Span whose
    doc starts at article offset `offset`."""
    trig_start, trig_end = trig_start - offset, trig_end - offset
    toks = [t for t in sent if t.idx < trig_end and t.idx + len(t.text) > trig_start]
    if not toks:
        return [], []
    # the syntactic head of the trigger phrase
    tok = min(toks, key=lambda t: len(list(t.ancestors)))
    actors: list = []
    recips: list = []
    why = "parse"
    if tok.pos_ in ("VERB", "AUX") or (tok.pos_ not in ("NOUN", "PROPN") and tok.dep_ == "ROOT"):
        _verb_roles(tok, actors, recips, why)
    else:
        _noun_roles(tok, actors, recips, why)
        h = tok.head
        if tok.dep_ in ("dobj", "nsubjpass") and h.pos_ in ("VERB", "AUX"):
            # light verb: "carried out strikes on X", "held talks with Y"
            for c in h.children:
                if c.dep_ == "nsubj" and not actors:
                    actors.extend((x, f"{why}: subject of {h.text!r} ({tok.text!r})") for x in _with_conj(c))
                elif c.dep_ == "prep" and c.lower_ in _words()["recipient_preps"] and not recips:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            recips.extend((x, f"{why}: '{c.lower_}' object of {h.text!r}") for x in _with_conj(p))
        elif tok.dep_ == "nsubj" and h.pos_ in ("VERB", "AUX"):
            # "An air strike killed 33 soldiers"
            for c in h.children:
                if c.dep_ == "dobj" and not recips:
                    recips.extend((x, f"{why}: object of {h.text!r} (trigger {tok.text!r} is the subject)") for x in _with_conj(c))
        elif tok.dep_ == "pobj" and h.dep_ == "prep" and h.head.pos_ in ("VERB", "AUX"):
            v = h.head
            for c in v.children:
                if c.dep_ == "nsubjpass" and not recips:
                    recips.extend((x, f"{why}: passive subject of {v.text!r} ({h.text} {tok.text})") for x in _with_conj(c))
                elif c.dep_ == "nsubj" and not recips and v.lemma_ in _words()["death_verbs"]:
                    recips.extend((x, f"{why}: subject of {v.text!r} ({h.text} {tok.text})") for x in _with_conj(c))
                elif c.dep_ == "nsubj" and not actors and v.lemma_ not in _words()["death_verbs"]:
                    # "Erdogan told Putin in a phone call": the verb's subject is the actor
                    actors.extend((x, f"{why}: subject of {v.text!r} ({h.text} {tok.text})") for x in _with_conj(c))
                elif c.dep_ in ("dobj", "dative") and not recips and c.pos_ in ("PROPN", "NOUN"):
                    recips.extend((x, f"{why}: object of {v.text!r} ({h.text} {tok.text})") for x in _with_conj(c))
    out_a = _dedupe([_role(t, r, offset) for t, r in actors if _nominal(t)])
    out_r = _dedupe([_role(t, r, offset) for t, r in recips if _nominal(t)])
    out_r = [r for r in out_r if not any(_overlap(r, a) for a in out_a)]
    return out_a, out_r


BAD_ENTS = {"DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL"}


def _nominal(t) -> bool:
    return t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in BAD_ENTS


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
        if nxt.lemma_ in _words()["speech_verbs"] or nxt.i == tok.i:
            break
        tok = nxt
    return tok.i


def clause_span(sent, head_i: int, offset: int = 0) -> tuple[int, int]:
    """Article char span of a clause head's subtree."""
    tok = sent.doc[head_i]
    return tok.left_edge.idx + offset, tok.right_edge.idx + len(tok.right_edge.text) + offset


def _role(tok, reason: str, offset: int = 0) -> RoleSpan:
    s, e = _span_of(tok)
    return RoleSpan(s + offset, e + offset, tok.doc.text[s:e], reason)


def english_speaker(sent, cue_start: int, cue_end: int, offset: int = 0) -> RoleSpan | None:
    """The subject of a reporting verb ("the ministry said"), or the object of "according to"."""
    toks = [t for t in sent if t.idx < cue_end - offset and t.idx + len(t.text) > cue_start - offset]
    for t in toks:
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


def rule_roles(lang: str, etype: str, sent_tokens: list[Token], text: str, base: int,
               trig_start: int, trig_end: int, cands: list[Candidate]) -> tuple[list[RoleSpan], list[RoleSpan]]:
    """Word-order / marker / case rules from roles.yaml over candidate spans in the sentence."""
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
    passive = bool(_phrase_before(sent_tokens, trig_first, r.get("passive_aux") or [], lang, gap=3))
    actors: list[RoleSpan] = []
    recips: list[RoleSpan] = []
    rest: list[tuple[Candidate, int, int]] = []
    for c in cands:
        fi, li = first_tok(c), last_tok(c)
        if fi is None or li is None:
            continue
        m = _phrase_before(sent_tokens, fi, r.get("agent_markers") or [], lang)
        if m:
            actors.append(RoleSpan(c.start, c.end, c.text, f"rules({lang}): after agent marker {m!r}"))
            continue
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
            if after and not recips:
                c = after[0][0]
                recips.append(RoleSpan(c.start, c.end, c.text, f"rules({lang}): nearest noun phrase after the verb (SVO object)"))
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
