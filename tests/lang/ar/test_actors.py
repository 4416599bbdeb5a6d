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


def test_arabic_ambassador_to_a_host_country():
    got = actors("قال سفير روسيا لدى تركيا إن الهجوم إرهابي.", "ar", "2016-12-19")
    assert got["سفير روسيا لدى تركيا"][:2] == ("RUS", "GOV")


def test_arabic_washington_is_a_seat_of_government_not_a_demonym():
    from tests.kb.actor_helpers import analyze

    doc = analyze("قالت واشنطن إن الولايات المتحدة سترد.", "ar", "2023-05-01")
    got = {a.text: (a.country, a.sector, a.reason) for a in doc.actors}
    assert got["واشنطن"][:2] == ("USA", "GOV") and got["واشنطن"][2].startswith("seat")
    assert got["الولايات المتحدة"][0] == "USA" and got["الولايات المتحدة"][2].startswith("country")
