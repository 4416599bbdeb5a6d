"""CAMEO roots from the trigger's CAMEO verb class (event_triggers.yaml cameo_verb_classes), and trigger fixes found
in the CAMEO error analysis: a classifier type with no trigger of its own yields to a verb-object phrase trigger,
"decrease" is not "decry", the verb "deal with" is not a deal. Our own sentences, real pipeline."""
from eventwire.coding import ontology as o
from eventwire.coding.lexicon import tokenize
from tests.coding.helpers import events


def _top(text):
    evs = sorted(events(text, "en"), key=lambda e: -e.confidence)
    return evs[0] if evs else None


def test_verb_class_lookup_starts_at_the_trigger():
    toks = tokenize("Officials urged calm and demanded answers", "en")
    assert o.cameo_verb_class("en", "REQUEST", toks, 1)[0] == "02"  # urged
    assert o.cameo_verb_class("en", "REQUEST", toks, 4)[0] == "10"  # demanded
    assert o.cameo_verb_class("en", "ASSAULT", toks, 1) is None  # only the event's own type
    assert o.cameo_root("REQUEST", "change", (), "02") == "02"
    assert o.cameo_root("REQUEST", "change") == "10"


def test_appeal_verbs_are_cameo_02_and_demand_verbs_10():
    e = _top("The Kenyan president urged Uganda to release the detained journalists.")
    assert e.event_type == "REQUEST" and e.cameo_root == "02"
    assert any("CAMEO verb class" in r for r in e.reasons)
    e = _top("Chile called on Bolivia to withdraw its troops from the border.")
    assert e.event_type == "REQUEST" and e.cameo_root == "02"
    e = _top("Protesters in Nairobi demanded that the interior minister resign.")
    assert e.event_type == "REQUEST" and e.cameo_root == "10"


def test_investigating_is_cameo_09_whatever_the_mode():
    e = _top("The UN will investigate the shelling of the refugee camp in Sudan.")
    assert e.event_type == "ACCUSE" and e.cameo_root == "09"
    e = _top("Turkey accused Greece of violating its airspace.")
    assert e.event_type == "ACCUSE" and e.cameo_root == "11"


def test_a_blockade_is_cameo_19():
    e = _top("Egypt tightened its blockade of the Gaza Strip.")
    assert e.event_type == "COERCE" and e.cameo_root == "19"


def test_phrase_trigger_beats_a_classifier_type_without_trigger():
    # the classifier reads "ties" as SANCTION; no SANCTION word is in the sentence, the SUPPORT phrase is
    e = _top("Kenya is about to restore full diplomatic ties with Somalia two years after protesters attacked its embassy.")
    assert e.event_type == "SUPPORT" and e.cameo_root == "05"
    assert all(x.event_type != "SANCTION" for x in events(
        "Kenya is about to restore full diplomatic ties with Somalia two years after protesters attacked its embassy.", "en"))


def test_decrease_is_not_decry():
    assert not events("The finance ministry in Ghana reported a decrease in tax revenue.", "en", etype="ACCUSE")
    assert events("Human rights groups decried the arrests by Egyptian police.", "en", etype="ACCUSE")


def test_the_verb_deal_with_is_not_an_agreement():
    assert not events("The governor of Lagos struggled to deal with the floods.", "en", etype="AGREE")
    assert events("Iran reached a deal with the European Union on Monday.", "en", etype="AGREE")


def _root(text, lang):
    evs = sorted(events(text, lang, etype="REQUEST"), key=lambda e: -e.confidence)
    return evs[0].cameo_root if evs else None


def test_appeal_and_demand_verbs_in_other_languages():
    assert _root("El gobierno de Colombia instó a Venezuela a liberar a los soldados secuestrados.", "es") == "02"
    assert _root("El presidente de México exigió a Estados Unidos la liberación de los detenidos.", "es") == "10"
    # German separable "fordert ... auf" (calls on) is an appeal; "fordern" alone is to demand
    assert _root("Die Bundesregierung forderte Russland auf, die Truppen aus der Ukraine abzuziehen.", "de") == "02"
    assert _root("Tausende Demonstranten in Berlin verlangten den Rücktritt des Innenministers.", "de") == "10"
    # French "demander" is to ask
    assert _root("Le gouvernement français a demandé à l'Iran de libérer les deux otages.", "fr") == "02"
    assert _root("Les syndicats exigent la démission du ministre de l'Intérieur.", "fr") == "10"
