"""Spanish events through the real pipeline (our own sentences)."""
from tests.coding.helpers import events


def test_air_strike_with_casualties():
    evs = events("Un ataque aéreo contra una posición militar en Idlib dejó al menos 12 muertos y 30 heridos.",
                 "es", "2024-10-27", "ASSAULT")
    assert evs and evs[0].size.dead == 12 and evs[0].size.injured == 30


def test_phone_call_between_leaders():
    evs = events("El presidente ruso, Vladímir Putin, mantuvo una conversación telefónica con el presidente turco, "
                 "Recep Tayyip Erdogan.", "es", "2024-10-29", "CONSULT")
    assert evs and evs[0].mode == "phone"


def test_condemnation():
    evs = events("El Gobierno de España condenó enérgicamente el ataque contra el convoy humanitario.", "es", "2024-10-29", "ACCUSE")
    assert evs


def test_denial():
    evs = events("El Ministerio de Defensa ruso negó que sus aviones hubieran bombardeado posiciones turcas en Idlib.",
                 "es", "2024-10-28")
    assert any(e.modality == "denied" or e.claim_status == "denied" or e.event_type == "REJECT" for e in evs)


def test_future_threat():
    evs = events("Turquía amenazó con responder militarmente si las fuerzas sirias vuelven a atacar.", "es", "2024-10-30", "THREATEN")
    assert evs


def test_negated_event():
    evs = events("Los aviones rusos no bombardearon las posiciones turcas en Idlib.", "es", "2024-10-28", "ASSAULT")
    assert evs and evs[0].modality == "negated"


def test_historical_mention():
    evs = events("El embajador ruso Andréi Kárlov fue asesinado en Ankara en 2016.", "es", "2020-03-01", "ASSAULT")
    assert evs and evs[0].modality == "historical"
