import pytest

from eventwire.errors import PipelineOrderError, UnknownStage
from eventwire.model import AnalyzedArticle, Reject
from eventwire.pipeline.runner import Pipeline
from eventwire.pipeline.stage import BaseStage, check_order, register, registered, resolve
from tests.helpers import raw

TEXT = "The council approved the new budget on Tuesday after a long debate about schools and roads."


@register
class ExplodingStage(BaseStage):
    name = "test_exploding@1"
    requires = frozenset({"sentences"})
    provides = frozenset({"boom"})

    def process(self, doc):
        raise RuntimeError("kaboom")


@register
class AfterBoomStage(BaseStage):
    name = "test_after_boom@1"
    requires = frozenset({"boom"})
    provides = frozenset({"after"})

    def process(self, doc):
        doc.notes["ran"] = True


def test_registry_has_versioned_builtin_stages():
    names = registered()
    assert {"clean@1", "language@1", "sentences@1"} <= set(names)
    assert all("@" in n for n in names)
    assert resolve("clean") is names["clean@1"]
    with pytest.raises(UnknownStage):
        resolve("no_such_stage")


def test_unversioned_name_cannot_register():
    class Bad(BaseStage):
        name = "bad"

    with pytest.raises(ValueError):
        register(Bad)


def test_order_check_rejects_a_stage_before_its_requirements(settings):
    stages = [resolve("sentences")(settings), resolve("clean")(settings)]
    with pytest.raises(PipelineOrderError, match="sentences@1 requires"):
        check_order(stages)
    with pytest.raises(PipelineOrderError):
        Pipeline.from_names(["language", "clean"], settings)


def test_error_policy_skip_keeps_article_and_flags_failure(settings):
    p = Pipeline.from_names(["clean", "language", "sentences", "test_exploding@1", "test_after_boom@1"], settings,
                            on_error="skip")
    doc = p.analyze(raw(TEXT))
    assert isinstance(doc, AnalyzedArticle) and doc.article is not None
    assert [f.reason for f in doc.flags] == ["stage_failed"] and "kaboom" in doc.flags[0].message
    assert "after" not in doc.provided  # the dependent stage did not run


def test_error_policy_reject_and_raise(settings):
    p = Pipeline.from_names(["clean", "language", "sentences", "test_exploding@1"], settings, on_error="reject")
    res = p.analyze(raw(TEXT))
    assert isinstance(res, Reject) and res.reason == "stage_failed" and res.stage == "test_exploding@1"
    p = Pipeline.from_names(["clean", "language", "sentences", "test_exploding@1"], settings, on_error="raise")
    with pytest.raises(RuntimeError):
        p.analyze(raw(TEXT))


def test_worker_pool_gives_same_results_as_single_process(settings):
    from eventwire.pipeline.runner import run_batches

    docs = [raw(TEXT.replace("Tuesday", day), path=f"{i}.txt") for i, day in enumerate(
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])]
    names = ["clean", "language", "sentences"]
    one = [r.article.id for b in run_batches(iter(docs), names, settings, workers=1, batch_size=2) for r in b]
    two = [r.article.id for b in run_batches(iter(docs), names, settings, workers=2, batch_size=2) for r in b]
    assert one == two and len(set(one)) == 5


def test_per_stage_policy_overrides_the_default(settings):
    s = settings.with_overrides(run__stage_error_policy={"test_exploding": "reject"}, run__on_stage_error="skip")
    p = Pipeline.from_names(["clean", "language", "sentences", "test_exploding@1"], s)
    assert isinstance(p.analyze(raw(TEXT)), Reject)
    s = settings.with_overrides(run__stage_error_policy={"test_exploding": "explode"})
    with pytest.raises(Exception, match="stage error policy"):
        Pipeline.from_names(["clean", "language", "sentences", "test_exploding@1"], s)


@register
class BrokenBatchStage(BaseStage):
    """prepare_batch always fails: articles must still be processed one by one."""

    name = "test_broken_batch@1"
    requires = frozenset({"sentences"})
    provides = frozenset({"counted"})

    def prepare_batch(self, docs):
        raise RuntimeError("batch hook down")

    def process(self, doc):
        if "explode" in doc.article.text:
            raise RuntimeError("this one article")
        doc.notes["n"] = len(doc.sentences)


def test_a_failing_batch_hook_or_article_only_affects_itself(settings):
    p = Pipeline.from_names(["clean", "language", "sentences", "test_broken_batch@1"], settings, on_error="skip")
    docs = [raw(TEXT, path="a.txt"), raw(TEXT.replace("roads", "roads; explode"), path="b.txt"),
            raw(TEXT.replace("Tuesday", "Friday"), path="c.txt")]
    out = p.analyze_batch(docs)
    assert ["counted" in d.provided for d in out] == [True, False, True]
    assert [len(d.flags) for d in out] == [0, 1, 0] and "this one article" in out[1].flags[0].message
    assert all(not d.notes for d in out)  # scratch cleared


def test_batched_run_gives_the_same_articles_as_one_at_a_time(full_pipeline):
    """analyze_batch runs stage by stage over a batch (mentions@1 parses all English articles in one
    nlp.pipe call); every exported field must equal the article-by-article run. Our own samples,
    several languages, in one batch."""
    from eventwire.ingest.readers import read_inputs
    from eventwire.model import RawDocument
    from eventwire.serialize import analyzed_to_dict, reject_to_dict
    from tests.conftest import ROOT

    corpus = ROOT / "samples" / "corpus"
    raws = [d for lang, n in (("en", 99), ("vi", 2), ("de", 1))
            for d in [d for d in read_inputs([str(corpus / lang)]) if isinstance(d, RawDocument)][:n]]
    assert len(raws) >= 12

    def as_dict(r):
        if isinstance(r, Reject):
            return reject_to_dict(r)
        out = analyzed_to_dict(r) | {"flags": [(f.reason, f.stage, f.message) for f in r.flags]}
        out.pop("fetched_at", None)  # the clock time of the run
        return out

    one = [as_dict(full_pipeline.analyze(r)) for r in raws]
    batch = [as_dict(r) for r in full_pipeline.analyze_batch(raws)]
    assert sum(len(d.get("events") or []) for d in one) > 5  # the comparison covers real events
    assert batch == one
