"""Arabic imperfect/future verbs and clitics before triggers (event_triggers.yaml `verb_prefixes`): past-tense
and masdar stems match "ستسحب", "يهاجم", "وسيسحب" without listing each form. Our own sentences."""
import pytest

from eventwire.coding.lexicon import tokenize, trigger_matcher
from tests.coding.helpers import events


def labels(text):
    return {h.label for h in trigger_matcher("ar").find(tokenize(text, "ar")) if not h.label.startswith("tag:")}


@pytest.mark.parametrize("text,label", [
    ("ستسحب الحكومة سفيرها من العاصمة الأسبوع المقبل.", "RETREAT"),   # س + ت + سحب
    ("وسيسحب الجيش وحداته من الحدود.", "RETREAT"),                     # و + س + ي + سحب
    ("ينسحب المقاتلون من البلدة تدريجيا.", "RETREAT"),                 # ي + (ا)نسحب
    ("يستهدف الطيران مخازن الذخيرة.", "ASSAULT"),                      # ي + (ا)ستهدف
    ("سيفرض الاتحاد عقوبات على الشركات.", "SANCTION"),
    ("تدين الوزارة الاعتداء على الصحفيين.", "ACCUSE"),
    ("فيعتقل الأمن المشتبه بهم.", "COERCE"),                           # ف + ي + (ا)عتقل
])
def test_imperfect_and_future_forms_match_the_listed_stems(text, label):
    assert label in labels(text)


@pytest.mark.parametrize("text", [
    "تردد المسؤولون في الإجابة عن الأسئلة الصحفية.",   # تـ + ردد: the stem "رد*" is too short to count
    "تقدم الفريق في الترتيب بعد المباراة.",          # تقدم "progress", listed as no verb
    "يتعلم الطلاب في المدارس الجديدة.",
    "فشل الطرفان في التوصل إلى حل نهائي.",            # ال + تـ + وصل: no verb after the article
])
def test_no_trigger_from_prefix_stripping_of_other_words(text):
    assert labels(text) == set()


def test_future_withdrawal_event_through_the_pipeline():
    evs = events("قالت وزارة الدفاع إن الولايات المتحدة ستسحب قواتها من القاعدة الشهر المقبل.", "ar", "2024-10-28", "RETREAT")
    assert evs and evs[0].modality == "future"


def test_imperfect_condemnation_event_through_the_pipeline():
    assert events("تدين وزارة الخارجية بشدة الهجوم على مبنى السفارة في العاصمة.", "ar", "2024-10-28", "ACCUSE")
