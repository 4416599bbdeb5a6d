"""Sentence splitting in es: spans are char offsets into the text; abbreviations do not split."""
from eventwire.backends.sentences import split_sentences

TEXT = 'El Sr. García dijo que la reunión fue en EE. UU. el lunes. Luego viajó a Madrid. No hubo acuerdo.'


def test_sentence_spans_es():
    spans = split_sentences(TEXT, "es")
    sentences = [TEXT[s:e] for s, e in spans]
    assert len(sentences) == 3, sentences
    assert 'El Sr. García dijo que la reunión fue en EE. UU. el lunes.' in sentences
    assert all(TEXT[s:e].strip() == TEXT[s:e] for s, e in spans)


def test_paragraphs_never_share_a_sentence_es():
    text = TEXT + "\n" + TEXT
    spans = split_sentences(text, "es")
    assert len(spans) == 6
    assert not any(s < len(TEXT) < e for s, e in spans)
