"""Actor-pair dynamics: per pair of actors (countries or actor ids) and per day/week/month, counts by
quad class, mean score and independent sources, over canonical (merged) events.

Quad classes and default scores come from resources/ontology/plover.yaml (types -> quad, score,
per-mode score). If that file is missing, FALLBACK below is used (CAMEO quad classes of the CAMEO
root each PLOVER type maps to; Goldstein-like default scores).
"""
from __future__ import annotations

import base64
import html
import io
from functools import lru_cache
from typing import Any

QUADS = {"verbal_coop": 1, "material_coop": 2, "verbal_conflict": 3, "material_conflict": 4}
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

# type -> (quad, default score); used only when resources/ontology/plover.yaml is absent
FALLBACK = {
    "AGREE": ("verbal_coop", 4.0), "CONSULT": ("verbal_coop", 1.0), "SUPPORT": ("verbal_coop", 3.5),
    "COOPERATE": ("material_coop", 6.0), "AID": ("material_coop", 7.0), "CONCEDE": ("material_coop", 5.0),
    "RETREAT": ("material_coop", 5.0), "REQUEST": ("verbal_conflict", -1.0), "ACCUSE": ("verbal_conflict", -2.0),
    "REJECT": ("verbal_conflict", -4.0), "THREATEN": ("verbal_conflict", -6.0), "PROTEST": ("material_conflict", -6.5),
    "SANCTION": ("material_conflict", -4.5), "MOBILIZE": ("material_conflict", -7.0),
    "COERCE": ("material_conflict", -7.0), "ASSAULT": ("material_conflict", -10.0),
}


@lru_cache(maxsize=1)
def ontology() -> dict[str, Any]:
    try:
        from eventwire.resources import load_yaml

        data = load_yaml("ontology/plover.yaml") or {}
        types = data.get("types") or {}
        if types:
            return types
    except FileNotFoundError:
        pass
    return {t: {"quad": q, "score": s, "modes": {}} for t, (q, s) in FALLBACK.items()}


def quad_and_score(event_type: str, mode: str | None, score: float | None) -> tuple[int | None, float | None]:
    spec = ontology().get(event_type) or {}
    quad = QUADS.get(spec.get("quad"))
    if score is None:
        mspec = (spec.get("modes") or {}).get(mode) if mode else None
        score = (mspec or {}).get("score", spec.get("score"))
    return quad, score


def _sides(xs: list[dict[str, Any]]) -> set[str]:
    out = set()
    for x in xs:
        if x.get("country"):
            out.add(x["country"])
        if x.get("actor_id"):
            out.add(x["actor_id"])
        elif x.get("wikidata"):
            out.add(x["wikidata"])
    return out


def dyad_rows(ev: dict[str, Any], groups: list[str]) -> list[tuple]:
    """Rows for dyad_events: (canonical_id, a, b, date, type, quad, score, source_count, sources)."""
    d = ev.get("date")
    if not d:
        return []
    if len(d) == 7:
        d = d + "-01"
    elif len(d) < 10 or "/" in d:
        return []
    d = d[:10]
    quad, score = quad_and_score(ev["event_type"], ev.get("mode"), ev.get("score"))
    a_side = _sides(ev.get("actor") or [])
    b_side = _sides(ev.get("recipient") or [])
    rows = []
    for a in sorted(a_side):
        for b in sorted(b_side):
            if a != b:
                rows.append((ev["id"], a, b, d, ev["event_type"], quad, score, ev.get("source_count"), groups))
    return rows


def series(repo, a: str, b: str, by: str = "month") -> list[dict[str, Any]]:
    return repo.dyad_series(a, b, by)


def chart(rows: list[dict[str, Any]], a: str, b: str, by: str, png_path: str, html_path: str) -> None:
    """PNG (matplotlib Agg) and a self-contained HTML page with the PNG inline (base64) and the table."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    periods = [r["period"] for r in rows]
    fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(10, 6), sharex=True, gridspec_kw={"height_ratios": [2, 1]})
    bottom = [0] * len(rows)
    colors = {"verbal_coop": "#7fbf7f", "material_coop": "#2e8b57", "verbal_conflict": "#f4a460",
              "material_conflict": "#b22222"}
    x = list(range(len(rows)))
    for key, q in (("verbal_coop", 1), ("material_coop", 2), ("verbal_conflict", 3), ("material_conflict", 4)):
        vals = [r[key] or 0 for r in rows]
        ax1.bar(x, vals, bottom=bottom, color=colors[key], label=QUAD_NAMES[q])
        bottom = [b0 + v for b0, v in zip(bottom, vals)]
    ax1.set_ylabel("events")
    ax1.legend(fontsize=8, loc="upper left")
    ax1.set_title(f"{a} - {b} by {by}")
    ax2.plot(x, [r["mean_score"] if r["mean_score"] is not None else float("nan") for r in rows], marker="o",
             color="#333")
    ax2.axhline(0, color="#999", lw=0.8)
    ax2.set_ylabel("mean score")
    ax2.set_xticks(x)
    ax2.set_xticklabels(periods, rotation=45, ha="right", fontsize=8)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    plt.close(fig)
    data = buf.getvalue()
    with open(png_path, "wb") as fh:
        fh.write(data)
    cols = ["period", "events", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict",
            "mean_score", "sources"]
    head = "".join(f"<th>{c}</th>" for c in cols)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(_fmt(r[c]))}</td>" for c in cols) + "</tr>" for r in rows)
    page = (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(a)} - {html.escape(b)}</title>"
            "<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}"
            "td,th{border:1px solid #ccc;padding:3px 6px}</style></head><body>"
            f"<h1>{html.escape(a)} &ndash; {html.escape(b)} by {html.escape(by)}</h1>"
            f"<img alt='dyad chart' src='data:image/png;base64,{base64.b64encode(data).decode()}'>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
            "<p>Counts are canonical (merged) events; sources are independent sources (near-duplicate groups).</p>"
            "</body></html>")
    with open(html_path, "w", encoding="utf-8") as fh:
        fh.write(page)


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.2f}"
    return "" if v is None else str(v)
