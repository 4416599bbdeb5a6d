"""Recognition and resolution from raw text, and the event-location helper."""
from eventwire.geo.event_location import event_place, is_speech_attached
from eventwire.geo.geoparse import geoparse
from eventwire.model import AnalyzedArticle, Article, RawDocument, Sentence
from eventwire.backends.sentences import split_sentences


def _doc(text, lang="en"):
    doc = AnalyzedArticle(raw=RawDocument(path="t.txt", format="txt", body=text))
    doc.article = Article(id="x", path="t.txt", text=text, language=lang)
    doc.sentences = [Sentence(i, s, e) for i, (s, e) in enumerate(split_sentences(text, lang))]
    doc.places = geoparse(text, lang, [], [(s.start, s.end) for s in doc.sentences])
    return doc


def test_country_context_disambiguates():
    got = {p.text: p.place for p in geoparse("Clashes in Syria spread to Idlib and Aleppo.", "en")}
    assert got["Idlib"].country == "SYR" and got["Aleppo"].country == "SYR"
    assert "country SYR in context" in [p for p in geoparse("Clashes in Syria spread to Idlib.", "en")][1].reason


def test_capital_and_state_context():
    got = {p.text: p.place for p in geoparse("Officials in Paris said France would act.", "en")}
    assert got["Paris"].country == "FRA"
    got = {p.text: p.place for p in geoparse("He lives in Alexandria, Louisiana, near Pineville.", "en")}
    assert got["Alexandria"].admin1 == "Louisiana"


def test_sentence_initial_common_words_are_not_places():
    texts = [p.text for p in geoparse("No one came. On Monday, For the record, officials met in Ankara.", "en")]
    assert texts == ["Ankara"]


def test_unresolved_toponym_is_kept_with_reason():
    from eventwire.model import Mention

    pms = geoparse("They met in Zzyzxville.", "en", [Mention(12, 23, "Zzyzxville", "GPE", "test")])
    assert len(pms) == 1 and pms[0].place is None and "no gazetteer entry" in pms[0].reason


def test_event_place_ignores_where_it_was_announced():
    doc = _doc("Stoltenberg told journalists in Brussels that air strikes hit Idlib on Thursday.")
    place, conf, reason = event_place(doc, 0)
    assert place.name == "Idlib" and "Brussels" in reason
    assert is_speech_attached(doc.article.text, next(p for p in doc.places if p.text == "Brussels"), "en")


def test_event_place_falls_back_to_main_place_with_lower_confidence():
    doc = _doc("Air strikes hit Idlib on Thursday. Idlib is under siege. The alliance condemned the attack.")
    place, conf, reason = event_place(doc, 2)
    assert place.name == "Idlib" and conf < 0.6 and "most mentioned" in reason


def test_metonym_speaker_is_demoted():
    doc = _doc("Ankara said Syrian troops shelled Idlib.")
    place, _, _ = event_place(doc, 0)
    assert place.name == "Idlib"
