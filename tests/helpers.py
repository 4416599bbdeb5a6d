"""Small builders for test inputs."""
from __future__ import annotations

from eventwire.model import RawDocument


def raw(text: str, path: str = "test.txt", fmt: str = "txt", **kw) -> RawDocument:
    return RawDocument(path=path, format=fmt, body=text, **kw)
