"""One reader per input format. Each yields RawDocuments, or Rejects with a stable reason code."""
from __future__ import annotations

import glob
import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlparse

from eventwire.errors import (
    InputError,
    MalformedHtml,
    MalformedRecord,
    MissingPath,
    NoText,
    TooLarge,
    UnsupportedFormat,
)
from eventwire.ingest.decode import decode_bytes, looks_binary
from eventwire.model import RawDocument, Reject

DEFAULT_EXTENSIONS = (".txt", ".text", ".html", ".htm", ".jsonl", ".ndjson", ".warc", ".warc.gz",
                      ".xml", ".rss", ".atom")
TEXT_FIELDS = ("text", "content", "body", "article")
KNOWN_JSON_FIELDS = {"text", "content", "body", "article", "title", "url", "published", "published_at",
                     "date", "source", "language", "lang"}

Item = RawDocument | Reject


def reject(input_name: str, err: InputError, **detail: Any) -> Reject:
    return Reject(input=input_name, reason=err.reason, code=err.code, message=err.message,
                  detail={**err.detail, **detail})


def domain_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host[4:] if host.startswith("www.") else (host or None)


def format_of(path: str) -> str | None:
    name = path.lower()
    if name.endswith((".warc", ".warc.gz")):
        return "warc"
    suffix = Path(name).suffix
    return {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl",
            ".ndjson": "jsonl", ".xml": "feed", ".rss": "feed", ".atom": "feed"}.get(suffix)


def expand_paths(paths: Iterable[str], extensions: Iterable[str] = DEFAULT_EXTENSIONS) -> Iterator[str | Reject]:
    """Files under the given paths (directories recursively, globs expanded), in a stable order."""
    exts = tuple(extensions)
    for p in paths:
        if p == "-":
            yield p
            continue
        if any(ch in p for ch in "*?["):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                yield reject(p, MissingPath(f"no file matches {p}"))
            for m in matches:
                if Path(m).is_file():
                    yield m
            continue
        path = Path(p)
        if not path.exists():
            yield reject(p, MissingPath(f"no such file or directory: {p}"))
        elif path.is_dir():
            for f in sorted(x for x in path.rglob("*") if x.is_file() and not x.name.startswith(".")):
                if str(f).lower().endswith(exts):
                    yield str(f)
                else:
                    yield reject(str(f), UnsupportedFormat(f"not a supported input type: {f.name}"))
        else:
            yield str(path)


def read_inputs(paths: Iterable[str], *, max_bytes: int = 20_000_000,
                extensions: Iterable[str] = DEFAULT_EXTENSIONS) -> Iterator[Item]:
    for item in expand_paths(paths, extensions):
        if isinstance(item, Reject):
            yield item
        elif item == "-":
            yield from read_stream(sys.stdin.buffer, "-", max_bytes=max_bytes)
        else:
            yield from read_file(item, max_bytes=max_bytes)


def read_file(path: str, *, max_bytes: int = 20_000_000) -> Iterator[Item]:
    fmt = format_of(path)
    if fmt is None:
        yield reject(path, UnsupportedFormat(f"not a supported input type: {Path(path).name}"))
        return
    try:
        size = Path(path).stat().st_size
    except OSError as exc:
        yield reject(path, MissingPath(f"cannot read {path}: {exc}"))
        return
    if fmt in ("jsonl", "warc"):  # streamed record by record, so size is checked per record
        with open(path, "rb") as fh:
            yield from (read_jsonl(fh, path, max_bytes) if fmt == "jsonl" else read_warc(fh, path, max_bytes))
        return
    if size > max_bytes:
        yield reject(path, TooLarge(f"{size} bytes is over the {max_bytes}-byte limit (ingest.max_bytes)",
                                    detail={"bytes": size}))
        return
    data = Path(path).read_bytes()
    yield from read_bytes(data, path, fmt)


def read_stream(stream: BinaryIO, name: str, *, max_bytes: int) -> Iterator[Item]:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield reject(name, TooLarge(f"stdin is over the {max_bytes}-byte limit"))
        return
    head = data.lstrip()[:200].lower()
    if head.startswith(b"{"):
        yield from read_jsonl(io.BytesIO(data), name, max_bytes)
    elif head.startswith((b"<?xml", b"<rss", b"<feed")):
        yield from read_bytes(data, name, "feed")
    elif head.startswith((b"<!doctype", b"<html", b"<")):
        yield from read_bytes(data, name, "html")
    else:
        yield from read_bytes(data, name, "txt")


def read_bytes(data: bytes, name: str, fmt: str) -> Iterator[Item]:
    try:
        text, encoding = decode_bytes(data)
    except InputError as exc:
        yield reject(name, exc)
        return
    try:
        if fmt == "txt":
            yield RawDocument(path=name, format="txt", body=text, encoding=encoding)
        elif fmt == "html":
            yield html_document(text, name, encoding=encoding)
        elif fmt == "feed":
            yield from read_feed(text, name, encoding)
        else:  # pragma: no cover - format_of only returns the above
            raise UnsupportedFormat(f"unknown format {fmt}")
    except InputError as exc:
        yield reject(name, exc)


