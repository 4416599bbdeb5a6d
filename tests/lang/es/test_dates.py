from eventwire.timex import find_times

PUB = "2020-02-28"


def vals(text, anchor=PUB):
    return {t.text: t.value for t in find_times(text, "es", anchor)}


def test_el_dia_anterior_follows_the_last_explicit_date():
    got = find_times("El jueves comenzaron las conversaciones. El día anterior murieron 33 soldados.", "es", PUB)
    assert [(t.text, t.value) for t in got] == [("jueves", "2020-02-27"), ("El día anterior", "2020-02-26")]


def test_dates_and_relative():
    got = vals("el 3 de marzo de 2019, ayer, hace seis años, la semana pasada, el mes pasado, en diciembre de 2016")
    assert got["3 de marzo de 2019"] == "2019-03-03"
    assert got["ayer"] == "2020-02-27"
    assert got["hace seis años"] == "2014"
    assert got["la semana pasada"] == "2020-W08"
    assert got["el mes pasado"] == "2020-01"
    assert got["diciembre de 2016"] == "2016-12"


def test_numeric_day_first():
    assert vals("El 21/02/2020 se reunieron.")["21/02/2020"] == "2020-02-21"


def test_timeml_references_seasons_and_decades():
    got = vals("Actualmente el puerto está cerrado. El verano pasado llegaron miles. En los años 90 hubo guerra. "
               "En el futuro se ampliará.")
    assert got["Actualmente"] == "PRESENT_REF"
    assert got["verano pasado"] == "2019-SU"
    assert got["los años 90"] == "199"
    assert got["En el futuro"] == "FUTURE_REF"


def test_year_unknown_without_anchor_is_kept_partial():
    assert vals("El 21 de marzo llegó la delegación.", anchor=None)["21 de marzo"] == "XXXX-03-21"


def test_weekend():
    assert vals("El fin de semana pasado hubo protestas.")["El fin de semana pasado"] == "2020-W08-WE"


def test_vague_ago_decade_ago_and_parts_of_the_day():
    got = vals("La fábrica cerró hace unos años y reabrió hace una década.")
    assert got["hace unos años"] == "PAST_REF"
    assert got["hace una década"] == "2010"
    got = vals("Las tropas cruzaron la frontera el martes por la noche; el ministro habló anoche.")
    assert got["martes por la noche"] == "2020-02-25"
    assert got["anoche"] == "2020-02-27"
