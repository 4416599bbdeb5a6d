import pytest

from eventwire.coding.classifier import load_model


@pytest.fixture(scope="module")
def model():
    """The shipped event classifier (skips when the artefact is not built)."""
    m = load_model()
    if m is None:
        pytest.skip("no events artefact built")
    return m


@pytest.fixture(scope="session")
def english_parse():
    """The spaCy English pipeline the structure readings parse with (skips when it cannot load)."""
    from eventwire.backends.nlp import spacy_en

    try:
        return spacy_en()
    except Exception as exc:  # noqa: BLE001 - the English path needs the parse
        pytest.skip(f"spaCy English model unavailable: {exc}")
