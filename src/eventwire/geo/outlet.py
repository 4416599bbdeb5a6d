"""Outlet local lexicon: a local outlet mostly writes about its own area (Lieberman, Samet &
Sankaranarayanan 2010, "local lexicon"). A paper in Alexandria, Louisiana writes "Pineville" with no state.

Learned from the system's OWN confident resolutions in the outlet's other articles (never from gold):
unambiguous names (every candidate in one admin1 region), names qualified in the text ("Athens, Ga."),
admin1 regions named directly, and namesakes the article's own regional context chose (its state named,
places nearby). The profile is a count of confident places per admin1 region and per country; an
article's names spread over several admin1 regions get a prior towards the regions its outlet reports.
Used by `eventwire analyze` (repair_docs, in memory) and `eventwire run` (repair_store, before the
corpus stages); the eval builds each record's Article with its outlet as `source` and calls the same code.

Order-independent by construction: pass 1 resolves every article without the lexicon; profiles are sums
over pass-1 evidence; pass 2 re-resolves each article with its outlet's profile minus its own evidence
(leave one out: the article's own names already count as in-article context). An outlet with no other
confident places gives no prior, so a single article resolves exactly as without the lexicon.
"""
from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from eventwire.geo.gazetteer import Gazetteer, load
from eventwire.geo.names import name_key
from eventwire.geo.toponyms import Toponym
from eventwire.model import PlaceMention

# a prior needs this many confident places from at least MIN_ARTICLES other articles of the outlet
MIN_PLACES = 4
MIN_ARTICLES = 2
# the outlet's modal region needs this many confident places and this share of those with a region (a national
# paper spread over many states gets no regional prior); a region gets a bonus in proportion to its count
# relative to the modal region's, if it has at least MIN_REGION places ("Kansas" and "Missouri" both for
# a Kansas City paper)
MIN_MODAL = 3
MIN_SHARE = 0.25
MIN_REGION = 3
# ... found in this many of the outlet's other articles (one story about a far-away town is not a habit)
MIN_REGION_ARTICLES = 2
ADMIN1_WEIGHT = 1.5  # at the modal region (in-article admin1 context is +0.8, country +0.9..1.4)
COUNTRY_WEIGHT = 0.8
# a namesake the article's own context chose with at least this confidence (its state named, places
# nearby) counts as confident too
CONTEXT_CONF = 0.6
MIN_COUNTRY_SHARE = 0.5


@dataclass(frozen=True)
class Evidence:
    """Confident places of one article: (country ISO2, admin1 name or None, name key)."""

    places: tuple[tuple[str, str | None, str], ...] = ()


@dataclass
class OutletPrior:
    """The outlet's profile as seen by one article (its own evidence left out)."""

    source: str
    admin1: Counter = field(default_factory=Counter)  # (cc, admin1) -> confident places
    country: Counter = field(default_factory=Counter)  # cc -> confident places
    admin1_articles: Counter = field(default_factory=Counter)  # (cc, admin1) -> articles with such places
    total: int = 0
    articles: int = 0

    def usable(self) -> bool:
        return self.total >= MIN_PLACES and self.articles >= MIN_ARTICLES

    def bonus(self, G: Gazetteer, r: int, country_level: bool = True) -> tuple[float, str | None]:
        """Score added to candidate row r, and the reason (None when nothing is added). `country_level`
        False: only the outlet's regions count, not its country."""
        if not self.usable():
            return 0.0, None
        cc = G.country2(r)
        if not cc:
            return 0.0, None
        a1 = G.admin1_name(r)
        if G.is_admin1(r) or G.is_country(r):
            a1 = None
        n_a1 = self.admin1.get((cc, a1), 0) if a1 else 0
        top = max(self.admin1, key=lambda k: (self.admin1[k], k), default=None)
        n_top = self.admin1[top] if top else 0
        if (a1 and n_top >= MIN_MODAL and n_top >= MIN_SHARE * sum(self.admin1.values()) and n_a1 >= MIN_REGION
                and self.admin1_articles[top] >= MIN_REGION_ARTICLES
                and self.admin1_articles[(cc, a1)] >= MIN_REGION_ARTICLES):
            lead = "mostly reports" if (cc, a1) == top else "often reports"
            return (ADMIN1_WEIGHT * n_a1 / n_top,
                    f"outlet local lexicon: {self.source} {lead} {a1} ({n_a1} of {self.total} confident places "
                    f"in its other articles)")
        if not country_level:
            return 0.0, None
        n_cc = self.country.get(cc, 0)
        cshare = n_cc / self.total
        if cshare >= MIN_COUNTRY_SHARE and not G.is_country(r):
            return (COUNTRY_WEIGHT * cshare,
                    f"outlet local lexicon: {self.source} mostly reports {G.country3(r)} ({n_cc} of "
                    f"{self.total} confident places in its other articles)")
        return 0.0, None


