"""Sentence splitting in vi: spans are char offsets into the text; abbreviations do not split."""
from eventwire.backends.sentences import split_sentences

TEXT = 'Ngày 21/2, Bộ Quốc phòng Nga cho biết. Theo ông, hiện chưa có quyết định. TP. HCM không bị ảnh hưởng.'


def test_sentence_spans_vi():
    spans = split_sentences(TEXT, "vi")
    sentences = [TEXT[s:e] for s, e in spans]
    assert len(sentences) == 3, sentences
    assert 'TP. HCM không bị ảnh hưởng.' in sentences
    assert all(TEXT[s:e].strip() == TEXT[s:e] for s, e in spans)


def test_paragraphs_never_share_a_sentence_vi():
    text = TEXT + "\n" + TEXT
    spans = split_sentences(text, "vi")
    assert len(spans) == 6
    assert not any(s < len(TEXT) < e for s, e in spans)
