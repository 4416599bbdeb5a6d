"""mentions@1: spaCy (English, parsed once and shared), underthesea (Vietnamese), KB aliases (all)."""
from __future__ import annotations

from tests.kb.actor_helpers import analyze


def test_english_uses_spacy_once_and_keeps_the_parse_for_later_stages():
    text = "Russian President Vladimir Putin spoke with Recep Tayyip Erdogan. The Kremlin said the talks went well."
    doc = analyze(text, "en", "2020-02-28")
    sp = doc.notes["spacy"]
    assert sp.text == text and len(list(sp.sents)) >= 1
    assert any(t.dep_ for t in sp)  # dependency parse available to the events stage
    kinds = {(m.text, m.produced_by.split(":")[0]) for m in doc.mentions}
    assert ("Vladimir Putin", "spacy") in kinds and ("Vladimir Putin", "kb-alias") in kinds
    for m in doc.mentions:
        assert text[m.start:m.end] == m.text and m.sentence is not None
    # a second stage run reuses the cached Doc
    from eventwire.stages.mentions import spacy_doc

    assert spacy_doc(doc) is sp


def test_vietnamese_uses_underthesea_and_aliases():
    text = ("Ngày 21/2, Bộ Quốc phòng Nga cho rằng Thổ Nhĩ Kỳ cần rút quân khỏi Idlib. "
            "Ông Nguyễn Văn Hùng, chuyên gia tại Hà Nội, nhận định tình hình căng thẳng.")
    doc = analyze(text, "vi", "2020-02-21")
    by = {m.produced_by for m in doc.mentions}
    assert "kb-alias" in by and "underthesea" in by
    assert any(m.text == "Thổ Nhĩ Kỳ" and m.kind == "GPE" for m in doc.mentions)
    # the first sentence is fully covered by KB matches, so NER ran only on the second
    assert all(m.sentence == 1 for m in doc.mentions if m.produced_by == "underthesea")


def test_word_boundaries_and_scripts_without_spaces():
    doc = analyze("The Russians met Prussian envoys; Iranian and Iraqi officials too.", "en")
    texts = [m.text for m in doc.mentions if m.produced_by == "kb-alias"]
    assert "Russians" in texts and not any("Prussian" in t or t == "Russian" for t in texts)
    zh = analyze("俄罗斯国防部表示，土耳其军队在叙利亚。", "zh")
    assert {m.text for m in zh.mentions} >= {"俄罗斯国防部", "土耳其军队", "叙利亚"}


def test_spacy_ner_can_be_switched_off_keeping_the_parse():
    from eventwire.config import Settings
    from eventwire.model import AnalyzedArticle, Article, RawDocument
    from eventwire.stages.mentions import MentionsStage
    from eventwire.stages.sentences import SentenceStage

    text = "Turkish Foreign Ministry spokesman Hami Aksoy said Ankara would respond."
    doc = AnalyzedArticle(raw=RawDocument(path="t", format="txt", body=text))
    doc.article = Article(id="t", path="t", text=text, language="en")
    SentenceStage(None).process(doc)
    MentionsStage(Settings({"mentions": {"spacy_ner": False}})).process(doc)
    assert not any(m.produced_by.startswith("spacy") for m in doc.mentions)
    assert any(m.produced_by == "kb-alias" for m in doc.mentions)
    assert any(t.dep_ == "ROOT" for t in doc.notes["spacy"])
