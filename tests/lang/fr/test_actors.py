from tests.kb.actor_helpers import actors


def test_french_split_titles_and_seats():
    got = actors("Le ministère russe de la Défense a démenti. L'Élysée a salué le ministre turc des Affaires "
                 "étrangères, tandis que l'armée syrienne avançait.", "fr", "2016-03-01")
    assert got["ministère russe de la Défense"][:2] == ("RUS", "MIL")
    assert got["L'Élysée"][:2] == ("FRA", "GOV")
    fm = got["ministre turc des Affaires étrangères"]
    assert fm[:2] == ("TUR", "GOV")
    assert got["armée syrienne"][:2] == ("SYR", "MIL")


def test_french_title_resolves_to_holder():
    from tests.kb.actor_helpers import find

    assert find("le ministre turc des Affaires étrangères", "ministre", "fr", "2016-03-01").name == "Mevlüt Çavuşoğlu"


def test_french_dateline_place_is_not_an_actor():
    got = actors("PARIS (AFP) - La France a condamné l'attaque.", "fr", "2022-03-03")
    assert "PARIS" not in got and got["France"][0] == "FRA"


def test_french_ambassador_to_a_host_country():
    got = actors("L'ambassadeur de Russie en Turquie a été tué.", "fr", "2016-12-19")
    assert got["ambassadeur de Russie en Turquie"][:2] == ("RUS", "GOV")
