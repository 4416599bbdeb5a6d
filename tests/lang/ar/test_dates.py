from eventwire.timex import find_times

PUB = "2020-02-28"


def vals(text, anchor=PUB):
    return {t.text: t.value for t in find_times(text, "ar", anchor)}


def test_yesterday_and_weekday():
    got = vals("قال الكرملين أمس الخميس إن الرئيسين اتفقا.")
    assert got["أمس"] == "2020-02-27"
    assert got["الخميس"] == "2020-02-27"


def test_previous_day_after_explicit_date():
    got = find_times("في 25 فبراير 2020 عقد اجتماع. وفي اليوم السابق قتل جنود.", "ar", PUB)
    assert [t.value for t in got] == ["2020-02-25", "2020-02-24"]


def test_levantine_month_names_and_relative():
    got = vals("3 آذار 2019، الأسبوع الماضي، قبل ست سنوات")
    assert got["3 آذار 2019"] == "2019-03-03"
    assert got["الأسبوع الماضي"] == "2020-W08"
    assert got["قبل ست سنوات"] == "2014"


def test_timeml_references_seasons_and_decades():
    got = vals("حاليا تستمر المفاوضات. الصيف الماضي أغلق الميناء. في عقد 1990 اندلعت الحرب. في المستقبل سيتم توسيع الميناء.")
    assert got["حاليا"] == "PRESENT_REF"
    assert got["الصيف الماضي"] == "2019-SU"
    assert got["عقد 1990"] == "199"
    assert got["في المستقبل"] == "FUTURE_REF"


def test_year_unknown_without_anchor_is_kept_partial():
    got = [t for t in find_times("وصل الوفد في 21/2 إلى دمشق.", "ar", None)]
    assert [(t.text, t.value) for t in got] == [("21/2", "XXXX-02-21")]


def test_weekend():
    assert vals("خرجت احتجاجات في نهاية الأسبوع الماضي في المدينة.")["نهاية الأسبوع الماضي"] == "2020-W08-WE"
