"""Sentence splitting in de: spans are char offsets into the text; abbreviations do not split."""
from eventwire.backends.sentences import split_sentences

TEXT = 'Der Bundeskanzler sprach am 3. März mit Herrn Dr. Müller. Die Gespräche dauerten zwei Std. und endeten ohne Ergebnis. Danach reiste er ab.'


def test_sentence_spans_de():
    spans = split_sentences(TEXT, "de")
    sentences = [TEXT[s:e] for s, e in spans]
    assert len(sentences) == 3, sentences
    assert 'Die Gespräche dauerten zwei Std. und endeten ohne Ergebnis.' in sentences
    assert all(TEXT[s:e].strip() == TEXT[s:e] for s, e in spans)


def test_paragraphs_never_share_a_sentence_de():
    text = TEXT + "\n" + TEXT
    spans = split_sentences(text, "de")
    assert len(spans) == 6
    assert not any(s < len(TEXT) < e for s, e in spans)
