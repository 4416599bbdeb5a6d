"""places@1 in the pipeline (after the mentions stage)."""
import pytest

from tests.helpers import raw


@pytest.fixture(scope="module")
def places_pipeline(settings):
    from eventwire.pipeline.runner import Pipeline

    return Pipeline.from_names(["clean", "language", "sentences", "mentions", "places"], settings, on_error="raise")


def test_places_stage_resolves_and_keeps_unresolved(places_pipeline):
    text = ("NATO chief Jens Stoltenberg told journalists in Brussels that Syrian and Russian air strikes on Idlib "
            "must stop. Turkey said the Atmeh camp near the border was overcrowded.")
    doc = places_pipeline.analyze(raw(text))
    byname = {p.text: p for p in doc.places}
    assert byname["Idlib"].place.country == "SYR"
    assert byname["Brussels"].place.country == "BEL"
    assert all(p.reason for p in doc.places)
    assert all(p.sentence is not None for p in doc.places)
    from eventwire.geo.event_location import event_place

    place, conf, reason = event_place(doc, 0)
    assert place.name == "Idlib"


def test_places_for_language_without_ner(places_pipeline):
    doc = places_pipeline.analyze(raw("Министерство обороны России сообщило об ударах по Идлибу. "
                                      "Переговоры проходили в Мюнхене, где встретились министры."))
    names = {p.place.name for p in doc.places if p.place}
    assert {"Idlib", "Munich"} <= names


def test_place_resolution_is_fast(places_pipeline):
    import time

    from eventwire.geo.geoparse import geoparse
    from eventwire.geo.gazetteer import load

    load()
    text = ("Clashes in Syria's Idlib province left dozens dead, officials in Damascus and Ankara said. "
            "Russia and Turkey discussed the situation in Moscow. Refugees fled toward the Turkish border "
            "near Atmeh and Sarmada, while aid groups in Gaziantep and Hatay prepared. ") * 5
    geoparse(text, "en")
    t = time.process_time()
    for _ in range(10):
        geoparse(text, "en")
    assert (time.process_time() - t) / 10 < 0.05  # CPU seconds per 6,000-character article
