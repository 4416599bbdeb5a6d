"""The lookup AttributeRuler must give exactly what spaCy's own Matcher pass gives."""
import pytest

from eventwire.backends.nlp import spacy_en, speed_up_attribute_ruler

TEXTS = [
    "Turkish soldiers were killed in strikes by Syrian forces in Idlib on Thursday, the ministry said.",
    "He can't say whether they'd agree, but it's likely that nobody will object to anything.",
    "Something must be done, and everyone knows it; the U.S. envoy wasn't there.",
    "  Russia 's  foreign minister   met   his counterpart.\n\nThey didn't sign ... yet!",
    "Those who gonna wanna go, gotta go 'cause that's what they'd said.",
]


@pytest.fixture(scope="module")
def models():
    import spacy

    from eventwire.backends.nlp import SPACY_EN

    plain = spacy.load(SPACY_EN)  # the model as shipped, Matcher-based ruler
    return plain, spacy_en()


def _attrs(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_lookup_ruler_matches_the_spacy_matcher(models, text):
    plain, fast = models
    assert "match" in vars(fast.get_pipe("attribute_ruler"))  # our lookup is installed on the instance
    assert _attrs(fast(text)) == _attrs(plain(text))


def test_unknown_rule_shapes_leave_the_ruler_alone():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TEXT": {"REGEX": "^A"}}]], {"POS": "NOUN"})
    assert speed_up_attribute_ruler(ruler) is False
