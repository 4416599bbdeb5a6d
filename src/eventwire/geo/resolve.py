"""Toponym resolution: pick one gazetteer row per toponym using the article's country and admin1 context,
nearby places, feature class and population. Every choice keeps its reason."""
from __future__ import annotations

import math

import numpy as np
from collections import Counter

from eventwire.geo.gazetteer import Gazetteer, load
from eventwire.geo.names import name_key
from eventwire.geo.toponyms import Toponym, cues
from eventwire.model import PlaceMention

NEAR_KM = 250.0


FEATURE_PRIOR = {"A.PCLI": 1.2, "A.ADM1": 0.6, "A.ADM2": 0.3, "L.CONT": 1.2, "L.RGN": 0.6, "P.PPLC": 0.7}


def _prior(G: Gazetteer, r: int, matched_key: str) -> float:
    score = 0.25 * math.log10(float(G.pop[r]) + 10.0)
    score += FEATURE_PRIOR.get(G.features[G.feat[r]], 0.0)
    if G.supp[r]:
        score += 0.6
    if matched_key and name_key(G.names[r]) != matched_key:
        score -= 0.3  # matched only through an alternate name
    return score


def _context(G: Gazetteer, toponyms: list[Toponym]) -> tuple[Counter, Counter, dict[str, Counter]]:
    """Countries and admin1 regions the article is about: named directly or implied by unambiguous names.
    Also what each name spread over several countries contributed itself: such a name may not vouch for
    its own candidates ("Dublin" is an Irish region and also a town in Georgia, USA)."""
    countries: Counter = Counter()
    admin1s: Counter = Counter()
    own_a1: dict[str, Counter] = {}
    # rows of names spread over several countries: another form of such a name ("Dublin City", "Alexandria's"
    # beside "Dublin", "Alexandria") is not independent evidence for any of its readings
    spread = {r for t in toponyms if len({G.country2(x) for x in t.rows}) > 1 for r in t.rows}
    for t in toponyms:
        if not t.rows:
            continue
        if t.kind == "toponym" and len({G.country2(x) for x in t.rows}) == 1 and set(t.rows) <= spread:
            continue
        ccs = {G.country2(r) for r in t.rows} - {""}
        direct = [r for r in t.rows if G.is_country(r)]
        if not ccs:
            continue
        if t.kind == "adjectival":  # "Russian officials": the country is a topic, more weakly than its name
            countries[next(iter(ccs))] += 1
            continue
        if direct:
            countries[G.country2(direct[0])] += 2
        elif len(ccs) == 1:
            countries[next(iter(ccs))] += 1
        adm = [r for r in t.rows if G.is_admin1(r)]
        if adm and len({G.country2(r) for r in adm}) == 1:
            key = (G.country2(adm[0]), G.admin1_name(adm[0]))
            admin1s[key] += 2
            if len(ccs) > 1:
                own_a1.setdefault(name_key(t.text), Counter())[key] += 2
        else:
            a1 = {(G.country2(r), G.admin1_name(r)) for r in t.rows}
            if len(a1) == 1:
                admin1s[next(iter(a1))] += 1
    return countries, admin1s, own_a1


NEIGHBOUR_KM = 750.0
CAPITAL_OVER_REGION = 0.4


def _among_regions(G: Gazetteer, toponyms: list[Toponym], i: int, caps: set[str], text: str | None,
                   lang: str | None) -> bool:
    """Whether toponym i is listed next to an admin1 region of one of `caps` ("Washington, Oregon and Idaho")."""
    joiners = cues(lang).list_joiners
    if not text or not joiners:
        return False
    for j in (i - 1, i + 1):
        if not 0 <= j < len(toponyms):
            continue
        a, b = sorted((toponyms[i], toponyms[j]), key=lambda x: x.start)
        if text[a.end:b.start].strip() in joiners and any(
                G.is_admin1(r) and G.country2(r) in caps for r in toponyms[j].rows):
            return True
    return False


def _region_word_after(text: str | None, t: Toponym, lang: str | None) -> bool:
    if not text:
        return False
    nxt = text[t.end:t.end + 20].split()
    return bool(nxt) and nxt[0].strip(".,;:") in cues(lang).region_words


