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


def _sample_english_articles(core_pipeline):
    from eventwire.ingest.readers import read_inputs
    from eventwire.model import RawDocument
    from tests.conftest import ROOT

    raws = [d for d in read_inputs([str(ROOT / "samples" / "corpus")]) if isinstance(d, RawDocument)]
    docs = [core_pipeline.analyze(r) for r in raws]
    return [d for d in docs if getattr(d, "article", None) is not None and d.article.language == "en"]


def _everything_read_downstream(sp):
    return ([(t.idx, t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_,
              t.is_sent_start) for t in sp], [(e.start_char, e.end_char, e.label_) for e in sp.ents])


def test_batched_fast_parse_equals_the_plain_pipeline_on_our_samples(models, core_pipeline):
    """mentions@1 parses a batch with nlp.pipe and the lookup AttributeRuler; every annotation later
    stages read (tags, POS, morphology, lemmas, arcs, sentence starts, entities) must equal what the
    model as shipped gives one article at a time."""
    from eventwire.model import AnalyzedArticle
    from eventwire.stages.mentions import SPACY_DISABLE, spacy_docs

    plain, _fast = models
    arts = _sample_english_articles(core_pipeline)
    assert len(arts) >= 8  # the English sample articles, plus feed records
    docs = [AnalyzedArticle(raw=a.raw, article=a.article) for a in arts]
    spacy_docs(docs)
    assert all(d.notes.get("spacy") is not None for d in docs)
    for d in docs:
        want = plain(d.article.text, disable=list(SPACY_DISABLE))
        assert _everything_read_downstream(d.notes["spacy"]) == _everything_read_downstream(want), d.raw.path