def html_document(html: str, name: str, *, encoding: str = "utf-8", url: str | None = None,
                  fmt: str = "html", record: int | None = None) -> RawDocument:
    import trafilatura  # lazy: heavy import

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises many types on broken markup
        raise MalformedHtml(f"HTML could not be parsed: {exc}") from exc
    data = (doc.as_dict() if hasattr(doc, "as_dict") else doc) if doc is not None else {}
    body = (data.get("text") or "").strip()
    if not body:
        closed = "</html>" in html.lower() or "</body>" in html.lower()
        err = NoText("HTML page has no main text") if closed else MalformedHtml(
            "HTML is truncated or malformed and no main text could be extracted")
        raise err
    title = data.get("title")
    if title and body.startswith(title):
        body = body[len(title):].lstrip("\n")
    page_url = url or data.get("url")
    return RawDocument(
        path=name, format=fmt, body=body, title=title, url=page_url,
        source=data.get("sitename") or domain_of(page_url), published_hint=data.get("date"),
        language_hint=data.get("language"), encoding=encoding, record=record,
    )


def read_jsonl(fh: BinaryIO, name: str, max_bytes: int) -> Iterator[Item]:
    for lineno, line in enumerate(fh, start=1):
        where = f"{name}#{lineno}"
        if not line.strip():
            continue
        if len(line) > max_bytes:
            yield reject(where, TooLarge(f"record is over the {max_bytes}-byte limit"))
            continue
        try:
            text_line, _ = decode_bytes(line)
            obj = json.loads(text_line)
        except InputError as exc:
            yield reject(where, exc)
            continue
        except json.JSONDecodeError as exc:
            yield reject(where, MalformedRecord(f"line {lineno} is not valid JSON: {exc.msg} at column {exc.colno}"))
            continue
        if not isinstance(obj, dict):
            yield reject(where, MalformedRecord(f"line {lineno} is JSON but not an object"))
            continue
        body = next((obj[f] for f in TEXT_FIELDS if isinstance(obj.get(f), str) and obj[f].strip()), None)
        if body is None:
            yield reject(where, MalformedRecord(f"line {lineno} has no text field ({', '.join(TEXT_FIELDS)})"))
            continue
        url = obj.get("url") if isinstance(obj.get("url"), str) else None
        extra = tuple(sorted((k, v) for k, v in obj.items() if k not in KNOWN_JSON_FIELDS))
        yield RawDocument(
            path=name, format="jsonl", body=body, title=_str(obj.get("title")), url=url,
            source=_str(obj.get("source")) or domain_of(url),
            published_hint=_str(obj.get("published") or obj.get("published_at") or obj.get("date")),
            language_hint=_str(obj.get("language") or obj.get("lang")), record=lineno, extra=extra,
        )


def _str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def read_warc(fh: BinaryIO, name: str, max_bytes: int) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        for n, rec in enumerate(ArchiveIterator(fh), start=1):
            if rec.rec_type != "response" or rec.http_headers is None:
                continue
            ctype = (rec.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in ctype:
                continue
            url = rec.rec_headers.get_header("WARC-Target-URI")
            where = f"{name}#{n}"
            data = rec.content_stream().read(max_bytes + 1)
            if len(data) > max_bytes:
                yield reject(where, TooLarge("WARC record is over the size limit"))
                continue
            declared = ctype.split("charset=")[-1].strip() if "charset=" in ctype else None
            try:
                html, encoding = decode_bytes(data, declared)
                yield html_document(html, name, encoding=encoding, url=url, fmt="warc", record=n)
            except InputError as exc:
                yield reject(where, exc, url=url)
    except ArchiveLoadFailed as exc:
        yield reject(f"{name}#{n + 1}", MalformedRecord(f"WARC could not be read: {exc}"))


def read_feed(text: str, name: str, encoding: str) -> Iterator[Item]:
    import feedparser

    parsed = feedparser.parse(text)
    if not parsed.entries:
        if parsed.bozo:
            raise MalformedRecord(f"not a readable RSS/Atom feed: {parsed.bozo_exception}")
        raise UnsupportedFormat("XML file is not an RSS/Atom feed with entries")
    for n, entry in enumerate(parsed.entries, start=1):
        where = f"{name}#{n}"
        content = ""
        if entry.get("content"):
            content = entry["content"][0].get("value", "")
        content = content or entry.get("summary", "")
        url = entry.get("link")
        published = entry.get("published") or entry.get("updated")
        source = parsed.feed.get("title") or domain_of(url)
        if not content.strip():
            yield reject(where, NoText("feed entry has no content"), url=url)
            continue
        if "<" in content and looks_html(content):
            try:
                doc = html_document(f"<html><body><article>{content}</article></body></html>", name,
                                    encoding=encoding, url=url, fmt="rss", record=n)
            except InputError as exc:
                yield reject(where, exc, url=url)
                continue
            body = doc.body
        else:
            body = content
        yield RawDocument(path=name, format="rss", body=body, title=entry.get("title"), url=url,
                          source=source, published_hint=published, encoding=encoding, record=n)


def looks_html(s: str) -> bool:
    low = s.lower()
    return any(tag in low for tag in ("<p", "<div", "<br", "<span", "<a ", "<article"))


__all__ = ["read_inputs", "read_file", "read_bytes", "read_stream", "expand_paths", "html_document",
           "looks_binary", "domain_of"]
