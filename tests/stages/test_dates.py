"""dates@1 on real articles: publication-date repair and anchored time expressions."""
import pytest

from tests.helpers import raw


@pytest.fixture(scope="module")
def dates_pipeline(settings):
    from eventwire.pipeline.runner import Pipeline

    return Pipeline.from_names(["clean", "language", "sentences", "published", "dates"], settings, on_error="raise")


CAPTION_ARTICLE = (
    "Putin and Erdogan agreed Friday to meet soon to discuss the situation in Syria's Idlib, the Kremlin said.\n"
    "Thirty-three Turkish soldiers were killed in an air strike in Idlib the previous day, officials said.\n"
    "A displaced Syrian family sits outside a tent near the border with Turkey, Syria, February 26, 2020. /Reuters\n"
    "NATO urged Russia and Syria on Friday to halt their offensive and stood by member state Turkey.\n"
)


def test_caption_date_is_a_lower_bound_and_weekdays_fix_publication(dates_pipeline):
    doc = dates_pipeline.analyze(raw(CAPTION_ARTICLE))
    pub = doc.article.published
    assert (pub.value, pub.method) == ("2020-02-28", "caption_weekday")
    assert "lower bound" in pub.evidence
    got = {t.text: t.value for t in doc.times}
    assert got["Friday"] == "2020-02-28"
    assert got["the previous day"] == "2020-02-27"


def test_caption_alone_sets_no_publication_date(dates_pipeline):
    text = ("The ministers met to discuss the situation in the region and agreed to keep talking.\n"
            "A man walks past a damaged building in Idlib, Syria, February 26, 2020. /Reuters\n"
            "Officials declined to give further details about the talks to reporters.")
    doc = dates_pipeline.analyze(raw(text))
    assert doc.article.published is None


def test_dateline_gives_publication_date(dates_pipeline):
    text = ("ANKARA, March 3, 2020 (Reuters) - Turkey said on Tuesday its troops had hit Syrian targets.\n"
            "The ministry said the strikes followed an attack the previous day.")
    doc = dates_pipeline.analyze(raw(text))
    assert (doc.article.published.value, doc.article.published.method) == ("2020-03-03", "dateline")
    assert {t.text: t.value for t in doc.times}["Tuesday"] == "2020-03-03"


def test_metadata_date_anchors_times(dates_pipeline):
    doc = dates_pipeline.analyze(raw("Ngày 21/2, Bộ Quốc phòng Nga cho biết các báo cáo là sai sự thật.\n"
                                     "Bộ này cũng cho biết thêm nhiều điều về tình hình tại Idlib trong tuần.",
                                     published_hint="2020-02-22"))
    assert doc.article.language == "vi"
    assert doc.times[0].value == "2020-02-21"


def test_event_date_helper(dates_pipeline):
    from eventwire.timex import event_date

    doc = dates_pipeline.analyze(raw(CAPTION_ARTICLE))
    assert event_date(doc, 1)[:2] == ("2020-02-27", "day")
    value, gran, reason = event_date(doc, 0)
    assert (value, gran) == ("2020-02-28", "day") and "Friday" in reason


def test_shared_articles_publication_dates(shared_dir, dates_pipeline):
    from eventwire.ingest.readers import read_file

    folder = shared_dir / "articles"
    if not folder.is_dir():
        pytest.skip("../shared/articles is not available")
    pubs = {}
    for f in sorted(folder.glob("*.txt")):
        doc = dates_pipeline.analyze(next(iter(read_file(str(f)))))
        pubs[f.name[:3]] = doc.article.published
    assert pubs["001"].value.startswith("2020-10-28")
    assert (pubs["000"].value, pubs["000"].method) == ("2020-02-28", "caption_weekday")
