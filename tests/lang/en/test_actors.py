from tests.kb.actor_helpers import actors, find


def test_english_people_and_spokespeople():
    got = actors("Kremlin spokesman Dmitry Peskov and Maria Zakharova rejected the claims, while Sergey Lavrov "
                 "met Mevlut Cavusoglu in Antalya.", "en", "2021-03-10")
    assert got["Kremlin spokesman Dmitry Peskov"][:2] == ("RUS", "GOV")
    assert got["Maria Zakharova"][:2] == ("RUS", "GOV")
    assert got["Sergey Lavrov"][:2] == ("RUS", "GOV")
    assert got["Mevlut Cavusoglu"][:2] == ("TUR", "GOV")


def test_english_groups_and_igos():
    got = actors("HTS fighters shelled positions held by the SDF; the UNHCR and the ICRC called for calm.", "en", "2020-02-01")
    assert got["HTS fighters"][:2] == ("SYR", "REB")
    assert got["SDF"][:2] == ("SYR", "REB")
    assert got["UNHCR"][0] == "UN"
    assert got["ICRC"][:2] == ("ICRC", "NGO")


def test_english_leader_after_office():
    a = find("Erdogan met former president Abdullah Gul in Istanbul.", "Gul", "en", "2019-01-01")
    assert a.country == "TUR" and a.sector is None


def test_place_names_inside_organisation_names_are_not_governments():
    got = actors("The Washington Post reported that Washington rejected the plan.", "en", "2020-01-01")
    assert got["The Washington Post"][:2] == ("USA", None)
    assert got["Washington"][:2] == ("USA", "GOV")


def test_english_dateline_places_are_not_actors():
    got = actors("ANKARA (Reuters) - Turkey's foreign minister said talks would resume.", "en", "2021-03-10")
    assert "ANKARA" not in got and got["Turkey's foreign minister"][:2] == ("TUR", "GOV")
    got = actors("MOSCOW, Feb 28 (Reuters) - Russian forces shelled the town.", "en", "2022-02-28")
    assert "MOSCOW" not in got and got["Russian forces"][:2] == ("RUS", "MIL")
    got = actors("KYIV, Ukraine (AP) — Ukrainian troops advanced.", "en", "2022-09-10")
    assert set(got) == {"Ukrainian troops"}
    got = actors("Some earlier paragraph.\nTEHRAN, Jan 5 (Reuters) - Iran said Tehran would respond.", "en", "2020-01-05")
    assert "TEHRAN" not in got and got["Tehran"][:2] == ("IRN", "GOV")  # the capital later in the text still counts


def test_english_capital_opening_a_sentence_is_still_an_actor():
    got = actors("Ankara rejected the proposal - officials said.", "en", "2021-03-10")
    assert got["Ankara"][:2] == ("TUR", "GOV")
    got = actors("Russia - Ukraine talks: Moscow rejected the plan.", "en", "2021-03-10")
    assert got["Russia"][0] == "RUS" and got["Moscow"][:2] == ("RUS", "GOV")


def test_english_ambassador_of_a_country_to_another():
    got = actors("The ambassador of Egypt to Israel was recalled. The Iranian envoy in Baghdad denied it.", "en",
                 "2023-05-01")
    assert got["ambassador of Egypt to Israel"][:2] == ("EGY", "GOV")
    assert got["Iranian envoy in Baghdad"][:2] == ("IRN", "GOV")
