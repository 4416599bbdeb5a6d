from eventwire.timex import find_times


def vals(text, anchor="2020-02-22"):
    return [(t.text, t.value) for t in find_times(text, "vi", anchor)]


def test_ngay_day_month_in_2020_article():
    assert vals("Ngày 21/2, Bộ Quốc phòng Nga cho biết.")[0] == ("Ngày 21/2", "2020-02-21")


def test_previous_day_after_explicit_date():
    got = vals("Trong ngày 20/2, các nhà lãnh đạo điện đàm. Ngày hôm trước, Nga tuyên bố.")
    assert got == [("ngày 20/2", "2020-02-20"), ("Ngày hôm trước", "2020-02-19")]


def test_month_year_and_relative_words():
    got = dict(vals("Vào tháng 12/2016 và hôm qua, tuần trước."))
    assert got["tháng 12/2016"] == "2016-12"
    assert got["hôm qua"] == "2020-02-21"
    assert got["tuần trước"] == "2020-W07"


def test_full_date_and_ago():
    got = dict(vals("ngày 3 tháng 3 năm 2019; 6 năm trước"))
    assert got["ngày 3 tháng 3 năm 2019"] == "2019-03-03"
    assert got["6 năm trước"] == "2014"


def test_weekday():
    # 2020-02-22 is a Saturday; "thứ Năm" is the Thursday before
    assert dict(vals("Hôm thứ năm, hai bên gặp nhau."))["thứ năm"] == "2020-02-20"


def test_timeml_references_seasons_and_decades():
    got = dict(vals("Hiện nay cảng đã mở cửa. Mùa hè năm ngoái, bão đổ bộ. Trong thập niên 1990, kinh tế tăng trưởng. "
                    "Trong tương lai cảng sẽ mở rộng."))
    assert got["Hiện nay"] == "PRESENT_REF"
    assert got["Mùa hè năm ngoái"] == "2019-SU"
    assert got["thập niên 1990"] == "199"
    assert got["Trong tương lai"] == "FUTURE_REF"


def test_year_unknown_without_anchor_is_kept_partial():
    assert vals("Ngày 21/2, Bộ Quốc phòng cho biết.", anchor=None) == [("Ngày 21/2", "XXXX-02-21")]


def test_weekend():
    assert dict(vals("Cuối tuần qua, nhiều cuộc biểu tình đã diễn ra.", anchor="2020-02-28"))["Cuối tuần qua"] == "2020-W08-WE"