def _score(G: Gazetteer, r: int, t: Toponym, countries: Counter, admin1s: Counter,
           anchors: np.ndarray | None, prefer_cc: str | None,
           own_a1: dict[str, Counter] | None = None,
           country_pts: np.ndarray | None = None) -> tuple[float, list[str], bool]:
    """Score of candidate r, its reasons, and whether the article's own regional context (an admin1 region
    it names, nearness to its other places) added to it."""
    s = _prior(G, r, name_key(t.matched or t.text))
    why = []
    own_ctx = False
    cc = G.country2(r)
    if not cc:
        return s, why, own_ctx
    own = 2 if G.is_country(r) and t.rows and len(t.rows) == 1 else 0
    if countries.get(cc, 0) - own > 0 and not G.is_country(r):
        s += 0.9 + 0.1 * min(countries[cc], 5)
        why.append(f"country {G.country3(r)} in context")
    a1 = (cc, G.admin1_name(r))
    mine = (own_a1 or {}).get(name_key(t.text), {}).get(a1, 0)
    if a1[1] and admin1s.get(a1, 0) - mine > 0 and not G.is_admin1(r):
        s += 0.8
        why.append(f"admin1 {a1[1]} in context")
        own_ctx = True
    if prefer_cc and cc == prefer_cc:
        s += 0.5
        why.append(f"source country {G.country3(r)}")
    c = G.coords(r)
    if (c is not None and country_pts is not None and len(country_pts) and not countries.get(cc)
            and not G.is_country(r)):
        # a place just across the border of a country the article is about ("Gaza" beside Israel, not
        # the Mozambican province of that name)
        d = _min_km(c, country_pts)
        if d < NEIGHBOUR_KM:
            s += 0.4 * (1 - d / NEIGHBOUR_KM) + 0.2
            why.append(f"{d:.0f} km from a country in context")
    if c is not None and anchors is not None and len(anchors):
        d = _min_km(c, anchors)
        if d < NEAR_KM:
            s += 0.6 * (1 - d / NEAR_KM) + 0.2
            why.append(f"{d:.0f} km from other places in the article")
            own_ctx = True
    return s, why, own_ctx


def _min_km(c: tuple[float, float], anchors: np.ndarray) -> float:
    """Smallest great-circle distance (km) from c to any anchor row (lat, lon in degrees)."""
    lat1, lon1 = np.radians(c[0]), np.radians(c[1])
    lat2, lon2 = np.radians(anchors[:, 0]), np.radians(anchors[:, 1])
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return float(np.min(2 * 6371.0088 * np.arcsin(np.sqrt(np.minimum(1.0, a)))))


def _qualify(G: Gazetteer, toponyms: list[Toponym], text: str | None) -> list[Toponym]:
    """"Alexandria, La." / "Athens, Georgia" / "Aleppo, Syria": a place followed by a comma and a region
    or country that contains some of its candidates keeps only those candidates."""
    if not text:
        return toponyms
    for a, b in zip(toponyms, toponyms[1:]):
        if not a.rows or not b.rows or text[a.end:b.start].strip() != ",":
            continue
        outer = [r for r in b.rows if G.is_admin1(r) or G.is_country(r)]
        if not outer:
            continue
        if any(G.is_country(r) for r in a.rows) or any(
                G.is_admin1(r) and G.country2(r) == G.country2(o) for r in a.rows for o in outer):
            continue  # "Syria, Iraq and Turkey", "Washington, Oregon": a list of peers, not a qualification
        keep = tuple(r for r in a.rows if not G.is_country(r) and any(
            G.country2(r) == G.country2(o) and (G.is_country(o) or G.admin1_name(r) == G.admin1_name(o))
            for o in outer))
        if keep and len(keep) < len(a.rows):
            a.rows = keep
            a.notes.append(f"qualified by {b.text!r}")
    return toponyms


