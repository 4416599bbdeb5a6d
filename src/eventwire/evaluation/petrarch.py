"""PETRARCH / UD-PETRARCH English validation records (CAMEO): `eventwire eval petrarch`.

Reads the validation XML files under bench/petrarch-validation (see its PROVENANCE.md) - the
PETRARCH-1 unit tests, the TABARI-derived validation suite and the UD-PETRARCH 2.02 records - and runs
each sentence through sentences -> mentions -> actors -> events. The records' actors are mostly
fictional (Arnor, Gondor, ...): their own actor dictionaries (PETR.Validate.actors/agents) are read
with the actors engineer's CAMEO importer (eventwire.kb.importers) and used only here, to give a role
span a CAMEO country code when our KB has none.

The dictionary is loaded into the run, not only into scoring: a stage after actors@1 adds an actor
mention (country = the dictionary's 3-letter code) for each dictionary phrase in the sentence that our KB
left unresolved, so role assignment sees "Osgiliath" as an actor the way it sees "Syria".

Why root accuracy is low (error analysis, Nov 2026): the expected codes come from PETRARCH's own test
verb dictionaries, not from CAMEO as published: codes outside CAMEO (9xx, 345, 22x, ...) and the same
sentence coded differently in the two suites (064 in PETRARCH-1, 050 in UD-PETRARCH). Until Nov 2026 ~45%
of the sentences coded no event, mostly because the lexicon's verb-object phrases allowed exactly one word
in between ("restore full diplomatic ties" missed "restor* * ties"; now a 0-3 word gap "~") and lacked
whole CAMEO verb classes (renew/resume/break/sever relations, halt mediation); the rest (~20%) are the test
dictionaries' own verbs ("celebrated Eid with", "acted on a resolution") and PETRARCH's rule that a
sentence with an unknown actor codes nothing, which we do not share (we code the act with the actor left
unresolved: hence some noevents sentences get an event). mappable_root_accuracy scores only sentences
whose expected codes map to a PLOVER type; no_event_rate counts sentences with expected codings where we
coded nothing.
Scoring caveat (Nov 2026): the PETRARCH-1 files (petr1_unit, petr1_validate) are coded with the PETR.Validate
verb dictionary, whose header states that most of its codes are WEIS, not CAMEO (KEDS-derived): condemn 122
(WEIS 12 accuse), warn 160 (WEIS 16 warn), welcome 041, urge 102, restore ties 064. Their root_accuracy is
therefore not a CAMEO measure; ud_petr_2_02 (its dictionary converted to CAMEO 2.0) is the CAMEO figure, and
all.root_accuracy is dominated by the WEIS files (334 of 581 sentences).

Metrics per file and overall:
  root_accuracy: over sentences with expected codings, the CAMEO root (first two digits) of our most
    confident event is among the expected roots (PLOVER types map to roots via plover.yaml, refined by the
    trigger's CAMEO verb class, e.g. REQUEST "urged" 02 / "demanded" 10; 01 statements have no PLOVER type and
    are out of reach: see plover_type_accuracy);
  plover_type_accuracy: expected CAMEO codes mapped to PLOVER types (plover.yaml cameo_to_plover), our
    top event's type among them;
  no_event_accuracy: sentences marked noevents="True" with no event coded;
  source_country_accuracy / target_country_accuracy: the expected source/target code's first three
    letters among the countries (or dictionary codes) of the matching event's actors/recipients.
"""
from __future__ import annotations

import html
import re
import time
from pathlib import Path
from typing import Any

from eventwire.evaluation import bench_root, require

FILES = {
    "petr1_unit": ("petrarch1/PETR.UnitTest.records.xml", "petrarch1/PETR.Validate.actors.txt", "petrarch1/PETR.Validate.agents.txt"),
    "petr1_validate": ("petrarch1/PETR.Validate.records.140226.txt", "petrarch1/PETR.Validate.actors.txt", "petrarch1/PETR.Validate.agents.txt"),
    "ud_petr_2_02": ("universalpetrarch_en/PETR_Validate_records_2_02.xml", "universalpetrarch_en/PETR_Validate_actors_2_02.txt",
                     "universalpetrarch_en/PETR_Validate_agents_2_02.txt"),
}
SENT_RE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.S)
CODING_RE = re.compile(r"<EventCoding\b([^>]*)>", re.S)
ATTR_RE = re.compile(r'(\w+)\s*=\s*"([^"]*)"')
TEXT_RE = re.compile(r"<Text>(.*?)</Text>", re.S)


