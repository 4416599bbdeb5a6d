from tests.kb.actor_helpers import actors


def test_arabic_titles_demonyms_and_clitics():
    got = actors("أعلنت وزارة الدفاع الروسية أن الجيش السوري تقدم، وقال الرئيس التركي رجب طيب أردوغان "
                 "إن أنقرة لن تتراجع، وأدانت الأمم المتحدة وروسيا القصف.", "ar", "2020-02-28")
    assert got["وزارة الدفاع الروسية"][:2] == ("RUS", "MIL")
    assert got["الجيش السوري"][:2] == ("SYR", "MIL")
    assert got["الرئيس التركي رجب طيب أردوغان"] == ("TUR", "GOV", "Q39723")
    assert got["أنقرة"][:2] == ("TUR", "GOV")
    assert got["الأمم المتحدة"][0] == "UN"
    assert got["روسيا"][0] == "RUS"  # with the conjunction و attached
