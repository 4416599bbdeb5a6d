"""Protest severity from sentence structure (coding/protest.py): real spaCy parse for English, phrase rules for
the other languages, our own sentences; and the classifier hook (acled.read_protests) on made-up
probabilities."""
import pytest

from eventwire.coding.protest import FORCE, INTER, LABELS, PEACE, VIOL, ProtestReading, languages, protest_label, \
    protest_reading


ENGLISH = [
    # the demonstrators' own violence: subject, "by" agent, reciprocal clash, whatever the police did
    ("Protesters hurled rocks at riot police and set fire to two patrol cars outside the governor's office.", VIOL),
    ("Several shops were looted by rioters after the rally in the port city.", VIOL),
    ("Demonstrators clashed with police near the parliament, and officers fired tear gas to disperse them.", VIOL),
    ("The march turned violent when some youths smashed the windows of a bank.", VIOL),
    # lethal force on peaceful demonstrators
    ("Soldiers opened fire on unarmed marchers in the capital, killing three protesters.", FORCE),
    ("Two demonstrators were shot dead by police during a peaceful sit-in against fuel prices.", FORCE),
    ("Police fired live ammunition at students protesting peacefully outside the ministry.", FORCE),
    # non-lethal intervention
    ("Riot police used tear gas and water cannon to disperse hundreds of teachers protesting unpaid salaries.", INTER),
    ("Dozens of protesters were detained outside the electoral commission on Monday.", INTER),
    # peaceful, no intervention said
    ("About 300 nurses marched through the city centre to demand higher pay; the rally ended without incident.", PEACE),
]

ENGLISH_NONE = [
    # no demonstration named: nothing to read
    "The finance minister said the budget deficit would narrow next year.",
    # a crowd alone is mob violence (MOB_VIOL), left to the classifier
    "A crowd beat a suspected thief to death at the market on Sunday.",
    # force, but a death word whose victims the sentence does not tie to the act does not make it non-lethal...
    # ...nor does a violence word the parse cannot place make the demonstrators peaceful
    "Police dispersed the protest in the old town; stones were found on the road afterwards.",
    # a protest with no intervention said either way
    "Thousands of farmers rallied in the capital against the new land law.",
    # an earlier shooting told as background is not this event's intervention
    "Hundreds marched on Saturday to mark a year since soldiers opened fire on protesters at the toll gate.",
]


@pytest.mark.parametrize("text,label", ENGLISH)
def test_english_reading(text, label, english_parse):
    r = protest_reading(text, "en")
    assert protest_label(r) == label, r.reasons
    assert r.reasons


@pytest.mark.parametrize("text", ENGLISH_NONE)
def test_english_none_when_structure_does_not_say(text, english_parse):
    r = protest_reading(text, "en")
    assert protest_label(r) is None, r.reasons


def test_english_reading_fields(english_parse):
    r = protest_reading("Police shot dead two protesters who were blocking a road peacefully.", "en")
    assert (r.demonstrators_violent, r.intervention) == (False, "lethal"), r.reasons
    r = protest_reading("Protesters threw stones at the police station.", "en")
    assert r.demonstrators_violent is True


RULES = [
    ("es", "Los manifestantes lanzaron piedras contra la policía y quemaron una patrulla frente al ayuntamiento.", VIOL),
    ("es", "La policía dispersó con gases lacrimógenos a los manifestantes que bloqueaban la avenida.", INTER),
    ("es", "Unos 500 jubilados marcharon por el centro de la ciudad; la marcha transcurrió sin incidentes.", PEACE),
    ("fr", "Des manifestants ont jeté des pierres sur les gendarmes et incendié deux voitures.", VIOL),
    ("fr", "Les forces de l'ordre ont tiré à balles réelles sur la foule lors d'une manifestation à Conakry.", FORCE),
    ("fr", "La police a dispersé le rassemblement à coups de gaz lacrymogène et interpellé une vingtaine de personnes.", INTER),
    ("ru", "Протестующие забросали полицейских камнями и подожгли автомобиль у здания администрации.", VIOL),
    ("ru", "Полиция разогнала митинг с применением слезоточивого газа, задержаны около сорока человек.", INTER),
    ("tr", "Göstericiler polise taş attı ve bir otobüsü ateşe verdi.", VIOL),
    ("tr", "Polis, üniversite önünde protesto için toplanan öğrencileri biber gazı ve tazyikli suyla dağıttı.", INTER),
    ("ar", "أطلقت قوات الأمن الرصاص الحي على المتظاهرين في وسط المدينة.", FORCE),
    ("ar", "فرقت الشرطة الوقفة الاحتجاجية بالغاز المسيل للدموع واعتقلت عددا من المحتجين.", INTER),
    ("vi", "Người biểu tình ném đá vào cảnh sát và đốt phá một trụ sở công an xã.", VIOL),
    ("vi", "Cảnh sát dùng hơi cay giải tán cuộc biểu tình của công nhân trước cổng nhà máy.", INTER),
]


@pytest.mark.parametrize("lang,text,label", RULES)
def test_rule_languages(lang, text, label):
    r = protest_reading(text, lang)
    assert protest_label(r) == label, r.reasons


@pytest.mark.parametrize("lang,text", [
    ("es", "El gobierno anunció un nuevo presupuesto para la educación."),
    ("ru", "Около тысячи жителей прошли маршем в поддержку арестованного губернатора."),
    ("fr", "Des milliers de personnes ont manifesté à Dakar contre la vie chère."),
])
def test_rule_languages_none(lang, text):
    assert protest_label(protest_reading(text, lang)) is None


def test_every_language_has_a_file():
    assert {"en", "es", "fr", "ru", "tr", "ar", "vi"} <= set(languages())


def test_label_from_reading():
    assert protest_label(ProtestReading(True, "lethal")) == VIOL  # the demonstrators' violence decides alone
    assert protest_label(ProtestReading(False, "lethal")) == FORCE
    assert protest_label(ProtestReading(False, "nonlethal")) == INTER
    assert protest_label(ProtestReading(False, "none")) == PEACE
    assert protest_label(ProtestReading(None, "nonlethal")) is None
    assert protest_label(ProtestReading(False, None)) is None


def test_hook_swaps_within_protest_family_only(monkeypatch):
    from eventwire.coding import acled, protest

    monkeypatch.setattr(protest, "protest_reading", lambda text, lang=None: ProtestReading(True, None, ("test",)))
    probs = [{INTER: 0.6, VIOL: 0.3, "MOB_VIOL": 0.1},  # a protest top label: the reading's label leads
             {"MOB_VIOL": 0.5, VIOL: 0.4, INTER: 0.1},  # MOB_VIOL is left to the classifier
             {"ATTACK": 0.7, VIOL: 0.2, INTER: 0.1}]  # never a non-protest top label
    acled.read_protests(["a", "b", "c"], probs)
    assert probs[0] == {INTER: 0.3, VIOL: 0.6, "MOB_VIOL": 0.1}
    assert max(probs[1], key=probs[1].get) == "MOB_VIOL"
    assert max(probs[2], key=probs[2].get) == "ATTACK"
    assert set(LABELS) == {PEACE, INTER, FORCE, VIOL}
