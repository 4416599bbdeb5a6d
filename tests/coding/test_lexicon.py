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


def test_gap_token_spans_zero_to_three_words():
    from eventwire.coding.lexicon import GAP_MAX, Pattern, PhraseMatcher, compile_phrase

    m = PhraseMatcher([Pattern(compile_phrase("restor* ~ ties"), "SUPPORT")])
    spans = lambda t: [(h.first, h.last) for h in m.find(tokenize(t))]  # noqa: E731
    assert spans("they restore ties") == [(1, 2)]
    assert spans("they restored full diplomatic ties") == [(1, 4)]
    assert spans("restored " + "very " * GAP_MAX + "ties") == [(0, GAP_MAX + 1)]
    assert spans("restored " + "very " * (GAP_MAX + 1) + "ties") == []
    assert spans("ties were restored") == []


def test_prefixes_do_not_swallow_unrelated_words():
    # "ban*" once matched "Bank"/"Bangladeshi", "ask*" names like "Askar", "fund*" "fundamentalist"
    for text in ("the bank", "Bangladeshi observers", "Askar Akayev", "fundamentalist groups", "the detainees"):
        assert [x for x in labels(text, "en") if not x[0].startswith("tag:")] == [], text
    assert ("COERCE", "ban") in labels("They banned the party", "en")


# diplomatic ties restored (CAMEO 05 -> SUPPORT) / broken (161 -> SANCTION), monitors or peacekeepers
# withdrawn (166 -> SANCTION expel), peacekeepers sent (074 -> AID), mediation ended (165 -> SANCTION)
RELATIONS = {
    "en": ["Chile restored full diplomatic ties with Peru.", "Chile broke off diplomatic relations with Peru.",
           "Norway will withdraw its election observers from Kenya.", "Ghana will send 300 peacekeepers to Mali.",
           "The mediators ended their mediation between the two parties."],
    "es": ["Chile restableció plenamente las relaciones diplomáticas con Perú.", "Chile rompió sus lazos diplomáticos con Perú.",
           "Noruega retirará a sus observadores electorales de Kenia.", "Ghana enviará 300 cascos azules a Malí.",
           "Uruguay puso fin a su mediación entre las partes."],
    "fr": ["Le Chili a rétabli ses relations diplomatiques avec le Pérou.", "Le Chili a rompu ses liens diplomatiques avec le Pérou.",
           "La Norvège retirera ses observateurs électoraux du Kenya.", "Le Ghana enverra 300 casques bleus au Mali.",
           "Le Qatar a mis fin à sa médiation entre les parties."],
    "ru": ["Чили восстановила дипломатические отношения с Перу.", "Чили разорвала дипломатические связи с Перу.",
           "Норвегия отозвала своих наблюдателей из Кении.", "Гана направит 300 миротворцев в Мали.",
           "Катар прекратил своё посредничество между сторонами."],
    "tr": ["Şili, Peru ile diplomatik ilişkilerini yeniden başlattı.", "Şili, Peru ile diplomatik ilişkilerini kesti.",
           "Norveç seçim gözlemcilerini Kenya'dan geri çekti.", "Gana, Mali'ye 300 barış gücü askeri gönderecek.",
           "Katar taraflar arasındaki arabuluculuğuna son verdi."],
    "ar": ["استأنفت تشيلي العلاقات الدبلوماسية مع بيرو.", "قطعت تشيلي العلاقات الدبلوماسية مع بيرو.",
           "سحبت النرويج المراقبين من كينيا.", "أرسلت غانا 300 من قوات حفظ السلام إلى مالي.",
           "أوقفت قطر الوساطة بين الطرفين."],
    "vi": ["Chile nối lại quan hệ ngoại giao với Peru.", "Chile cắt đứt quan hệ ngoại giao với Peru.",
           "Na Uy rút các quan sát viên bầu cử khỏi Kenya.", "Ghana sẽ cử lực lượng gìn giữ hòa bình tới Mali.",
           "Qatar chấm dứt vai trò hòa giải giữa hai bên."],
}


@pytest.mark.parametrize("lang", sorted(RELATIONS))
def test_relation_and_withdrawal_verb_classes(lang):
    restore, sever, monitors, peacekeepers, mediation = RELATIONS[lang]
    assert ("SUPPORT", None) in labels(restore, lang)
    assert ("SANCTION", "withdraw") in labels(sever, lang)
    assert ("SANCTION", "expel") in labels(monitors, lang)
    assert ("AID", None) in labels(peacekeepers, lang)
    assert ("SANCTION", "withdraw") in labels(mediation, lang)


def test_stems_cover_the_ing_forms():
    # an "e"-final stem ("provide*") misses the -ing form ("providing")
    for text, etype in (("Qatar is providing fuel to Gaza", "AID"), ("Peru is easing the curfew", "CONCEDE"),
                        ("the government is conceding ground", "CONCEDE"), ("Japan is supplying food", "AID")):
        assert etype in {l for l, _ in labels(text, "en")}, text


def test_participant_nouns_followed_by_to_are_not_deployments():
    # "troops to follow", "weapons to use": an infinitive after the noun is no sending
    assert "MOBILIZE" not in {l for l, _ in labels("leaving 100 troops to follow them later", "en")}
    assert "AID" not in {l for l, _ in labels("manufacturing weapons to use against them", "en")}
    assert ("MOBILIZE", "troops") in labels("Chad sent 500 troops to Mali", "en")
    assert "AID" in {l for l, _ in labels("Norway sent weapons to Ukraine", "en")}
    assert "COOPERATE" not in {l for l, _ in labels("talks with its European partners", "en")}


SUSPEND = {  # (suspending its own institutions/press: COERCE restrict, suspending aid to another: SANCTION)
    "en": ("The junta suspended the constitution.", "Canada suspended its aid to the country."),
    "es": ("La junta suspendió la constitución.", "Canadá suspendió su ayuda al país."),
    "fr": ("La junte a suspendu la constitution.", "Le Canada a suspendu son aide au pays."),
    "ru": ("Хунта приостановила действие конституции.", "Канада приостановила помощь стране."),
    "tr": ("Cunta anayasayı askıya aldı.", "Kanada ülkeye yardımı askıya aldı."),
    "ar": ("علقت الطغمة العسكرية الدستور.", "علقت كندا مساعداتها للبلاد."),
    "vi": ("Chính quyền quân sự đình chỉ hiến pháp.", "Canada đình chỉ viện trợ cho nước này."),
}


@pytest.mark.parametrize("lang", sorted(SUSPEND))
def test_suspending_rights_is_coerce_suspending_aid_is_sanction(lang):
    rights, aid = SUSPEND[lang]
    assert ("COERCE", "restrict") in labels(rights, lang)
    assert "COERCE" not in {l for l, _ in labels(aid, lang)}
    assert "SANCTION" in {l for l, _ in labels(aid, lang)}
