"""Spanish events through the real pipeline (our own sentences)."""
from tests.coding.helpers import countries, events


def test_air_strike_with_casualties():
    evs = events("Un ataque aéreo contra una posición militar en Idlib dejó al menos 12 muertos y 30 heridos.",
                 "es", "2024-10-27", "ASSAULT")
    assert evs and evs[0].size.dead == 12 and evs[0].size.injured == 30


def test_phone_call_between_leaders():
    evs = events("El presidente ruso, Vladímir Putin, mantuvo una conversación telefónica con el presidente turco, "
                 "Recep Tayyip Erdogan.", "es", "2024-10-29", "CONSULT")
    assert evs and evs[0].mode == "phone"
    assert countries(evs[0].actor) == {"RUS"} and countries(evs[0].recipient) == {"TUR"}


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
    assert countries(evs[0].actor) == {"RUS"} and countries(evs[0].recipient) == {"TUR"}


def test_historical_mention():
    evs = events("El embajador ruso Andréi Kárlov fue asesinado en Ankara en 2016.", "es", "2020-03-01", "ASSAULT")
    assert evs and evs[0].modality == "historical"
    # the city is where it happened, not a participant; the victim is the Russian ambassador
    assert "TUR" not in countries(evs[0].actor + evs[0].recipient) and "RUS" in countries(evs[0].recipient)


def test_roles_victims_and_attackers():
    # the sufferers are the subject of a victim predicate; the attackers the genitive/agent of the strikes
    evs = events("Soldados turcos murieron en ataques de las fuerzas sirias.", "es", "2020-02-28", "ASSAULT")
    assert evs
    e = evs[0]
    assert [(a.country, a.sector) for a in e.actor if a.country] == [("SYR", "MIL")]
    assert [(a.country, a.sector) for a in e.recipient if a.country] == [("TUR", "MIL")]
