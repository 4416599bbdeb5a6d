"""Deontic and future/conditional framing of acts (PLOVER: reported obligations are REQUEST, announced
conflictual acts are THREATEN, completed signings are SUPPORT) and trigger-lexicon false friends.
Our own sentences, several languages, through the real pipeline."""
import pytest

from eventwire.coding.lexicon import tokenize, trigger_matcher
from tests.coding.helpers import events


def _top(text, lang):
    evs = sorted(events(text, lang), key=lambda e: -e.confidence)
    return evs[0] if evs else None


@pytest.mark.parametrize("text,lang", [
    ("The Kenyan foreign minister said on Monday that Somalia must release the detained fishermen.", "en"),
    ("Le ministre malien a déclaré que le Niger doit libérer les journalistes détenus.", "fr"),
    ("El canciller peruano dijo que Bolivia debe liberar a los camioneros detenidos.", "es"),
    ("Der kenianische Außenminister sagte, Somalia müsse die festgenommenen Fischer freilassen.", "de"),
    ("Bakan, Somali'nin gözaltındaki balıkçıları serbest bırakmalı olduğunu söyledi.", "tr"),
    ("قال وزير الخارجية الكيني إن الصومال يجب أن تفرج عن الصيادين المحتجزين.", "ar"),
    ("Bộ trưởng Ngoại giao Kenya cho biết Somalia phải trả tự do cho các ngư dân bị giam giữ.", "vi"),
])
def test_reported_obligation_is_a_demand(text, lang):
    top = _top(text, lang)
    assert top is not None and top.event_type == "REQUEST", [(e.event_type, e.reasons[:1]) for e in events(text, lang)]
    # the demanded act itself is kept, but not as a fact
    rel = [e for e in events(text, lang) if e.event_type == "RETREAT"]
    assert all(e.modality != "asserted" for e in rel)


def test_obligation_without_a_speaker_is_not_a_demand():
    # a rule stated by the reporter, not a reported demand: no obligation->REQUEST rewrite
    evs = events("Under the new law every foreign journalist must register with the ministry before travelling.", "en")
    assert not any(any("obligation cue" in r for r in e.reasons) for e in evs)


@pytest.mark.parametrize("text,lang", [
    ("The farmers' union said on Friday it would blockade the main port of Rotterdam next week.", "en"),
    ("The Chilean government said it will impose a nightly curfew in Valparaiso from Monday.", "en"),
    ("Le gouvernement tchadien a annoncé qu'il imposera un couvre-feu à N'Djamena.", "fr"),
])
def test_announced_conflictual_act_is_a_threat(text, lang):
    top = _top(text, lang)
    assert top is not None and top.event_type == "THREATEN", [(e.event_type, e.reasons[:1]) for e in events(text, lang)]
    assert any("announced as" in r for r in top.reasons)
    assert top.modality in ("asserted", "claimed")  # the threat was made; only the act is future


def test_announced_blockade_spanish():
    top = _top("El sindicato de agricultores dijo que bloqueará el puerto de Valparaíso la próxima semana.", "es")
    assert top is not None and top.event_type == "THREATEN" and top.modality in ("asserted", "claimed")


def test_asserted_conflictual_act_stays():
    top = _top("Police in Valparaiso imposed a nightly curfew on Monday after two days of rioting.", "en")
    assert top is not None and top.event_type != "THREATEN"


def test_future_cue_does_not_match_plant():
    # "plan*" once matched "plant": a past attack on a plant read as a future act
    evs = events("Rebels attacked a power plant near the town on Sunday, killing two guards, police said.", "en")
    assert any(e.event_type == "ASSAULT" and e.modality != "future" for e in evs)


@pytest.mark.parametrize("text,lang", [
    ("Chile and Kenya signed a treaty on maritime cooperation in Nairobi on Tuesday.", "en"),
    ("Le Chili et le Kenya ont signé un accord de coopération maritime mardi à Nairobi.", "fr"),
    ("Chile y Kenia firmaron un tratado de cooperación marítima el martes en Nairobi.", "es"),
])
def test_completed_signing_is_support(text, lang):
    top = _top(text, lang)
    assert top is not None and top.event_type == "SUPPORT", [(e.event_type, e.confidence) for e in events(text, lang)]


def test_promise_to_sign_stays_agree():
    top = _top("Chile and Kenya will sign a maritime cooperation treaty next month, the ministry said.", "en")
    assert top is not None and top.event_type == "AGREE"


@pytest.mark.parametrize("text,lang", [
    ("La Turquie et les Turcs ont voté dimanche.", "fr"),             # "tu*" matched Turquie/turcs
    ("Bakan barış sürecinin önemini vurguladı.", "tr"),               # "vur*" matched vurguladı (emphasised)
    ("وصلت الطائرات المدنية إلى المطار صباح اليوم", "ar"),             # "planes" alone is no attack
])
def test_trigger_false_friends(text, lang):
    m = trigger_matcher(lang)
    assert not [h for h in m.find(tokenize(text, lang, 0)) if h.label == "ASSAULT"]


@pytest.mark.parametrize("text,lang", [
    ("Les soldats ont tué trois civils.", "fr"),
    ("Askerler köyü vurdu.", "tr"),
    ("قصفت طائرات حربية القرية", "ar"),
])
def test_trigger_true_attacks_still_match(text, lang):
    m = trigger_matcher(lang)
    assert [h for h in m.find(tokenize(text, lang, 0)) if h.label == "ASSAULT"]


@pytest.mark.parametrize("text,lang,etype", [
    ("Chile and Kenya restored diplomatic ties on Monday.", "en", "SUPPORT"),
    ("Le Chili et le Kenya ont rétabli leurs relations diplomatiques.", "fr", "SUPPORT"),
    ("Rusia y Chile rompieron relaciones diplomáticas.", "es", "SANCTION"),
    ("Norway will contribute troops to the mission.", "en", "AID"),
    ("The two navies shared intelligence on pirate vessels.", "en", "COOPERATE"),
])
def test_codebook_verbs_have_triggers(text, lang, etype):
    m = trigger_matcher(lang)
    assert etype in {h.label for h in m.find(tokenize(text, lang, 0))}
