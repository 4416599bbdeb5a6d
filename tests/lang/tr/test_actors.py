from tests.kb.actor_helpers import actors


def test_turkish_suffixes_and_apostrophes():
    got = actors("Cumhurbaşkanı Erdoğan'ın açıklamasından sonra Türk askerleri bölgeye girdi. "
                 "Dışişleri Bakanı Çavuşoğlu, Rus mevkidaşı Lavrov ile görüştü. Suriyeliler ve HTŞ de anıldı.",
                 "tr", "2020-02-28")
    assert got["Cumhurbaşkanı Erdoğan"] == ("TUR", "GOV", "Q39259")
    assert got["Türk askerleri"][:2] == ("TUR", "MIL")
    assert got["Dışişleri Bakanı Çavuşoğlu"][:2] == ("TUR", "GOV")
    assert got["Lavrov"][:2] == ("RUS", "GOV")
    assert got["Suriyeliler"][0] == "SYR"
    assert got["HTŞ"][:2] == ("SYR", "REB")


def test_turkish_locative_capital_is_a_place():
    got = actors("Bakanlar Ankara'da bir araya geldi. Ankara tepki gösterdi.", "tr", "2020-02-28")
    assert got["Ankara"][:2] in {("TUR", None), ("TUR", "GOV")}
    assert ("TUR", "GOV", None) in got.values()


def test_turkish_dateline_place_is_not_an_actor():
    assert "ANKARA" not in actors("ANKARA (AA) - Dışişleri Bakanlığı açıklama yaptı.", "tr", "2023-03-03")
    got = actors("Ankara, Moskova'nın planını reddetti.", "tr", "2023-03-03")
    assert got["Ankara"][:2] == ("TUR", "GOV")  # a capital opening an ordinary sentence is still the government


def test_turkish_possessor_sends_the_ambassador_the_second_place_hosts():
    got = actors("Rusya'nın Ankara Büyükelçisi açıklama yaptı. Türkiye'nin Tahran Büyükelçisi de görüştü.", "tr",
                 "2023-05-01")
    assert got["Rusya'nın Ankara Büyükelçisi"][:2] == ("RUS", "GOV")
    assert got["Türkiye'nin Tahran Büyükelçisi"][:2] == ("TUR", "GOV")
    assert "Ankara" not in got and "Tahran" not in got


def test_turkish_country_names_are_countries_not_demonyms():
    from tests.kb.actor_helpers import analyze

    doc = analyze("Almanya, Fransa, Yunanistan ve Suriye açıklama yaptı. Suriyeliler ve Almanlar da katıldı.", "tr",
                  "2023-05-01")
    got = {a.text: (a.country, a.reason) for a in doc.actors}
    for name, code in [("Almanya", "DEU"), ("Fransa", "FRA"), ("Yunanistan", "GRC"), ("Suriye", "SYR")]:
        assert got[name][0] == code and got[name][1].startswith("country"), got[name]
    assert got["Suriyeliler"][0] == "SYR" and got["Suriyeliler"][1].startswith("demonym")
    assert got["Almanlar"][0] == "DEU"
