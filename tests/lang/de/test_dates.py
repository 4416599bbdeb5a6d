from eventwire.timex import find_times

PUB = "2020-02-28"


def vals(text, anchor=PUB):
    return {t.text: t.value for t in find_times(text, "de", anchor)}


def test_vortag_and_weekday():
    got = find_times("Am Donnerstag begannen Gespräche. Am Vortag wurden 33 Soldaten getötet.", "de", PUB)
    assert [(t.text, t.value) for t in got] == [("Donnerstag", "2020-02-27"), ("Am Vortag", "2020-02-26")]


def test_dates_and_relative():
    got = vals("am 3. März 2019, gestern, vor sechs Jahren, 21.02.2020")
    assert got["3. März 2019"] == "2019-03-03"
    assert got["gestern"] == "2020-02-27"
    assert got["vor sechs Jahren"] == "2014"
    assert got["21.02.2020"] == "2020-02-21"
