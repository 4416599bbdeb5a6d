"""Times of day on a date: a clock time before a day ("9 a.m. Friday") joins it and makes the TimeML value
"2021-11-05T09:00", while the event date stays the day (concrete()); a part of the day ("Tuesday night",
"the next morning") keeps the day's value.
Composed day expressions: "the week of <date>", "the day before <date>". Our own sentences."""
from eventwire.timex import concrete, find_times

PUB = "2021-11-04"  # a Thursday


def got(text, anchor=PUB, lang="en"):
    return {t.text: t for t in find_times(text, lang, anchor)}


def test_a_clock_time_before_a_day_joins_it():
    g = got("The ultimatum expires at 9 a.m. Friday, the ministry said.")
    assert g["9 a.m. Friday"].value == "2021-11-05T09:00"
    assert concrete(g["9 a.m. Friday"]) == ("2021-11-05", "day")
    g = got("Shareholders may tender until 5 p.m. EST Nov. 19.")
    assert g["5 p.m. EST Nov. 19"].value == "2021-11-19T17:00"
    g = got("Voting stopped at 7:30 p.m. on Tuesday and resumed at noon Wednesday.")
    assert g["7:30 p.m. on Tuesday"].value == "2021-11-02T19:30"
    assert g["noon Wednesday"].value == "2021-11-03T12:00"
    assert got("The raid began at 12 a.m. Sunday.")["12 a.m. Sunday"].value == "2021-10-31T00:00"


def test_a_clock_time_alone_or_a_number_before_a_day_is_no_date():
    assert "9 a.m." not in {t.text for t in find_times("The shop opens at 9 a.m. sharp.", "en", PUB)}
    g = got("Police counted 40 Monday and 12 Tuesday.")
    assert g["Monday"].value == "2021-11-01"  # a count before a weekday is not a clock time


def test_that_same_day_and_mornings_in_focus():
    g = got("The envoy arrived on Oct. 12, 2020. He left that same day.")
    assert g["that same day"].value == "2020-10-12"
    g = got("The suspect was arrested on March 3, 2019, and appeared in court the next morning.")
    assert g["the next morning"].value == "2019-03-04" and "part of day MO" in g["the next morning"].reason
    g = got("Rebels shelled the town on May 9, 2018. That night the army withdrew.")
    assert g["That night"].value == "2018-05-09"


def test_the_beginning_of_the_year_is_the_anchors_year():
    g = got("Prices have doubled since the beginning of the year.")
    assert g["the beginning of the year"].value == "2021"
    assert got("Hiring slowed at the start of the year.")["the start of the year"].value == "2021"


def test_the_week_of_a_date_is_its_iso_week():
    g = got("Hearings are set for the week of Nov. 15.")
    assert g["the week of Nov. 15"].value == "2021-W46"
    assert concrete(g["the week of Nov. 15"]) == ("2021-11-15/2021-11-21", "range")


def test_the_day_before_a_named_day():
    g = got("The day before last Tuesday's vote, the mayor resigned.")
    assert g["The day before last Tuesday"].value == "2021-11-01"
    g = got("Talks resumed the day after Christmas 2019.")
    assert g["the day after Christmas 2019"].value == "2019-12-26"
    # before an event, in apposition to the date just named: still that date
    g = got("He was last seen Nov. 3, 2020, the day before police issued a warrant.")
    assert g["the day before"].value == "2020-11-03"


def test_a_year_inside_a_name_is_no_time():
    g = got("Small caps fell as the Russell 2000 Index lost 2%, and Apple showed iLife '11 software.")
    assert not any("2000" in k or "'11" in k for k in g)
    g = got("Police found Smith's 1994 Buick near the border.")
    assert not any("1994" in k for k in g)
    # a year after a function word, a month or at the start of a sentence stays a year
    g = got("In 2000 Congress passed the law. Sales rose in 1998 Europe-wide, and in June 2001 Parliament voted.")
    assert g["2000"].value == "2000" and g["1998"].value == "1998" and g["June 2001"].value == "2001-06"
    assert got("He has led the club since '82.")["'82"].value == "1982"


def test_today_as_the_present_era():
    g = got("This is an exciting time at today's Ford. The crisis shapes today's youth.")
    assert g["today's"].value == "PRESENT_REF"
    assert [t.value for t in find_times("The crisis shapes today's youth.", "en", PUB)] == ["PRESENT_REF"]
    # the day itself: today's vote, today's Senate hearing
    assert [t.value for t in find_times("Today's vote was delayed; today's Senate hearing went ahead.", "en", PUB)] \
        == ["2021-11-04", "2021-11-04"]


def test_a_day_number_coordinated_with_a_date():
    g = got("The summit meets on June 14 and 15, 2022, after talks on 2 and 3 May in Paris.")
    assert g["15, 2022"].value == "2022-06-15" and g["June 14"].value == "2022-06-14"
    assert g["2"].value == "2021-05-02" and g["3 May"].value == "2021-05-03"
    # a count after a date is no day
    assert "12" not in got("On March 3 and 12 people were hurt.")
    assert "4" not in got("Two died on March 3 and 4 others were hurt.")
    assert got("Votes will be held on March 3 and 4 in every district.")["4"].value == "2022-03-04"


def test_until_then_refers_to_the_time_just_named():
    g = got("The offer expires on Dec. 15. Until then, holders may convert.")
    assert g["then"].value == "2021-12-15"
    g = got("The vote is due in March 2022. If no deal is reached by that time, talks end.")
    assert g["that time"].value == "2022-03"
    assert "then" not in got("He was hurt in 2010. Since then he has not played, and then he retired.")


def test_a_title_case_time_phrase_is_a_name():
    g = got('The minister said on ABC\'s "This Week" that talks would resume next week.')
    assert "This Week" not in g and g["next week"].value == "2021-W45"
    assert got("This week the talks resumed.")["This week"].value == "2021-W44"


def test_german_nouns_are_capitalised_so_title_case_says_nothing():
    got = {t.text: t.value for t in find_times("Letzte Woche traf der Minister in der Hauptstadt mit den neuen Botschaftern zusammen.", "de", PUB)}
    assert got.get("Letzte Woche") == "2021-W43"
