"""Named days (dates.yaml `holidays`) and weekday modifiers that follow the weekday, in several languages.
Our own sentences; publication dates chosen so the past/future choice matters."""
from datetime import date

import pytest

from eventwire.timex import find_times, holiday_date, rules


def vals(text, lang, anchor):
    return {t.text: t.value for t in find_times(text, lang, anchor)}


def test_rule_kinds():
    h = {k: rules("en").holidays[k] for k in ("thanksgiving", "memorial day", "election day", "easter", "good friday")}
    assert holiday_date(h["thanksgiving"], 2019) == date(2019, 11, 28)
    assert holiday_date(h["thanksgiving"], 2020) == date(2020, 11, 26)
    assert holiday_date(h["memorial day"], 2021) == date(2021, 5, 31)  # last Monday of May
    assert holiday_date(h["election day"], 2020) == date(2020, 11, 3)  # Tuesday after the first Monday
    assert holiday_date(h["election day"], 2022) == date(2022, 11, 8)  # Nov 1 is a Tuesday: not the 1st
    assert holiday_date(h["easter"], 2024) == date(2024, 3, 31)
    assert holiday_date(h["good friday"], 2024) == date(2024, 3, 29)
    assert holiday_date(rules("ru").holidays["пасха"], 2024) == date(2024, 5, 5)  # Orthodox
    assert holiday_date(rules("en").holidays["ramadan"], 2024) is None  # lunar: not computed


def test_english_holidays_follow_tense_and_explicit_years():
    got = vals("Shops closed on Christmas Eve. The talks will resume after Christmas. "
               "Turnout on Election Day 2016 was high. Families gathered on Thanksgiving.", "en", "2020-03-10")
    assert got["Christmas Eve"] == "2019-12-24"  # past tense: the most recent one
    assert got["Christmas"] == "2020-12-25"  # forward-looking
    assert got["Election Day 2016"] == "2016-11-08"
    assert got["Thanksgiving"] == "2019-11-28"


def test_other_proper_names_and_lunar_holidays():
    got = find_times("Tourists flew to Easter Island during Ramadan.", "en", "2020-03-10")
    assert [(t.text, t.value) for t in got] == [("Ramadan", None)]
    assert "lunar" in got[0].reason


@pytest.mark.parametrize("lang,text,anchor,expect", [
    ("fr", "Le marché a fermé après Noël.", "2020-01-10", {"Noël": "2019-12-25"}),
    ("fr", "Le lundi de Pâques 2019, il a plu.", "2020-01-10", {"lundi de Pâques 2019": "2019-04-22"}),
    ("de", "An Ostern 2020 blieben die Kirchen leer.", "2020-06-01", {"Ostern 2020": "2020-04-12"}),
    ("es", "En Nochebuena hubo un apagón.", "2020-01-03", {"Nochebuena": "2019-12-24"}),
    ("ru", "В День Победы прошёл парад.", "2020-06-01", {"День Победы": "2020-05-09"}),
    ("tr", "Cumhuriyet Bayramı'nda tören yapıldı.", "2020-11-02", {"Cumhuriyet Bayramı": "2020-10-29"}),
    ("vi", "Dịp Tết Nguyên Đán, người dân về quê.", "2020-01-10", {"Tết Nguyên Đán": None}),
    ("ar", "احتفل الأكراد بعيد النوروز وفي شهر رمضان.", "2020-04-01", {"شهر رمضان": None}),
    ("ar", "احتفل الأكراد في عيد النوروز.", "2020-04-01", {"عيد النوروز": "2020-03-21"}),
])
def test_holidays_in_other_languages(lang, text, anchor, expect):
    got = vals(text, lang, anchor)
    for k, v in expect.items():
        assert k in got and got[k] == v, got


