"""Sentence splitting in en: spans are char offsets into the text; abbreviations do not split."""
from eventwire.backends.sentences import split_sentences

TEXT = 'Mr. Putin met Erdogan on Sept. 28 in Ankara. They discussed Syria. "We agreed," he said.'


def test_sentence_spans_en():
    spans = split_sentences(TEXT, "en")
    sentences = [TEXT[s:e] for s, e in spans]
    assert len(sentences) == 3, sentences
    assert 'Mr. Putin met Erdogan on Sept. 28 in Ankara.' in sentences
    assert all(TEXT[s:e].strip() == TEXT[s:e] for s, e in spans)


def test_paragraphs_never_share_a_sentence_en():
    text = TEXT + "\n" + TEXT
    spans = split_sentences(text, "en")
    assert len(spans) == 6
    assert not any(s < len(TEXT) < e for s, e in spans)
