"""Cleaning scraped text: title and URL lines, "last modified" and date lines, captions and credits,
navigation and subscription boilerplate, repeated paragraphs. Removed text is returned, not lost."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from eventwire import resources
from eventwire.model import Boilerplate

URL_LINE = re.compile(r"^\s*(https?://\S+)\s*$")
LAST_MODIFIED = re.compile(r"^\(?\s*last modified:?\s*(\S+)\s*\)?$", re.I)
BULLET = re.compile(r"^[•·▪●◦\-–*]\s*")
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# A line that is only a timestamp, e.g. "Oct 28, 2020 13:32 UTC", "2025-03-02 10:11", "02.03.2025".
DATE_LINE = re.compile(
    rf"^(?:(?:published|updated|posted)[:\s]+)?(?:\w+,\s+)?(?:{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}|"
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}[./]\d{1,2}[./]\d{4})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:UTC|GMT|[A-Z]{2,4}|[+-]\d{2}:?\d{2})?)?\s*$",
    re.I,
)
# "Home > World > Middle East", "Главная / Политика": short runs of words joined by separators
BREADCRUMB = re.compile(r"^[^.!?:;]{1,40}(?:\s(?:>|»|/|›|\|)\s[^.!?:;]{1,40}){1,5}$")
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
HEADER_LINES = 10  # stand-alone date lines are looked for among the first lines only
WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


@lru_cache(maxsize=1)
def _boilerplate_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for data in resources.all_lang_files("boilerplate").values():
        for kind, patterns in (data or {}).items():
            for pat in patterns or ():
                out.append((kind, re.compile(rf"^(?:{pat})$", re.I)))
    return tuple(out)


@lru_cache(maxsize=1)
def _credit_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = resources.load_yaml("ingest/credits.yaml")
    agencies = "|".join(re.escape(a) for a in sorted(data["agencies"], key=len, reverse=True))
    photo_id = data["photo_id_pattern"]
    labels = "|".join(re.escape(w) for w in data["photo_labels"])
    # "... February 26, 2020. /Reuters"  or  "... Pavel Golovkin/Pool via REUTERS - RC24FE9UDIWO"
    caption_end = re.compile(rf"(?:/\s*(?:{agencies})(?:\s+via\s+(?:{agencies}))?(?:{photo_id})?|(?:{photo_id}))\s*$", re.I)
    # a line that is only a credit: "Kayhan Ozer/Presidency Press Service Pool/AP", "Photo: AFP"
    credit_only = re.compile(
        rf"^(?:(?:{labels})\s*:\s*.{{0,60}}|"
        rf"[\w .'\-]{{0,60}}(?:/[\w .'\-]*(?:{agencies})[\w .'\-]*)+)$",
        re.I,
    )
    agency_word = re.compile(rf"\b(?:{agencies})\b")
    return caption_end, credit_only, agency_word


def normalise_for_hash(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return " ".join(text.split()).casefold()


@dataclass
class Cleaned:
    text: str
    title: str | None = None
    url: str | None = None
    removed: list[Boilerplate] = field(default_factory=list)
    date_lines: list[str] = field(default_factory=list)
    last_modified: str | None = None
    captions: list[str] = field(default_factory=list)


def ascii_digits(s: str) -> str:
    """Arabic-Indic, Persian and other Unicode decimal digits to ASCII."""
    return "".join(str(unicodedata.digit(ch)) if ch.isdigit() and not ch.isascii() else ch for ch in s)


def _is_date_line(line: str, position: int) -> bool:
    """A stand-alone timestamp line, in any language ("28 октября 2024, 12:47", "27.10.2024 - 14:35")."""
    if DATE_LINE.match(line):
        return True
    if position >= HEADER_LINES or len(line) > 80 or len(line.split()) > 10:
        return False
    if not YEAR.search(ascii_digits(line)):
        return False
    from eventwire.ingest.pubdate import parse_timestamp

    return parse_timestamp(line) is not None


def _normalise_line(line: str) -> str:
    return WS.sub(" ", line).strip()


def _looks_like_title(line: str, nxt: str | None) -> bool:
    if not line or len(line) > 160:
        return False
    if line[-1] in ".!?…。؟" and len(line) > 60:
        return False
    if nxt is None:
        return False
    return True


def clean_text(raw: str, *, title: str | None = None, url: str | None = None, plain: bool = True) -> Cleaned:
    """Clean one article. `plain` enables the title/URL/date-line heuristics for scraped .txt files."""
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\ufeff", "").replace("\u00ad", "")
    lines = [_normalise_line(x) for x in text.split("\n")]
    out = Cleaned(text="", title=title, url=url)
    caption_end, credit_only, agency_word = _credit_patterns()
    patterns = _boilerplate_patterns()
    kept: list[str] = []
    seen: set[str] = set()
    nonempty = [i for i, x in enumerate(lines) if x]
    first_content: int | None = None
    after_credit = False

    for pos, i in enumerate(nonempty):
        line = lines[i]
        nxt = lines[nonempty[pos + 1]] if pos + 1 < len(nonempty) else None

        if plain and (m := URL_LINE.match(line)):
            out.url = out.url or m.group(1)
            out.removed.append(Boilerplate("url_line", line))
            continue
        if m := LAST_MODIFIED.match(line):
            out.last_modified = m.group(1)
            out.removed.append(Boilerplate("last_modified", line))
            continue
        if _is_date_line(line, pos):
            out.date_lines.append(line)
            out.removed.append(Boilerplate("date_line", line))
            continue
        kind = next((k for k, pat in patterns if pat.match(line)), None)
        if kind is None and BREADCRUMB.match(line) and len(line.split()) <= 10:
            kind = "navigation"
        if kind:
            out.removed.append(Boilerplate(kind, line))
            continue
        bare = BULLET.sub("", line)
        if bare != line and out.title and bare.casefold() == out.title.casefold():
            out.removed.append(Boilerplate("navigation", line))
            continue
        if credit_only.match(line) and len(line) < 120:
            out.removed.append(Boilerplate("credit", line))
            after_credit = True
            continue
        if caption_end.search(line):
            out.captions.append(line)
            out.removed.append(Boilerplate("caption", line))
            continue
        if after_credit:
            # the line right after a stand-alone photo credit is that photo's caption
            after_credit = False
            out.captions.append(line)
            out.removed.append(Boilerplate("caption", line))
            continue
        key = normalise_for_hash(line)
        if key in seen and len(line) > 30:
            out.removed.append(Boilerplate("repeated", line))
            continue
        if plain and first_content is None and out.title is None and _looks_like_title(line, nxt):
            out.title = line.rstrip()
            out.removed.append(Boilerplate("title", line))
            first_content = i
            continue
        if out.title and key == normalise_for_hash(out.title):
            out.removed.append(Boilerplate("repeated", line))
            continue
        first_content = i if first_content is None else first_content
        seen.add(key)
        kept.append(line)
    out.text = "\n".join(kept)
    return out
