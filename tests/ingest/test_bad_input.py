"""The bad-input suite: each case is rejected with a stable reason code or decoded correctly."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.errors import REJECT_REASONS

RU = "Министерство обороны России заявило, что турецкие военные находились в боевых порядках террористов в провинции."
TR = "Türkiye Dışişleri Bakanı, Rusya ile görüşmelerin sürdüğünü ve ateşkesin korunması gerektiğini söyledi. Şırnak ve Iğdır."
FR = "Le ministère français a condamné la frappe qui a touché un hôpital à Alep, selon un communiqué publié jeudi."
VI = "Bộ Quốc phòng Nga cho rằng các báo cáo về việc hàng trăm nghìn người Syria phải rời khỏi tỉnh Idlib là sai sự thật."
EN = "The defence ministry said the strike on the convoy had been carried out by government forces on Thursday night."


def _analyze(paths, tmp_path):
    """Run the real CLI (no database) and return its JSON and exit code."""
    proc = subprocess.run([sys.executable, "-m", "eventwire.cli", "analyze", "--compact", *map(str, paths)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout), proc.returncode


@pytest.fixture
def bad_dir(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text("   \n\n  ")
    (d / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (d / "nul.txt").write_bytes(b"abc\x00\x00\x01\x02def" * 50)
    (d / "ru_cp1251.txt").write_bytes((RU + "\n" + RU).encode("cp1251"))
    (d / "tr_cp1254.txt").write_bytes((TR + "\n" + TR).encode("cp1254"))
    (d / "fr_latin1.txt").write_bytes((FR + "\n" + FR).encode("latin-1"))
    (d / "truncated.html").write_text("<html><head><title>Cut</title></head><body><article><p>" + EN + " " + EN + "</p><p>More te")
    (d / "broken.html").write_text("<html><body><div><span></div><p")
    (d / "mixed.jsonl").write_text(json.dumps({"text": EN, "title": "ok"}) + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n[1,2]\n")
    (d / "unknown.txt").write_text("1234 5678 %% 90 -- 12/34 ## 56 78 90 12 34 56 ++ 78 90 12 34 56 78 90")
    (d / "mixed_lang.txt").write_text((EN + " " + EN + "\n") * 2 + (VI + " " + VI + "\n") * 2)
    (d / "huge.txt").write_bytes((EN + "\n").encode() * (50_000_000 // (len(EN) + 1) + 1))
    return d


def test_bad_inputs_get_reasons_and_the_run_goes_on(bad_dir: Path, tmp_path: Path):
    result, code = _analyze([bad_dir, tmp_path / "missing.txt"], tmp_path)
    assert code == 1  # some inputs rejected
    by_input = {}
    for r in result["rejects"]:
        by_input.setdefault(Path(r["input"].split("#")[0]).name + ("#" + r["input"].split("#")[1] if "#" in r["input"] else ""), []).append(r)
    reason = {k: v[0]["reason"] for k, v in by_input.items()}
    assert reason["empty.txt"] == "empty"
    assert reason["blank.txt"] == "empty"
    assert reason["image.txt"] == "binary"
    assert reason["nul.txt"] == "binary"
    assert reason["broken.html"] in ("malformed_html", "no_text")
    assert reason["mixed.jsonl#2"] == "malformed_record"
    assert reason["mixed.jsonl#3"] == "malformed_record"
    assert reason["mixed.jsonl#4"] == "malformed_record"
    assert reason["huge.txt"] == "too_large"
    assert reason["missing.txt"] == "missing_path"
    assert reason["unknown.txt"] in ("unknown_language", "no_text")
    assert reason["mixed_lang.txt"] == "mixed_language"
    assert by_input["mixed_lang.txt"][0]["action"] == "flagged"
    for r in result["rejects"]:
        assert REJECT_REASONS[r["reason"]] == r["code"]
        assert r["message"]
    # decoded correctly, not rejected
    texts = {Path(a["path"]).name: a for a in result["articles"]}
    assert texts["ru_cp1251.txt"]["text"].startswith(RU) and texts["ru_cp1251.txt"]["encoding"] == "cp1251"
    assert texts["ru_cp1251.txt"]["language"] == "ru"
    assert texts["tr_cp1254.txt"]["text"].startswith(TR) and texts["tr_cp1254.txt"]["language"] == "tr"
    assert texts["fr_latin1.txt"]["text"].startswith(FR) and texts["fr_latin1.txt"]["language"] == "fr"
    assert texts["truncated.html"]["text"].startswith(EN)
    assert texts["mixed.jsonl"]["title"] == "ok"
    assert texts["mixed_lang.txt"]["language"] in ("en", "vi")


def test_stdin_is_read(tmp_path: Path):
    proc = subprocess.run([sys.executable, "-m", "eventwire.cli", "analyze", "--compact", "-"],
                          input=(EN + "\n" + EN), capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["articles"][0]["path"] == "-" and out["articles"][0]["language"] == "en"
