"""Library entry points behind the CLI: run (ingest + analyse + store) and analyze (no store)."""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from eventwire.config import Settings, load_settings
from eventwire.ingest.readers import read_inputs
from eventwire.model import AnalyzedArticle, RawDocument, Reject
from eventwire.pipeline.runner import Pipeline, run_batches
from eventwire.serialize import analyzed_to_dict, reject_to_dict

log = logging.getLogger(__name__)


@dataclass
class RunSummary:
    run_id: str
    db: str
    inputs_read: int = 0
    skipped_known: int = 0
    articles_added: int = 0
    rejects_added: int = 0
    rejected: Counter = field(default_factory=Counter)
    flagged: Counter = field(default_factory=Counter)
    corpus: dict[str, Any] = field(default_factory=dict)

    @property
    def had_rejects(self) -> bool:
        return bool(self.rejected)


def stage_names(settings: Settings) -> list[str]:
    return list(settings.get("run.stages"))


def run(
    paths: list[str],
    *,
    db: str | None = None,
    settings: Settings | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    corpus: bool | None = None,
) -> RunSummary:
    """Read inputs, analyse new ones and store them. Re-running the same input adds nothing."""
    from eventwire.store import Store, input_key

    settings = settings or load_settings()
    db = db or settings.get("store.path")
    workers = workers or settings.get("run.workers")
    names = stage_names(settings)
    pipeline = Pipeline.from_names(names, settings)  # order check before touching the store
    store = Store(db)
    run_id = store.start_run("run", paths, pipeline.versions)
    summary = RunSummary(run_id=run_id, db=db)
    try:
        items = list(read_inputs(paths, max_bytes=settings.get("ingest.max_bytes"),
                                 extensions=settings.get("ingest.extensions")))
        summary.inputs_read = len(items)
        keyed: list[tuple[str | None, RawDocument | Reject]] = [
            (input_key(it) if isinstance(it, RawDocument) else None, it) for it in items
        ]
        known = store.known_inputs(k for k, _ in keyed if k)
        todo = [(k, it) for k, it in keyed if not (k and k in known)]
        summary.skipped_known = len(keyed) - len(todo)
        early = [it for _, it in todo if isinstance(it, Reject)]
        for rej in early:
            summary.rejected[rej.reason] += 1
        summary.rejects_added += store.add_rejects(early, run_id)
        docs = [(k, it) for k, it in todo if isinstance(it, RawDocument)]
        keys = iter([k for k, _ in docs])
        done = 0
        if progress:
            progress(0, len(docs))
        for results in run_batches((d for _, d in docs), names, settings, workers=workers,
                                   batch_size=settings.get("run.batch_size")):
            paired = [(next(keys), r) for r in results]
            a, r = store.write_batch(paired, run_id)
            summary.articles_added += a
            summary.rejects_added += r
            for _, res in paired:
                if isinstance(res, Reject):
                    summary.rejected[res.reason] += 1
                else:
                    for flag in res.flags:
                        summary.flagged[flag.reason] += 1
            done += len(results)
            if progress:
                progress(done, len(docs))
        if corpus if corpus is not None else settings.get("run.corpus"):
            summary.corpus = run_corpus_stages(store, settings)
        store.finish_run(run_id, "finished", summary.articles_added, summary.rejects_added)
    except BaseException as exc:
        store.finish_run(run_id, "failed", summary.articles_added, summary.rejects_added, note=repr(exc)[:500])
        raise
    finally:
        store.close()
    return summary


def run_corpus_stages(store, settings: Settings) -> dict[str, Any]:
    """Outlet local lexicon over the stored places, then the corpus stages (dedup, stories, merging, claims)
    when that package provides them."""
    from eventwire.geo.outlet import repair_store

    try:
        from eventwire.corpus import after_place_repair, run_all
    except ImportError:
        return {"place_repairs": repair_store(store)}
    # canonical events and story key places follow the repair, in its own transaction
    place_repairs = repair_store(store, after=lambda repo, ids, places: after_place_repair(repo, ids, places,
                                                                                             settings))
    return {**run_all(store, settings), "place_repairs": place_repairs}


def analyze(paths: Iterable[str], *, settings: Settings | None = None) -> dict[str, Any]:
    """Full analysis of the given inputs as plain data, with no database."""
    settings = settings or load_settings()
    pipeline = Pipeline.from_names(stage_names(settings), settings)
    rejects: list[dict[str, Any]] = []
    analyzed: list[AnalyzedArticle] = []
    for item in read_inputs(list(paths), max_bytes=settings.get("ingest.max_bytes"),
                            extensions=settings.get("ingest.extensions")):
        res = item if isinstance(item, Reject) else pipeline.analyze(item)
        if isinstance(res, Reject):
            rejects.append(reject_to_dict(res))
        else:
            analyzed.append(res)
            rejects.extend(reject_to_dict(f) for f in res.flags)
    from eventwire.geo.outlet import repair_docs

    repair_docs(analyzed)  # outlet local lexicon: places (and event locations) across the set, by outlet
    articles = [analyzed_to_dict(res) for res in analyzed]
    out: dict[str, Any] = {"articles": articles, "rejects": rejects, "stages": pipeline.versions}
    try:
        from eventwire.corpus import analyze_set
    except ImportError:
        return out
    out.update(analyze_set(analyzed, settings))
    return out
