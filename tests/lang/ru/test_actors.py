from tests.kb.actor_helpers import actors, find


def test_russian_case_forms():
    got = actors("Министерство обороны России заявило, что российские военные не наносили ударов. "
                 "Лавров обсудил ситуацию с главой МИД Турции, а Песков сообщил о звонке Путина Эрдогану.",
                 "ru", "2020-02-28")
    assert got["Министерство обороны России"][:2] == ("RUS", "MIL")
    assert got["российские военные"][:2] == ("RUS", "MIL")
    assert got["Лавров"][:2] == ("RUS", "GOV")
    assert got["главой МИД Турции"][:2] == ("TUR", "GOV")
    assert got["Песков"][:2] == ("RUS", "GOV")
    assert got["Путина"] == ("RUS", "GOV", "Q7747")
    assert got["Эрдогану"] == ("TUR", "GOV", "Q39259")


def test_russian_names_do_not_swallow_country_stems():
    a = find("Премьер-министр Ираклий Кобахидзе выступил в Тбилиси.", "Премьер", "ru", "2024-12-01")
    assert a.country != "IRQ"


def test_russian_dateline_place_is_not_an_actor():
    got = actors("МОСКВА, 3 марта (Рейтер) - Кремль заявил о готовности к переговорам.", "ru", "2022-03-03")
    assert "МОСКВА" not in got and got["Кремль"][:2] == ("RUS", "GOV")


def test_russian_ambassador_to_a_host_country():
    got = actors("Посол России в Турции заявил о провокации.", "ru", "2016-12-19")
    assert got["Посол России в Турции"][:2] == ("RUS", "GOV")
    got = actors("Посол Турции в Москве был вызван в МИД.", "ru", "2016-12-19")
    assert got["Посол Турции в Москве"][:2] == ("TUR", "GOV")