@pytest.mark.parametrize("lang,text,expect", [  # published on Wednesday 2020-02-26
    ("fr", "Vendredi dernier, le ministre a démissionné.", {"Vendredi dernier": "2020-02-21"}),
    ("fr", "Le vote aura lieu mardi prochain.", {"mardi prochain": "2020-03-03"}),
    ("es", "El lunes pasado cayó la bolsa.", {"lunes pasado": "2020-02-24"}),
    ("es", "Se reunirán el martes próximo.", {"martes próximo": "2020-03-03"}),
    ("es", "Se reunirán el próximo martes.", {"próximo martes": "2020-03-03"}),
    ("ar", "قال الوزير يوم الأحد الماضي إن المحادثات ستستأنف.", {"الأحد الماضي": "2020-02-23"}),
    ("ar", "تبدأ المحادثات يوم الأحد المقبل.", {"الأحد المقبل": "2020-03-01"}),
    ("ru", "Переговоры начнутся в следующий понедельник.", {"следующий понедельник": "2020-03-02"}),
    ("tr", "Görüşmeler gelecek pazartesi başlayacak.", {"gelecek pazartesi": "2020-03-02"}),
    ("de", "Letzten Freitag trat der Minister zurück.", {"Letzten Freitag": "2020-02-21"}),
])
def test_weekday_modifiers_before_and_after(lang, text, expect):
    got = vals(text, lang, "2020-02-26")
    for k, v in expect.items():
        assert k in got and got[k] == v, got


@pytest.mark.parametrize("lang,text,expect", [  # TimeML century values: the first two digits of its years
    ("en", "Cities grew in the 19th century and in the twentieth century.", {"the 19th century": "18", "the twentieth century": "19"}),
    ("fr", "Au XXe siècle, la ville a doublé.", {"XXe siècle": "19"}),
    ("es", "Las guerras del siglo XIX fueron largas.", {"siglo XIX": "18"}),
    ("de", "Im 21. Jahrhundert wuchs die Stadt.", {"21. Jahrhundert": "20"}),
    ("ru", "В XX веке город вырос.", {"XX веке": "19"}),
])
def test_centuries(lang, text, expect):
    got = find_times(text, lang, "2020-02-26")
    vals_ = {t.text: t.value for t in got}
    for k, v in expect.items():
        assert vals_.get(k) == v, vals_
    assert all(t.granularity == "century" for t in got if t.text in expect)


def test_spelled_numbers_that_are_not_years():
    got = vals("Twenty six people died; nineteen twelve was the year the ship sank; twenty twenty was hard.", "en", "2020-02-26")
    assert "Twenty six" not in got
    assert got["nineteen twelve"] == "1912" and got["twenty twenty"] == "2020"


@pytest.mark.parametrize("lang,text,anchor,expect", [
    ("en", "Growth was fast in the nineties.", "2003-05-01", {"the nineties": "199"}),
    ("de", "In den achtziger Jahren wuchs die Stadt.", "2020-01-01", {"den achtziger Jahren": "198"}),
    ("es", "En los años sesenta la ciudad creció.", "2020-01-01", {"los años sesenta": "196"}),
])
def test_decades_in_words(lang, text, anchor, expect):
    got = vals(text, lang, anchor)
    for k, v in expect.items():
        assert got.get(k) == v, got


def test_durations_are_not_emitted_as_references():
    got = vals("Over the past five years and in the past week prices rose; in the past, they fell.", "en", "2020-02-26")
    assert "the past" not in got  # the start of a duration, not PAST_REF
    assert got == {"in the past": "PAST_REF"}


def test_movable_feasts_and_days_named_after_events():
    from eventwire.timex import find_times
    got = {t.text: t for t in find_times("Shops opened on Black Friday; the crash on Black Monday was recalled on "
                                         "Ash Wednesday.", "en", "2021-11-30")}
    assert got["Black Friday"].value == "2021-11-26"
    assert got["Ash Wednesday"].value == "2021-02-17"
    assert got["Black Monday"].value is None and "named after an event" in got["Black Monday"].reason
