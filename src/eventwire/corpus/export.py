"""Plain-data views of corpus results for exports, `eventwire analyze` and the report."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from eventwire.serialize import event_to_plover


def has_corpus(store) -> bool:
    return store.table_exists("canonical_events")


def canonical_records(store) -> Iterator[dict[str, Any]]:
    """Canonical events in the PLOVER export contract, plus claims and report counts."""
    from eventwire.store.corpus_repo import CorpusRepo

    for ev in CorpusRepo(store).iter_canonical():
        rec = event_to_plover(ev)
        rec["claims"] = ev.get("claims") or []
        rec["earliest_report"] = ev.get("earliest_report")
        rec["outlet_count"] = ev.get("outlet_count")
        rec["article_count"] = ev.get("article_count")
        rec["mentions"] = ev.get("mentions") or []
        yield rec


def story_records(store) -> Iterator[dict[str, Any]]:
    from eventwire.store.corpus_repo import CorpusRepo

    for s in CorpusRepo(store).iter_stories():
        yield {"id": s["id"], "label": s["label"], "first_seen": s["first_seen"], "last_seen": s["last_seen"],
               "languages": s["languages"], "article_count": s["article_count"],
               "source_count": s["source_count"], "event_count": s["event_count"],
               "key_actors": s["key_actors"], "key_places": s["key_places"],
               "articles": s["articles"], "events": s["events"]}


def stats_sections(store) -> list[dict[str, Any]]:
    """Extra report sections (report.print_stats / write_html_report): corpus totals and top stories."""
    from eventwire.store.corpus_repo import CorpusRepo

    if not has_corpus(store):
        return []
    repo = CorpusRepo(store)
    counts = repo.corpus_counts()
    if not counts["stories"] and not counts["canonical_events"]:
        return []
    top = repo.top_stories(10)
    by_type = store.con.execute(
        "SELECT event_type, count(*), sum(mention_count), count(*) FILTER (WHERE claim_status = 'contested') "
        "FROM canonical_events GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()
    sections = [
        {"title": "Across articles", "columns": ["measure", "n"], "rows": [[k.replace("_", " "), v] for k, v in counts.items()]},
        {"title": "Top stories", "columns": ["story", "first seen", "articles", "sources", "events", "languages"],
         "rows": [[_short(s["label"], 38), s["first_seen"] or "", s["article_count"],
                   s["source_count"], s["event_count"], ",".join(s["languages"])] for s in top]},
    ]
    if by_type:
        sections.append({"title": "Canonical events by type", "columns": ["type", "events", "mentions", "contested"],
                         "rows": [list(r) for r in by_type]})
    places = repo.place_repairs(limit=50)
    if places:
        sections.append({"title": f"Place repairs ({counts['place_repairs']}, first {len(places)})",
                         "columns": ["article", "field", "old", "new", "reason"],
                         "rows": [[r["article_id"][:12], r["field"], r["old_value"] or "", r["new_value"] or "",
                                   r["reason"] or ""] for r in places]})
    return sections


def _short(text: str | None, n: int) -> str:
    t = " ".join((text or "").split())
    return t if len(t) <= n else t[: n - 1].rstrip() + "…"
