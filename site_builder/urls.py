"""Where a page ends up and how one page links to another, without any site engine."""

from __future__ import annotations

import posixpath
from functools import lru_cache


def page_url(src_uri: str, *, directory_urls: bool = True) -> str:
    """The URL of a Markdown source relative to the site root: "actors/x.md" -> "actors/x/"."""
    stem, _ = posixpath.splitext(src_uri)
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/"


def relative_url(from_url: str, to_url: str) -> str:
    """A link from one page URL to another (or to an asset), relative so the site can move."""
    from_dir = posixpath.dirname(from_url) if not from_url.endswith("/") else from_url.rstrip("/")
    target, _, anchor = to_url.partition("#")
    rel = _relpath(target or ".", from_dir or ".")
    if target.endswith("/") or target == "":
        rel = "./" if rel == "." else rel.rstrip("/") + "/"
    return rel + (f"#{anchor}" if anchor else "")


def absolute_url(site_url: str, url: str) -> str:
    return site_url.rstrip("/") + "/" + url.lstrip("/")


def source_link(from_src_uri: str, to_src_uri: str) -> str:
    """A link between Markdown sources, relative to the linking file: "../actors/x.md"."""
    return _relpath(to_src_uri, posixpath.dirname(from_src_uri) or ".")


@lru_cache(maxsize=65536)
def _relpath(path: str, start: str) -> str:
    """posixpath.relpath asks the OS for the working folder on every call: once per link."""
    return posixpath.relpath(path, start)
