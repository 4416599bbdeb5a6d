from eventwire.geo.geoparse import geoparse


def test_english_toponyms_and_supplement():
    got = {p.text: p.place for p in geoparse("Families fled to the Atmeh camp near Idlib as fighting in Nagorno-Karabakh continued.", "en")}
    assert got["Atmeh"].source == "supplement"
    assert got["Idlib"].country == "SYR"
    assert got["Nagorno-Karabakh"].country == "AZE"


def test_title_abbreviations_are_not_places():
    assert [p.text for p in geoparse("Sen. Smith and Rev. Jones met in Frankfort, Ky.", "en")] == ["Frankfort", "Ky."]


def test_all_caps_dateline_is_a_place_but_a_caps_word_is_not():
    text = "Budget approved.\nWINSTED — The town council approved the budget on Monday."
    assert [p.text for p in geoparse(text, "en")] == ["WINSTED"]
    assert [p.text for p in geoparse("Budget approved.\nWINSTED voters approved the budget.", "en")] == []


def test_place_leading_an_organisation_name():
    from eventwire.model import Mention

    text = "The Winsted Police Department said the road was closed."
    org = Mention(4, 33, "Winsted Police Department", "ORG", "test")
    pms = geoparse(text, "en", [org])
    assert [p.text for p in pms] == ["Winsted"] and pms[0].place.country == "USA"
    # a small place later inside an organisation's name is not taken
    text = "The Friends of Winsted Library met."
    assert geoparse(text, "en", [Mention(4, 31, "Friends of Winsted Library", "ORG", "test")]) == []


def test_demonyms_inside_hyphenated_compounds():
    pms = geoparse("Talks on Egyptian-Sudanese trade resumed.", "en")
    assert [(p.text, p.kind, p.place.country) for p in pms] == [
        ("Egyptian", "adjectival", "EGY"), ("Sudanese", "adjectival", "SDN")]


def test_unresolved_ner_place_named_as_a_person_elsewhere_is_dropped():
    from eventwire.model import Mention

    text = "Qzorbin, 43, was arrested. John Qzorbin denied the charge."
    ms = [Mention(0, 7, "Qzorbin", "GPE", "test"), Mention(27, 39, "John Qzorbin", "PERSON", "test")]
    assert geoparse(text, "en", ms) == []
    # without that evidence the unresolved span is kept, with its reason
    pms = geoparse("Qzorbin was quiet.", "en", [Mention(0, 7, "Qzorbin", "GPE", "test")])
    assert len(pms) == 1 and pms[0].place is None


def test_dc_abbreviation_qualifies_washington():
    got = {p.text: p.place for p in geoparse("The bill passed in Washington, D.C. on Friday.", "en")}
    assert got["D.C."].name == "District of Columbia"
    assert got["Washington"].admin1 == "District of Columbia" and got["Washington"].feature_code == "PPLC"
