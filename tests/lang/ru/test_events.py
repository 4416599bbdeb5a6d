"""Russian events through the real pipeline (our own sentences)."""
from tests.coding.helpers import events


def test_air_strike_with_casualties():
    evs = events("В результате авиаудара по позициям в Идлибе погибли двое турецких военных, ещё пятеро ранены.",
                 "ru", "2024-10-27", "ASSAULT")
    assert evs and evs[0].size.dead == 2 and evs[0].size.injured == 5


def test_phone_call_between_leaders():
    evs = events("Владимир Путин провёл телефонный разговор с Реджепом Тайипом Эрдоганом.", "ru", "2024-10-29", "CONSULT")
    assert evs and evs[0].mode == "phone"


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


def test_historical_mention():
    evs = events("Посол России Андрей Карлов был убит в Анкаре в 2016 году.", "ru", "2020-03-01", "ASSAULT")
    assert evs and evs[0].modality == "historical"
