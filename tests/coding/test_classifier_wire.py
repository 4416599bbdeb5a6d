"""The shipped event classifier on wire-style sentences for the confusable PLOVER pairs: formal legal
accusation vs arrest (ACCUSE / COERCE), conditional conflict vs promise (THREATEN / AGREE), cutting ties
vs repression (SANCTION / COERCE), build-ups (MOBILIZE), releases, access and lifted blockades or
embargoes (RETREAT), eased restrictions (CONCEDE). Our own sentences, written for this test and checked
to be absent from training/events/data."""
import json
from pathlib import Path

from eventwire.coding.classifier import best_type

DATA = Path(__file__).resolve().parents[2] / "training" / "events" / "data"

EN = [
    ("ACCUSE", "A court in Lisbon indicted the former transport minister on charges of fraud in the bridge tender."),
    ("ACCUSE", "Environmental groups sued the mining company in a Canadian court over the river pollution."),
    ("COERCE", "Police detained twenty members of the outlawed movement in raids on three towns, officials said."),
    ("COERCE", "The junta ordered the independent radio station off the air and confiscated its equipment."),
    ("THREATEN", "The donors said they would stop all budget support unless the government reversed the press law."),
    ("AGREE", "The Polish president will travel to Kiev next month for talks on energy, his office said."),
    ("SANCTION", "Canada suspended its aid programme to the country after the coup, the foreign ministry said."),
    ("SANCTION", "The republic recalled its ambassador from Prague in protest at the expulsion of its diplomats."),
    ("MOBILIZE", "The government put its armed forces on high alert and sent two brigades to the northern frontier."),
    ("RETREAT", "The militia freed the five kidnapped engineers on Tuesday after tribal elders intervened."),
    ("RETREAT", "The council lifted the embargo on arms sales to the country after the peace accord."),
    ("CONCEDE", "The military rulers relaxed the curfew in the port city and lifted the ban on public meetings."),
    ("REJECT", "The two delegations failed to agree on a timetable for the troop pullout after three days of talks."),
    ("COOPERATE", "Naval units from Spain and Morocco held a joint search-and-rescue exercise in the strait."),
]

OTHER = [
    ("es", "ACCUSE", "La fiscalía acusó formalmente al exalcalde de malversación de fondos públicos."),
    ("fr", "SANCTION", "Le Canada a suspendu son aide au développement après le coup d'Etat militaire."),
    ("ru", "MOBILIZE", "Армия привела войска в повышенную боевую готовность и перебросила две бригады к границе."),
    ("tr", "RETREAT", "Milisler salı günü kaçırdıkları beş mühendisi serbest bıraktı."),
    ("ar", "COERCE", "اعتقلت الشرطة عشرين عضوا في الحركة المحظورة خلال مداهمات في ثلاث مدن."),
    ("vi", "CONCEDE", "Chính quyền quân sự đã nới lỏng lệnh giới nghiêm ở thành phố cảng."),
]


def test_cases_are_not_training_sentences():
    seen = set()
    for path in DATA.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                seen.add(json.loads(line)["text"])
    assert not [t for _, t in EN if t in seen] and not [t for _, _, t in OTHER if t in seen]


def test_wire_style_confusable_pairs_english(model):
    preds = model.predict([t for _, t in EN], ["en"] * len(EN))
    wrong = [(want, best_type(p)[0], t) for (want, t), p in zip(EN, preds) if best_type(p)[0] != want]
    assert len(wrong) <= 2, wrong


def test_wire_style_confusable_pairs_other_languages(model):
    preds = model.predict([t for _, _, t in OTHER], [l for l, _, _ in OTHER])
    wrong = [(l, want, best_type(p)[0], t) for (l, want, t), p in zip(OTHER, preds) if best_type(p)[0] != want]
    assert len(wrong) <= 1, wrong
