"""French events through the real pipeline (our own sentences)."""
from tests.coding.helpers import countries, events


def test_air_strike_with_casualties():
    evs = events("Une frappe aérienne contre une position militaire à Idleb a fait trois morts et cinq blessés.",
                 "fr", "2024-10-27", "ASSAULT")
    assert evs and evs[0].size.dead == 3 and evs[0].size.injured == 5


def test_phone_call_between_leaders():
    evs = events("Le président russe Vladimir Poutine s'est entretenu au téléphone avec le président turc Recep Tayyip Erdogan.",
                 "fr", "2024-10-29", "CONSULT")
    assert evs and evs[0].mode == "phone"
    assert countries(evs[0].actor) == {"RUS"} and countries(evs[0].recipient) == {"TUR"}


def test_condemnation():
    evs = events("La France a fermement condamné l'attaque contre le convoi humanitaire.", "fr", "2024-10-29", "ACCUSE")
    assert evs


def test_denial():
    evs = events("Le ministère russe de la Défense a démenti que ses avions aient bombardé des positions turques.",
                 "fr", "2024-10-28")
    assert any(e.modality == "denied" or e.claim_status == "denied" or e.event_type == "REJECT" for e in evs)


def test_future_threat():
    evs = events("La Turquie a menacé de riposter si les forces syriennes attaquent à nouveau.", "fr", "2024-10-30", "THREATEN")
    assert evs


def test_negated_event():
    evs = events("Les avions russes n'ont pas bombardé les positions turques à Idleb.", "fr", "2024-10-28", "ASSAULT")
    assert evs and evs[0].modality == "negated"
    assert countries(evs[0].actor) == {"RUS"} and countries(evs[0].recipient) == {"TUR"}


def test_historical_mention():
    evs = events("L'ambassadeur russe Andreï Karlov a été assassiné à Ankara en 2016.", "fr", "2020-03-01", "ASSAULT")
    assert evs and evs[0].modality == "historical"
    # the city is where it happened, not a participant; the victim is the Russian ambassador
    assert "TUR" not in countries(evs[0].actor + evs[0].recipient) and "RUS" in countries(evs[0].recipient)


def test_roles_victims_and_attackers():
    # the sufferers are the subject of a victim predicate; the attackers the genitive/agent of the strikes
    evs = events("Des soldats turcs ont été tués dans des frappes des forces syriennes.", "fr", "2020-02-28", "ASSAULT")
    assert evs
    e = evs[0]
    assert [(a.country, a.sector) for a in e.actor if a.country] == [("SYR", "MIL")]
    assert [(a.country, a.sector) for a in e.recipient if a.country] == [("TUR", "MIL")]
