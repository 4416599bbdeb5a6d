from eventwire.geo.geoparse import geoparse


def test_arabic_toponyms_with_proclitics():
    got = {p.text: p.place for p in geoparse("قصفت الطائرات إدلب وبإدلب وفي ميونخ وسوريا.", "ar")}
    assert got["إدلب"].country == "SYR"
    assert got["وبإدلب"].country == "SYR"
    assert got["ميونخ"].geonames_id == 2867714
    assert got["وسوريا"].feature_code == "PCLI"


def test_small_places_need_context_in_uncased_script():
    # common words that are also names of small villages are not matched without capitals to help
    assert [p.text for p in geoparse("قال الرئيس إن الوضع صعب", "ar")] == []
