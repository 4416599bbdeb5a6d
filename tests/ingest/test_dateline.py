"""The one dateline detector (eventwire.ingest.dateline) and its three users: published@1 (date),
actors@1 (the filing place is not an actor) and event coding (the dateline is not a participant)."""
import pytest

from eventwire.ingest.dateline import NOTES_KEY, detect, for_article, lead
from eventwire.model import Dateline

# (lang, text, place, date, agency, first words of the report)
WITH_ALL = [
    ("en", "ANKARA, March 3, 2020 (Reuters) - Turkey said on Tuesday its troops had hit targets.",
     "ANKARA", "March 3, 2020", "Reuters", "Turkey said"),
    ("vi", "HÀ NỘI, ngày 3/3/2020 (TTXVN) - Bộ Ngoại giao cho biết đã phản đối kế hoạch.",
     "HÀ NỘI", "ngày 3/3/2020", "TTXVN", "Bộ Ngoại giao"),
    ("ru", "МОСКВА, 3 марта 2020 (Рейтер) - Кремль заявил во вторник о готовности к переговорам.",
     "МОСКВА", "3 марта 2020", "Рейтер", "Кремль заявил"),
    ("tr", "ANKARA, 3 Mart 2020 (AA) - Dışişleri Bakanlığı salı günü açıklama yaptı.",
     "ANKARA", "3 Mart 2020", "AA", "Dışişleri"),
    ("ar", "القاهرة، 3 مارس 2020 (رويترز) - قالت وزارة الخارجية المصرية إن مصر ترفض الخطة.",
     "القاهرة", "3 مارس 2020", "رويترز", "قالت وزارة"),
    ("fr", "PARIS, 3 mars 2020 (AFP) - La France a condamné mardi l'attaque contre le convoi.",
     "PARIS", "3 mars 2020", "AFP", "La France"),
    ("es", "MADRID, 3 de marzo de 2020 (EFE).- El Gobierno rechazó el martes el plan de paz.",
     "MADRID", "3 de marzo de 2020", "EFE", "El Gobierno"),
    ("zh", "新华社莫斯科2020年3月3日电 俄罗斯外交部发言人说，俄方反对该计划。",
     "莫斯科", "2020年3月3日", "新华社", "俄罗斯外交部"),
    ("de", "BERLIN, 3. März 2020 (dpa) - Die Bundesregierung lehnt den Plan ab.",
     "BERLIN", "3. März 2020", "dpa", "Die Bundesregierung"),
]


@pytest.mark.parametrize("lang,text,place,date,agency,body", WITH_ALL, ids=[c[0] for c in WITH_ALL])
def test_place_date_and_agency_in_each_language(lang, text, place, date, agency, body):
    (d,) = detect(text, lang)
    assert isinstance(d, Dateline)
    assert (d.place, d.date, d.agency) == (place, date, agency)
    # spans point into the text, and the report's own text starts at `end`
    assert text[slice(*d.place_span)] == place and text[slice(*d.date_span)] == date
    assert text[slice(*d.agency_span)] == agency
    assert d.start == 0 and text[d.end:].startswith(body)


@pytest.mark.parametrize("lang,text,place,date,agency,body",
                         [c for c in WITH_ALL if c[0] != "zh"], ids=[c[0] for c in WITH_ALL if c[0] != "zh"])
def test_published_date_from_the_dateline(lang, text, place, date, agency, body):
    from eventwire.timex.published import dateline_date

    value, evidence = dateline_date(text, lang, None)
    assert value == "2020-03-03"
    assert evidence.startswith(place) and agency in evidence


def test_place_in_a_non_latin_script_without_capitals():
    # Arabic and Chinese have no capitals: a date or an agency makes the line a dateline
    (d,) = detect("دمشق (سانا) - أعلنت الحكومة السورية عن خطة جديدة.", "ar")
    assert (d.place, d.agency, d.date) == ("دمشق", "سانا", None)
    zh = "本报北京3月5日电（记者 李明）外交部发言人今天表示，中方欢迎对话。"
    (d,) = detect(zh, "zh")
    assert (d.place, d.date, d.agency) == ("北京", "3月5日", "本报")
    assert zh[d.end:].startswith("外交部")  # the reporter's byline belongs to the dateline
    (d,) = detect("КИЕВ, 5 апреля (Рейтер) - Украинские войска продвинулись.", "ru")
    assert d.place == "КИЕВ" and d.date == "5 апреля"
    # a place alone before a dash in a script without capitals is not enough
    assert detect("دمشق - أعلنت الحكومة السورية عن خطة جديدة.", "ar") == ()


