"""published@1: the publication date inferred from the text runs before the stages that need it."""
import pytest

from tests.helpers import raw

DATELINE = ("ANKARA, March 3, 2020 (Reuters) - The Turkish president said on Tuesday that troops had hit targets.\n"
            "The ministry said the strikes followed an attack the previous day.")


def test_published_runs_right_after_sentences_by_default(settings):
    names = [n.split("@")[0] for n in settings.get("run.stages")]
    assert names[names.index("sentences") + 1] == "published"
    assert names.index("published") < names.index("actors") < names.index("dates")


@pytest.fixture(scope="module")
def pipelines(settings):
    from eventwire.pipeline.runner import Pipeline

    with_pub = Pipeline.from_names(["clean", "language", "sentences", "published", "dates"], settings, on_error="raise")
    without = Pipeline.from_names(["clean", "language", "sentences", "dates"], settings, on_error="raise")
    return with_pub, without


def test_published_stage_sets_the_date_and_dates_only_reads_it(pipelines):
    with_pub, without = pipelines
    doc = with_pub.analyze(raw(DATELINE))
    assert (doc.article.published.value, doc.article.published.method) == ("2020-03-03", "dateline")
    assert "published" in doc.provided
    assert {t.text: t.value for t in doc.times}["Tuesday"] == "2020-03-03"
    # dates@1 no longer infers the publication date itself: with nothing to anchor to, the weekday stays null
    doc = without.analyze(raw(DATELINE))
    assert doc.article.published is None
    assert {t.text: t.value for t in doc.times}["Tuesday"] is None


def test_metadata_date_is_kept(pipelines):
    doc = pipelines[0].analyze(raw(DATELINE, published_hint="2020-03-04"))
    assert doc.article.published.value == "2020-03-04"