def load_records(path: Path) -> list[dict[str, Any]]:
    raw = path.read_text(encoding="utf-8", errors="replace")
    raw = re.sub(r"<!--.*?-->", " ", raw, flags=re.S)
    out = []
    for attrs, body in SENT_RE.findall(raw):
        a = dict(ATTR_RE.findall(attrs))
        t = TEXT_RE.search(body)
        if not t:
            continue
        codings, noevents = [], False
        for ca in CODING_RE.findall(body):
            c = dict(ATTR_RE.findall(ca))
            if c.get("noevents", "").lower() == "true":
                noevents = True
            elif c.get("eventcode"):
                codings.append(c)
        out.append({"id": a.get("id"), "date": a.get("date"), "text": " ".join(html.unescape(t.group(1)).split()),
                    "codings": codings, "noevents": noevents and not codings})
    return out


def _dictionary(actors_path: Path, agents_path: Path) -> list[tuple[str, str]]:
    """(lowercased phrase, 3-letter code) from the records' own PETRARCH dictionaries, longest first."""
    from eventwire.kb.importers import parse_petrarch_actors

    out = []
    if actors_path.exists():
        for rec in parse_petrarch_actors(actors_path.read_text(encoding="utf-8", errors="replace")):
            codes = [c.get("code") or "" for c in rec.get("codes") or []]
            code = next((c[:3] for c in codes if c and c[0] != "~"), None)
            if not code:
                continue
            for name in [rec.get("name"), *(rec.get("aliases") or [])]:
                if name:
                    out.append((name.lower(), code.upper()))
    out.sort(key=lambda x: -len(x[0]))
    return out


class DictionaryActors:
    """Evaluation-only stage: the records' PETRARCH actor dictionary as actor mentions."""

    name = "petrarch-dictionary-actors"
    provides = frozenset()

    def __init__(self, dictionary: list[tuple[str, str]]) -> None:
        self.dictionary = dictionary

    def process(self, doc) -> None:
        from eventwire.model import ActorMention

        text = doc.article.text
        low = text.lower()
        added: list[ActorMention] = []
        for phrase, code in self.dictionary:  # longest first
            if phrase not in low:
                continue
            for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", low):
                st, en = m.start(), m.end()
                if any(a.start < en and st < a.end for a in added):
                    continue
                if any(a.start < en and st < a.end and a.country for a in doc.actors):
                    continue  # our KB already resolved it
                added.append(ActorMention(st, en, text[st:en], f"petrarch:{code}", phrase, code, None, None,
                                          None, 0.9, f"PETRARCH validation dictionary: {phrase!r} -> {code}"))
        if added:
            keep = [a for a in doc.actors if not any(a.start < x.end and x.start < a.end for x in added)]
            doc.actors = sorted(keep + added, key=lambda a: a.start)


def _codes(actors, dictionary) -> set[str]:
    out = set()
    for a in actors:
        if a.country:
            out.add(a.country)
        t = (a.text or "").lower()
        for phrase, code in dictionary:
            if re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", t):
                out.add(code)
                break
    return out


def _date(d: str | None) -> str | None:
    if d and re.fullmatch(r"\d{8}", d):
        return f"{d[:4]}-{d[4:6]}-{d[6:]}"
    return None


