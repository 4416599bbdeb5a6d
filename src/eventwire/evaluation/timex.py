"""Time-expression benchmarks: TBAQ-cleaned (TimeML .tml) and MEANTIME English (NAF-like token XML).

Each document's creation time (DCT) is the anchor given to eventwire.timex.find_times; the DCT itself is
not scored.

Definitions
- A predicted TIMEX matches a gold TIMEX when their character spans overlap (each used at most once;
  the largest overlap wins).
- Span P/R/F1: matches / predictions, matches / gold.
- Value: a match is value-correct when the normalised values are equal. Normalisation: day ranges that are
  exactly an ISO week or a calendar quarter are written "1998-W02" / "1998-Q3"; everything else compared
  as written (we emit ISO dates, "YYYY-MM", "YYYY", and TimeML values for weeks, quarters, seasons,
  decades and PRESENT_REF/PAST_REF/FUTURE_REF). Unresolved predictions (value None) are never correct.
  value_precision = value-correct / predictions, value_recall = value-correct / gold,
  value_f1 their harmonic mean; value_accuracy = value-correct / matches.
- MEANTIME: only sentences 0-5 (title, date line, first four sentences) are annotated, so only they are
  given to the system and scored.
- MEANTIME creation time: the TIMEX3 flagged functionInDocument="CREATION_TIME" (always the date line,
  sentence 1). Two documents leave the flag off and annotate the date line as an ordinary DATE; there that
  DATE (exactly the whole date line) is taken as the creation time, so every document is anchored and
  scored alike (correction 2026-11: before it, those two were scored with no anchor and their date line
  counted as a gold DATE).
- "date_*" metrics score against gold of type DATE only; predictions that overlap a gold TIMEX of another
  type (DURATION, TIME, SET) and no DATE gold are then left out (neither right nor wrong); a prediction
  that overlaps a DATE gold is always scored. Gold ISO weeks written unpadded ("2000-W6") compare as
  "2000-W06"; gold decades and centuries with placeholder digits ("199X", "19XX") compare as TimeML's
  truncated values ("199", "19"; correction 2026-11: before it, "the 1990s" = "199" was counted wrong against
  "199X"). "all_*" metrics use every gold
  type (we emit dates only, so recall on DURATION/SET is expected to be low).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from eventwire.evaluation.spans import match_spans
from eventwire.evaluation import bench_root, require


def _norm(value: str | None) -> str | None:
    if not value:
        return None
    if "/" in value and len(value) == 21:  # day range
        a, b = value.split("/")
        try:
            da, db = date.fromisoformat(a), date.fromisoformat(b)
        except ValueError:
            return value
        if (db - da).days == 6 and da.weekday() == 0:
            y, w, _ = da.isocalendar()
            return f"{y:04d}-W{w:02d}"
        if da.day == 1 and da.month in (1, 4, 7, 10) and (db + timedelta(days=1)).day == 1 and 88 <= (db - da).days <= 91:
            return f"{da.year:04d}-Q{(da.month - 1) // 3 + 1}"
    return value


def _gold_value(value: str | None) -> str | None:
    """Gold values written with an unpadded ISO week ("2000-W6") compare as "2000-W06"; a decade or century
    written with placeholder digits ("199X" for "the 1990s", "19XX" for "the 20th century", TIMEX2 style)
    compares as TimeML's truncated form ("199", "19"): the same period."""
    if value and (m := re.fullmatch(r"(\d{4})-W(\d)(-WE)?", value)):
        return f"{m.group(1)}-W0{m.group(2)}{m.group(3) or ''}"
    if value and (m := re.fullmatch(r"(\d{3})X|(\d{2})XX", value)):
        return m.group(1) or m.group(2)
    return value


# ----------------------------------------------------------------- readers

def _dct(value: str | None) -> str | None:
    """ISO date from a DCT value; a few MEANTIME DCTs are written DD-MM-YYYY."""
    if not value:
        return None
    if m := re.match(r"^(\d{2})-(\d{2})-(\d{4})", value):
        return f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    return value[:10]


def read_tml(path: Path) -> dict[str, Any]:
    root = ET.parse(path).getroot()
    dct = None
    for t in root.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME":
            dct = _dct(t.get("value"))
            break
    text_el = root.find("TEXT")
    parts: list[str] = []
    gold: list[dict] = []
    pos = 0

    def walk(el):
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for ch in el:
            walk(ch)
            if ch.tail:
                parts.append(ch.tail)
                pos += len(ch.tail)
        if el.tag == "TIMEX3":
            gold.append({"start": start, "end": pos, "type": el.get("type"), "value": el.get("value")})

    walk(text_el)
    return {"id": path.stem, "text": "".join(parts), "dct": dct, "gold": gold}


# MEANTIME annotates only the title, the date line and the first four sentences (sentence numbers 0-5
# in every document checked); the rest of the text is not scored.
MEANTIME_SENTENCES = 5
_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|n't|'re|'ve|'ll|'d|'m)$")


