"""TimeML-style values beyond calendar dates: references, seasons, decades, weeks, quarters in focus,
and which of them may date an event (real rules, no mocks; our own sentences)."""
from eventwire.model import TimeRef
from eventwire.timex import concrete, find_times

PUB = "2021-11-04"  # a Thursday in the fourth quarter


def vals(text, anchor=PUB, lang="en"):
    return {t.text: (t.value, t.granularity) for t in find_times(text, lang, anchor)}


def test_present_past_future_references():
    got = vals("The plant is now idle. It was recently sold, and the owners will decide its future in the near future.")
    assert got["now"] == ("PRESENT_REF", "ref")
    assert got["recently"] == ("PAST_REF", "ref")
    assert got["the near future"] == ("FUTURE_REF", "ref")
    assert "future" not in got  # a bare adjective/noun "future" is not a time reference


def test_hyphenated_now_is_not_a_reference():
    assert vals("The now-closed mine employed 300 people.") == {}


def test_seasons_need_a_modifier_or_preposition():
    got = vals("Prices may fall again. Last spring the mill shut; it reopens in autumn and again next summer.")
    assert "fall" not in got
    assert got["Last spring"] == ("2020-SP", "season")
    assert got["autumn"] == ("2021-FA", "season")
    assert got["next summer"] == ("2022-SU", "season")
    assert vals("The winter of 1999 was harsh.")["The winter of 1999"] == ("1999-WI", "season")


def test_decades():
    got = vals("Output peaked in the 1970s, fell in the early '90s and recovered in the mid-2000s.")
    assert got["the 1970s"] == ("197", "decade")
    assert got["the early '90s"] == ("199", "decade")
    assert got["the mid-2000s"] == ("200", "decade")


def test_months_with_modifiers():
    got = vals("The deal signed last December was revised this March, and talks resume next January. "
               "In June last year a first draft circulated.")
    assert got["last December"] == ("2020-12", "month")
    assert got["this March"] == ("2021-03", "month")
    assert got["next January"] == ("2022-01", "month")
    assert got["June last year"] == ("2020-06", "month")


def test_weeks_are_iso_weeks():
    assert vals("Talks broke down last week.")["last week"] == ("2021-W43", "week")


def test_anaphoric_quarters_follow_the_quarter_in_focus():
    text = ("The brewer earned $4 million in the second quarter. The latest quarter included a tax gain. "
            "In the year-ago quarter it lost $1 million, and sales were flat from a year earlier. "
            "Year-earlier figures were restated. The current quarter looks weaker.")
    got = vals(text)
    assert got["the second quarter"] == ("2021-Q2", "quarter")
    assert got["The latest quarter"] == ("2021-Q2", "quarter")
    assert got["the year-ago quarter"] == ("2020-Q2", "quarter")
    assert got["a year earlier"] == ("2020-Q2", "quarter")
    assert got["Year-earlier"] == ("2020-Q2", "quarter")
    assert got["The current quarter"] == ("2021-Q4", "quarter")


def test_a_year_ago_without_a_quarter_in_focus_is_a_year():
    got = vals("Exports rose 5% from a year ago. The quarter was not named here.")
    assert got["a year ago"] == ("2020", "year")
    assert "The quarter" not in got  # nothing to refer to: not reported


def test_quarters_with_a_year_or_relative_year():
    got = vals("Results for the 2019 third quarter and the first quarter of next year.")
    assert got["the 2019 third quarter"] == ("2019-Q3", "quarter")
    assert got["the first quarter of next year"] == ("2022-Q1", "quarter")


def test_that_year_refers_to_the_year_in_focus():
    got = vals("The treaty was signed in 1995. Later that year the border reopened; the following year it closed.")
    assert got["Later that year"] == ("1995", "year")
    assert got["the following year"] == ("1996", "year")


def test_year_prefixes():
    assert vals("The group split in mid-1996.")["mid-1996"] == ("1996", "year")


def test_concrete_values_only_date_events():
    def ref(value, gran):
        return TimeRef(0, 1, "x", value, gran, None, "test")

    assert concrete(ref("2021-W43", "week")) == ("2021-10-25/2021-10-31", "range")
    assert concrete(ref("2021-Q2", "quarter")) == ("2021-04-01/2021-06-30", "range")
    assert concrete(ref("2021-03-04", "day")) == ("2021-03-04", "day")
    for value, gran in (("PRESENT_REF", "ref"), ("2020-SU", "season"), ("199", "decade"), ("XXXX-02-21", "day"),
                        (None, None)):
        assert concrete(ref(value, gran)) is None


def test_weekend_is_the_most_recent_one_as_a_timeml_week_weekend():
    # PUB is Thursday 2021-11-04: the weekend meant is Sat 30 / Sun 31 October (ISO week 43)
    got = find_times("Talks continued over the weekend.", "en", PUB)
    assert [(t.text, t.value, t.granularity) for t in got] == [("the weekend", "2021-W43-WE", "weekend")]
    assert concrete(got[0]) == ("2021-10-30/2021-10-31", "range")
    # on a Sunday the weekend is the current one
    assert vals("Talks continued over the weekend.", "2021-10-31")["the weekend"] == ("2021-W43-WE", "weekend")


def test_month_modifier_does_not_swallow_a_day():
    assert vals("He was shot last Oct. 23 at his home.", "1999-04-19") == {"Oct. 23": ("1998-10-23", "day")}


def test_standalone_month_names_but_not_common_words():
    got = vals("Under a June agreement, October's figures were revised. May I ask? They March on.")
    assert got["June"] == ("2021-06", "month")
    assert got["October"] == ("2021-10", "month")
    assert "May" not in got and "March" not in got


def test_same_period_a_year_earlier_follows_the_month_in_focus():
    got = vals("Car sales fell 35% in January 2021 compared to the same month a year ago. The following month they rose.")
    assert got["the same month a year ago"] == ("2020-01", "month")
    assert got["The following month"] == ("2021-02", "month")


def test_quarter_shifted_by_a_year_and_relative_quarters():
    got = vals("Exports fell in the third quarter a year ago and rose last quarter.")
    assert got["the third quarter a year ago"] == ("2020-Q3", "quarter")
    assert got["last quarter"] == ("2021-Q3", "quarter")


def test_last_decade():
    assert vals("Output doubled over the last decade.")["the last decade"] == ("201", "decade")


def test_years_written_in_words():
    got = vals("In nineteen ninety-six the plant closed; by the year two thousand and one it had reopened. "
               "Twenty ten people came.")
    assert got["nineteen ninety-six"] == ("1996", "year")
    # "the year" and a spelled year are one expression (not "the year" in focus plus a year)
    assert got["the year two thousand and one"] == ("2001", "year")
    assert "Twenty ten" not in got  # a count before a noun, not a year
    got = vals("Oil last traded there in the winter of nineteen ninety-four. January nineteen ninety-seven: a bomb.")
    assert got["the winter of nineteen ninety-four"] == ("1994-WI", "season")
    assert got["January nineteen ninety-seven"] == ("1997-01", "month")


def test_recent_and_vague_spans_are_past_references_but_most_recent_is_not():
    got = vals("The recent sale of the unit, its most recent model and losses over the past few months.")
    assert got["recent"] == ("PAST_REF", "ref")
    assert got["the past few months"] == ("PAST_REF", "ref")
    assert "most recent" not in got and "recent" in got  # "most recent" (latest) is dropped, not a ref
    assert len([t for t in find_times("its most recent model", "en", PUB)]) == 0
