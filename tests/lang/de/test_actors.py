from tests.kb.actor_helpers import actors


def test_german_declined_adjectives_and_compounds():
    got = actors("Das russische Verteidigungsministerium und die syrischen Truppen; der türkische Präsident "
                 "Erdoğan und Außenminister Lawrow. Der Kreml schwieg.", "de", "2020-02-28")
    assert got["russische Verteidigungsministerium"][:2] == ("RUS", "MIL")
    assert got["syrischen Truppen"][:2] == ("SYR", "MIL")
    assert got["türkische Präsident Erdoğan"] == ("TUR", "GOV", "Q39259")
    assert got["Außenminister Lawrow"][:2] == ("RUS", "GOV")
    assert got["Der Kreml"][:2] == ("RUS", "GOV")


def test_german_dateline_place_is_not_an_actor():
    got = actors("BERLIN (dpa) - Die Bundesregierung lehnt den Plan ab.", "de", "2023-03-03")
    assert "BERLIN" not in got and got["Bundesregierung"][:2] == ("DEU", "GOV")