def test_russian_agency_conventions_come_from_the_language_file():
    (d,) = detect("МОСКВА, 5 апреля. /ТАСС/. Министр иностранных дел заявил о переговорах.", "ru")
    assert (d.place, d.date, d.agency, d.reason) == ("МОСКВА", "5 апреля", "ТАСС", "ru:0")
    text = "САНКТ-ПЕТЕРБУРГ, 5 апр — РИА Новости. Губернатор города подписал указ."
    (d,) = detect(text, "ru")
    assert (d.place, d.agency) == ("САНКТ-ПЕТЕРБУРГ", "РИА Новости")
    assert text[d.end:].startswith("Губернатор")


def test_agency_without_a_place():
    text = "(Reuters) - Oil prices rose on Monday after the talks."
    (d,) = detect(text, "en")
    assert (d.place, d.agency) == (None, "Reuters") and text[d.end:].startswith("Oil")
    (d,) = detect("(Dân trí) - Sáng nay, Bộ Y tế cho biết đã cấp phép.", "vi")
    assert (d.place, d.agency) == (None, "Dân trí")
    (d,) = detect("TTO - Sáng nay, Bộ Y tế cho biết đã cấp phép.", "vi")
    assert (d.place, d.agency) == (None, "TTO")  # the outlet's name, not a place
    text = "بيروت - رويترز - قال مسؤولون لبنانيون إن الطريق أغلق."
    (d,) = detect(text, "ar")
    assert (d.place, d.agency) == ("بيروت", "رويترز") and text[d.end:].startswith("قال")
    (d,) = detect("AFP - Rescuers searched on Monday for survivors.", "en")
    assert (d.place, d.agency, d.reason) == (None, "AFP", "en:0")
    assert detect("(1) - the first item on the list.", "en") == ()


def test_bare_place_in_capitals_and_regions():
    (d,) = detect("GREENFIELD — The town council voted on Monday to close the bridge.", "en")
    assert (d.place, d.date, d.agency) == ("GREENFIELD", None, None)
    (d,) = detect("SPRINGDALE, Ark. -- Two people were hurt when a truck hit a shop.", "en")
    assert d.place == "SPRINGDALE, Ark."
    (d,) = detect("KHARKIV/KYIV, April 5 (Reuters) - Ukrainian troops advanced.", "en")
    assert (d.place, d.date) == ("KHARKIV/KYIV", "April 5")
    (d,) = detect("NEW DELHI: The government on Monday extended the curfew by a week.", "en")
    assert (d.place, d.date, d.agency) == ("NEW DELHI", None, None)
    (d,) = detect("São Paulo, 5 de abril de 2021 (EFE).- La policía detuvo a dos hombres.", "es")
    assert d.place == "São Paulo"


@pytest.mark.parametrize("lang,text", [
    ("en", "BREAKING NEWS - Turkey says it will respond to the attack."),
    ("en", "EXCLUSIVE - Officials say the talks have stalled."),
    ("en", "NATO - Allies agreed on Tuesday to send more air defence systems."),  # an organisation
    ("en", "TURKEY AND RUSSIA AGREE ON CEASEFIRE - KREMLIN"),  # an all-caps headline
    ("en", "Russia - Ukraine talks resume in Istanbul on Monday."),
    ("en", "U.S. - China talks resume in Geneva on Monday."),
    ("en", "Ankara rejected the proposal - officials said."),
    ("en", "Turkey: the ministry said the strikes would go on."),
    ("en", "UPDATE: Police said the road has reopened."),
    ("en", "WARNING: This video contains images some viewers may find distressing."),
    ("en", "WHEN: Saturday from noon, with music and food stalls."),
    ("tr", "SON DAKİKA - Dışişleri Bakanlığı açıklama yaptı."),
    ("ru", "СРОЧНО - Кремль заявил о готовности к переговорам."),
    ("fr", "OTAN - Les alliés ont décidé d'envoyer des renforts."),
    ("es", "ÚLTIMA HORA - El Gobierno rechazó el plan."),
    ("vi", "TIN NÓNG - Bộ Quốc phòng cho biết đã bắn hạ máy bay."),
])
def test_no_dateline_in_an_ordinary_lead(lang, text):
    assert detect(text, lang) == ()


