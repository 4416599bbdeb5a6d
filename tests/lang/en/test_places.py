from eventwire.geo.geoparse import geoparse


def test_english_toponyms_and_supplement():
    got = {p.text: p.place for p in geoparse("Families fled to the Atmeh camp near Idlib as fighting in Nagorno-Karabakh continued.", "en")}
    assert got["Atmeh"].source == "supplement"
    assert got["Idlib"].country == "SYR"
    assert got["Nagorno-Karabakh"].country == "AZE"


def test_title_abbreviations_are_not_places():
    assert [p.text for p in geoparse("Sen. Smith and Rev. Jones met in Frankfort, Ky.", "en")] == ["Frankfort", "Ky."]
