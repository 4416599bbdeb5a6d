"""Ontology data: PLOVER types, CAMEO roots, scores, ACLED rules (resources/ontology/*.yaml)."""
from pathlib import Path

from eventwire.coding import ontology as o


def test_sixteen_plover_types_with_roots_and_scores():
    assert len(o.types()) == 16
    for t in o.types():
        assert o.cameo_root(t) and len(o.cameo_root(t)) == 2
        assert -10 <= o.score(t) <= 10


def test_mode_specific_roots_and_scores():
    assert o.cameo_root("ASSAULT", "heavy-weapons") == "19"
    assert o.cameo_root("ASSAULT", "massacre") == "20"
    assert o.cameo_root("ACCUSE", "investigate") == "09"
    assert o.cameo_root("COERCE", "seize", ["military"]) == "19"
    assert o.score("CONSULT", "phone") > 0 > o.score("ASSAULT")


def test_legacy_labels_map_to_current_plover():
    assert o.normalise_type("DEMAND") == ("REQUEST", None)
    assert o.normalise_type("FIGHT") == ("ASSAULT", None)
    assert o.normalise_type("INVESTIGATE") == ("ACCUSE", "investigate")


def test_cameo_mapping_facts():
    assert o.cameo_to_plover("195")["type"] == "ASSAULT"
    assert o.cameo_to_plover("041")["mode"] == "phone"
    assert o.cameo_to_plover("173")["type"] == "COERCE"


def test_acled_rules_use_only_known_labels(bench_dir: Path):
    names = set((bench_dir / "acled-labels" / "event_types.txt").read_text().split())
    assert set(o.acled_labels()) <= names
    assert {r["subtype"] for r in o.acled()["rules"]} <= names


def test_acled_rules():
    assert o.acled_subtype("ASSAULT", "heavy-weapons", [], ["air"], ["MIL"], ["MIL"], {})[0] == "AIR_STRIKE"
    assert o.acled_subtype("ASSAULT", "heavy-weapons", [], ["artillery"], [], [], {})[0] == "ART_MISS_ATTACK"
    assert o.acled_subtype("PROTEST", "demo", [], [], [], [], {"arrested": 5})[0] == "PROTEST_WITH_INTER"
    assert o.acled_subtype("PROTEST", "demo", [], [], [], [], {})[0] == "PEACE_PROTEST"
    assert o.acled_subtype("COERCE", "arrest", [], [], [], [], {})[0] == "ARREST"
    assert o.acled_subtype("CONSULT", "phone", [], [], [], [], {})[0] is None


def test_embargo_code_163_maps_to_sanction():
    # CAMEO 163 (impose embargo, boycott or sanctions) is SANCTION, as its root 16 and PLOVER's SANCTION type
    row = o.cameo_to_plover("163")
    assert row["type"] == "SANCTION" and row["mode"] in o.modes("SANCTION")
    assert o.cameo_to_plover("1631")["type"] == "SANCTION"  # sub-codes fall back to their 3-digit parent
    assert o.cameo_to_plover("164")["type"] == "SANCTION" and o.cameo_to_plover("172")["type"] == "COERCE"
