import pytest

from tests.helpers import raw

SAMPLES = {
    "en": "The foreign ministers met in Geneva on Monday but failed to agree on reopening the border crossings.",
    "vi": "Bộ Ngoại giao cho biết hai bên đã nhất trí tiếp tục đàm phán về vấn đề biên giới trong tuần tới.",
    "ru": "Министры иностранных дел встретились в Женеве в понедельник, но не смогли договориться об открытии границы.",
    "tr": "Dışişleri bakanları pazartesi günü Cenevre'de bir araya geldi ancak sınır kapılarının açılması konusunda anlaşamadı.",
    "ar": "التقى وزيرا الخارجية في جنيف يوم الاثنين لكنهما فشلا في الاتفاق على إعادة فتح المعابر الحدودية.",
    "es": "Los ministros de Exteriores se reunieron el lunes en Ginebra, pero no lograron acordar la reapertura de los pasos fronterizos.",
    "fr": "Les ministres des Affaires étrangères se sont réunis lundi à Genève sans parvenir à un accord sur la réouverture des frontières.",
    "de": "Die Außenminister trafen sich am Montag in Genf, konnten sich aber nicht auf die Öffnung der Grenzübergänge einigen.",
    "zh": "两国外长周一在日内瓦会晤，但未能就重新开放边境口岸达成一致。双方同意下周在维也纳继续举行会谈，讨论难民返回问题。",
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_language_is_identified(core_pipeline, lang):
    doc = core_pipeline.analyze(raw(SAMPLES[lang]))
    assert doc.article.language == lang
    assert doc.article.language_confidence > 0.5
    assert doc.flags == []
    assert len(doc.sentences) >= 1


def test_digits_only_text_is_flagged_unknown(core_pipeline):
    doc = core_pipeline.analyze(raw("1234 5678 %% 90 -- 12/34 ## 56 78 90 12 34 56 ++ 78 90 12 34 56 78 90"))
    assert doc.article.language == "und"
    assert [f.reason for f in doc.flags] == ["unknown_language"]
