"""English time expressions, anchored to a publication date (real rules, no mocks)."""
import pytest

from eventwire.timex import find_times

PUB = "2020-02-28"  # a Friday


def values(text, anchor=PUB):
    return [(t.text, t.value, t.granularity) for t in find_times(text, "en", anchor)]


def test_weekday_counts_the_publication_day_itself():
    got = values("Putin and Erdogan agreed Friday to meet. NATO met on Thursday.")
    assert ("Friday", "2020-02-28", "day") in got
    assert ("Thursday", "2020-02-27", "day") in got


def test_previous_day_anchors_to_last_explicit_date():
    got = values("On Thursday the talks began. Troops were killed the previous day.")
    assert got[1] == ("the previous day", "2020-02-26", "day")


def test_previous_day_without_explicit_date_uses_publication_date():
    assert values("Soldiers were killed the previous day.") == [("the previous day", "2020-02-27", "day")]


@pytest.mark.parametrize("text,value,gran", [
    ("earlier this month", "2020-02", "month"),
    ("last month", "2020-01", "month"),
    ("last week", "2020-W08", "week"),
    ("in December 2016", "2016-12", "month"),
    ("six years ago", "2014", "year"),
    ("in 2015", "2015", "year"),
    ("from 2010-2015", "2010/2015", "range"),
    ("on Feb. 14", "2020-02-14", "day"),
    ("on March 3, 2019", "2019-03-03", "day"),
    ("yesterday", "2020-02-27", "day"),
    ("the third quarter", "2019-Q3", "quarter"),
])
def test_expressions(text, value, gran):
    got = values(text)
    assert len(got) == 1 and got[0][1:] == (value, gran), got


def test_month_without_year_prefers_recent_past():
    assert values("in November")[0][1] == "2019-11"


def test_forward_looking_weekday():
    # "will meet Tuesday" in a Friday article is the coming Tuesday
    assert values("The leaders will meet on Tuesday.")[0][1] == "2020-03-03"


def test_weekday_with_date_fixes_year_without_anchor():
    # 28 Sept was a Thursday in 2017 only, within the years this text mentions (2015 +/- window)
    got = find_times("The plane was downed in 2015. They met on Thursday, Sept. 28.", "en", None)
    assert [t.value for t in got if "Sept" in t.text] == ["2017-09-28"]


def test_no_anchor_gives_null_not_a_guess():
    got = find_times("They met on Thursday and again on Sept. 28.", "en", None)
    by = {t.text: t for t in got}
    assert by["Thursday"].value is None and by["Thursday"].reason
    # day and month kept with the year unknown (never guessed), so a corpus-level repair can supply it
    assert (by["Sept. 28"].value, by["Sept. 28"].granularity) == ("XXXX-09-28", "day")


def test_common_words_are_not_months():
    assert values("You may march on.") == []


def test_fractions_are_not_dates():
    assert values("Shares rose 3/8 to 21 1/2.") == []
