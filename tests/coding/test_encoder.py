"""Fine-tuned encoder for English ACLED snippets (coding/encoder.py): artefact provenance, the numpy forward
pass against the figures training measured in torch, and labels on our own sentences.

Sentences here are our own and appear in none of training/acled/data/*.tsv."""
import csv
import hashlib
from pathlib import Path

import pytest

from eventwire.coding import encoder
from eventwire.coding import ontology as onto
from eventwire.resources import root

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def model():
    m = encoder.load()
    if m is None:
        pytest.fail("resources/models/acled_encoder.npz is missing; run training/acled/finetune.py")
    return m


def _meta():
    import json

    return json.loads((root() / "models" / encoder.META_NAME).read_text(encoding="utf-8"))


def test_artefact_records_its_inputs(model):
    meta = _meta()
    assert meta["seed"] == 13 and meta["base_sha256"]
    blob = (root() / "models" / encoder.MODEL_NAME).read_bytes()
    assert hashlib.sha256(blob).hexdigest() == meta["artefact_sha256"]
    hw = sorted((ROOT / "training" / "acled" / "data").glob("handwritten_*.tsv"))
    h = hashlib.sha256()
    for p in hw:
        h.update(p.read_bytes())
    assert h.hexdigest() == meta["handwritten_sha256"]
    assert set(onto.acled_labels()) <= set(model.labels)


def test_numpy_forward_reproduces_the_training_figure(model):
    """The held-out English handwritten rows scored by this runtime match what finetune.py measured with
    torch at its last epoch (int8/float16 storage may move a row or two, not more)."""
    meta = _meta()
    rows = []
    for p in sorted((ROOT / "training" / "acled" / "data").glob("handwritten_*.tsv")):
        with p.open(encoding="utf-8", newline="") as fh:
            rows += [r for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
                     if r["lang"] == "en" and int(r["id"].rsplit("-", 1)[1]) % 5 == 0]
    probs = encoder.predict_proba([r["EventSnippet"] for r in rows])
    acc = sum(max(p, key=p.get) == r["SubType"] for p, r in zip(probs, rows)) / len(rows)
    want = meta["history"][-1]["handwritten_heldout"]
    assert len(rows) == want["n"]
    assert abs(acc - want["accuracy"]) <= 0.01, (acc, want)


CASES = [
    ("A roadside mine blew up a lorry carrying maize near the village, killing its driver.", "REM_EXPLOS"),
    ("Riot police lobbed tear gas at nurses picketing the ministry and detained four of them.", "PROTEST_WITH_INTER"),
    ("The rebels announced they had captured the river port after the garrison fled.", "NON_STATE_ACTOR_OVERTAKES_TER"),
    ("Two teenage girls were raped by militiamen while fetching water.", "SEX_VIOL"),
    ("A bomber wearing an explosive belt blew himself up at the funeral.", "SUIC_BOMB"),
    ("Hundreds of dock workers marched peacefully to demand a pay rise.", "PEACE_PROTEST"),
    ("Fighter jets pounded militant hideouts in the hills overnight, the air force said.", "AIR_STRIKE"),
    ("Soldiers retook the market town after two days of fighting with the insurgents.", "GOV_REGAINS_TERIT"),
]


def test_snippet_labels_on_our_own_sentences(model):
    probs = encoder.predict_proba([t for t, _ in CASES])
    pred = [max(p, key=p.get) for p in probs]
    right = sum(p == g for p, (_, g) in zip(pred, CASES))
    assert right >= 7, list(zip(pred, [g for _, g in CASES]))
    assert all(abs(sum(p.values()) - 1.0) < 1e-4 for p in probs)


def test_a_row_does_not_depend_on_its_batch(model):
    text = CASES[0][0]
    alone = encoder.predict_proba([text])[0]
    mixed = encoder.predict_proba([text, CASES[2][0] + " " + CASES[3][0], "Protest."])[0]
    assert max(abs(alone[k] - mixed[k]) for k in alone) < 1e-4


def test_english_only():
    assert encoder.supports("en") and not encoder.supports("vi") and not encoder.supports(None)
    assert encoder.predict_proba([]) == []


def test_blend_shares_per_language(model):
    # English: combined, MiniLM and e5-ft; the other languages of our data: combined and e5-ft; any other
    # language: combined alone (acled.yaml encoder_weight, e5_encoder_weight)
    from eventwire.coding import acled

    pol = acled._policy()
    m, e = pol["encoder_weight"], pol["e5_encoder_weight"]
    en = CASES[6][0]
    vi = "Hàng trăm công nhân tuần hành ôn hòa trước trụ sở ủy ban để đòi tăng lương."
    de = "Hunderte Arbeiter demonstrierten friedlich vor dem Rathaus für höhere Löhne."
    plain = acled.predict_proba([en, vi, de], embeddings=False, encoder=False)
    blended = acled.predict_proba([en, vi, de], embeddings=False, encoder=True)
    mini = encoder.predict_proba([en], model="minilm")[0]
    e5 = encoder.predict_proba([en, vi], model="e5")
    for lab in blended[0]:
        want = (1 - m - e) * plain[0].get(lab, 0) + m * mini.get(lab, 0) + e * e5[0].get(lab, 0)
        assert abs(blended[0][lab] - want) < 1e-6
    for lab in blended[1]:
        assert abs(blended[1][lab] - ((1 - e) * plain[1].get(lab, 0) + e * e5[1].get(lab, 0))) < 1e-6
    assert blended[2] == plain[2]
    assert abs(sum(blended[0].values()) - 1.0) < 1e-4 and max(blended[0], key=blended[0].get) == "AIR_STRIKE"
