from eventwire.geo.geoparse import geoparse


def test_turkish_case_suffixes():
    got = {p.text: p.place for p in geoparse("İdlib'de çatışmalar sürüyor. Heyet Ankara'dan Münih'e gitti.", "tr")}
    assert got["İdlib'de"].country == "SYR"
    assert got["Ankara'dan"].country == "TUR"
    assert got["Münih'e"].geonames_id == 2867714


def test_turkish_demonym_is_adjectival():
    pms = geoparse("Rus uçakları İdlib'i vurdu.", "tr")
    assert [(p.text, p.kind, p.place.country) for p in pms] == [
        ("Rus", "adjectival", "RUS"), ("İdlib'i", "toponym", "SYR")]
