from eventwire.geo.geoparse import geoparse


def test_german_names():
    got = {p.text: p.place for p in geoparse("Die Konferenz in München befasste sich mit Idlib in Syrien.", "de")}
    assert got["München"].geonames_id == 2867714
    assert got["Idlib"].country == "SYR"
    assert got["Syrien"].feature_code == "PCLI"
