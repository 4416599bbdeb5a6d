from tests.kb.actor_helpers import actors


def test_vietnamese_institutions_countries_igos():
    got = actors("Bộ Quốc phòng Nga cho rằng Thổ Nhĩ Kỳ phải rút quân, trong khi Liên hợp quốc kêu gọi "
                 "lực lượng Chính phủ Syria ngừng bắn.", "vi", "2020-02-21")
    assert got["Bộ Quốc phòng Nga"][:2] == ("RUS", "MIL")
    assert got["Thổ Nhĩ Kỳ"][0] == "TUR"
    assert got["Liên hợp quốc"][:2] == ("UN", "IGO")
    assert got["lực lượng Chính phủ Syria"][:2] == ("SYR", "MIL")


def test_vietnamese_titles():
    got = actors("Tổng thống Nga Vladimir Putin điện đàm với Ngoại trưởng Mỹ.", "vi", "2021-06-01")
    assert got["Tổng thống Nga Vladimir Putin"] == ("RUS", "GOV", "Q7747")
    assert got["Ngoại trưởng Mỹ"][:2] == ("USA", "GOV")
