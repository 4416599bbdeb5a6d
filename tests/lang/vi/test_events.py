"""Vietnamese events through the real pipeline (our own sentences)."""
from tests.coding.helpers import countries, events


def test_air_strike_with_casualties():
    evs = events("Quân đội Syria không kích tỉnh Idlib hôm thứ Năm, khiến 33 binh sĩ Thổ Nhĩ Kỳ thiệt mạng.",
                 "vi", "2020-02-28", "ASSAULT")
    assert evs and evs[0].size.dead == 33 and evs[0].modality == "asserted"
    assert countries(evs[0].actor) == {"SYR"} and countries(evs[0].recipient) == {"TUR"}


def test_phone_call_between_leaders():
    evs = events("Tổng thống Nga Vladimir Putin đã điện đàm với Tổng thống Thổ Nhĩ Kỳ Recep Tayyip Erdogan hôm thứ Ba.",
                 "vi", "2024-10-29", "CONSULT")
    assert evs and evs[0].mode == "phone"
    assert countries(evs[0].actor) == {"RUS"} and countries(evs[0].recipient) == {"TUR"}


def test_condemnation():
    evs = events("Liên minh châu Âu lên án mạnh mẽ vụ tấn công nhằm vào đoàn xe cứu trợ.", "vi", "2024-10-29", "ACCUSE")
    assert evs


def test_denial():
    evs = events("Bộ Quốc phòng Nga bác bỏ thông tin rằng máy bay Nga đã không kích các vị trí của Thổ Nhĩ Kỳ.",
                 "vi", "2024-10-28")
    assert any(e.modality == "denied" or e.claim_status == "denied" or e.event_type == "REJECT" for e in evs)


def test_future_threat():
    evs = events("Thổ Nhĩ Kỳ cảnh báo sẽ trả đũa nếu quân đội Syria tiếp tục tấn công.", "vi", "2024-10-30", "THREATEN")
    assert evs


def test_negated_event():
    evs = events("Máy bay Nga không ném bom các vị trí của Thổ Nhĩ Kỳ ở Idlib.", "vi", "2024-10-28", "ASSAULT")
    assert evs and evs[0].modality == "negated"
    assert countries(evs[0].actor) == {"RUS"} and countries(evs[0].recipient) == {"TUR"}


def test_historical_mention():
    evs = events("Đại sứ Nga Andrei Karlov bị ám sát tại Ankara vào năm 2016.", "vi", "2020-03-01", "ASSAULT")
    assert evs and evs[0].modality == "historical"
    # the city is where it happened, not a participant; the victim is the Russian ambassador
    assert "TUR" not in countries(evs[0].actor + evs[0].recipient) and "RUS" in countries(evs[0].recipient)


def test_vague_quantity_is_a_range():
    evs = events("Hàng trăm nghìn người bị thương sau các cuộc không kích.", "vi", "2024-10-28", "ASSAULT")
    assert evs and evs[0].size.injured == 200000 and evs[0].size.injured_max == 999000


def test_roles_victims_and_attackers():
    # the sufferers are the subject of a victim predicate; the attackers the genitive/agent of the strikes
    evs = events("Binh sĩ Thổ Nhĩ Kỳ đã thiệt mạng trong các cuộc không kích của lực lượng Syria.", "vi", "2020-02-28", "ASSAULT")
    assert evs
    e = evs[0]
    assert [(a.country, a.sector) for a in e.actor if a.country] == [("SYR", "MIL")]
    assert [(a.country, a.sector) for a in e.recipient if a.country] == [("TUR", "MIL")]
