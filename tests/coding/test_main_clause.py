"""The act a sentence reports is its main predicate: triggers in circumstantial adjuncts ("amid warnings
from X") or in clauses describing a participant ("the judge who had accused ...") are background, even when
the sentence classifier reads them as the type. Our own sentences (real pipeline)."""
from tests.coding.helpers import countries, events


def _top(text: str):
    evs = events(text, "en", "2024-03-05")
    assert evs, text
    return max(evs, key=lambda e: e.confidence)


def test_trigger_in_an_amid_adjunct_is_background():
    e = _top("Amid warnings from Moscow, Kazakhstan refused to extradite the journalist.")
    assert e.event_type == "REJECT"
    assert "KAZ" in countries(e.actor)
    assert any("main predicate" in r for r in e.reasons)


def test_trigger_in_a_relative_clause_describing_the_recipient_is_background():
    e = _top("Canada granted asylum to the Iranian activists who were sentenced to death for protesting.")
    assert e.event_type == "AID"


def test_relative_clause_of_the_object_does_not_decide_the_type():
    e = _top("Chile received the Argentine judge who had accused the generals of torture and war crimes.")
    assert e.event_type == "CONSULT"
    assert "ARG" in countries(e.recipient)


def test_main_predicate_keeps_the_classifier_reading_when_it_is_not_background():
    # the top type's trigger is in the main clause itself: nothing to override
    e = _top("India praised the Nepalese police officers who arrested the smugglers.")
    assert e.event_type == "SUPPORT"


def test_preventing_a_demonstration_is_coercion_not_a_protest():
    e = _top("Soldiers prevented the rally that students had planned in the capital.")
    assert e.event_type == "COERCE"


def test_preventing_a_demonstration_in_spanish():
    evs = events("La policía impidió la manifestación convocada por los estudiantes frente al Congreso en Caracas.",
                 "es", "2024-03-05")
    assert evs and max(evs, key=lambda e: e.confidence).event_type == "COERCE"
