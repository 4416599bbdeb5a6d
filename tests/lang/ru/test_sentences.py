"""Sentence splitting in ru: spans are char offsets into the text; abbreviations do not split."""
from eventwire.backends.sentences import split_sentences

TEXT = 'Президент В. В. Путин провёл переговоры в г. Москве. Стороны обсудили ситуацию в Сирии. Подробности не сообщаются.'


def test_sentence_spans_ru():
    spans = split_sentences(TEXT, "ru")
    sentences = [TEXT[s:e] for s, e in spans]
    assert len(sentences) == 3, sentences
    assert 'Президент В. В. Путин провёл переговоры в г. Москве.' in sentences
    assert all(TEXT[s:e].strip() == TEXT[s:e] for s, e in spans)


def test_paragraphs_never_share_a_sentence_ru():
    text = TEXT + "\n" + TEXT
    spans = split_sentences(text, "ru")
    assert len(spans) == 6
    assert not any(s < len(TEXT) < e for s, e in spans)