def evidence(G: Gazetteer, toponyms: list[Toponym], places: list[PlaceMention]) -> Evidence:
    """Confident places of one resolved article (pass-1 output), each name counted once."""
    seen: dict[str, tuple[str, str | None, str]] = {}
    for t, pm in zip(toponyms, places):
        if t.kind != "toponym" or pm.place is None or not t.rows:
            continue
        key = name_key(t.text)
        if key in seen:
            continue
        a1s = {(G.country2(r), G.admin1_name(r)) for r in t.rows}
        ccs = {c for c, _ in a1s}
        qualified = any(n.startswith("qualified by") for n in t.notes)
        named_admin1 = pm.place.feature_code == "ADM1" and len(ccs) == 1
        if len(a1s) == 1 or qualified or named_admin1:
            cc = next(iter(ccs)) if len(ccs) == 1 else None
            row_a1 = pm.place.admin1 if pm.place.feature_code != "PCLI" else None
            if cc:
                seen[key] = (cc, row_a1, key)
        elif any(G.is_country(r) for r in t.rows):
            cc = next((G.country2(r) for r in t.rows if G.is_country(r)), None)
            if cc and pm.place.feature_code == "PCLI":
                seen[key] = (cc, None, key)  # a country named directly
        elif CONTEXT_CONF and pm.confidence >= CONTEXT_CONF and pm.place.admin1 and pm.own_context:
            # a namesake chosen clearly on the article's own context (its state named, places nearby)
            seen[key] = (G.country2(t.rows[0]) if len(ccs) == 1 else _iso2(G, pm.place.country),
                         pm.place.admin1, key)
        elif len(ccs) == 1:
            seen[key] = (next(iter(ccs)), None, key)  # a name found only in one country
    return Evidence(tuple(sorted(seen.values(), key=lambda x: (x[0], x[1] or "", x[2]))))


class OutletLexicon:
    """Evidence per outlet and article; profiles are sums, so the order articles are added in is irrelevant."""

    def __init__(self) -> None:
        self._by: dict[str, dict[str, Evidence]] = {}

    def add(self, source: str | None, article_id: str, ev: Evidence) -> None:
        if source:
            self._by.setdefault(_outlet(source), {})[article_id] = ev

    def prior(self, source: str | None, article_id: str) -> OutletPrior | None:
        if not source:
            return None
        arts = self._by.get(_outlet(source))
        if not arts:
            return None
        p = OutletPrior(_outlet(source))
        for aid, ev in arts.items():
            if aid == article_id or not ev.places:
                continue
            p.articles += 1
            p.admin1_articles.update({(cc, a1) for cc, a1, _ in ev.places if a1})
            for cc, a1, _ in ev.places:
                p.total += 1
                p.country[cc] += 1
                if a1:
                    p.admin1[(cc, a1)] += 1
        return p if p.usable() else None


def _iso2(G: Gazetteer, iso3: str | None) -> str:
    return next((k for k, v in G.iso3_of.items() if v == iso3), "") if iso3 else ""


def _outlet(source: str) -> str:
    s = source.strip().casefold()
    return s[4:] if s.startswith("www.") else s


def _copy(toponyms: list[Toponym]) -> list[Toponym]:
    return [dataclasses.replace(t, notes=list(t.notes)) for t in toponyms]


@dataclass
class Item:
    """One article for corpus-level resolution."""

    article_id: str
    source: str | None
    text: str
    toponyms: list[Toponym]
    places: list[PlaceMention] = field(default_factory=list)  # pass-1 output (filled if empty)
    lang: str | None = None


