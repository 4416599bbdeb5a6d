from tests.kb.actor_helpers import actors


def test_chinese_without_spaces():
    got = actors("俄罗斯国防部表示，土耳其总统埃尔多安与普京通话，联合国呼吁停火。", "zh", "2020-02-28")
    assert got["俄罗斯国防部"][:2] == ("RUS", "MIL")
    assert got["土耳其总统埃尔多安"] == ("TUR", "GOV", "Q39723")
    assert got["普京"] == ("RUS", "GOV", "Q7747")
    assert got["联合国"][0] == "UN"
