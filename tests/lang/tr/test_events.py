"""Turkish events through the real pipeline (our own sentences)."""
from tests.coding.helpers import countries, events


def test_air_strike_with_casualties():
    evs = events("Suriye rejim güçlerinin İdlib'e düzenlediği hava saldırısında otuz üç asker şehit oldu.",
                 "tr", "2020-02-28", "ASSAULT")
    assert evs and evs[0].size.dead == 33
    assert countries(evs[0].actor) == {"SYR"}


def test_phone_call_between_leaders():
    evs = events("Cumhurbaşkanı Erdoğan, Rusya Devlet Başkanı Putin ile telefonda görüştü.", "tr", "2024-10-29", "CONSULT")
    assert evs and evs[0].mode == "phone"
    assert countries(evs[0].actor) == {"TUR"} and countries(evs[0].recipient) == {"RUS"}


def test_condemnation():
    evs = events("Dışişleri Bakanlığı yardım konvoyuna yönelik saldırıyı şiddetle kınadı.", "tr", "2024-10-29", "ACCUSE")
    assert evs


def test_denial():
    evs = events("Rusya Savunma Bakanlığı, Rus uçaklarının Türk mevzilerini vurduğu iddialarını yalanladı.",
                 "tr", "2024-10-28")
    assert any(e.modality == "denied" or e.claim_status == "denied" or e.event_type == "REJECT" for e in evs)


def test_future_threat():
    evs = events("Milli Savunma Bakanı, saldırıların karşılıksız kalmayacağını söyleyerek rejimi tehdit etti.",
                 "tr", "2024-10-30", "THREATEN")
    assert evs


def test_negated_event():
    evs = events("Rus savaş uçakları İdlib kırsalındaki Türk mevzilerini bombalamadı.", "tr", "2024-10-28", "ASSAULT")
    assert evs and evs[0].modality == "negated"
    assert countries(evs[0].actor) == {"RUS"} and countries(evs[0].recipient) == {"TUR"}


def test_historical_mention():
    evs = events("Rusya'nın Ankara Büyükelçisi Andrey Karlov 2016 yılında düzenlenen suikastte öldürüldü.",
                 "tr", "2020-03-01", "ASSAULT")
    assert evs and evs[0].modality == "historical"
    # the city is where it happened, not a participant; the victim is the Russian ambassador
    assert "TUR" not in countries(evs[0].actor + evs[0].recipient) and "RUS" in countries(evs[0].recipient)


def test_roles_victims_and_attackers():
    # the sufferers are the subject of a victim predicate; the attackers the genitive/agent of the strikes
    evs = events("Türk askerleri Suriye güçlerinin saldırılarında hayatını kaybetti.", "tr", "2020-02-28", "ASSAULT")
    assert evs
    e = evs[0]
    assert [(a.country, a.sector) for a in e.actor if a.country] == [("SYR", "MIL")]
    assert [(a.country, a.sector) for a in e.recipient if a.country] == [("TUR", "MIL")]
