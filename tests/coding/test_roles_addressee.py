"""Who an act is aimed at when it is not the verb's object: the addressee of a demand, the obliged party of a
reported obligation, the area a territorial measure applies to, the authority a protest's demands address.
Our own sentences (real pipeline)."""
from tests.coding.helpers import countries, events


def _top(text: str, lang: str, etype: str):
    evs = events(text, lang, "2024-03-05", etype)
    assert evs, (etype, text)
    return max(evs, key=lambda e: e.confidence)


def test_subject_of_a_demanded_clause_is_the_recipient():
    e = _top("Kenya demanded that the Ugandan government release the detained journalists.", "en", "REQUEST")
    assert "KEN" in countries(e.actor)
    assert "UGA" in countries(e.recipient)
    assert any("demanded clause" in r for r in e.reasons)


def test_subject_of_a_clause_under_a_demand_noun_is_the_recipient():
    e = _top("Norway repeated its demand that Iran free the imprisoned lawyers.", "en", "REQUEST")
    assert "IRN" in countries(e.recipient)


def test_reported_obligation_speaker_demands_of_the_obliged_party():
    e = _top("Germany said on Monday that Serbia must hand over the suspects.", "en", "REQUEST")
    assert "DEU" in countries(e.actor) and "SRB" not in countries(e.actor)
    assert "SRB" in countries(e.recipient)


def test_reported_obligation_in_spanish():
    e = _top("Francia dijo el lunes que Marruecos debe entregar a los sospechosos.", "es", "REQUEST")
    assert "FRA" in countries(e.actor) and "MAR" not in countries(e.actor)
    assert "MAR" in countries(e.recipient)


def test_area_of_a_curfew_is_the_recipient():
    e = _top("Ethiopia imposed a curfew in Eritrea on Friday.", "en", "COERCE")
    assert "ETH" in countries(e.actor)
    assert "ERI" in countries(e.recipient)
    assert any("applies to" in r for r in e.reasons)


def test_lifting_a_state_of_emergency_in_a_region():
    e = _top("Colombia lifted the state of emergency in Venezuela's border town of San Antonio.", "en", "CONCEDE")
    assert "VEN" in countries(e.recipient)


def test_area_of_a_curfew_in_russian():
    e = _top("Грузия ввела комендантский час в Армении.", "ru", "COERCE")
    assert "ARM" in countries(e.recipient)


def test_protest_target_is_whom_its_demands_address():
    e = _top("Thousands of students marched in Nairobi to demand the resignation of the Ugandan president.",
             "en", "PROTEST")
    assert "UGA" in countries(e.recipient)


def test_protest_in_defiance_of_an_authority():
    e = _top("Hundreds of farmers rallied in Lyon in defiance of the German government.", "en", "PROTEST")
    assert "DEU" in countries(e.recipient)


def test_to_phrase_parsed_as_dative_names_the_recipient():
    e = _top("Canada granted asylum to the Iranian activists who were sentenced to death for protesting.", "en", "AID")
    assert "CAN" in countries(e.actor)
    assert "IRN" in countries(e.recipient)


def test_coordinated_modifiers_name_two_actors():
    e = _top("Senior Hungarian and Romanian officials agreed on Wednesday to cooperate on border controls.", "en", "AGREE")
    assert {"HUN", "ROU"} <= countries(e.actor)


def test_coordinated_subjects_are_both_actors_in_russian():
    e = _top("Венгрия и Румыния договорились о сотрудничестве на границе.", "ru", "AGREE")
    assert {"HUN", "ROU"} <= countries(e.actor)


def test_party_withdrawn_from_is_the_recipient():
    e = _top("Armenia is willing to withdraw its troops from neighbouring Azerbaijan.", "en", "AGREE")
    assert "ARM" in countries(e.actor)
    assert "AZE" in countries(e.recipient)


def test_withdrawal_noun_from_a_country():
    e = _top("France completed the withdrawal of its soldiers from Mali on Tuesday.", "en", "RETREAT")
    assert "MLI" in countries(e.recipient)


def test_seized_from_names_the_recipient():
    e = _top("Lebanese police confiscated rifles and explosives from Syrian militias.", "en", "COERCE")
    assert "SYR" in countries(e.recipient)


def test_indirect_object_of_a_transfer_outranks_the_purpose_phrase():
    e = _top("Japan gave Cambodia 40 million dollars of aid for rural schools.", "en", "AID")
    assert "KHM" in countries(e.recipient)


def test_threatened_party_is_the_subject_of_the_condition():
    e = _top("Ukraine threatened to halt gas transit unless Hungary lifted its veto.", "en", "THREATEN")
    assert "UKR" in countries(e.actor)
    assert "HUN" in countries(e.recipient)


def test_that_clause_of_a_demand_attached_to_the_verb():
    e = _top("Canada repeated its demand today that Iran free the jailed students.", "en", "REQUEST")
    assert "IRN" in countries(e.recipient)


def test_coordinated_reporting_verb_shares_the_subject():
    evs = events("Malian rebels on Friday again rejected a Senegalese peace plan, and said they also opposed the "
                 "deployment of foreign troops.", "en", "2024-03-05", "REJECT")
    first = next(e for e in evs if e.trigger == "rejected")
    assert "SEN" in countries(first.recipient)
    assert first.attribution is not None and first.attribution.country == "MLI"
    assert all("MLI" in countries(e.actor) for e in evs)


def test_subject_of_a_stative_participle_holds_the_stance():
    e = _top("Poland is opposed to German plans for a new gas pipeline.", "en", "REJECT")
    assert "POL" in countries(e.actor) and "POL" not in countries(e.recipient)
    assert "DEU" in countries(e.recipient)


def test_place_struck_stands_for_unnamed_victims():
    e = _top("Gunmen exploded two bombs in the Nigerian city of Kano on Friday.", "en", "ASSAULT")
    assert "NGA" in countries(e.recipient)


def test_place_struck_in_spanish():
    e = _top("Hombres armados atacaron un mercado en Kabul el viernes.", "es", "ASSAULT")
    assert "AFG" in countries(e.recipient)


def test_named_victims_outrank_the_place():
    e = _top("Two Turkish soldiers were killed in northern Syria on Sunday.", "en", "ASSAULT")
    assert countries(e.recipient) == {"TUR"}
