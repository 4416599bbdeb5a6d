"""Periods and spans: halves of a year, the quarter a period ends in, spans of months that end the quarter
focus, seasons and decades written bare, vague and decade "ago", parts of the day, a title line before a
date line. Our own sentences; real rules, no mocks."""
from eventwire.timex import concrete, find_times

PUB = "2021-11-04"  # a Thursday in the fourth quarter


def refs(text, anchor=PUB, lang="en"):
    return [(t.text, t.value) for t in find_times(text, lang, anchor)]


def vals(text, anchor=PUB, lang="en"):
    return dict(refs(text, anchor, lang))


def test_halves_of_a_year_are_timeml_h1_h2_and_date_events_as_ranges():
    got = {t.text: t for t in find_times("Profit fell in the first half of 2020 and rose in the second half.", "en", PUB)}
    assert got["the first half of 2020"].value == "2020-H1"
    assert got["the second half"].value == "2021-H2"
    assert concrete(got["the first half of 2020"]) == ("2020-01-01/2020-06-30", "range")
    # not a half of a year
    assert vals("He scored in the second half of the match and left after the first half hour.") == {}


def test_the_quarter_a_period_ends_in():
    assert vals("Sales rose in the quarter ended July 31.")["the quarter"] == "2021-Q2"
    got = vals("The retailer earned more in the fourth quarter ended Aug. 28. A year earlier it lost money.")
    assert got["the fourth quarter"] == "2021-Q4"  # a fiscal quarter: its number, the year it ends in
    assert got["A year earlier"] == "2020-Q4"


def test_a_span_of_months_ends_the_quarter_focus():
    text = "Profit rose in the third quarter. In the first nine months, sales rose 5% from a year earlier."
    got = vals(text)
    assert got["the third quarter"] == "2021-Q3"
    assert got["a year earlier"] == "2020"  # the nine months a year back: the year, not the quarter
    assert "the first nine months" not in got  # a duration, not a date
    # a year-named period with no quarter in focus is that year
    assert vals("Net fell from the 2019 period.")["the 2019 period"] == "2019"
    got = vals("Third-quarter net rose to $5 million from $4 million in the corresponding period last year.")
    assert got["the corresponding period last year"] == "2020-Q3"


def test_the_entire_year_is_the_year_in_focus():
    got = vals("The carmaker lost $2 billion in the fourth quarter of 2019 and $5 billion for the entire year.")
    assert got["the entire year"] == "2019"


def test_seasons_standing_alone():
    got = vals("Spring brought rain, and summer sales rose.")
    assert got["Spring"] == "2021-SP" and got["summer"] == "2021-SU"
    # part of a name, or the verb
    assert vals("The Arab Spring began in Tunisia. New rivals spring up.") == {}


def test_a_decade_coordinated_with_another():
    got = vals("The boxy cars of the 60s and 70s are back; so are the 1980s and 90s.")
    assert got["the 60s"] == "196" and got["70s"] == "197" and got["90s"] == "199"


def test_vague_and_decade_ago():
    got = vals("The mill closed several years ago and reopened a decade ago.")
    assert got["several years ago"] == "PAST_REF"
    assert got["a decade ago"] == "2011"


def test_a_part_of_the_day_belongs_to_the_expression_but_a_date_keeps_the_day():
    got = {t.text: t for t in find_times("Troops crossed the border on Tuesday night; officials spoke this morning.",
                                         "en", PUB)}
    assert got["Tuesday night"].value == "2021-11-02" and "part of day NI" in got["Tuesday night"].reason
    assert got["this morning"].value == "2021-11-04"


def test_a_weekday_at_the_end_of_a_title_line_is_not_part_of_the_date_line():
    got = refs("Markets to stay closed until Friday\nSeptember 18, 2008\nTrading was halted again.", "2008-09-18")
    assert got == [("Friday", "2008-09-19"), ("September 18, 2008", "2008-09-18")]


def test_the_tense_comes_from_the_whole_sentence_despite_abbreviations():
    # "vs." and "Ala." do not end the sentence: the verb "killed" (past) picks January of the anchor's year
    text = ("In January, a week after the anniversary of the Roe vs. Wade ruling, a bomb in Birmingham, Ala., "
            "killed a guard.")
    assert vals(text)["January"] == "2021-01"


def test_the_latest_quarter_is_one_already_over():
    # the fourth quarter named first is still running at the anchor: "the latest quarter" is the third
    got = vals("The insurer expects a weak fourth quarter. In the latest quarter, its profit fell 12%.")
    assert got["the latest quarter"] == "2021-Q3"
    # a quarter the text says ended before the anchor is the latest one, fiscal numbering included
    got = vals("Profit for the fourth quarter ended Sept. 30 rose. Sales in the latest period were $2 billion.")
    assert got["the latest period"] == "2021-Q4"
    assert vals("Sales in the latest quarter were flat.", anchor="2021-02-10")["the latest quarter"] == "2020-Q4"


def test_a_past_report_compares_the_last_quarter_that_is_over():
    text = ("The miner reported third-quarter profit. Analysts expect losses through the second quarter of 2022.\n"
            "In the year-ago period, the miner earned $3 million.")
    got = vals(text)
    assert got["third-quarter"] == "2021-Q3" and got["the second quarter of 2022"] == "2022-Q2"
    assert got["the year-ago period"] == "2020-Q3"
    # a forecast keeps the quarter to come
    got = vals("Losses will continue through the second quarter of 2022, against a profit in the year-ago period.")
    assert got["the year-ago period"] == "2021-Q2"


def test_a_period_word_starting_a_compound_is_no_period():
    got = vals("Profit rose in the third quarter. The quarter-to-quarter comparison was helped by lower costs.")
    assert got == {"the third quarter": "2021-Q3"}