def resolve_corpus(items: Iterable[Item], G: Gazetteer | None = None, enabled: bool = True,
                   ) -> dict[str, list[PlaceMention]]:
    """article_id -> PlaceMentions, with the outlet local lexicon applied (pass 2) when enabled."""
    from eventwire.geo.resolve import resolve

    G = G or load()
    items = list(items)
    lex = OutletLexicon()
    for it in items:
        if not it.places:
            it.places = resolve(_copy(it.toponyms), G, text=it.text, lang=it.lang)
        lex.add(it.source, it.article_id, evidence(G, _qualified(G, it), it.places))
    out: dict[str, list[PlaceMention]] = {}
    for it in items:
        prior = lex.prior(it.source, it.article_id) if enabled else None
        if prior is None:
            out[it.article_id] = it.places
            continue
        new = resolve(_copy(it.toponyms), G, text=it.text, outlet=prior, lang=it.lang)
        # a place that moved only because a neighbour moved (proximity) still says why
        out[it.article_id] = [
            dataclasses.replace(p, reason=f"{p.reason}; outlet local lexicon: moved with the article's other places "
                                          f"({prior.source})")
            if p.place != o.place and "outlet local lexicon" not in p.reason else p
            for p, o in zip(new, it.places)]
    return out


def _qualified(G: Gazetteer, it: Item) -> list[Toponym]:
    """The article's toponyms as the resolver saw them (rows narrowed by "X, State")."""
    from eventwire.geo.resolve import _qualify

    return _qualify(G, _copy(it.toponyms), it.text)


def _changes(docs: list[Any]) -> dict[str, tuple[list[PlaceMention], list[dict[str, Any]]]]:
    """article id -> (new places, one record per changed place) for docs whose places the lexicon changes.
    Toponyms are recomputed from each article's mentions exactly as places@1 did."""
    from eventwire.geo.geoparse import toponyms_for

    G = load()
    items = []
    # an outlet needs MIN_ARTICLES other articles before any of its articles can get a prior
    per_outlet = Counter(_outlet(d.article.source) for d in docs if d.article.source)
    for d in docs:
        art = d.article
        if not art.source or not d.places or per_outlet[_outlet(art.source)] <= MIN_ARTICLES:
            continue
        sents = [(s.start, s.end) for s in d.sentences]
        items.append(Item(art.id, art.source, art.text, toponyms_for(art.text, art.language, list(d.mentions), sents),
                          lang=art.language))
    new = resolve_corpus(items, G) if items else {}
    by_id = {d.article.id: d for d in docs}
    out = {}
    for aid, places in new.items():
        old = {(p.start, p.end): p for p in by_id[aid].places}
        recs = [{"article_id": aid, "start": p.start, "end": p.end, "text": p.text, "old": o.place, "new": p.place,
                 "reason": p.reason, "confidence": p.confidence}
                for p in places if (o := old.get((p.start, p.end))) is not None and o.place != p.place]
        if recs:
            out[aid] = (places, recs)
    return out


def _moved(recs: list[dict[str, Any]]) -> dict[Any, tuple[Any, str]]:
    """old Place -> (new Place, reason) where every mention of the old place moved to the same new one."""
    to: dict[Any, set] = {}
    why: dict[Any, str] = {}
    for r in recs:
        to.setdefault(r["old"], set()).add(r["new"])
        why[r["old"]] = _why(r["reason"])
    return {o: (next(iter(n)), why[o]) for o, n in to.items() if o is not None and len(n) == 1}


def _why(reason: str) -> str:
    """The lexicon's part of a place's reason (the whole reason when it has none)."""
    return next((p for p in reason.split("; ") if p.startswith("outlet local lexicon")), reason)


def _label(pl: Any) -> str | None:
    """A place as one line for the repairs table: "Alexandria, Minnesota, USA (geonames 5225857)"."""
    if pl is None:
        return None
    gid = f" (geonames {pl.geonames_id})" if pl.geonames_id else ""
    return ", ".join(x for x in (pl.name, pl.admin1, pl.country) if x) + gid


