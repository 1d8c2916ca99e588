"""Where a page ends up and how one page links to another, without any site engine."""

from __future__ import annotations

import posixpath
from functools import lru_cache
from urllib.parse import unquote, urldefrag


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


def link_path(from_src_uri: str, url: str) -> tuple[str, str]:
    """What a link or image written in the file ``from_src_uri`` points at: the path in
    content/ ("" within the page; it starts with "/" when the URL does) and the fragment."""
    address, fragment = urldefrag(url.strip())
    address = unquote(address.split("?", 1)[0])
    if not address:
        return "", fragment
    return posixpath.normpath(posixpath.join(posixpath.dirname(from_src_uri), address)), fragment


@lru_cache(maxsize=65536)
def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath(path, start)`` for the site's own relative paths, without the OS.

    posixpath.relpath asks the OS for the working folder on every call, and a large site
    makes hundreds of thousands of links. Absolute paths and paths with "." or ".." parts
    take the slow road.
    """
    to_parts = [part for part in path.split("/") if part]
    from_parts = [part for part in start.split("/") if part]
    odd = any(part in (".", "..") for part in (*to_parts, *from_parts))
    if odd or path.startswith("/") or start.startswith("/"):
        return _os_relpath(path, start)
    common = 0
    for to_part, from_part in zip(to_parts, from_parts, strict=False):
        if to_part != from_part:
            break
        common += 1
    return "/".join([".."] * (len(from_parts) - common) + to_parts[common:]) or "."


def _os_relpath(path: str, start: str) -> str:
    return posixpath.relpath(path, start)
