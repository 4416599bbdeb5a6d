"""Coder rules over classifier + lexicon, through the real pipeline (our own sentences): triggers inside
capitalised names, phrase triggers that contain a shorter trigger, refused cooperation (REJECT), acts
announced on a condition or with readiness (THREATEN)."""
import pytest

from eventwire.coding.coder import _attributive, _inside_name, _name_rule
from eventwire.coding.lexicon import tokenize, trigger_matcher
from eventwire.resources import lang_file
from tests.coding.helpers import countries, events


def _name_hits(text, lang="en"):
    toks = tokenize(text, lang)
    conn = _name_rule(lang)
    sufs = tuple(lang_file(lang, "event_triggers").get("hyphen_participles") or ())
    return [text[h.start:h.end] for h in trigger_matcher(lang).find(toks)
            if not h.label.startswith("tag:") and (_inside_name(h, toks, text, conn) or _attributive(h, toks, text, sufs))]


def test_trigger_words_inside_capitalised_names_are_not_predicates():
    assert "Joint" in _name_hits("Officials of the Sudan Joint Monitoring Commission arrived on Monday.")
    assert "Cooperation" in _name_hits("Medicine was sent by the Agency for Development and Cooperation.")
    assert "occupied" in _name_hits("Farmers in the Israeli-occupied Golan Heights harvested apples.")
    assert "threatened" in _name_hits("The army began its long-threatened offensive against the rebels.")
    assert _name_hits("The rebels launched a counter-attack on the town.") == []
    # a sentence-initial word is capitalised by position only; lower-case triggers stay
    assert _name_hits("Protests spread to three cities on Monday.") == []
    assert _name_hits("The army attacked the town of Kadugli.") == []
    # headline-style capitalisation is not read as a name
    assert _name_hits("Rebels Attack Army Base Near Capital") == []
    assert _name_rule("de") is None  # German capitalises every noun


def top(evs):
    return max(evs, key=lambda e: e.confidence) if evs else None


def _work(text, probs):
    from eventwire.coding.classifier import Prediction
    from eventwire.coding.coder import Work

    toks = tokenize(text, "en")
    return Work(0, 0, len(text), text, toks, trigger_matcher("en").find(toks), Prediction(probs, {}, {}))


def test_phrase_trigger_decides_over_the_word_it_contains():
    from eventwire.coding.coder import _types_for

    # "withdraw" alone is RETREAT; withdrawing observers is CAMEO 166 (SANCTION, expel)
    w = _work("Norway will withdraw its election observers from Kenya.", {"RETREAT": 0.7, "SANCTION": 0.2, "NONE": 0.1})
    types = _types_for(w)
    assert types[0][0] == "SANCTION" and "contains every" in types[0][2]
    assert "RETREAT" not in {t for t, _, _ in types}
    # too little classifier support for the phrase's type: the classifier's reading stays
    w = _work("Norway will withdraw its election observers from Kenya.", {"RETREAT": 0.9, "SANCTION": 0.05, "NONE": 0.05})
    assert _types_for(w)[0][0] == "RETREAT"
    # a trigger of the top type outside the phrase keeps the top type
    w = _work("Norway will withdraw its election observers and pull back its troops.",
              {"RETREAT": 0.7, "SANCTION": 0.2, "NONE": 0.1})
    assert _types_for(w)[0][0] == "RETREAT"


def test_phrase_trigger_through_the_pipeline():
    evs = events("Norway withdrew its election observers from Kenya on Monday.", "en")
    assert top(evs).event_type == "SANCTION" and top(evs).mode == "expel"


@pytest.mark.parametrize("lang,text", [
    ("en", "Chile and Peru failed to reach an agreement on the fishing quotas."),
    ("en", "Bolivia will not accept the proposal, the foreign minister said."),
    ("es", "Chile y Perú no lograron un acuerdo sobre las cuotas de pesca."),
    ("fr", "Le Chili et le Pérou ont échoué à conclure un accord sur les quotas de pêche."),
    ("ru", "Чили и Перу не смогли договориться о квотах на вылов рыбы."),
    ("tr", "Şili ile Peru balıkçılık kotaları konusunda anlaşamadı."),
    ("ar", "فشلت تشيلي وبيرو في التوصل إلى اتفاق بشأن حصص الصيد."),
    ("vi", "Chile và Peru không đạt được thỏa thuận về hạn ngạch đánh bắt cá."),
])
def test_refused_or_failed_cooperation_is_reject(lang, text):
    evs = events(text, lang)
    t = top(evs)
    assert t is not None and t.event_type == "REJECT", [(e.event_type, e.confidence) for e in evs]
    assert t.modality != "negated"  # the refusal happened; the agreement is what did not
    assert any(e.event_type == "AGREE" and e.modality == "negated" for e in evs)
    assert countries(t.actor + t.recipient) & {"PER", "CHL", "BOL"}


def test_plain_agreement_stays_agree():
    evs = events("Chile and Peru reached an agreement on the fishing quotas on Monday.", "en")
    assert top(evs).event_type == "AGREE"


@pytest.mark.parametrize("lang,text", [
    ("en", "Egypt said it will pull its troops out of Sudan unless the fighting stops."),
    ("es", "Egipto anunció que retirará sus tropas de Sudán a menos que cesen los combates."),
    ("fr", "L'Égypte a annoncé qu'elle retirera ses troupes du Soudan à moins que les combats cessent."),
    ("ru", "Египет заявил, что выведет свои войска из Судана, если не прекратятся бои."),
    ("tr", "Mısır, çatışmalar durmazsa askerlerini Sudan'dan çekeceğini açıkladı."),
    ("vi", "Ai Cập tuyên bố sẽ rút quân khỏi Sudan nếu không chấm dứt giao tranh."),
])
def test_act_announced_on_a_condition_is_a_threat(lang, text):
    t = top(events(text, lang))
    assert t is not None and t.event_type == "THREATEN"


def test_announced_act_without_condition_is_not_a_threat():
    evs = events("Egypt said it will pull its troops out of Sudan next month.", "en")
    assert "THREATEN" not in {e.event_type for e in evs}


def test_readiness_to_coerce_is_a_threat_but_readiness_to_concede_is_not():
    t = top(events("Peru is prepared to impose a curfew in Lima, the interior minister said.", "en"))
    assert t.event_type == "THREATEN" and "PER" in countries(t.actor)
    evs = events("Peru is prepared to lift the ban on the opposition party, the interior minister said.", "en")
    assert "THREATEN" not in {e.event_type for e in evs}


def test_a_trigger_classifying_a_noun_is_not_an_act():
    # "riot police" is a kind of police (event_triggers.yaml attributive_heads), not a riot
    assert not [e for e in events("Riot police patrolled the streets of the capital on Sunday.", "en", "2024-03-05")
                if e.event_type == "PROTEST"]
    assert "PROTEST" in {e.event_type for e in events("Thousands rioted in the capital after the verdict.", "en",
                                                        "2024-03-05")}
    assert "ASSAULT" in {e.event_type for e in events("Rebels attacked an army unit near the border.", "en",
                                                       "2024-03-05")}


def test_an_office_named_after_a_trigger_word_is_not_an_act():
    # "finance ministry" names an office (non_event_compounds), "financed" is still aid
    assert not [e for e in events("The finance ministry published its budget forecast for next year on Monday.",
                                  "en", "2024-03-05") if e.event_type == "AID"]
    assert "AID" in {e.event_type for e in events("Japan financed the construction of a new hospital in Cambodia.",
                                                   "en", "2024-03-05")}