def repair_docs(docs: list[Any]) -> list[dict[str, Any]]:
    """Apply the lexicon to a set of AnalyzedArticle (places@1 output) in place; returns one record per
    changed place (article id, span, old and new place, reason). An event located at a place that moved
    gets the new place (and its id, which hashes the place, is recomputed) with the reason appended."""
    docs = [d for d in docs if getattr(d, "article", None) is not None]
    changes = []
    by_id = {d.article.id: d for d in docs}
    for aid, (places, recs) in _changes(docs).items():
        d = by_id[aid]
        d.places = places
        changes.extend(recs)
        moved = _moved(recs)
        if moved and d.events:
            from eventwire.coding.coder import event_id

            evs = []
            for ev in d.events:
                if ev.location in moved:
                    loc, why = moved[ev.location]
                    ev = dataclasses.replace(ev, location=loc, reasons=tuple(ev.reasons) + (f"location: {why}",))
                    ev = dataclasses.replace(ev, id=event_id(ev.article_id, ev.event_type, ev.actor, ev.recipient,
                                                             ev.date, loc))
                evs.append(ev)
            d.events = evs
    return changes


def repair_store(store, min_articles: int = MIN_ARTICLES + 1,
                 after: Callable[[Any, list[str], dict[str, tuple[list, list]]], Any] | None = None) -> int:
    """The lexicon over every article in a Store whose outlet has at least `min_articles` articles: place
    annotations are rewritten, each changed place is recorded in the repairs table (field "place:<start>")
    with its reason, and events located at a moved place get the new location (their ids, already linked by
    the corpus stages, are kept). `after(repo, moved_event_ids, {article_id: (old places, new places)})`
    (places as plain dicts) runs in the same transaction (the corpus stages rebuild there the canonical events
    of moved events and the key places of the articles' stories), so a killed run leaves all of it or none.
    Recomputed from the stored mentions each time (pass 1 never reads an earlier repair), so the result does
    not depend on the order articles arrived in, and a second run changes nothing. Returns the number of
    places changed. All SQL is in store.corpus_repo."""
    import json

    from eventwire.model import AnalyzedArticle, Article, Mention, Place, RawDocument, Sentence
    from eventwire.store.corpus_repo import CorpusRepo

    repo = CorpusRepo(store)
    rows = repo.outlet_articles(min_articles)
    if not rows:
        return 0
    sents = repo.sentence_spans([r[0] for r in rows])
    docs = []
    for aid, source, text, lang, mentions, places in rows:
        d = AnalyzedArticle(RawDocument("", "store", ""), Article(id=aid, path="", text=text, source=source,
                                                                  language=lang))
        d.sentences = [Sentence(*s) for s in sents.get(aid, [])]
        d.mentions = [Mention(**m) for m in json.loads(mentions or "[]")]
        d.places = [PlaceMention(**{**p, "place": Place(**p["place"]) if p.get("place") else None})
                    for p in json.loads(places or "[]")]
        docs.append(d)
    repo.begin()
    try:
        changes = _changes(docs)
        n, moved = _write(repo, changes)
        if after is not None and changes:
            from dataclasses import asdict

            old = {d.article.id: d.places for d in docs}
            after(repo, moved, {aid: ([asdict(p) for p in old[aid]], [asdict(p) for p in places])
                                for aid, (places, _) in changes.items()})
        repo.commit()
    except BaseException:
        repo.rollback()
        raise
    return n


def _write(repo, changes: dict) -> tuple[int, list[str]]:
    """Places, repair records and moved event locations; returns (places changed, ids of moved events)."""
    import json
    from dataclasses import asdict

    n = 0
    moved_ids: list[str] = []
    for aid, (places, recs) in changes.items():
        n += len(recs)
        repo.set_places(aid, json.dumps([asdict(p) for p in places], ensure_ascii=False, default=str))
        for r in recs:
            repo.record_place_repair(aid, r["start"], _label(r["old"]), _label(r["new"]), _why(r["reason"]),
                                     r["confidence"])
        moved = {json.dumps(asdict(o), sort_keys=True, default=str): v for o, v in _moved(recs).items()}
        for eid, payload in repo.article_event_payloads(aid):
            ev = json.loads(payload)
            key = json.dumps(ev.get("location"), sort_keys=True, default=str)
            if ev.get("location") and key in moved:
                loc, why = moved[key]
                ev["location"] = asdict(loc)
                ev["reasons"] = list(ev.get("reasons") or []) + [f"location: {why}"]
                repo.set_event_location(eid, loc.country, loc.lat, loc.lon,
                                        json.dumps(ev, ensure_ascii=False, default=str))
                moved_ids.append(eid)
    return n, moved_ids
