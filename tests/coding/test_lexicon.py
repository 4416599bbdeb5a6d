"""Per-language event data files: schema, and the trigger matcher (prefixes, clitics, phrases)."""
import pytest

from eventwire.coding import ontology as o
from eventwire.coding.lexicon import tokenize, trigger_matcher
from eventwire.resources import lang_file

LANGS = ["en", "es", "fr", "de", "vi", "ru", "tr", "ar"]


@pytest.mark.parametrize("lang", LANGS)
def test_data_files_cover_every_type_and_parse(lang):
    trig = lang_file(lang, "event_triggers")
    assert set(trig["triggers"]) == set(o.types())
    for etype, entries in trig["triggers"].items():
        for e in entries:
            mode = str(e).split("|")[1].split(",")[0] if "|" in str(e) else ""
            assert not mode or mode in o.modes(etype), (lang, etype, e)
    for name, keys in (("numbers", ("units", "casualty", "running_total")),
                       ("event_cues", ("negation", "future", "denial", "attribution_verbs")),
                       ("roles", ("order", "agent_markers"))):
        data = lang_file(lang, name)
        assert data and all(k in data for k in keys), (lang, name)
    assert set(lang_file(lang, "numbers")["casualty"]) == {"dead", "injured", "arrested"}


def labels(text, lang):
    return [(h.label, h.pattern.mode) for h in trigger_matcher(lang).find(tokenize(text, lang))]


def test_prefix_and_phrase_triggers():
    got = labels("Turkish soldiers were killed in air strikes", "en")
    assert ("ASSAULT", None) in got and ("ASSAULT", "heavy-weapons") in got


def test_arabic_clitics_are_stripped():
    assert ("ASSAULT", "heavy-weapons") in labels("والقصف", "ar")


def test_turkish_stems_and_dotted_i():
    assert ("CONSULT", "phone") in labels("Erdoğan, Putin ile TELEFONDA görüştü", "tr")
    assert any(l == "ASSAULT" for l, _ in labels("İHA saldırısında", "tr"))


def test_no_trigger_no_hit():
    assert [x for x in labels("The weather in Paris was mild on Sunday.", "en") if not x[0].startswith("tag:")] == []
