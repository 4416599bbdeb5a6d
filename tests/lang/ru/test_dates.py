from eventwire.timex import find_times

PUB = "2020-02-28"  # Friday


def vals(text, anchor=PUB):
    return {t.text: t.value for t in find_times(text, "ru", anchor)}


def test_weekday_in_accusative_and_nakanune():
    got = find_times("В четверг начались переговоры. Накануне погибли 33 военных.", "ru", PUB)
    assert [(t.text, t.value) for t in got] == [("четверг", "2020-02-27"), ("Накануне", "2020-02-26")]


def test_friday_is_publication_day():
    assert vals("В пятницу Путин и Эрдоган провели разговор.")["пятницу"] == "2020-02-28"


def test_genitive_month_and_numeric():
    got = vals("3 марта 2019 года и 21.02 стороны встретились.")
    assert got["3 марта 2019"] == "2019-03-03"
    assert got["21.02"] == "2020-02-21"


def test_relative_phrases():
    got = vals("вчера, в прошлом месяце, на прошлой неделе, шесть лет назад")
    assert got["вчера"] == "2020-02-27"
    assert got["в прошлом месяце"] == "2020-01"
    assert got["на прошлой неделе"] == "2020-W08"
    assert got["шесть лет назад"] == "2014"


def test_decimal_number_is_not_a_date():
    assert vals("Рост составил 3.5 млн рублей.") == {}


def test_timeml_references_seasons_and_decades():
    got = vals("Сейчас переговоры продолжаются. Прошлым летом город был разрушен. В 1990-х годах здесь шла война. "
               "В будущем порт расширят.")
    assert got["Сейчас"] == "PRESENT_REF"
    assert got["Прошлым летом"] == "2019-SU"
    assert got["1990-х годах"] == "199"
    assert got["В будущем"] == "FUTURE_REF"


def test_year_unknown_without_anchor_is_kept_partial():
    assert vals("21 февраля делегация прибыла в Москву.", anchor=None)["21 февраля"] == "XXXX-02-21"


def test_weekend():
    assert vals("В минувшие выходные прошли протесты.")["В минувшие выходные"] == "2020-W08-WE"


def test_vague_ago_and_part_of_the_day():
    got = vals("Завод закрылся несколько лет назад. Войска пересекли границу во вторник вечером.")
    assert got["несколько лет назад"] == "PAST_REF"
    assert got["вторник вечером"] == "2020-02-25"
