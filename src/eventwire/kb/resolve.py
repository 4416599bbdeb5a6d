"""Date-aware actor resolution: alias matches and NER spans -> ActorMention.

Adjacent pieces of one noun phrase ("Russian" + "Foreign Minister" + "Sergei Lavrov", "Bộ Quốc phòng"
+ "Nga", "Syrian" + "troops") are composed into one actor: a person wins; else a named organisation
(with a role word giving the sector, "NATO troops"); else a country reference plus a role (a title
resolves to the office-holder on the date; otherwise a generic country+sector actor); else a lone
country, capital/seat of power (metonym -> government), demonym, or role word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from eventwire.kb.matcher import KIND, REF, AliasMatch
from eventwire.kb.normalize import norm
from eventwire.model import ActorMention

COUNTRY_KINDS = ("country", "capital", "seat", "demonym", "region")
PLACE_KINDS = ("country", "capital", "seat", "region")
ORG_KINDS = ("igo", "group", "org")
PERSON_KINDS = ("person", "person_short")
ARMED_SECTORS = frozenset({"MIL", "COP", "SPY", "REB", "CRM"})  # a named armed body keeps its own sector
OFFICE_RANK = ("head_of_state", "head_of_government", "secretary_general", "foreign_minister",
               "defence_minister", "vice_president", "interior_minister", "spokesperson", "minister",
               "chief_of_staff", "intelligence_chief", "igo_head", "legislature_speaker",
               "opposition_leader", "party_leader", "group_leader")
DEFAULT_CONNECTORS = ("", "'s", "'", "-", "the", "of", "of the")
NO_COUNTRY_MARK = " [no country]"
DATELINE_AFTER = re.compile(r"\s*(?:[-–—(]|,\s*\w+\.?\s+\d)")


def dateline_places(text: str, lang: str | None = None) -> list[tuple[int, int]]:
    """Spans of the place part of datelines ("ANKARA (Reuters) -", "القاهرة (رويترز) -",
    "新华社莫斯科3月3日电"): where the report was filed, not an actor. The detector is
    eventwire.ingest.dateline (actors@1 reuses the article's datelines from doc.notes)."""
    from eventwire.ingest.dateline import detect, place_spans

    return place_spans(detect(text, lang))


@dataclass
class Atom:
    start: int
    end: int
    text: str
    kind: str  # KB entry kind, or "ner_person" / "ner_org"
    entries: tuple = ()
    sentence: int | None = None
    source: str = "kb-alias"
    via_place: bool = False
    posting: bool = False  # the host country of an envoy ("ambassador to Turkey"), not the actor's own

    @property
    def refs(self) -> list[str]:
        return [e[REF] for e in self.entries]


@dataclass
class Context:
    """Per-article state: persons seen so far (for short names and repeats)."""

    persons: dict[str, str] = field(default_factory=dict)  # normalised surname/full -> actor id
    ner_persons: dict[str, tuple] = field(default_factory=dict)  # surname -> (country, sector, name, reason)
    countries: dict[str, int] = field(default_factory=dict)  # country -> mentions so far
    doc_countries: set[str] = field(default_factory=set)  # countries named anywhere in the text


def atoms_from_matches(matches: list[AliasMatch], sentence_of=None) -> list[Atom]:
    return [Atom(m.start, m.end, m.text, m.kind, m.entries,
                 sentence_of(m.start) if sentence_of else None) for m in matches]


def _day(date: str | None) -> str | None:
    if not date:
        return None
    d = str(date)[:10]
    return d if len(d) == 10 else None


def _pad(d: str | None, end: bool = False) -> str:
    if not d:
        return "9999-12-31" if end else "0000-01-01"
    if len(d) == 4:
        return d + "-01-01"
    if len(d) == 7:
        return d + "-01"
    return d


def active_offices(actor: dict[str, Any], day: str) -> list[tuple]:
    out = [o for o in actor.get("offices") or () if _pad(o[3]) <= day < _pad(o[4], end=True)]
    out.sort(key=lambda o: OFFICE_RANK.index(o[0]) if o[0] in OFFICE_RANK else 99)
    return out


def describe_office(o: tuple) -> str:
    return f"{o[0]} {o[1]} {o[3] or '?'}..{o[4] or ''}"


def actor_at(kb, aid: str, day: str | None) -> tuple[str | None, str | None, str, float]:
    """(country, sector, reason, confidence) of a KB actor on a date."""
    a = kb.actors[aid]
    if a["kind"] != "person":
        return a["country"], a["sector"], f"{a['kind']} {a['name']}", 0.9
    offices = a.get("offices") or ()
    if day:
        act = active_offices(a, day)
        if act:
            o = act[0]
            return o[1], o[2], f"in office on {day}: {describe_office(o)}", 0.95
        if offices:
            past = [o for o in offices if _pad(o[4], end=True) <= day]
            if past:
                last = max(past, key=lambda o: _pad(o[4], end=True))
                why = f"not in office on {day} (last: {describe_office(last)}); sector left null"
            else:
                why = f"not yet in office on {day} (first: {describe_office(min(offices, key=lambda o: _pad(o[3])))}); sector left null"
            return a.get("nationality"), None, why, 0.8
        return a.get("nationality"), None, "person without recorded offices; nationality only", 0.7
    # no date: what every office agrees on
    countries = {o[1] for o in offices}
    sectors = {o[2] for o in offices}
    if len(countries) == 1:
        country = next(iter(countries))
        sector = next(iter(sectors)) if len(sectors) == 1 else None
        return country, sector, "no date; from offices held (" + "; ".join(describe_office(o) for o in offices[:3]) + ")", 0.75
    return a.get("nationality"), None, "no date and offices in several countries; nationality only", 0.6


class Composer:
    def __init__(self, kb, lang: str | None, day: str | None) -> None:
        self.kb = kb
        self.lang = lang
        self.day = _day(day)
        rules = kb.lang_rules.get(lang or "", {})
        self.connectors = {norm(c).strip() for c in rules.get("connectors") or DEFAULT_CONNECTORS}
        self.connectors.add("")
        self.head_first = rules.get("head", "last") == "first"
        self.locative_before = {norm(w) for w in rules.get("locative_before") or ()}
        self.locative_suffixes = tuple(norm(w) for w in rules.get("locative_suffixes") or ())
        self.former = {norm(w) for w in rules.get("former") or ()}
        self.locative_skip = {norm(w) for w in rules.get("locative_skip") or ()}
        self.place_connectors = {norm(w).strip() for w in rules.get("place_connectors") or ()}
        self.coordinators = {norm(w).strip() for w in rules.get("coordinators") or ()}
        self.posting_connectors = {norm(w).strip() for w in rules.get("posting_connectors") or ()}

    # ---- chains -------------------------------------------------------------------------------
    def _envoy(self, a: Atom) -> bool:
        return a.kind == "role" and bool(self.kb.roles[a.entries[0][REF]].get("envoy"))

    def _gap(self, text: str, prev: Atom, a: Atom) -> str:
        raw_gap = text[prev.end:a.start]
        gap = " ".join(norm(raw_gap).split())
        if gap == "-" and raw_gap != raw_gap.strip():
            gap = " - "  # a spaced dash separates ("ANKARA - Minister ..."), a hyphen joins
        return gap

    def chains(self, text: str, atoms: list[Atom]) -> list[list[Atom]]:
        out: list[list[Atom]] = []
        atoms = sorted(atoms, key=lambda x: x.start)
        for i, a in enumerate(atoms):
            if out:
                prev = out[-1][-1]
                gap = self._gap(text, prev, a)
                same = a.start >= prev.end and a.sentence == prev.sentence
                chain = out[-1]
                envoy = any(self._envoy(x) for x in chain)
                if (same and a.kind in PLACE_KINDS and envoy and gap in self.posting_connectors
                        and any(x.kind in COUNTRY_KINDS or x.kind in ORG_KINDS for x in chain)
                        and not any(x.posting or x.kind in PERSON_KINDS or x.kind == "ner_person" for x in chain)):
                    # "Russia's ambassador to Turkey", "посол России в Турции": where the envoy serves.
                    # Without a sender ("an embassy in Tehran") the place stays a place of its own.
                    a.posting = True
                    chain.append(a)
                    continue
                nxt = atoms[i + 1] if i + 1 < len(atoms) else None
                if (same and a.kind in PLACE_KINDS and nxt is not None and self._envoy(nxt)
                        and nxt.sentence == a.sentence and gap in self.connectors
                        and self._gap(text, a, nxt) in self.connectors
                        and all(x.kind in COUNTRY_KINDS and not x.posting for x in chain)):
                    # "Rusya'nın Ankara Büyükelçisi" (Russia's Ankara ambassador): the possessor sends,
                    # the second place hosts
                    a.posting = True
                    chain.append(a)
                    continue
                bare_name_after_place = (a.kind == "ner_person" and prev.kind in COUNTRY_KINDS and not prev.posting
                                         and gap not in ("'s", "'"))  # "... to Turkey Andrey Karlov"
                after_post = prev.posting and not (a.kind in PERSON_KINDS or a.kind == "ner_person" or self._envoy(a))
                if (same and gap in self.connectors and self._joinable(out[-1], a) and not bare_name_after_place
                        and not after_post):
                    out[-1].append(a)
                    continue
                # "rebels in Darfur", "refugees from Syria": a role without a country takes the place's
                if (same and gap in self.place_connectors and a.kind in PLACE_KINDS and prev.kind == "role" and not envoy
                        and not any(x.kind in COUNTRY_KINDS or x.kind in ORG_KINDS or x.kind in PERSON_KINDS
                                    or x.kind == "ner_person" for x in out[-1])):
                    a.via_place = True
                    out[-1].append(a)
                    continue
            out.append([a])
        return out

    @staticmethod
    def _joinable(chain: list[Atom], a: Atom) -> bool:
        kinds = [x.kind for x in chain]
        is_person = a.kind in PERSON_KINDS or a.kind == "ner_person"
        if is_person and any(k in PERSON_KINDS or k == "ner_person" for k in kinds):
            return False
        if a.kind in ORG_KINDS and any(k in ORG_KINDS for k in kinds):
            return False
        if a.kind in COUNTRY_KINDS and any(k in COUNTRY_KINDS for k in kinds):
            return False
        if any(k in PERSON_KINDS or k == "ner_person" for k in kinds):
            return False  # nothing attaches after a name ("Putin" "Russia" are two actors)
        return True

    # ---- resolution -----------------------------------------------------------------------------
    def resolve(self, text: str, atoms: list[Atom], ctx: Context | None = None) -> list[ActorMention]:
        ctx = ctx or Context()
        for a in atoms:  # for acronyms shared by several countries' actors ("SNA", "ISF")
            if a.kind in COUNTRY_KINDS and not a.posting and a.entries:
                c = self.kb.actors.get(a.entries[0][REF], {}).get("country")
                if c:
                    ctx.doc_countries.add(c)
            elif a.kind in ORG_KINDS and a.entries:  # an unambiguous national force or group ("FARDC")
                cs = {self.kb.actors.get(e[REF], {}).get("country") for e in a.entries if e[KIND] in ORG_KINDS}
                if len(cs) == 1 and None not in cs:
                    ctx.doc_countries |= cs
        out: list[ActorMention] = []
        chains = self.chains(text, atoms)
        bare: set[int] = set()
        hosts: list[tuple] = []
        for i, chain in enumerate(chains):
            borrowed: list[Atom] = []
            nxt = chains[i + 1] if i + 1 < len(chains) else None
            if (nxt and len(chain) == 1 and chain[0].kind == "demonym" and nxt[0].kind == "demonym"
                    and any(x.kind == "role" for x in nxt) and nxt[0].sentence == chain[0].sentence
                    and " ".join(norm(text[chain[-1].end:nxt[0].start]).split()) in self.coordinators):
                # "Hungarian and Romanian officials": the first demonym shares the role
                borrowed = [x for x in nxt if x.kind == "role"]
            am = self._chain(text, chain, ctx, borrowed)
            if am is not None:
                if len(chain) == 1 and chain[0].kind == "demonym" and not borrowed:
                    bare.add(len(out))
                for x in chain:
                    if x.posting:  # the host is still a country named in the sentence
                        hosts.append((am.sentence, self.kb.actors.get(x.entries[0][REF], {}).get("country")))
                out.append(am)
                if am.country:
                    ctx.countries[am.country] = ctx.countries.get(am.country, 0) + 1
        return self._sentence_context(out, bare, hosts)

    def _sentence_context(self, out: list[ActorMention], bare: set[int] = frozenset(),
                          hosts: list[tuple] = ()) -> list[ActorMention]:
        """A role or unknown person without a country takes the sentence's only country, if it has one.

        A demonym standing alone (indexes in `bare`) qualifies its own noun phrase ("the kidnapped
        Italian engineers", "the Italians"), not a generic agent elsewhere in the sentence."""
        from dataclasses import replace

        by_sent: dict[Any, set[str]] = {}
        for sent, c in hosts:
            if c:
                by_sent.setdefault(sent, set()).add(c)
        for i, am in enumerate(out):
            if i in bare:
                continue
            if am.country and len(am.country) == 3 and am.country.isalpha() and am.country.isupper():
                by_sent.setdefault(am.sentence, set()).add(am.country)
        fixed = []
        for am in out:
            countries = by_sent.get(am.sentence, set())
            if am.reason.endswith(NO_COUNTRY_MARK):
                reason = am.reason[: -len(NO_COUNTRY_MARK)]
                if am.country is None and len(countries) == 1:
                    c = next(iter(countries))
                    am = replace(am, country=c, confidence=round(am.confidence * 0.7, 3),
                                 reason=reason + f"; country {c} from the sentence (the only country named in it)")
                else:
                    am = replace(am, reason=reason)
            fixed.append(am)
        return fixed

    def _preceding_word(self, text: str, start: int) -> str:
        words = [w.strip(",;:") for w in norm(text[max(0, start - 40):start]).split()]
        while words and words[-1] in self.locative_skip:
            words.pop()  # "in central Baghdad", "in northern Syria"
        return words[-1] if words else ""

    def _chain(self, text: str, chain: list[Atom], ctx: Context, borrowed: list[Atom] | None = None) -> ActorMention | None:
        start, end = chain[0].start, chain[-1].end
        span_text = text[start:end]
        sent = chain[0].sentence
        persons = [a for a in chain if a.kind in PERSON_KINDS or a.kind == "ner_person"]
        orgs = [a for a in chain if a.kind in ORG_KINDS]
        crefs = [a for a in chain if a.kind in COUNTRY_KINDS and not a.posting]
        posts = [a for a in chain if a.posting]
        roles = [a for a in chain if a.kind == "role"] + list(borrowed or ())
        role_specs = [self.kb.roles[a.entries[0][REF]] for a in roles]
        ordered = list(zip(roles, role_specs))
        if not self.head_first:
            ordered.reverse()
        strong = [x for x in ordered if not x[1].get("weak")] or ordered
        head_atom, head_role = strong[0] if strong else (None, None)
        former = self._preceding_word(text, start) in self.former or any(
            norm(a.text) in self.former for a in roles)
        cref_country, cref_why = (self._country_of(crefs[0], ctx) if crefs else (None, ""))
        kb = self.kb

        def mk(aid, name, country, sector, wikidata, conf, reason):
            if posts:
                host = kb.actors.get(posts[0].entries[0][REF], {}).get("country")
                note = f"; '{posts[0].text}' is where the envoy serves ({host}), not the envoy's country"
                reason = reason[:-len(NO_COUNTRY_MARK)] + note if reason.endswith(NO_COUNTRY_MARK) else reason + note
            return ActorMention(start=start, end=end, text=span_text, actor_id=aid, name=name, country=country,
                                sector=sector, wikidata=wikidata, as_of=self.day, confidence=round(conf, 3),
                                reason=reason, sentence=sent)

        if persons:
            p = persons[0]
            aid, why = self._person(p, chain, cref_country, head_role, ctx)
            if aid:
                a = kb.actors[aid]
                country, sector, reason, conf = actor_at(kb, aid, self.day)
                if (not self.day and sector is None and head_role and head_role.get("type") == "title"
                        and head_role.get("sector") and not former):
                    sector = head_role["sector"]
                    reason += f"; sector {sector} from the title '{head_atom.text}' (no date to check offices)"
                if former and sector:
                    reason += "; text says former"
                return mk(aid, a["name"], country, sector, a.get("wikidata"), conf * (0.9 if p.kind == "person_short" else 1),
                          f"{why}; {reason}")
            # a name the KB does not know: country and sector from its title, or an earlier mention
            key = norm(p.text).split()[-1] if p.text.split() else norm(p.text)
            if cref_country or head_role:
                sector = None if former else (head_role or {}).get("sector")
                reason = f"person not in KB; from title '{span_text[:p.start - start].strip()}'"
                ctx.ner_persons[key] = (cref_country, sector, p.text, reason)
                if not cref_country:
                    reason += NO_COUNTRY_MARK
                return mk(f"ew:name:{norm(p.text)}", p.text, cref_country, sector, None, 0.6, reason)
            if key in ctx.ner_persons:
                c, s, name, r = ctx.ner_persons[key]
                return mk(f"ew:name:{norm(name)}", name, c, s, None, 0.55, f"same person as '{name}' earlier ({r})")
            return mk(f"ew:name:{norm(p.text)}", p.text, None, None, None, 0.3,
                      "person not in KB; no title or country")
        if orgs:
            o = orgs[0]
            aid, why_pick = self._pick_org(o, cref_country, ctx)
            if aid is None:
                # one alias, several countries' actors ("SNA": Somali army / Syrian rebels) and nothing
                # in the article to tell them apart: no country rather than a guess
                sector = (head_role or {}).get("sector") if head_role and head_role.get("type") != "title" else None
                return mk(f"ew:name:{norm(o.text)}", o.text, None, sector, None, 0.3, why_pick)
            a = kb.actors[aid]
            office = (head_role or {}).get("office")
            if office and self.day and not former and a.get("country"):
                holders = kb.holders(office, a["country"], self.day)
                if len(holders) == 1:  # "NATO Secretary General" -> the holder on that date
                    h = kb.actors[holders[0]]
                    c2, s2, reason, conf = actor_at(kb, holders[0], self.day)
                    return mk(holders[0], h["name"], c2, s2, h.get("wikidata"), 0.8,
                              f"title '{span_text}' -> {office} of {a['country']} on {self.day}: {h['name']}; {reason}")
            sector = a["sector"]
            reason = f"{a['kind']} {a['name']}"
            if why_pick:
                reason += f" ({why_pick})"
            elif len({e[REF] for e in o.entries}) > 1:
                reason += f" (ambiguous alias: {len(o.entries)} candidates, chose highest weight)"
            if (head_role and head_role.get("sector") and head_role["type"] != "title"
                    and sector in ARMED_SECTORS and head_role["sector"] in ARMED_SECTORS):
                # "RSF soldiers", "police officers of the PNP": a force word keeps the named force's own sector
                reason += f"; '{head_atom.text}' keeps the organisation's sector"
            elif head_role and head_role.get("sector") and head_role["type"] != "title":
                sector = head_role["sector"]
                reason += f"; sector {sector} from '{head_atom.text}'"
            elif head_role and head_role.get("sector") and a["kind"] in ("igo", "ngo"):
                sector = head_role["sector"]
                reason += f"; sector {sector} from title '{head_atom.text}'"
            country = a["country"] or cref_country
            return mk(aid, a["name"], country, sector, a.get("wikidata"), 0.9, reason)
        if crefs and head_role:
            country = cref_country
            office = head_role.get("office")
            if office and self.day and not former:
                holders = kb.holders(office, country, self.day)
                if len(holders) == 1:
                    aid = holders[0]
                    a = kb.actors[aid]
                    c2, s2, reason, conf = actor_at(kb, aid, self.day)
                    return mk(aid, a["name"], c2, s2, a.get("wikidata"), 0.8,
                              f"title '{span_text}' -> {office} of {country} on {self.day}: {a['name']}; {reason}")
            sector = None if (former and head_role.get("type") == "title") else head_role.get("sector")
            aid = f"ew:{country}:{sector}" if sector else f"ew:{country}"
            name = kb.actors.get(f"ew:{country}", {}).get("name", country)
            why = f"{cref_why} + role '{head_atom.text}' -> {sector}"
            if office and not self.day:
                why += "; no date, office-holder not resolved"
            if former:
                why += "; text says former, so no current sector"
            return mk(aid, f"{name} ({sector})" if sector else name, country, sector, None, 0.75, why)
        if crefs:
            c = crefs[0]
            if c.kind in ("capital", "seat"):
                aid = c.entries[0][REF]
                if self._locative(text, c):
                    # "in Ankara" is a place, not the government: country only
                    country = kb.actors[aid]["country"]
                    a = kb.actors[f"ew:{country}"]
                    return mk(a["id"], a["name"], country, None, None, 0.5,
                              f"{c.kind} '{c.text}' after a locative word: a place in {country}, not its government")
                a = kb.actors[aid]
                return mk(aid, a["name"], a["country"], "GOV", None, 0.8,
                          f"{c.kind} '{c.text}' as metonym for the government of {a['country']}")
            a = kb.actors[f"ew:{cref_country}"]
            conf = {"country": 0.85, "demonym": 0.75, "region": 0.5}.get(c.kind, 0.7)
            return mk(a["id"], a["name"], cref_country, None, None, conf, cref_why)
        if roles:
            r = head_role
            if not r.get("alone", True):
                return None  # "people", "the state": an actor only next to a country or organisation
            if r.get("type") == "title" and not r.get("country"):
                # a bare title ("the president") names nobody we can identify without a country
                return mk(f"ew:-:{r['sector']}", head_atom.text, None, r.get("sector"), None, 0.3,
                          f"title '{head_atom.text}' without a country")
            country = r.get("country")
            return mk(f"ew:{country or '-'}:{r['sector']}", head_atom.text, country, r.get("sector"), None, 0.5,
                      f"role '{head_atom.text}' -> {r.get('sector')}; no country in the phrase" + NO_COUNTRY_MARK)
        named = [a for a in chain if a.kind == "ner_org" and a.entries]
        if named:
            o = named[0]
            country = kb.actors[o.entries[0][REF]]["country"]
            sector = head_role.get("sector") if head_role else None
            return mk(f"ew:name:{norm(o.text)}", o.text, country, sector, None, 0.4,
                      f"organisation not in KB, named after a place in {country} ({o.source})")
        return None  # an organisation name the KB does not know, with nothing to place it: not coded

    def _pick_org(self, o: Atom, cref_country: str | None, ctx: Context) -> tuple[str | None, str]:
        """The organisation an alias names. When its candidates belong to different countries, the
        country in the phrase, else one named earlier, else one named anywhere in the article decides;
        (None, reason) when none does."""
        refs = list(dict.fromkeys(e[REF] for e in o.entries if e[KIND] in ORG_KINDS))
        country = {r: self.kb.actors[r].get("country") for r in refs}
        if len(set(country.values())) <= 1:
            return o.entries[0][REF], ""
        names = ", ".join(f"{self.kb.actors[r]['name']} ({country[r]})" for r in refs)
        for label, seen in (("the country in the phrase", {cref_country} if cref_country else set()),
                            ("a country named earlier in the article", set(ctx.countries)),
                            ("a country named in the article", ctx.doc_countries)):
            hit = [r for r in refs if country[r] in seen]
            if len({country[r] for r in hit}) == 1:
                return hit[0], f"ambiguous alias '{o.text}' among {names}; chose {country[hit[0]]} by {label}"
        return None, f"ambiguous alias '{o.text}' among {names}; no country in the article decides"

    def _locative(self, text: str, c: Atom) -> bool:
        if self._preceding_word(text, c.start) in self.locative_before:
            return True
        line_start = text.rfind("\n", 0, c.start) + 1
        if not text[line_start:c.start].strip() and DATELINE_AFTER.match(text, c.end):
            return True  # a dateline ("ANKARA - ...", "MOSCOW, Oct 5 (Reuters) -")
        after = norm(text[c.end:c.end + 6])
        return any(after.startswith(s) for s in self.locative_suffixes)

    def _country_of(self, c: Atom, ctx: Context | None = None) -> tuple[str | None, str]:
        cands = list(dict.fromkeys(self.kb.actors[e[REF]]["country"] for e in c.entries
                                   if e[KIND] in COUNTRY_KINDS and self.kb.actors.get(e[REF], {}).get("country")))
        if len(cands) <= 1:
            a = self.kb.actors[c.entries[0][REF]]
            return a["country"], f"{c.kind} '{c.text}' -> {a['country']}"
        seen = [x for x in cands if ctx and ctx.countries.get(x)]
        if len(seen) == 1:
            return seen[0], f"{c.kind} '{c.text}' -> {seen[0]} (ambiguous among {', '.join(cands)}; {seen[0]} named earlier in the article)"
        return cands[0], f"{c.kind} '{c.text}' -> {cands[0]} (ambiguous among {', '.join(cands)}; chose the most widely used name)"

    def _person(self, p: Atom, chain: list[Atom], cref_country, head_role, ctx: Context) -> tuple[str | None, str]:
        kb = self.kb
        if p.kind == "ner_person":
            # a name spaCy/underthesea found: a known surname seen earlier in this article, or its last word
            k = norm(p.text)
            if k in ctx.persons:
                return ctx.persons[k], f"same as earlier mention '{p.text}'"
            last = k.split()[-1] if k.split() else k
            if last in ctx.persons:
                return ctx.persons[last], f"surname '{p.text.split()[-1]}' of a person named earlier"
            return None, ""
        cands = list(dict.fromkeys(e[REF] for e in p.entries if e[KIND] in PERSON_KINDS))
        k = norm(p.text)
        why = f"alias '{p.text}'"
        if len(cands) > 1:
            earlier = [c for c in cands if c in ctx.persons.values()]
            if len(earlier) == 1:
                cands, why = earlier, why + f" (ambiguous; same person as named earlier)"
        if len(cands) > 1 and self.day:
            act = [c for c in cands if active_offices(kb.actors[c], self.day)]
            if len(act) >= 1:
                if cref_country:
                    act2 = [c for c in act if any(o[1] == cref_country for o in active_offices(kb.actors[c], self.day))]
                    act = act2 or act
                if len(act) < len(cands):
                    why += f" (ambiguous among {len(cands)}; chose who was in office on {self.day})"
                cands = act
        if len(cands) > 1 and cref_country:
            cc = [c for c in cands if kb.actors[c].get("nationality") == cref_country
                  or any(o[1] == cref_country for o in kb.actors[c].get("offices") or ())]
            if cc:
                cands, why = cc, why + f" (ambiguous; chose by country {cref_country} in the phrase)"
        if len(cands) > 1 and ctx.countries:
            cc = sorted(cands, key=lambda c: -ctx.countries.get(kb.actors[c].get("nationality"), 0))
            if ctx.countries.get(kb.actors[cc[0]].get("nationality"), 0) > 0:
                cands, why = cc[:1], why + " (ambiguous; chose by countries mentioned earlier in the article)"
        if len(cands) > 1:
            why += f" (ambiguous among {len(cands)}; chose the first listed)"
        aid = cands[0] if cands else None
        if aid:
            ctx.persons[k] = aid
            name = kb.actors[aid]["name"]
            ctx.persons[norm(name)] = aid
            last = norm(name).split()[-1]
            ctx.persons.setdefault(last, aid)
            if p.kind == "person_short":
                why = f"short name {why}"
        return aid, why
