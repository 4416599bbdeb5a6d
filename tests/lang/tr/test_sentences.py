"""Sentence splitting in tr: spans are char offsets into the text; abbreviations do not split."""
from eventwire.backends.sentences import split_sentences

TEXT = "Dışişleri Bakanı Hakan Fidan Moskova'da konuştu. Prof. Dr. Ahmet Yılmaz da katıldı. Görüşme 2 saat sürdü."


def test_sentence_spans_tr():
    spans = split_sentences(TEXT, "tr")
    sentences = [TEXT[s:e] for s, e in spans]
    assert len(sentences) == 3, sentences
    assert 'Prof. Dr. Ahmet Yılmaz da katıldı.' in sentences
    assert all(TEXT[s:e].strip() == TEXT[s:e] for s, e in spans)


def test_paragraphs_never_share_a_sentence_tr():
    text = TEXT + "\n" + TEXT
    spans = split_sentences(text, "tr")
    assert len(spans) == 6
    assert not any(s < len(TEXT) < e for s, e in spans)
