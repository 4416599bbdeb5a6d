from tests.kb.actor_helpers import actors


def test_arabic_titles_demonyms_and_clitics():
    got = actors("أعلنت وزارة الدفاع الروسية أن الجيش السوري تقدم، وقال الرئيس التركي رجب طيب أردوغان "
                 "إن أنقرة لن تتراجع، وأدانت الأمم المتحدة وروسيا القصف.", "ar", "2020-02-28")
    assert got["وزارة الدفاع الروسية"][:2] == ("RUS", "MIL")
    assert got["الجيش السوري"][:2] == ("SYR", "MIL")
    assert got["الرئيس التركي رجب طيب أردوغان"] == ("TUR", "GOV", "Q39259")
    assert got["أنقرة"][:2] == ("TUR", "GOV")
    assert got["الأمم المتحدة"][0] == "UN"
    assert got["روسيا"][0] == "RUS"  # with the conjunction و attached


def test_arabic_dateline_place_is_not_an_actor():
    got = actors("القاهرة (رويترز) - قالت وزارة الخارجية المصرية إن مصر ترفض الخطة.", "ar", "2023-03-03")
    assert "القاهرة" not in got and got["مصر"][0] == "EGY"
    assert actors("القاهرة ترفض الخطة.", "ar", "2023-03-03")["القاهرة"][:2] == ("EGY", "GOV")  # no dateline: the government
