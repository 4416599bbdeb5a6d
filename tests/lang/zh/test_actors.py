from tests.kb.actor_helpers import actors


def test_chinese_without_spaces():
    got = actors("俄罗斯国防部表示，土耳其总统埃尔多安与普京通话，联合国呼吁停火。", "zh", "2020-02-28")
    assert got["俄罗斯国防部"][:2] == ("RUS", "MIL")
    assert got["土耳其总统埃尔多安"] == ("TUR", "GOV", "Q39259")
    assert got["普京"] == ("RUS", "GOV", "Q7747")
    assert got["联合国"][0] == "UN"


def test_chinese_agency_dateline_place_is_not_an_actor():
    got = actors("新华社莫斯科3月3日电 俄罗斯外交部发言人扎哈罗娃说，俄方反对该计划。", "zh", "2023-03-03")
    assert "莫斯科" not in got and got["俄方"][0] == "RUS"
    assert actors("莫斯科拒绝了这项计划。", "zh", "2023-03-03")["莫斯科"][:2] == ("RUS", "GOV")