def resolve(toponyms: list[Toponym], G: Gazetteer | None = None, prefer_country: str | None = None,
            text: str | None = None, outlet=None, lang: str | None = None) -> list[PlaceMention]:
    """One PlaceMention per toponym; place=None (with a reason) when nothing in the gazetteer matches.
    `outlet` (geo.outlet.OutletPrior) adds the outlet local lexicon's prior to names spread over several
    admin1 regions that the text does not qualify."""
    G = G or load()
    toponyms = _qualify(G, toponyms, text)
    countries, admin1s, own_a1 = _context(G, toponyms)
    cpts = [c for cc in countries if (row := G.country_row(cc)) is not None and (c := G.coords(row)) is not None]
    country_pts = np.array(cpts, dtype=float) if cpts else None
    # a name shared by a country's capital and one of its regions ("Washington", "Buenos Aires") means the
    # capital, unless a region word follows ("Washington state") or it stands in a list of that country's
    # regions ("Washington, Oregon and Idaho")
    capital_named: dict[int, set[str]] = {}
    for i, t in enumerate(toponyms):
        caps = {G.country2(r) for r in t.rows if G.feature(r)[1] == "PPLC"}
        if caps and not _region_word_after(text, t, lang) and not _among_regions(G, toponyms, i, caps, text, lang):
            capital_named[id(t)] = caps
    # first pass: prior + country/admin1 context; second pass adds proximity to the other first-pass choices
    def score(r: int, t: Toponym, anchors) -> tuple[float, list[str], bool]:
        s, why, own_ctx = _score(G, r, t, countries, admin1s, anchors, prefer_country, own_a1, country_pts)
        if G.is_admin1(r) and id(t) in capital_named:
            cap = capital_named[id(t)]
            if G.country2(r) in cap:
                s -= CAPITAL_OVER_REGION
                why.append("the capital of that name is meant, not the region")
        # only names spread over several admin1 regions: the lexicon chooses between namesakes
        # (towns, counties, features), never against a country of that name; against an admin1 region of
        # that name ("Ontario") only the outlet's own region counts, not its mere country
        if (outlet is not None and t.kind == "toponym"
                and len({(int(G.cc[x]), int(G.admin1[x])) for x in t.rows}) > 1
                and not any(G.is_country(x) for x in t.rows)):
            b, w = outlet.bonus(G, r, country_level=not any(G.is_admin1(x) for x in t.rows))
            if w:
                s, why = s + b, why + [w]
        return s, why, own_ctx

    first: dict[int, int] = {}
    for i, t in enumerate(toponyms):
        if t.rows:
            first[i] = max(t.rows, key=lambda r: score(r, t, None)[0])
    out = []
    memo: dict[tuple[str, tuple[int, ...], bool], list] = {}
    for i, t in enumerate(toponyms):
        if not t.rows:
            out.append(PlaceMention(t.start, t.end, t.text, None, 0.0,
                                    f"{t.source}: no gazetteer entry for {t.text!r}", t.sentence, t.kind))
            continue
        mk = (t.text, t.rows, id(t) in capital_named)
        if mk not in memo:  # same name, same context: same answer (anchors exclude the name itself)
            own = set(t.rows)  # another form of the same name may not vouch for it ("MANSFIELD" for "Mansfield")
            pts = {c for j, r in first.items()
                   if toponyms[j].text != t.text and r not in own and not G.is_country(r)
                   and (c := G.coords(r)) is not None}
            anchors = np.array(sorted(pts), dtype=float) if pts else None
            memo[mk] = sorted(((score(r, t, anchors), r) for r in t.rows), key=lambda x: -x[0][0])
        scored = memo[mk]
        (best_s, why, own_ctx), best = scored[0]
        if len(scored) == 1:
            reason, conf = "only candidate", 0.9
        else:
            margin = best_s - scored[1][0][0]
            conf = round(min(0.95, 0.5 + margin / 2), 2)
            reason = f"best of {len(scored)} candidates"
        parts = [f"{t.source} {t.text!r}", reason]
        fc, code = G.feature(best)
        parts.append(f"{fc}.{code or ''} pop {int(G.pop[best])}")
        parts.extend(t.notes)
        parts.extend(why)
        out.append(PlaceMention(t.start, t.end, t.text, G.place(best), conf, "; ".join(parts), t.sentence,
                                t.kind, own_context=own_ctx))
    return out
