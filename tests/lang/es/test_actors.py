from tests.kb.actor_helpers import actors, find


def test_spanish_titles_and_agents():
    got = actors("El ministro ruso de Exteriores, Serguéi Lavrov, y el presidente turco hablaron; "
                 "los soldados turcos y los rebeldes sirios siguen en Idlib.", "es", "2020-02-28")
    assert got["soldados turcos"][:2] == ("TUR", "MIL")
    assert got["rebeldes sirios"][:2] == ("SYR", "REB")
    assert got["presidente turco"] == ("TUR", "GOV", "Q39259")
    a = find("El ministro ruso de Exteriores viajó a Ankara.", "ministro", "es", "2020-02-28")
    assert a.name == "Sergey Lavrov"


def test_spanish_dateline_place_is_not_an_actor():
    got = actors("MADRID (EFE) - El Gobierno español rechazó el plan.", "es", "2023-03-03")
    assert "MADRID" not in got and got["Gobierno español"][:2] == ("ESP", "GOV")


def test_spanish_ambassador_to_a_host_country():
    got = actors("El embajador de Rusia en Turquía fue asesinado.", "es", "2016-12-19")
    assert got["embajador de Rusia en Turquía"][:2] == ("RUS", "GOV")
