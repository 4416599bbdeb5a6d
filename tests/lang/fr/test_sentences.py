"""Sentence splitting in fr: spans are char offsets into the text; abbreviations do not split."""
from eventwire.backends.sentences import split_sentences

TEXT = "M. Macron a reçu le président turc à Paris. Les deux dirigeants ont parlé de la Syrie. Aucun accord n'a été signé."


def test_sentence_spans_fr():
    spans = split_sentences(TEXT, "fr")
    sentences = [TEXT[s:e] for s, e in spans]
    assert len(sentences) == 3, sentences
    assert 'M. Macron a reçu le président turc à Paris.' in sentences
    assert all(TEXT[s:e].strip() == TEXT[s:e] for s, e in spans)


def test_paragraphs_never_share_a_sentence_fr():
    text = TEXT + "\n" + TEXT
    spans = split_sentences(text, "fr")
    assert len(spans) == 6
    assert not any(s < len(TEXT) < e for s, e in spans)
