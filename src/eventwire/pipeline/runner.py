"""Running per-article stages: batches, an optional process pool, progress, per-stage error policy."""
from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace

from eventwire.errors import ConfigError, InputError, StageFailed
from eventwire.model import AnalyzedArticle, RawDocument, Reject
from eventwire.pipeline.stage import Stage, check_order, resolve

log = logging.getLogger(__name__)
ERROR_POLICIES = ("reject", "skip", "raise")


def input_name(raw: RawDocument) -> str:
    return raw.path if raw.record is None else f"{raw.path}#{raw.record}"


@dataclass
class Pipeline:
    """An ordered, checked list of stage instances."""

    stages: list[Stage]
    on_error: str = "skip"
    per_stage: dict[str, str] | None = None  # bare stage name -> policy, overrides on_error

    @classmethod
    def from_names(cls, names: Iterable[str], settings=None, on_error: str | None = None) -> Pipeline:
        stages: list[Stage] = []
        for name in names:
            try:
                factory = resolve(name)
            except Exception:
                if name.split("@")[0] in _OPTIONAL:
                    continue  # a later stage not built yet; the core runs without it
                raise
            stages.append(factory(settings))
        check_order(stages)
        policy = on_error or (settings.get("run.on_stage_error") if settings else "skip")
        per_stage = dict(settings.get("run.stage_error_policy") or {}) if settings and not on_error else {}
        for p in (policy, *per_stage.values()):
            if p not in ERROR_POLICIES:
                raise ConfigError(f"stage error policy must be one of {ERROR_POLICIES}, got {p!r}")
        return cls(stages, policy, per_stage)

    def policy_for(self, stage: Stage) -> str:
        return (self.per_stage or {}).get(stage.name.split("@")[0], self.on_error)

    @property
    def versions(self) -> dict[str, str]:
        return {s.name.split("@")[0]: s.name for s in self.stages}

    def analyze(self, raw: RawDocument) -> AnalyzedArticle | Reject:
        return self.analyze_batch([raw])[0]

    def analyze_batch(self, raws: list[RawDocument]) -> list[AnalyzedArticle | Reject]:
        """Run the stages over a batch, stage by stage, so a stage with a `prepare_batch(docs)` hook
        can do its heavy work for all articles at once (spaCy's nlp.pipe). Each article still goes
        through each stage's process() on its own, with the same per-article error policy; the hook
        only fills doc.notes caches, and if it fails each article computes its own in process()."""
        docs = [AnalyzedArticle(raw=raw) for raw in raws]
        done: list[AnalyzedArticle | Reject | None] = [None] * len(docs)
        for doc in docs:
            doc.provided.add("raw")
        for stage in self.stages:
            live = [i for i, doc in enumerate(docs) if done[i] is None and set(stage.requires) <= doc.provided]
            prepare = getattr(stage, "prepare_batch", None)
            if prepare is not None and len(live) > 1:
                try:
                    prepare([docs[i] for i in live])
                except Exception as exc:  # each article then does its own work (and fails on its own)
                    log.debug("%s.prepare_batch failed, per article instead: %s", stage.name, exc)
            for i in live:
                done[i] = self.run_stage(stage, docs[i])
        for i, doc in enumerate(docs):
            doc.notes.clear()  # scratch space; keep results small and picklable
            if done[i] is None:
                done[i] = doc
        return done  # type: ignore[return-value]

    def run_stage(self, stage: Stage, doc: AnalyzedArticle) -> Reject | None:
        """One stage on one article under the error policy: a Reject ends the article, None goes on."""
        raw = doc.raw
        try:
            stage.process(doc)
        except InputError as exc:
            return Reject(input=input_name(raw), reason=exc.reason, code=exc.code, message=exc.message,
                          stage=stage.name, article_id=doc.article.id if doc.article else None,
                          detail=exc.detail)
        except Exception as exc:
            policy = self.policy_for(stage)
            if policy == "raise":
                raise
            err = StageFailed(f"{stage.name} failed: {type(exc).__name__}: {exc}")
            rej = Reject(input=input_name(raw), reason=err.reason, code=err.code, message=err.message,
                         stage=stage.name, article_id=doc.article.id if doc.article else None,
                         detail={"traceback": traceback.format_exc(limit=6)})
            if policy == "reject" or doc.article is None:
                return rej
            doc.flags.append(replace(rej, action="flagged"))
            return None
        doc.provided |= set(stage.provides)
        doc.stage_versions[stage.name.split("@")[0]] = stage.name
        return None


# Bare stage names that may be absent while the project grows (see stages/optional.py).
from eventwire.stages.optional import LATER_STAGES as _OPTIONAL  # noqa: E402

_worker_pipeline: Pipeline | None = None


def _init_worker(names: list[str], settings, on_error: str) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline.from_names(names, settings, on_error)


def _work(batch: list[RawDocument]) -> list[AnalyzedArticle | Reject]:
    assert _worker_pipeline is not None
    return _worker_pipeline.analyze_batch(batch)


def batched(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_batches(
    docs: Iterable[RawDocument],
    names: list[str],
    settings=None,
    *,
    workers: int = 1,
    batch_size: int = 32,
    on_error: str | None = None,
    on_result: Callable[[list[AnalyzedArticle | Reject]], None] | None = None,
) -> Iterator[list[AnalyzedArticle | Reject]]:
    """Analyse documents batch by batch, in input order; yields each batch's results."""
    policy = on_error or (settings.get("run.on_stage_error") if settings else "skip")
    if workers <= 1:
        pipeline = Pipeline.from_names(names, settings, policy)
        for batch in batched(docs, batch_size):
            yield pipeline.analyze_batch(batch)
        return
    Pipeline.from_names(names, settings, policy)  # fail fast on order errors before forking
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                             initargs=(names, settings, policy)) as pool:
        pending = []
        for batch in batched(docs, batch_size):
            pending.append(pool.submit(_work, batch))
            if len(pending) >= workers * 2:  # bounded queue: memory stays flat on big inputs
                yield pending.pop(0).result()
        for fut in pending:
            yield fut.result()
