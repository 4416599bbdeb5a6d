from eventwire.timex import find_times

PUB = "2020-02-28"


def vals(text, anchor=PUB):
    return {t.text: t.value for t in find_times(text, "fr", anchor)}


def test_la_veille_follows_the_last_explicit_date():
    got = find_times("Jeudi, les discussions ont commencé. La veille, 33 soldats ont été tués.", "fr", PUB)
    assert [(t.text, t.value) for t in got] == [("Jeudi", "2020-02-27"), ("La veille", "2020-02-26")]


def test_dates_and_relative():
    got = vals("le 3 mars 2019, hier, le mois dernier, il y a six ans, la semaine dernière, en décembre 2016")
    assert got["3 mars 2019"] == "2019-03-03"
    assert got["hier"] == "2020-02-27"
    assert got["le mois dernier"] == "2020-01"
    assert got["il y a six ans"] == "2014"
    assert got["la semaine dernière"] == "2020-W08"
    assert got["décembre 2016"] == "2016-12"


def test_vendredi_is_publication_day():
    assert vals("Vendredi, Poutine a appelé Erdogan.")["Vendredi"] == "2020-02-28"


def test_timeml_references_seasons_and_decades():
    got = vals("Actuellement, le pays se relève. L'été dernier, le port a fermé. Dans les années 1980, il prospérait. "
               "Récemment, les ventes ont repris.")
    assert got["Actuellement"] == "PRESENT_REF"
    assert got["été dernier"] == "2019-SU"
    assert got["les années 1980"] == "198"
    assert got["Récemment"] == "PAST_REF"


def test_year_unknown_without_anchor_is_kept_partial():
    got = vals("Le 1er mars, le ministre est arrivé.", anchor=None)
    assert got["1er mars"] == "XXXX-03-01"


def test_weekend():
    assert vals("Le week-end dernier, des manifestations ont eu lieu.")["Le week-end dernier"] == "2020-W08-WE"


def test_vague_ago_decade_ago_and_parts_of_the_day():
    got = vals("L'usine a fermé il y a quelques années et rouvert il y a une décennie.")
    assert got["il y a quelques années"] == "PAST_REF"
    assert got["il y a une décennie"] == "2010"
    got = find_times("Les troupes ont franchi la frontière mardi soir ; le ministre a parlé ce matin.", "fr", PUB)
    got = {t.text: t for t in got}
    assert got["mardi soir"].value == "2020-02-25" and "part of day EV" in got["mardi soir"].reason
    assert got["ce matin"].value == "2020-02-28"
