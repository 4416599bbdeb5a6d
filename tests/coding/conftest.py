import pytest

from eventwire.coding.classifier import load_model


@pytest.fixture(scope="module")
def model():
    """The shipped event classifier (skips when the artefact is not built)."""
    m = load_model()
    if m is None:
        pytest.skip("no events artefact built")
    return m
