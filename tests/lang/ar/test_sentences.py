"""Sentence splitting in ar: spans are char offsets into the text; abbreviations do not split."""
from eventwire.backends.sentences import split_sentences

TEXT = 'قال المتحدث باسم الوزارة إن الهجوم أسفر عن مقتل 12 شخصا. وأضاف أن التحقيقات جارية. هل ستستمر المحادثات؟'


def test_sentence_spans_ar():
    spans = split_sentences(TEXT, "ar")
    sentences = [TEXT[s:e] for s, e in spans]
    assert len(sentences) == 3, sentences
    assert 'هل ستستمر المحادثات؟' in sentences
    assert all(TEXT[s:e].strip() == TEXT[s:e] for s, e in spans)


def test_paragraphs_never_share_a_sentence_ar():
    text = TEXT + "\n" + TEXT
    spans = split_sentences(text, "ar")
    assert len(spans) == 6
    assert not any(s < len(TEXT) < e for s, e in spans)
