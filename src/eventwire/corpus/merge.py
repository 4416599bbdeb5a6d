"""Event merging: one real-world event reported by several articles (any language) becomes one
canonical event with its mentions, claims, counts and earliest report.

Blocking: a new per-article event is compared only with canonical events of the same PLOVER type
whose date is within the tolerance (day buckets), or that belong to the same story. Then, pairwise:

  hard blocks   different type; incompatible dates; incompatible places (two different villages /
                towns more than merge_near_km apart, different admin1 regions, different countries);
                different targets (recipients); different initiators or different casualty figures
                UNLESS both reports pin the same specific place on the same day (then the difference
                is a contested claim about one event, not two events)
  evidence      same/near/containing place, same/near date, matching actors and recipients, same
                story, same mode, close casualty figures; merge at merge_threshold.

Granularity: a province-level report is compatible with a village-level one in that province, and
a month-level date with any day in that month; the canonical event keeps the most specific values.
Canonical ids are a hash of the founding mention, so they are stable across incremental runs.
"""
from __future__ import annotations

import hashlib
import math
from collections import Counter
from datetime import date
from typing import Any

from eventwire.corpus.stories import day_num

SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}
DENIAL_MODALITIES = {"negated", "denied"}
LEVEL_RANK = {"point": 4, "admin": 3, "admin1": 2, "area": 1, "country": 0}
SIZE_FIELDS = ("dead", "injured", "arrested")


def canonical_id(event_id: str) -> str:
    return "ce_" + hashlib.blake2b(event_id.encode(), digest_size=10).hexdigest()


# -- field relations ---------------------------------------------------------------------------
def place_level(pl: dict[str, Any] | None) -> str | None:
    if not pl:
        return None
    code = (pl.get("feature_code") or "").upper()
    fc = (pl.get("feature_class") or "").upper()
    if code.startswith("PCL"):
        return "country"
    if code == "ADM1":
        return "admin1"
    if fc == "A":
        return "admin"
    if fc in ("P", "S", "T", "H", "V", "R") or (pl.get("lat") is not None and fc == ""):
        return "point"
    return "area"


