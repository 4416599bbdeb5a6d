from eventwire.geo.geoparse import geoparse


def test_inflected_russian_toponyms():
    got = {p.text: p.place for p in geoparse("Удары по Идлибу продолжаются. Переговоры прошли в Мюнхене и в Москве.", "ru")}
    assert got["Идлибу"].country == "SYR"
    assert got["Мюнхене"].geonames_id == 2867714
    assert got["Москве"].country == "RUS"


def test_lowercase_words_are_not_places():
    assert [p.text for p in geoparse("он сказал что мир важен", "ru")] == []


def test_russian_demonym_is_adjectival():
    pms = geoparse("Российский самолёт нанёс удар по Идлибу.", "ru")
    assert [(p.text, p.kind, p.place.country) for p in pms] == [
        ("Российский", "adjectival", "RUS"), ("Идлибу", "toponym", "SYR")]