def test_paragraph_and_sentence_starts():
    text = "Some earlier paragraph.\nTEHRAN, Jan 5 (Reuters) - Iran said Tehran would respond."
    (d,) = detect(text, "en")
    assert d.place == "TEHRAN" and d.start == text.index("TEHRAN")
    assert lead((d,), text) == d  # after one line (a headline): still the article's own dateline
    assert lead(detect("One.\nTwo.\nTEHRAN, Jan 5 (Reuters) - Iran said.", "en"), "One.\nTwo.\nx") is None
    # wire text run together on one line: a sentence start needs a place in capitals
    flat = "Floods cut roads in the north. BEIRUT (AP) - Lebanese officials said two bridges fell."
    starts = [0, flat.index("BEIRUT")]
    assert [d.place for d in detect(flat, "en", starts)] == ["BEIRUT"]
    assert detect(flat, "en") == ()  # not at a line start and no sentence start given
    mixed = "The talks ended. Moscow (Reuters) - officials said more would follow."
    assert detect(mixed, "en", [0, mixed.index("Moscow")]) == ()


def test_language_files_are_valid():
    import regex

    from eventwire.resources import all_lang_files

    files = all_lang_files("dateline")
    assert {"en", "vi", "ru", "tr", "ar", "fr", "es", "zh", "de"} <= set(files)
    for code, data in files.items():
        assert set(data) <= {"patterns", "not_places"}, code
        for p in data.get("patterns") or ():
            rx = regex.compile(p)
            assert set(rx.groupindex) <= {"place", "date", "agency"} and rx.groupindex, (code, p)
        assert all(isinstance(w, str) and w for w in data.get("not_places") or ()), code


def test_found_once_per_article_and_used_by_actors_and_event_coding():
    from eventwire.coding.coder import Work, dateline_end
    from eventwire.model import AnalyzedArticle, Article, RawDocument
    from eventwire.stages.actors import ActorsStage
    from eventwire.stages.mentions import MentionsStage
    from eventwire.stages.published import PublishedStage
    from eventwire.stages.sentences import SentenceStage

    text = ("TEHRAN, Jan 5, 2020 (Reuters) - Iran said on Sunday it would respond.\n"
            "Tehran gave no details of the plan.")
    doc = AnalyzedArticle(raw=RawDocument(path="t.txt", format="txt", body=text))
    doc.article = Article(id="t", path="t.txt", text=text, language="en", language_confidence=1.0)
    doc.provided |= {"raw", "article", "language"}
    for st in (SentenceStage(None), PublishedStage(None), MentionsStage(None), ActorsStage(None)):
        st.process(doc)
        doc.provided |= set(st.provides)
    found = doc.notes[NOTES_KEY]
    assert [d.place for d in found] == ["TEHRAN"] and for_article(doc) is found
    assert (doc.article.published.value, doc.article.published.method) == ("2020-01-05", "dateline")
    got = {a.text: a.country for a in doc.actors}
    assert "TEHRAN" not in got and got.get("Tehran") == "IRN" and got.get("Iran") == "IRN"
    s = doc.sentences[0]
    w = Work(s.index, s.start, s.end, text[s.start:s.end], [], [])
    assert text[dateline_end(w, doc):].startswith("Iran said")
    s2 = doc.sentences[-1]
    w2 = Work(s2.index, s2.start, s2.end, text[s2.start:s2.end], [], [])
    assert dateline_end(w2, doc) == s2.start  # no dateline in this sentence
    assert dateline_end(Work(0, 10, 10 + len(text), text, [], [])) == 10 + text.index("Iran said")


@pytest.mark.parametrize("lang,text,place,kept", [
    ("ru", "МОСКВА, 5 апреля. /ТАСС/. Кремль заявил о готовности к переговорам.", "МОСКВА", "Кремль"),
    ("ar", "دمشق - سانا - قالت وزارة الخارجية السورية إن سوريا ترفض الخطة.", "دمشق", "سوريا"),
    ("zh", "本报北京3月5日电（记者 李明）俄方表示反对该计划。", "北京", "俄方"),
    ("en", "NEW DELHI: India said on Monday it would send aid to Nepal.", "NEW DELHI", "India"),
])
def test_language_file_datelines_keep_the_place_out_of_the_actors(lang, text, place, kept):
    from tests.kb.actor_helpers import actors

    got = actors(text, lang, "2023-04-05")
    assert place not in got and kept in got, got


def test_kb_helper_uses_the_same_detector():
    from eventwire.kb.resolve import dateline_places

    assert dateline_places("Earlier.\nKYIV, Ukraine (AP) — Troops advanced.") == [(9, 22)]
    assert dateline_places("NATO - Allies agreed on Tuesday.") == []