def _km(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _norm(s: Any) -> str:
    return str(s or "").casefold().strip()


def _admin1_of(pl: dict[str, Any]) -> str:
    return _norm(pl.get("name")) if place_level(pl) == "admin1" else _norm(pl.get("admin1"))


def place_rel(a: dict[str, Any] | None, b: dict[str, Any] | None, near_km: float) -> str:
    if not a or not b:
        return "unknown"
    if a.get("geonames_id") and a.get("geonames_id") == b.get("geonames_id"):
        return "same"
    if a.get("country") and b.get("country") and a["country"] != b["country"]:
        return "conflict"
    la, lb = place_level(a), place_level(b)
    if la == "point" and lb == "point":
        km = _km(a, b)
        if km is not None:
            return "near" if km <= near_km else "conflict"
        return "same" if _norm(a.get("name")) == _norm(b.get("name")) else "conflict"
    if la == lb and _norm(a.get("name")) == _norm(b.get("name")):
        return "same"
    if "country" in (la, lb):
        return "contains"
    a1, b1 = _admin1_of(a), _admin1_of(b)
    if a1 and b1:
        if a1 == b1:
            return "contains" if la != lb else "same"
        if la == lb == "admin1":
            return "conflict"
        if "admin1" in (la, lb):
            return "conflict"
    if la == lb == "admin":
        return "conflict"
    return "contains"


def _interval(d: str | None, g: str | None) -> tuple[int, int] | None:
    if not d:
        return None
    if "/" in d:
        a, b = d.split("/", 1)
        ia, ib = _interval(a, None), _interval(b, None)
        if ia and ib:
            return ia[0], ib[1]
        return ia or ib
    if len(d) >= 10:
        n = day_num(d)
        return (n, n) if n else None
    try:
        if len(d) == 7:
            y, m = int(d[:4]), int(d[5:7])
            start = date(y, m, 1).toordinal()
            end = (date(y + (m == 12), m % 12 + 1, 1).toordinal()) - 1
            return start, end
        if len(d) == 4:
            y = int(d)
            return date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal()
    except ValueError:
        return None
    return None


def date_rel(d1: str | None, g1: str | None, d2: str | None, g2: str | None, tol: int) -> str:
    i1, i2 = _interval(d1, g1), _interval(d2, g2)
    if not i1 or not i2:
        return "unknown"
    if i1[0] == i1[1] and i2[0] == i2[1]:
        diff = abs(i1[0] - i2[0])
        return "same" if diff == 0 else "near" if diff <= tol else "conflict"
    if i1[0] <= i2[1] + tol and i2[0] <= i1[1] + tol:
        return "contains"
    return "conflict"


def actor_key(x: dict[str, Any]) -> str:
    return (x.get("actor_id") or x.get("wikidata") or
            (f"{x.get('country')}:{x.get('sector')}" if x.get("country") else _norm(x.get("name") or x.get("text"))))


def side_rel(xs: list[dict[str, Any]], ys: list[dict[str, Any]]) -> str:
    if not xs or not ys:
        return "unknown"
    kx, ky = {actor_key(x) for x in xs}, {actor_key(y) for y in ys}
    cx, cy = {x.get("country") for x in xs} - {None}, {y.get("country") for y in ys} - {None}
    if kx & ky or cx & cy:
        return "match"
    return "conflict"


def size_rel(a: dict[str, Any], b: dict[str, Any], p: dict[str, Any]) -> str:
    rel = "unknown"
    for f in SIZE_FIELDS:
        lo1, hi1 = a.get(f), a.get(f"{f}_max") or a.get(f)
        lo2, hi2 = b.get(f), b.get(f"{f}_max") or b.get(f)
        if lo1 is None or lo2 is None:
            continue
        gap = max(0, max(lo1, lo2) - min(hi1, hi2))
        tol = max(p["size_abs_tolerance"], p["size_rel_tolerance"] * max(hi1, hi2))
        if gap > tol:
            return "differ"
        rel = "close"
    return rel


# -- canonical profile and scoring ---------------------------------------------------------
class Canonical:
    def __init__(self, cid: str, story_id: str | None) -> None:
        self.id = cid
        self.story_id = story_id
        self.members: list[dict[str, Any]] = []
        self.links: dict[str, tuple[float, str]] = {}
        self.profile: dict[str, Any] = {}

    def add(self, ev: dict[str, Any], score: float, reason: str) -> None:
        self.members.append(ev)
        self.links[ev["id"]] = (score, reason)
        if not self.profile:
            self.refresh()
        else:
            self._update(ev)

    def refresh(self) -> None:
        self.profile = {}
        for m in self.members:
            self._update(m)

    def _update(self, m: dict[str, Any]) -> None:
        """Fold one member into the matching profile: most specific place and date, size range,
        union of actors and recipients (incremental, so a big event costs O(1) per new mention)."""
        pr = self.profile
        if not pr:
            pr.update({"event_type": m["event_type"], "modality_group": _modality_group(m.get("modality")),
                       "date": None, "date_granularity": None, "_dkey": None,
                       "location": None, "size": {}, "actor": [], "recipient": [], "_ak": set(), "_rk": set(),
                       "modes": set()})
        pl = m.get("location")
        if pl and (pr["location"] is None or LEVEL_RANK.get(place_level(pl) or "", -1) >
                   LEVEL_RANK.get(place_level(pr["location"]) or "", -1)):
            pr["location"] = pl
        iv = _interval(m.get("date"), m.get("date_granularity")) if m.get("date") else None
        if iv:
            key = (iv[1] - iv[0], iv[0])
            if pr["_dkey"] is None or key < pr["_dkey"]:
                pr["_dkey"], pr["date"], pr["date_granularity"] = key, m.get("date"), m.get("date_granularity")
        sz = m.get("size") or {}
        for f in SIZE_FIELDS:
            vals = [v for v in (sz.get(f), sz.get(f"{f}_max")) if v is not None]
            if vals:
                lo, hi = min(vals), max(vals)
                if f in pr["size"]:
                    pr["size"][f] = min(pr["size"][f], lo)
                    pr["size"][f"{f}_max"] = max(pr["size"][f"{f}_max"], hi)
                else:
                    pr["size"][f], pr["size"][f"{f}_max"] = lo, hi
        for side, keys in (("actor", "_ak"), ("recipient", "_rk")):
            for x in m.get(side) or []:
                k = actor_key(x)
                if k not in pr[keys]:
                    pr[keys].add(k)
                    pr[side].append(x)
        if m.get("mode"):
            pr["modes"].add(m["mode"])


def _modality_group(modality: str | None) -> str:
    """asserted / claimed / denied / negated reports are claims about one occurred event; future,
    hypothetical and historical mentions only merge with their own kind."""
    return modality if modality in ("future", "hypothetical", "historical") else "occurred"


def _union(lists) -> list[dict[str, Any]]:
    seen, out = set(), []
    for xs in lists:
        for x in xs:
            k = actor_key(x)
            if k not in seen:
                seen.add(k)
                out.append(x)
    return out


def compare(ev: dict[str, Any], ev_story: str | None, c: Canonical, p: dict[str, Any]) -> tuple[float | None, str]:
    prof = c.profile
    if ev["event_type"] != prof["event_type"]:
        return None, "type"
    if _modality_group(ev.get("modality")) != prof["modality_group"]:
        return None, "modality"  # a planned or hypothetical event is not the event that happened
    dr = date_rel(ev.get("date"), ev.get("date_granularity"), prof["date"], prof["date_granularity"],
                  p["merge_date_tolerance_days"])
    if dr == "conflict":
        return None, "date"
    pr = place_rel(ev.get("location"), prof["location"], p["merge_near_km"])
    if pr == "conflict":
        return None, "place"
    sym = ev["event_type"] in SYMMETRIC
    if sym:
        ar = side_rel((ev.get("actor") or []) + (ev.get("recipient") or []), prof["actor"] + prof["recipient"])
        rr = "unknown"
    else:
        ar = side_rel(ev.get("actor") or [], prof["actor"])
        rr = side_rel(ev.get("recipient") or [], prof["recipient"])
    if rr == "conflict":
        return None, "recipient"
    sr = size_rel(ev.get("size") or {}, prof["size"], p)
    specific = (pr in ("same", "near") and place_level(ev.get("location")) == "point"
                and place_level(prof["location"]) == "point" and dr == "same")
    if ar == "conflict" and not specific:
        return None, "actor"
    if sr == "differ" and not specific:
        return None, "size"
    same_story = ev_story is not None and ev_story == c.story_id
    if dr == "unknown" and not same_story:
        return None, "undated outside story"
    score = {"same": 2.0, "near": 1.5, "contains": 1.0, "unknown": 0.0}[pr]
    score += {"same": 1.5, "near": 1.0, "contains": 0.5, "unknown": 0.0}[dr]
    score += 1.0 if ar == "match" else 0.0
    score += 1.0 if rr == "match" else 0.0
    score += 1.0 if same_story else 0.0
    if ev.get("mode") and prof["modes"]:
        score += 0.5 if ev["mode"] in prof["modes"] else -0.5
    score += 0.5 if sr == "close" else 0.0
    why = f"type {ev['event_type']}, place {pr}, date {dr}, actors {ar}, recipients {rr}, size {sr}" + (
        ", same story" if same_story else "")
    return score, why


# -- building the canonical record ----------------------------------------------------------
def _claimant(ev: dict[str, Any], meta: dict[str, Any]) -> tuple[str | None, str | None]:
    att = ev.get("attribution") or {}
    if att.get("speaker"):
        return att["speaker"], att.get("country")
    return meta.get("source"), None


def build(c: Canonical, meta: dict[str, dict[str, Any]], sightings: dict[str, list[dict[str, Any]]],
          p: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    ms = c.members
    prof = c.profile

    def mkey(m):
        a = meta.get(m["article_id"], {})
        return (a.get("published_at") or "9999", -(m.get("confidence") or 0), m["id"])

    ordered = sorted(ms, key=mkey)
    rep = max(ordered, key=lambda m: (LEVEL_RANK.get(place_level(m.get("location")) or "", -1),
                                      m.get("confidence") or 0, -ordered.index(m)))
    articles = sorted({m["article_id"] for m in ms}, key=lambda a: (meta.get(a, {}).get("published_at") or "9999", a))
    groups = {meta.get(a, {}).get("dup_group") or a for a in articles}
    outlets: set[str] = set()
    reports = 0
    earliest = None
    for a in articles:
        ss = sightings.get(a) or []
        reports += max(1, len(ss))
        for s in ss:
            if s.get("source"):
                outlets.add(s["source"])
            if s.get("published_at") and (earliest is None or s["published_at"] < earliest):
                earliest = s["published_at"]
        am = meta.get(a, {})
        if am.get("source"):
            outlets.add(am["source"])
        if am.get("published_at") and am.get("published_from") != "story" and (
                earliest is None or am["published_at"] < earliest):
            earliest = am["published_at"]
    stories = Counter(meta.get(m["article_id"], {}).get("story_id") for m in ordered)
    stories.pop(None, None)
    story = c.story_id or (stories.most_common(1)[0][0] if stories else None)

    claims: list[dict[str, Any]] = []
    figures: dict[str, set] = {}
    fig_src: dict[str, set] = {}
    deniers: set[str] = set()
    asserters: set[str] = set()
    denials = asserted = claimed = 0
    blame: dict[str, set] = {}
    for m in ordered:
        am = meta.get(m["article_id"], {})
        who, country = _claimant(m, am)
        sent = ((m.get("evidence") or [{}])[0] or {}).get("sentence")
        sz = m.get("size") or {}
        for f in SIZE_FIELDS:
            if sz.get(f) is None:
                continue
            v = f"{f}={sz[f]}" + (f"-{sz[f + '_max']}" if sz.get(f"{f}_max") not in (None, sz[f]) else "")
            figures.setdefault(f, set()).add((sz[f], sz.get(f"{f}_max") or sz[f]))
            fig_src.setdefault(f, set()).add(who or m["article_id"])
            claims.append(_claim(c.id, m, "casualties", v, who, country, sent))
        mod, cs = m.get("modality"), m.get("claim_status")
        if mod in DENIAL_MODALITIES or cs == "denied":
            denials += 1
            deniers.add(who or m["article_id"])
            claims.append(_claim(c.id, m, "denial", "denied", who, country, sent))
        else:
            asserted += 1
            asserters.add(who or m["article_id"])
            if cs == "claimed" or mod == "claimed":
                claimed += 1
        if (m.get("attribution") or {}).get("speaker") and m.get("actor") and mod not in DENIAL_MODALITIES:
            acts = ",".join(sorted({x.get("country") or actor_key(x) for x in m["actor"]}))
            blame.setdefault(acts, set()).add(who)
            claims.append(_claim(c.id, m, "blame", f"actor={acts}", who, country, sent))
    claims = _dedupe_claims(claims)
    contested_why = []
    for f, vals in figures.items():
        lo, hi = min(v[0] for v in vals), max(v[1] for v in vals)
        # disagreement between claimants; one source giving two figures is a range, not a contest
        if len(vals) > 1 and lo != hi and len(fig_src.get(f, ())) > 1:
            contested_why.append(f"{f} figures differ ({lo}-{hi})")
    if denials and asserted and (deniers - asserters or asserters - deniers):
        contested_why.append("denied by some sources, reported by others")
    if len(blame) > 1:
        contested_why.append("competing attributions of blame: " + " vs ".join(sorted(blame)))
    if contested_why:
        status = "contested"
    elif denials and not asserted:
        status = "denied"
    elif claimed and claimed == asserted:
        status = "claimed"
    else:
        status = rep.get("claim_status") if rep.get("claim_status") in ("reported", "claimed") else "reported"

    size = {f: None for f in SIZE_FIELDS}
    for f in SIZE_FIELDS:
        size[f"{f}_max"] = None
        if f in figures:
            lo, hi = min(v[0] for v in figures[f]), max(v[1] for v in figures[f])
            size[f] = lo
            size[f"{f}_max"] = hi if hi != lo else None
    evidence, seen = [], set()
    for m in ordered:
        am = meta.get(m["article_id"], {})
        for e in m.get("evidence") or []:
            k = (e.get("article_id"), e.get("start"), e.get("end"))
            if k in seen:
                continue
            seen.add(k)
            e = dict(e)
            for f in ("path", "source", "url", "language"):
                if e.get(f) is None:
                    e[f] = am.get(f)
            evidence.append(e)
    modes = Counter(m.get("mode") for m in ms if m.get("mode"))
    scores = [m["score"] for m in ms if m.get("score") is not None]
    modality = "asserted" if any(m.get("modality") == "asserted" for m in ms) else rep.get("modality")
    reasons = list(rep.get("reasons") or [])
    if len(ms) > 1:
        reasons.append(f"merged {len(ms)} mentions from {len(articles)} articles ({len(groups)} independent sources)")
    reasons.extend(f"{why}" for eid, (_s, why) in c.links.items() if why and why != "founding mention")
    reasons.extend(contested_why)
    out = {
        "id": c.id, "event_type": rep["event_type"],
        "mode": modes.most_common(1)[0][0] if modes else None,
        "contexts": sorted({x for m in ms for x in (m.get("contexts") or [])}),
        "cameo_root": rep.get("cameo_root") or next((m.get("cameo_root") for m in ms if m.get("cameo_root")), None),
        "acled_subtype": rep.get("acled_subtype") or next((m.get("acled_subtype") for m in ms if m.get("acled_subtype")), None),
        "score": round(sum(scores) / len(scores), 3) if scores else None,
        "actor": _union([rep.get("actor") or []] + [m.get("actor") or [] for m in ordered]),
        "recipient": _union([rep.get("recipient") or []] + [m.get("recipient") or [] for m in ordered]),
        "date": prof["date"], "date_granularity": prof["date_granularity"],
        "location": prof["location"], "size": size,
        "modality": modality, "attribution": rep.get("attribution"), "claim_status": status,
        "confidence": max((m.get("confidence") or 0) for m in ms),
        "reasons": reasons, "evidence": evidence, "trigger": rep.get("trigger"),
        "story_id": story, "mention_count": reports, "article_count": len(articles),
        "source_count": len(groups), "source_groups": sorted(groups),
        "outlet_count": len(outlets), "outlets": sorted(outlets),
        "earliest_report": earliest, "mentions": [m["id"] for m in ordered], "articles": articles,
        "claims": [{k: v for k, v in cl.items() if k not in ("id", "canonical_id")} for cl in claims],
    }
    if out["date"] is None:
        out["reasons"].append("date unknown in every mention")
    return out, claims


def _dedupe_claims(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One claim per (article, claimant, kind, value): an article repeating its figure is one claim."""
    seen, out = set(), []
    for c in claims:
        k = (c["article_id"], c["claimant"], c["kind"], c["value"])
        if k not in seen:
            seen.add(k)
            out.append(c)
    return out


def _claim(cid: str, m: dict[str, Any], kind: str, value: str, who: str | None, country: str | None,
           sentence: str | None) -> dict[str, Any]:
    h = hashlib.blake2b(f"{cid}\x00{m['id']}\x00{kind}\x00{value}".encode(), digest_size=10).hexdigest()
    return {"id": h, "canonical_id": cid, "event_id": m["id"], "article_id": m["article_id"], "claimant": who,
            "claimant_country": country, "kind": kind, "value": value, "sentence": sentence}


# -- the stage -------------------------------------------------------------------------------
class MergeIndex:
    def __init__(self, p: dict[str, Any]) -> None:
        self.p = p
        self.items: dict[str, Canonical] = {}
        self.by_day: dict[tuple[str, int], list[str]] = {}
        self.by_story: dict[tuple[str, str], list[str]] = {}
        self.by_type_coarse: dict[str, list[str]] = {}
        self.indexed: dict[str, tuple] = {}

    def index(self, c: Canonical) -> None:
        iv = _interval(c.profile["date"], c.profile["date_granularity"])
        t = c.profile["event_type"]
        key = (iv,)
        if self.indexed.get(c.id) == key:
            return
        self.indexed[c.id] = key
        if iv and iv[0] == iv[1]:
            country = (c.profile["location"] or {}).get("country")
            self.by_day.setdefault((t, iv[0]), {}).setdefault(country, []).append(c.id)
        elif iv:
            self.by_type_coarse.setdefault(t, []).append(c.id)
        if c.story_id:
            lst = self.by_story.setdefault((t, c.story_id), [])
            if c.id not in lst:
                lst.append(c.id)

    def candidates(self, ev: dict[str, Any], story: str | None) -> list[Canonical]:
        t = ev["event_type"]
        ids: list[str] = []
        iv = _interval(ev.get("date"), ev.get("date_granularity"))
        tol = self.p["merge_date_tolerance_days"]
        if iv:
            country = (ev.get("location") or {}).get("country")
            if iv[1] - iv[0] <= 62:
                for d in range(iv[0] - tol, iv[1] + tol + 1):
                    block = self.by_day.get((t, d))
                    if not block:
                        continue
                    if country is None:  # no place: every country's events that day
                        for lst in block.values():
                            ids.extend(lst)
                    else:  # same country, plus events whose place is unknown
                        ids.extend(block.get(country, ()))
                        ids.extend(block.get(None, ()))
            ids.extend(self.by_type_coarse.get(t, ()))
        if story:
            ids.extend(self.by_story.get((t, story), ()))
        seen, out = set(), []
        for i in ids:
            if i not in seen:
                seen.add(i)
                out.append(self.items[i])
        return out


def merge_events(repo, p: dict[str, Any]) -> dict[str, Any]:
    new = repo.new_events()
    if not new:
        return {"new_mentions": 0, "canonical_created": 0, "canonical_updated": 0, "touched": []}
    for ev in new:
        ev.setdefault("actor", [])
        ev.setdefault("recipient", [])
    arts = {e["article_id"] for e in new}
    ivs = [_interval(e.get("date"), e.get("date_granularity")) for e in new]
    ivs = [iv for iv in ivs if iv]
    tol = p["merge_date_tolerance_days"] + 1
    lo = date.fromordinal(min(iv[0] for iv in ivs) - tol).isoformat() if ivs else None
    hi = date.fromordinal(max(iv[1] for iv in ivs) + tol).isoformat() if ivs else None
    idx = MergeIndex(p)
    for c in _load(repo, repo.canonical_candidates(lo, hi)):
        idx.items[c.id] = c
        idx.index(c)
    meta = repo.article_meta(arts | {m["article_id"] for c in idx.items.values() for m in c.members})
    touched: set[str] = set()
    created = 0
    links = []
    for ev in new:
        story = meta.get(ev["article_id"], {}).get("story_id")
        best, best_score, best_why = None, -1e9, ""
        for c in idx.candidates(ev, story):
            s, why = compare(ev, story, c, p)
            if s is not None and s >= p["merge_threshold"] and (s > best_score or (s == best_score and c.id < best.id)):
                best, best_score, best_why = c, s, why
        if best is None:
            best = Canonical(canonical_id(ev["id"]), story)
            idx.items[best.id] = best
            best.add(ev, 0.0, "founding mention")
            created += 1
            links.append((ev["id"], best.id, ev["article_id"], None, "founding mention"))
        else:
            best.add(ev, best_score, best_why)
            links.append((ev["id"], best.id, ev["article_id"], round(best_score, 3), best_why))
        idx.index(best)
        touched.add(best.id)
    items = [idx.items[i] for i in sorted(touched)]
    repo.link_events(links)
    payloads = _save(repo, items, meta, p)
    return {"new_mentions": len(new), "canonical_created": created, "canonical_updated": len(items) - created,
            "touched": payloads}


def _load(repo, rows: list[dict[str, Any]]) -> list[Canonical]:
    """Stored canonical events (canonical_candidates rows) with their members' current payloads, profiles
    folded in stored link order."""
    member_evs = repo.events_by_id({m["e"] for row in rows for m in row["members"]})
    out = []
    for row in rows:
        c = Canonical(row["id"], row["story_id"])
        for link in row["members"]:
            mid = link["e"]
            if mid in member_evs:
                c.members.append(member_evs[mid])
                c.links[mid] = (link["s"] or 0.0, link["r"] or "")
        if not c.members:
            continue
        c.refresh()
        out.append(c)
    return out


def _save(repo, items: list[Canonical], meta: dict[str, dict[str, Any]], p: dict[str, Any]) -> list[dict[str, Any]]:
    """Build and store the canonical records (and their claims) of `items`; returns the payloads."""
    meta.update(repo.article_meta({m["article_id"] for c in items for m in c.members} - set(meta)))
    sightings = repo.sightings_for({m["article_id"] for c in items for m in c.members})
    payloads, claims = [], []
    for c in items:
        payload, cl = build(c, meta, sightings, p)
        payloads.append(payload)
        claims.extend(cl)
    repo.upsert_canonical(payloads)
    repo.replace_claims([c.id for c in items], claims)
    return payloads


def refresh_events(repo, event_ids, p: dict[str, Any]) -> list[dict[str, Any]]:
    """Rebuild the canonical events that per-article events `event_ids` are linked to, after a repair
    changed those events (a moved location): the same profile and build() as merging, over the members'
    current payloads. Membership and canonical ids are kept. Returns the rebuilt payloads."""
    items = sorted(_load(repo, repo.canonical_for_events(event_ids)), key=lambda c: c.id)
    return _save(repo, items, {}, p) if items else []