def read_meantime(path: Path) -> dict[str, Any]:
    root = ET.parse(path).getroot()
    offsets: dict[str, tuple[int, int]] = {}
    sent_of: dict[str, str | None] = {}
    parts: list[str] = []
    pos = 0
    last_sent = None
    prev = ""
    for tok in root.iter("token"):
        w = tok.text or ""
        sent = tok.get("sentence")
        if int(sent or 0) > MEANTIME_SENTENCES:
            break
        if parts:
            sep = "\n" if sent != last_sent else ("" if _NO_SPACE_BEFORE.match(w) or prev in ("(", "$", "[") else " ")
            parts.append(sep)
            pos += len(sep)
        offsets[tok.get("t_id")] = (pos, pos + len(w))
        sent_of[tok.get("t_id")] = sent
        parts.append(w)
        pos += len(w)
        last_sent, prev = sent, w
    text = "".join(parts)
    gold, dct = [], None
    flagged = any(t.get("functionInDocument") == "CREATION_TIME" for t in root.iter("TIMEX3"))
    line1 = [o for i, o in offsets.items() if sent_of.get(i) == "1"]
    line1 = (min(s for s, _ in line1), max(e for _, e in line1)) if line1 else None
    for t in root.iter("TIMEX3"):
        ids = [a.get("t_id") for a in t.iter("token_anchor")]
        spans = [offsets[i] for i in ids if i in offsets]
        span = (min(s for s, _ in spans), max(e for _, e in spans)) if spans else None
        # a few documents leave the flag off their creation time: then it is the DATE that is the whole date
        # line (sentence 1), as in every flagged document
        if t.get("functionInDocument") == "CREATION_TIME" or (
                not flagged and t.get("type") == "DATE" and span is not None and span == line1):
            dct = _dct(t.get("value"))
            dct_span = (min(s for s, _ in spans), max(e for _, e in spans)) if spans else None
            if dct_span:
                gold.append({"start": dct_span[0], "end": dct_span[1], "type": "DCT", "value": t.get("value")})
            continue
        if not spans:
            continue
        gold.append({"start": min(s for s, _ in spans), "end": max(e for _, e in spans),
                     "type": t.get("type"), "value": t.get("value")})
    return {"id": path.stem, "text": text, "dct": dct, "gold": gold}


# ----------------------------------------------------------------- scoring



def _prf(correct: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = correct / n_pred if n_pred else 0.0
    r = correct / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(docs: list[dict[str, Any]], lang: str = "en") -> dict[str, Any]:
    from eventwire.timex import find_times

    tallies = {k: {"gold": 0, "pred": 0, "match": 0, "value": 0} for k in ("date", "all")}
    for d in docs:
        dct_spans = [(g["start"], g["end"]) for g in d["gold"] if g["type"] == "DCT"]
        gold_all = [g for g in d["gold"] if g["type"] != "DCT"]
        preds = [t for t in find_times(d["text"], lang, d["dct"])
                 if not any(t.start < e and s < t.end for s, e in dct_spans)]
        for key, gold in (("date", [g for g in gold_all if g["type"] == "DATE"]), ("all", gold_all)):
            if key == "date":
                other = [g for g in gold_all if g["type"] != "DATE"]
                # out of scope: predictions that overlap another type's gold and no DATE gold
                ps = [t for t in preds if any(t.start < g["end"] and g["start"] < t.end for g in gold)
                      or not any(t.start < g["end"] and g["start"] < t.end for g in other)]
            else:
                ps = preds
            pairs = match_spans(gold, ps)
            tl = tallies[key]
            tl["gold"] += len(gold)
            tl["pred"] += len(ps)
            tl["match"] += len(pairs)
            tl["value"] += sum(1 for gi, pi in pairs if _norm(ps[pi].value) is not None
                               and _norm(ps[pi].value) == _gold_value(gold[gi]["value"]))
    out: dict[str, Any] = {"documents": len(docs)}
    for key, tl in tallies.items():
        sp, sr, sf = _prf(tl["match"], tl["pred"], tl["gold"])
        vp, vr, vf = _prf(tl["value"], tl["pred"], tl["gold"])
        out.update({
            f"{key}_gold": tl["gold"], f"{key}_predicted": tl["pred"], f"{key}_matched": tl["match"],
            f"{key}_span_precision": round(sp, 4), f"{key}_span_recall": round(sr, 4), f"{key}_span_f1": round(sf, 4),
            f"{key}_value_precision": round(vp, 4), f"{key}_value_recall": round(vr, 4), f"{key}_value_f1": round(vf, 4),
            f"{key}_value_accuracy": round(tl["value"] / tl["match"], 4) if tl["match"] else 0.0,
        })
    return out


def load_tbaq(data: Path | None = None, limit: int | None = None) -> list[dict]:
    base = require(data or bench_root() / "temporal" / "TBAQ-cleaned")
    files = sorted(base.rglob("*.tml"))
    return [read_tml(f) for f in files[:limit] if True]


def load_meantime(data: Path | None = None, limit: int | None = None) -> list[dict]:
    base = require(data or bench_root() / "temporal" / "meantime_en" / "intra-doc_annotation")
    files = sorted(base.rglob("*.xml"))
    return [read_meantime(f) for f in files[:limit]]


def evaluate_tbaq(data: Path | None = None, task: str | None = None, limit: int | None = None) -> dict[str, Any]:
    return score(load_tbaq(data, limit))


def evaluate_meantime(data: Path | None = None, task: str | None = None, limit: int | None = None) -> dict[str, Any]:
    return score(load_meantime(data, limit))
