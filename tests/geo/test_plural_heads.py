"""Names sharing a plural head ("Clay and Becker counties") are each read with the singular head.
Sentences written for these tests."""
from __future__ import annotations

from eventwire.geo.geoparse import geoparse
from eventwire.geo.toponyms import plural_head_matches


def test_each_name_before_counties_is_a_county():
    text = "Deputies from Clay, Becker and Otter Tail counties searched the lake on Sunday."
    got = {t.text: t.matched for t in plural_head_matches(text, "en")}
    assert got == {"Clay": "Clay County", "Becker": "Becker County", "Otter Tail": "Otter Tail County"}
    places = {p.text: p.place for p in geoparse(text, "en", [])}
    assert places["Otter Tail"].feature_code == "ADM2" and places["Otter Tail"].admin1 == "Minnesota"
    assert places["Becker"].feature_code == "ADM2"


def test_parishes_and_single_names():
    text = "Crews from Rapides and Avoyelles parishes cleared the roads."
    assert [t.matched for t in plural_head_matches(text, "en")] == ["Rapides Parish", "Avoyelles Parish"]
    # one name before a plural head is not a list; no names, nothing
    assert plural_head_matches("Most counties in Becker reported no damage.", "en") == []
    assert plural_head_matches("Becker counties are small.", "en") == []
