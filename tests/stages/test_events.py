"""events@1 through the real pipeline: export shape, merging, ids, multi-event sentences."""
from eventwire.coding.coder import merge_events
from eventwire.serialize import event_to_plover
from eventwire.stages.events import EventStage
from tests.coding.helpers import analyze, events

KEYS = {"id", "event_type", "mode", "contexts", "cameo_root", "acled_subtype", "score", "actor", "recipient",
        "date", "date_granularity", "location", "size", "modality", "attribution", "claim_status",
        "confidence", "reasons", "evidence"}


def test_stage_contract():
    assert EventStage.name == "events@1"
    assert EventStage.requires == frozenset({"sentences"})
    assert "events" in EventStage.provides


def test_export_shape_and_reasons():
    evs = events("Syrian government forces killed 33 Turkish soldiers in an air strike in Idlib on Thursday, "
                 "a regional governor said.", "en", "2020-02-28")
    ev = next(e for e in evs if e.event_type == "ASSAULT")
    d = event_to_plover(ev)
    assert KEYS <= set(d)
    assert d["size"]["dead"] == 33
    assert d["cameo_root"] in ("18", "19") and d["score"] <= -9
    assert d["acled_subtype"] == "AIR_STRIKE"
    assert d["evidence"][0]["sentence"].startswith("Syrian government forces")
    assert d["reasons"] and all(isinstance(r, str) for r in d["reasons"])


def test_ids_are_stable_and_duplicates_merge():
    text = ("Russian President Vladimir Putin and Turkish President Recep Tayyip Erdogan held a phone call on Tuesday. "
            "The weather was mild. Putin and Erdogan held a phone call on Tuesday, the Kremlin said.")
    a = analyze(text, "en", "2024-10-29")
    b = analyze(text, "en", "2024-10-29")
    assert [e.id for e in a.events] == [e.id for e in b.events]
    consult = [e for e in a.events if e.event_type == "CONSULT"]
    assert consult
    assert len(merge_events(consult + consult)) == len(consult)


def test_no_trigger_no_event():
    assert events("The weather in Paris was mild on Sunday and the markets were calm.", "en") == []


def test_speech_act_wraps_the_embedded_action():
    evs = sorted(events("The rebels agreed to release the hostages held in the northern province.", "en", "2024-10-29"),
                 key=lambda e: -e.confidence)
    assert evs and evs[0].event_type == "AGREE"
    inner = [e for e in evs if e.event_type == "RETREAT"]
    assert not inner or inner[0].modality == "future"


def test_several_events_in_one_sentence():
    evs = events("Turkish troops shelled Syrian army positions near Saraqib, and protesters marched in Istanbul "
                 "to demand a ceasefire.", "en", "2020-02-28")
    types = {e.event_type for e in evs}
    assert "ASSAULT" in types and len(evs) >= 2
