"""Human-readable summaries: a terminal summary and a self-contained HTML report of a store."""
from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

SECTIONS = (
    ("by_language", "Articles by language", "language"),
    ("by_source", "Articles by source", "source"),
    ("by_format", "Articles by format", "format"),
    ("published_from", "Publication date found from", "method"),
    ("rejects_by_reason", "Rejected and flagged inputs by reason", "reason"),
    ("events_by_type", "Events by type", "type"),
)


def print_stats(data: dict[str, Any], console: Console) -> None:
    console.print(
        f"[bold]{data['articles']}[/bold] articles ({data['sightings']} input records), "
        f"{data['sentences']} sentences, {data['events']} events, {data['runs']} runs"
    )
    for key, title, col in SECTIONS:
        rows = data.get(key) or {}
        if not rows:
            continue
        table = Table(title=title, title_justify="left")
        table.add_column(col)
        table.add_column("n", justify="right")
        for k, v in list(rows.items())[:15]:
            table.add_row(str(k), str(v))
        if len(rows) > 15:
            table.add_row(f"... {len(rows) - 15} more", "")
        console.print(table)
    for extra in data.get("extra_sections", []):
        table = Table(title=extra["title"], title_justify="left")
        for i, c in enumerate(extra["columns"]):
            # the first column (a label) may wrap; the rest stay on one line
            table.add_column(c, overflow="fold" if i == 0 else "ellipsis", no_wrap=i > 0, max_width=48 if i == 0 else 24)
        for row in extra["rows"][:15]:
            table.add_row(*[_cell(x) for x in row])
        console.print(table)
    rejects = [r for r in data.get("rejects", [])]
    if rejects:
        table = Table(title="Rejects and flags", title_justify="left")
        for c in ("input", "reason", "code", "action", "message"):
            table.add_column(c, overflow="fold")
        for r in rejects[:40]:
            table.add_row(Path(r["input"]).name if "/" in r["input"] else r["input"], r["reason"], r["code"],
                          r["action"], (r["message"] or "")[:100])
        console.print(table)


def _cell(x: Any, width: int = 60) -> str:
    s = "" if x is None else str(x)
    return s if len(s) <= width else s[: width - 1] + "…"


def _table(title: str, headers: list[str], rows: list[list[Any]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in r) + "</tr>" for r in rows)
    return f"<h2>{html.escape(title)}</h2><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def write_html_report(store, path: str | Path) -> Path:
    """One HTML file with inline CSS and no external assets, so it opens anywhere offline."""
    data = store.stats()
    parts = [
        f"<p><b>{data['articles']}</b> articles from {data['sightings']} input records, "
        f"{data['sentences']} sentences, {data['events']} events.</p>"
    ]
    for key, title, col in SECTIONS:
        rows = data.get(key) or {}
        if rows:
            parts.append(_table(title, [col, "n"], [[k, v] for k, v in rows.items()]))
    for extra in data.get("extra_sections", []):
        parts.append(_table(extra["title"], extra["columns"], extra["rows"]))
    arts = list(store.iter_articles())
    parts.append(_table("Articles", ["path", "language", "source", "published", "from", "title", "sentences"], [
        [a["path"], a["language"], a["source"] or "", a["published_at"] or "", a["published_from"] or "",
         (a["title"] or "")[:90], a["sentence_count"]] for a in arts]))
    rej = store.rejects()
    if rej:
        parts.append(_table("Rejects and flags", ["input", "reason", "code", "action", "message"],
                            [[r["input"], r["reason"], r["code"], r["action"], r["message"]] for r in rej]))
    events = list(store.iter_events())
    if events:
        parts.append(_table("Events", ["date", "type", "mode", "actor", "recipient", "place", "dead", "modality", "sentence"], [
            [e.get("date") or "", e["event_type"], e.get("mode") or "",
             ", ".join(f"{x.get('name') or x.get('text')} ({x.get('country') or '?'})" for x in e.get("actor") or []),
             ", ".join(f"{x.get('name') or x.get('text')} ({x.get('country') or '?'})" for x in e.get("recipient") or []),
             (e.get("location") or {}).get("name") or "", (e.get("size") or {}).get("dead") or "",
             e.get("modality"), (e.get("evidence") or [{}])[0].get("sentence", "")[:160]]
            for e in events[:500]]))
    doc = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>eventwire report</title>
<style>body{{font:14px system-ui,sans-serif;margin:2em;max-width:1200px}}table{{border-collapse:collapse;margin:.5em 0 1.5em}}
td,th{{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}}th{{background:#f3f3f3}}</style></head>
<body><h1>eventwire report</h1>{''.join(parts)}</body></html>"""
    path = Path(path)
    path.write_text(doc, encoding="utf-8")
    return path
