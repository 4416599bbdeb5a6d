"""Arabic events through the real pipeline (our own sentences)."""
from tests.coding.helpers import countries, events


def test_air_strike_with_casualties():
    evs = events("قتل ثلاثة جنود أتراك وأصيب خمسة آخرون في غارة جوية على موقع عسكري في إدلب.", "ar", "2024-10-27", "ASSAULT")
    assert evs and evs[0].size.dead == 3 and evs[0].size.injured == 5
    # undiacritised "قتل" before the victims is the passive "were killed"
    assert countries(evs[0].recipient) == {"TUR"} and "TUR" not in countries(evs[0].actor)


def test_phone_call_between_leaders():
    evs = events("أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان.", "ar", "2024-10-29", "CONSULT")
    assert evs and evs[0].mode == "phone"
    assert countries(evs[0].actor) == {"RUS"} and countries(evs[0].recipient) == {"TUR"}


def test_condemnation():
    evs = events("أدانت وزارة الخارجية بشدة الهجوم على قافلة المساعدات الإنسانية.", "ar", "2024-10-29", "ACCUSE")
    assert evs


def test_denial():
    evs = events("نفت وزارة الدفاع الروسية أن تكون طائراتها قد قصفت مواقع تركية في إدلب.", "ar", "2024-10-28")
    assert any(e.modality == "denied" or e.claim_status == "denied" or e.event_type == "REJECT" for e in evs)


def test_future_threat():
    evs = events("هدد وزير الدفاع التركي بالرد على أي هجوم تشنه القوات السورية.", "ar", "2024-10-30", "THREATEN")
    assert evs


def test_negated_event():
    evs = events("لم تقصف الطائرات الروسية المواقع التركية في ريف إدلب.", "ar", "2024-10-28", "ASSAULT")
    assert evs and evs[0].modality == "negated"


def test_historical_mention():
    evs = events("اغتيل السفير الروسي أندريه كارلوف في أنقرة عام 2016.", "ar", "2020-03-01", "ASSAULT")
    assert evs and evs[0].modality == "historical"
    # the city is where it happened, not a participant; the victim is the Russian ambassador
    assert "TUR" not in countries(evs[0].actor + evs[0].recipient) and "RUS" in countries(evs[0].recipient)


def test_roles_victims_and_attackers():
    # the sufferers are the subject of a victim predicate; the attackers the genitive/agent of the strikes
    evs = events("قتل جنود أتراك في غارات شنتها القوات السورية.", "ar", "2020-02-28", "ASSAULT")
    assert evs
    e = evs[0]
    assert [(a.country, a.sector) for a in e.actor if a.country] == [("SYR", "MIL")]
    assert [(a.country, a.sector) for a in e.recipient if a.country] == [("TUR", "MIL")]
