"""dates@1 after mentions@1: the clause's tense comes from the article parse the mentions stage left in
doc.notes (no second parse), and picks the previous or next occurrence of a year-less month."""
import pytest

from tests.helpers import raw


@pytest.fixture(scope="module")
def pipe(settings):
    from eventwire.pipeline.runner import Pipeline

    return Pipeline.from_names(["clean", "language", "sentences", "published", "mentions", "dates"], settings,
                               on_error="raise")


def test_tense_from_the_article_parse(pipe):
    from eventwire.timex import tense

    misses = tense._parse.cache_info().misses
    text = ("Acme Corp hired a new finance chief in January, the company said on Thursday.\n"
            "The merger with Beta Ltd should be completed in January, officials said.\n")
    doc = pipe.analyze(raw(text, published_hint="2021-11-04"))
    got = [(t.text, t.value) for t in doc.times]
    assert ("January", "2021-01") in got and ("January", "2022-01") in got
    assert tense._parse.cache_info().misses == misses  # no sentence was parsed a second time
