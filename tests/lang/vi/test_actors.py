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


def test_vietnamese_anh_pronoun_kinship_and_name_are_not_the_uk():
    # "anh" is also "he/you/older brother" and a given name; only the country reading is an actor
    assert "Anh" not in actors("Anh ấy nói rằng Nga sẽ tấn công.", "vi", "2023-05-01")
    assert "Anh" not in actors("Anh trai của tôi làm việc ở Hà Nội.", "vi", "2023-05-01")
    assert "Anh" not in actors("Anh em trong làng đều đi bầu cử.", "vi", "2023-05-01")
    assert "Anh" not in actors("Cô ấy dạy tiếng Anh ở một trường tư.", "vi", "2023-05-01")
    got = actors("Ông Nguyễn Tuấn Anh cho biết Anh và Pháp đã ký thỏa thuận.", "vi", "2023-05-01")
    assert got["Anh"][0] == "GBR" and got["Pháp"][0] == "FRA"  # the country after "biết", not the name
    assert got.get("Nguyễn Tuấn Anh", (None,))[0] is None
    got = actors("Anh Minh cho biết quân đội Nga đã rút khỏi thị trấn.", "vi", "2023-05-01")
    assert "Anh" not in got and got["quân đội Nga"][:2] == ("RUS", "MIL")


def test_vietnamese_anh_as_the_uk_still_resolves():
    assert actors("Anh, Pháp và Đức kêu gọi ngừng bắn.", "vi", "2023-05-01")["Anh"][0] == "GBR"
    assert actors("Mỹ và Anh không kích phiến quân.", "vi", "2023-05-01")["Anh"][0] == "GBR"
    assert actors("Chính phủ Anh phản đối kế hoạch.", "vi", "2023-05-01")["Chính phủ Anh"][:2] == ("GBR", "GOV")


def test_vietnamese_dateline_place_is_not_an_actor():
    got = actors("HÀ NỘI (TTXVN) - Bộ Quốc phòng Nga cho biết đã bắn hạ máy bay.", "vi", "2023-05-01")
    assert "HÀ NỘI" not in got
    assert got["Bộ Quốc phòng Nga"][:2] == ("RUS", "MIL")


def test_vietnamese_country_words_inside_names_and_compounds():
    # given names (Nga, Đức, Mỹ), honorifics (Đức Giáo hoàng), place names (Lào Cai, Mỹ Tho), compounds (pháp luật)
    got = actors("Bà Nguyễn Thị Nga cho biết Nga đã rút quân.", "vi", "2023-05-01")
    assert got["Nga"][0] == "RUS" and got.get("Nguyễn Thị Nga", (None,))[0] is None
    got = actors("Ông Nguyễn Minh Đức nói Đức sẽ hỗ trợ Ukraine.", "vi", "2023-05-01")
    assert got["Đức"][0] == "DEU" and got.get("Nguyễn Minh Đức", (None,))[0] is None
    got = actors("Tổng thống Pháp gặp Đức Giáo hoàng Francis.", "vi", "2023-05-01")
    assert got["Tổng thống Pháp"][:2] == ("FRA", "GOV") and "Đức" not in got
    assert actors("Pháp luật Việt Nam quy định rõ điều này.", "vi", "2023-05-01").get("Pháp") is None
    assert "Lào" not in actors("Mưa lớn gây lũ ở tỉnh Lào Cai.", "vi", "2023-05-01")
    assert all(v[0] != "USA" for v in actors("Thành phố Mỹ Tho bị ngập.", "vi", "2023-05-01").values())


def test_vietnamese_country_words_still_resolve_as_countries():
    got = actors("Nga, Mỹ, Anh, Pháp và Đức họp tại Geneva.", "vi", "2023-05-01")
    assert [got[k][0] for k in ("Nga", "Mỹ", "Anh", "Pháp", "Đức")] == ["RUS", "USA", "GBR", "FRA", "DEU"]
    assert actors("Lào và Campuchia ký thỏa thuận.", "vi", "2023-05-01")["Lào"][0] == "LAO"
    assert actors("Quân đội Mỹ rút khỏi Syria.", "vi", "2023-05-01")["Quân đội Mỹ"][:2] == ("USA", "MIL")