def run_file(records: list[dict[str, Any]], dictionary, stages, limit: int | None, details: list | None) -> dict[str, Any]:
    from eventwire.coding.ontology import cameo_to_plover
    from eventwire.evaluation.plover_gsr import analyze_sentence

    n = root_ok = type_ok = ne_n = ne_ok = s_n = s_ok = t_n = t_ok = map_n = map_ok = none_n = 0
    stages = list(stages)
    stages.insert(-1, DictionaryActors(dictionary))  # before the events stage
    for rec in records[: limit or None]:
        doc = analyze_sentence(rec["text"], stages)
        evs = sorted(doc.events, key=lambda e: -e.confidence)
        if rec["noevents"]:
            ne_n += 1
            ne_ok += not evs
            continue
        if not rec["codings"]:
            continue
        n += 1
        roots = {c["eventcode"][:2] for c in rec["codings"]}
        ptypes = {(cameo_to_plover(c["eventcode"]) or {}).get("type") for c in rec["codings"]}
        top = evs[0] if evs else None
        root_ok += bool(top and top.cameo_root in roots)
        type_ok += bool(top and top.event_type in ptypes)
        none_n += top is None
        if ptypes - {None}:
            map_n += 1
            map_ok += bool(top and top.cameo_root in roots)
        for c in rec["codings"]:
            match = next((e for e in evs if e.cameo_root == c["eventcode"][:2]), top)
            for key, actors_of in (("sourcecode", lambda e: e.actor), ("targetcode", lambda e: e.recipient)):
                code = (c.get(key) or "")[:3].upper()
                if not code or code == "---":
                    continue
                ok = bool(match and code in _codes(actors_of(match), dictionary))
                if key == "sourcecode":
                    s_n += 1
                    s_ok += ok
                else:
                    t_n += 1
                    t_ok += ok
        if details is not None:
            details.append({"id": rec["id"], "roots": sorted(roots), "pred": [(e.event_type, e.cameo_root) for e in evs]})
    r = lambda a, b: round(a / b, 4) if b else 0.0  # noqa: E731
    return {"sentences": n, "root_accuracy": r(root_ok, n), "plover_type_accuracy": r(type_ok, n),
            "no_event_sentences": ne_n, "no_event_accuracy": r(ne_ok, ne_n),
            "source_country_accuracy": r(s_ok, s_n), "target_country_accuracy": r(t_ok, t_n),
            "mappable_sentences": map_n, "mappable_root_accuracy": r(map_ok, map_n), "no_event_rate": r(none_n, n),
            "_counts": (n, root_ok, type_ok, ne_n, ne_ok, s_n, s_ok, t_n, t_ok, map_n, map_ok, none_n)}


def evaluate(data: Path | None = None, task: str | None = None, limit: int | None = None,
             details: list | None = None) -> dict[str, Any]:
    from eventwire.stages.actors import ActorsStage
    from eventwire.stages.events import EventStage
    from eventwire.stages.mentions import MentionsStage
    from eventwire.stages.sentences import SentenceStage

    base = require(Path(data) if data else bench_root() / "petrarch-validation")
    stages = [SentenceStage(None), MentionsStage(None), ActorsStage(None, date=None), EventStage(None)]
    names = [task] if task else list(FILES)
    out: dict[str, Any] = {}
    tot = [0] * 12
    t0 = time.perf_counter()
    for name in names:
        if name not in FILES:
            raise ValueError(f"unknown petrarch file set {name!r}; known: {sorted(FILES)}")
        rec_path, act_path, agt_path = (base / p for p in FILES[name])
        if not rec_path.exists():
            continue
        res = run_file(load_records(rec_path), _dictionary(act_path, agt_path), stages, limit, details)
        tot = [a + b for a, b in zip(tot, res.pop("_counts"))]
        out.update({f"{name}.{k}": v for k, v in res.items()})
    n, root_ok, type_ok, ne_n, ne_ok, s_n, s_ok, t_n, t_ok, map_n, map_ok, none_n = tot
    r = lambda a, b: round(a / b, 4) if b else 0.0  # noqa: E731
    out.update({"all.sentences": n, "all.root_accuracy": r(root_ok, n), "all.plover_type_accuracy": r(type_ok, n),
                "all.no_event_accuracy": r(ne_ok, ne_n), "all.source_country_accuracy": r(s_ok, s_n),
                "all.target_country_accuracy": r(t_ok, t_n), "all.mappable_sentences": map_n,
                "all.mappable_root_accuracy": r(map_ok, map_n), "all.no_event_rate": r(none_n, n),
                "seconds": round(time.perf_counter() - t0, 1)})
    return out
