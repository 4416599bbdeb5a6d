"""Russian events through the real pipeline (our own sentences)."""
from tests.coding.helpers import countries, events


def test_air_strike_with_casualties():
    evs = events("В результате авиаудара по позициям в Идлибе погибли двое турецких военных, ещё пятеро ранены.",
                 "ru", "2024-10-27", "ASSAULT")
    assert evs and evs[0].size.dead == 2 and evs[0].size.injured == 5
    # "погибли двое турецких военных": the soldiers are the victims, not the attackers
    assert countries(evs[0].recipient) == {"TUR"} and "TUR" not in countries(evs[0].actor)


def test_phone_call_between_leaders():
    evs = events("Владимир Путин провёл телефонный разговор с Реджепом Тайипом Эрдоганом.", "ru", "2024-10-29", "CONSULT")
    assert evs and evs[0].mode == "phone"
    assert countries(evs[0].actor) == {"RUS"} and countries(evs[0].recipient) == {"TUR"}


def test_condemnation():
    evs = events("МИД России резко осудил нападение на гуманитарный конвой.", "ru", "2024-10-29", "ACCUSE")
    assert evs


def test_denial():
    evs = events("Министерство обороны России опровергло сообщения о том, что российские самолёты нанесли удар по "
                 "турецким позициям.", "ru", "2024-10-28")
    assert any(e.modality == "denied" or e.claim_status == "denied" or e.event_type == "REJECT" for e in evs)


def test_future_threat():
    evs = events("Анкара пригрозила нанести ответный удар по сирийским войскам.", "ru", "2024-10-30", "THREATEN")
    assert evs


def test_negated_event():
    evs = events("Российские самолёты не бомбили турецкие позиции в Идлибе.", "ru", "2024-10-28", "ASSAULT")
    assert evs and evs[0].modality == "negated"
    assert countries(evs[0].actor) == {"RUS"} and countries(evs[0].recipient) == {"TUR"}


def test_historical_mention():
    evs = events("Посол России Андрей Карлов был убит в Анкаре в 2016 году.", "ru", "2020-03-01", "ASSAULT")
    assert evs and evs[0].modality == "historical"
    # the city is where it happened, not a participant; the victim is the Russian ambassador
    assert "TUR" not in countries(evs[0].actor + evs[0].recipient) and "RUS" in countries(evs[0].recipient)


def test_roles_victims_and_attackers():
    # the sufferers are the subject of a victim predicate; the attackers the genitive/agent of the strikes
    evs = events("Турецкие военные погибли в результате ударов сирийских войск.", "ru", "2020-02-28", "ASSAULT")
    assert evs
    e = evs[0]
    assert [(a.country, a.sector) for a in e.actor if a.country] == [("SYR", "MIL")]
    assert [(a.country, a.sector) for a in e.recipient if a.country] == [("TUR", "MIL")]
