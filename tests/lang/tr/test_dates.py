from eventwire.timex import find_times

PUB = "2020-02-28"


def vals(text, anchor=PUB):
    return {t.text: t.value for t in find_times(text, "tr", anchor)}


def test_dun_and_weekday():
    got = vals("Dün açıklama yapıldı. Perşembe günü 33 asker şehit oldu.")
    assert got["Dün"] == "2020-02-27"
    assert got["Perşembe"] == "2020-02-27"


def test_previous_day_relative_to_explicit_date():
    got = find_times("25 Şubat'ta görüşme yapıldı. Bir gün önce saldırı düzenlendi.", "tr", PUB)
    assert [(t.text, t.value) for t in got] == [("25 Şubat", "2020-02-25"), ("Bir gün önce", "2020-02-24")]


def test_full_dates_and_relative():
    got = vals("3 Mart 2019, 21.02.2020, geçen hafta, altı yıl önce, geçen ay")
    assert got["3 Mart 2019"] == "2019-03-03"
    assert got["21.02.2020"] == "2020-02-21"
    assert got["geçen hafta"] == "2020-W08"
    assert got["altı yıl önce"] == "2014"
    assert got["geçen ay"] == "2020-01"


def test_timeml_references_seasons_and_decades():
    got = vals("Şu anda görüşmeler sürüyor. Geçen yaz sınırda çatışma çıktı. 1990'lı yıllarda bölgede savaş vardı. "
               "Gelecekte liman genişletilecek.")
    assert got["Şu anda"] == "PRESENT_REF"
    assert got["Geçen yaz"] == "2019-SU"
    assert got["1990'lı yıllarda"] == "199"
    assert got["Gelecekte"] == "FUTURE_REF"


def test_year_unknown_without_anchor_is_kept_partial():
    assert vals("21 Şubat günü heyet Ankara'ya geldi.", anchor=None)["21 Şubat"] == "XXXX-02-21"


def test_weekend():
    assert vals("Geçen hafta sonu protestolar düzenlendi.")["Geçen hafta sonu"] == "2020-W08-WE"


def test_vague_ago():
    assert vals("Fabrika birkaç yıl önce kapandı.")["birkaç yıl önce"] == "PAST_REF"
