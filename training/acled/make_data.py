"""Expand our own ACLED-style templates (training/acled/templates/<lang>.txt) into data/train.tsv.

Deterministic (seed 7): the same templates always give the same rows. Output columns are those of the
CASE 2021 Task 2 format (id, EventSnippet, SubType) plus language and template id (for grouped CV).

    .venv/bin/python training/acled/make_data.py
"""
from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
OUT = HERE / "data" / "train.tsv"
SEED = 7
PER_TYPE = {"en": 120, "en_news": 60}  # rows per type and template file; others get DEFAULT_PER_TYPE
DEFAULT_PER_TYPE = 24
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
NUM_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "ten", "12", "15", "20", "dozens of"]
# slot values whose first word is a proper adjective/name keep their capital after a date prefix
KEEP_CAP = {"Nigerian", "Somali", "Afghan", "Malian", "Burkinabe", "Syrian", "Iraqi", "Yemeni", "Congolese",
            "Cameroonian", "Mozambican", "Colombian", "Indian", "Pakistani", "Philippine", "Myanmar", "Ethiopian",
            "Sudanese", "Libyan", "Russian", "Ukrainian", "Nigerien", "Chadian", "Kenya", "Al", "Taliban",
            "Boko", "Islamic", "Houthi", "Maoist", "Ambazonian", "Fulani", "Mai-Mai", "Dozo", "Pokot",
            "Bakassi", "Nyatura", "Dan", "Twa", "Murle", "Lou", "Koglweogo", "Imbonerakure", "Civilian",
            "Hamas", "Kachin", "Abu", "Arakan", "Fano", "Women's"}


def synonyms(slots: dict[str, list[str]]) -> dict[str, list[str]]:
    """"@slot syn:WORD" lists: other verbs that may stand for WORD (same tense), for lexical variety."""
    return {k[4:]: v for k, v in slots.items() if k.startswith("syn:")}


def vary(text: str, syn: dict[str, list[str]], rng: random.Random, p: float = 0.5) -> str:
    for word, alts in syn.items():
        if rng.random() < p:
            text = re.sub(rf"\b{re.escape(word)}\b", lambda _m: rng.choice(alts), text, count=1)
    return text


def parse(path: Path) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    slots: dict[str, list[str]] = {}
    types: dict[str, list[str]] = {}
    cur = None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or (line.startswith("#") and not line.startswith("##")):
            continue
        if line.startswith("@slot "):
            cur = slots.setdefault(line[len("@slot "):].strip(), [])
        elif line.startswith("## "):
            cur = types.setdefault(line[3:].strip(), [])
        elif cur is not None:
            cur.append(line)
    return slots, types


def _date(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.35:
        return ""
    d, m = rng.randint(1, 28), rng.choice(MONTHS)
    y = rng.choice(["", " 2018", " 2019", " 2020", " 2021"])
    return rng.choice([f"On {d} {m}{y},", f"On {d} {m}{y},", f"On the night of {d} {m},", f"Around {d} {m}{y},",
                       f"On an unspecified date in {m}{y},", f"Between {d} and {d + 2} {m}{y},",
                       f"On {d} {m}{y} (as reported),"])


def fill(template: str, slots: dict[str, list[str]], rng: random.Random, lang: str) -> str:
    def one(name: str) -> str:
        if name == "date":
            return _date(rng) if lang == "en" else ""
        if name in ("n", "m"):
            return rng.choice(NUM_WORDS) if lang == "en" and rng.random() < 0.4 else str(rng.randint(2, 60))
        return rng.choice(slots[name])

    def sub(m: re.Match) -> str:
        v = one(m.group(1))
        w = v.split(" ", 1)[0]
        # English slot values are written sentence-initial; mid-sentence a common noun is lower case
        if lang == "en" and m.group(1) not in ("date", "source", "place") and w not in KEEP_CAP \
                and re.fullmatch(r"[A-Z][a-z'-]+", w):
            v = v[0].lower() + v[1:]
        return v

    text = template
    for _ in range(3):  # slots may contain slots (tails hold {n})
        text = re.sub(r"\{(\w+)\}", sub, text)
    text = vary(text, synonyms(slots), rng) if lang == "en" else text
    text = re.sub(r"\s+", " ", text).strip()
    # sentence starts (incl. tail sentences) take a capital again
    text = re.sub(r"(^|[.] )(\w)", lambda m: m.group(1) + m.group(2).upper(), text)
    return text


def build(seed: int = SEED) -> list[tuple[str, str, str, str, str]]:
    en_slots, _ = parse(TEMPLATES / "en.txt")
    rows = []
    for path in sorted(TEMPLATES.glob("*.txt")):
        stem = path.stem
        lang = stem.split("_")[0]  # en_news.txt is more English
        own, types = parse(path)
        slots = {**en_slots, **own}
        rng = random.Random(f"{seed}:{stem}")
        for label in sorted(types):
            temps = types[label]
            want = PER_TYPE.get(stem, DEFAULT_PER_TYPE)
            seen: set[str] = set()
            tries = 0
            while len(seen) < want and tries < want * 20:
                ti = tries % len(temps)  # cycle so every template is used
                tries += 1
                s = fill(temps[ti], slots, rng, lang)
                if s not in seen:
                    seen.add(s)
                    rows.append((f"{stem}-{label}-{len(seen)}", s, label, lang, f"{stem}:{label}:{ti}"))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    rows = build()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write("id\tEventSnippet\tSubType\tlang\ttemplate\n")
        for r in rows:
            fh.write("\t".join(x.replace("\t", " ") for x in r) + "\n")
    print(f"wrote {len(rows)} rows to {args.out}")


if __name__ == "__main__":
    main()
