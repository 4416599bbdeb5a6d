import gzip
import io
import json
from pathlib import Path

from eventwire.ingest.readers import read_inputs
from eventwire.model import RawDocument, Reject

BODY = "The ministry said talks between the two delegations would resume in Vienna next week, officials confirmed."


def _docs(items):
    return [i for i in items if isinstance(i, RawDocument)]


def _rejects(items):
    return [i for i in items if isinstance(i, Reject)]


def test_txt_html_jsonl_in_directory_recursively(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a" / "page.html").write_text(
        "<html><head><title>Talks resume</title><meta property='og:site_name' content='Example Daily'>"
        "<meta property='article:published_time' content='2024-05-06T10:00:00Z'></head>"
        f"<body><nav>Home | World</nav><article><h1>Talks resume</h1><p>{BODY}</p><p>{BODY}</p></article>"
        "<footer>© Example</footer></body></html>", encoding="utf-8")
    rec = {"text": BODY, "title": "T", "url": "https://www.news.example/x", "published": "2024-05-06",
           "language": "en", "section": "world"}
    (tmp_path / "feed.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    docs = _docs(items)
    assert sorted(d.format for d in docs) == ["html", "jsonl", "txt"]
    html = next(d for d in docs if d.format == "html")
    assert html.source == "Example Daily" and html.published_hint == "2024-05-06"
    assert "Home | World" not in html.body and BODY in html.body
    js = next(d for d in docs if d.format == "jsonl")
    assert js.source == "news.example" and dict(js.extra) == {"section": "world"} and js.record == 1


def test_glob_and_missing_path(tmp_path: Path):
    (tmp_path / "x.txt").write_text(BODY)
    items = list(read_inputs([str(tmp_path / "*.txt"), str(tmp_path / "nope.txt"), str(tmp_path / "*.none")]))
    assert len(_docs(items)) == 1
    assert [r.reason for r in _rejects(items)] == ["missing_path", "missing_path"]


def test_warc_html_responses(tmp_path: Path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        html = f"<html><body><article><p>{BODY}</p><p>{BODY}</p></article></body></html>".encode()
        for uri, ctype, payload in (("https://a.example/1", "text/html; charset=utf-8", html),
                                    ("https://a.example/img.png", "image/png", b"\x89PNG....")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                          http_headers=headers))
    docs = _docs(read_inputs([str(path)]))
    assert len(docs) == 1
    assert docs[0].url == "https://a.example/1" and docs[0].format == "warc" and BODY in docs[0].body


def test_rss_feed_with_content(tmp_path: Path):
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire Feed</title>
    <item><title>Talks</title><link>https://w.example/1</link><pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate>
    <description><![CDATA[<p>{BODY}</p><p>{BODY}</p>]]></description></item>
    <item><title>Empty</title><link>https://w.example/2</link></item></channel></rss>"""
    (tmp_path / "feed.xml").write_text(feed)
    items = list(read_inputs([str(tmp_path / "feed.xml")]))
    docs = _docs(items)
    assert len(docs) == 1 and docs[0].source == "Wire Feed" and docs[0].format == "rss"
    assert docs[0].published_hint.startswith("Mon, 06 May 2024")
    assert [r.reason for r in _rejects(items)] == ["no_text"]


def test_unknown_extension_in_directory_is_recorded(tmp_path: Path):
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    items = list(read_inputs([str(tmp_path)]))
    assert [r.reason for r in _rejects(items)] == ["unsupported_format"]
