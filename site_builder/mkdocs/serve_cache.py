"""What the last serve rebuild made, kept by a digest of its inputs, so unchanged work is reused.

Every rebuild goes through every page, as a fresh build does; each step is skipped where its
inputs are the last rebuild's, and its result taken from here:

* **a file's reading and checking**, by the digest of its bytes (``content.loader``);
* **a page's Markdown**, by the page's own file, kept while what it looked up of other
  documents is as it was (``site.reads``): their *faces*, all of a document but its body
  (titles, summaries, names, every front-matter key). No page shows another page's body, so
  a body edit leaves every other page's Markdown as it was; a renamed brief changes the
  Markdown of the pages that name it in their front matter, and of the overview pages;
* **a page's rendering** (Markdown to HTML, the links and problems the linker found, what
  MkDocs logged), by its Markdown and the build's settings, and kept while what it read of
  other pages is still so: each slug it names is known as it was, and no name that changed
  is in its prose (``markdown.linker.Reads``). Renaming a brief renders again the pages that
  mention its old or new name or link to it, not the thousand others;
* **a brief's "Mentioned in"**, by its incoming links and the faces of the pages they come from;
* **a page's template**, by everything the theme reads of the page (what its rendering made,
  its "Mentioned in", metadata, neighbours), its language's navigation and the build's
  settings;
* **the open data** (made after the reload, ``preview``), by every face and every page's links.

A page taken from here is checked like a fresh one: what MkDocs logged while rendering it is
logged again, and MkDocs checks its links to other pages' anchors after every build.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from site_builder.content.languages import SOURCE
from site_builder.content.model import Document
from site_builder.markdown.linker import PageLinks
from site_builder.mkdocs.render_ahead import Populated
from site_builder.site.reads import Lookups


def freeze_heap() -> None:
    """Keep what a serve rebuild leaves (every page's Markdown, rendering and HTML: millions of
    objects) out of the garbage collector's full passes until the next whole rebuild: each
    pass took 0.7–1.5 s at 1,000 briefs in four sites, one or two in every rebuild. Objects are
    still freed as their last reference goes; cycles among them wait for ``thaw_heap``."""
    gc.freeze()


def thaw_heap() -> None:
    gc.unfreeze()


def digest(*parts: object) -> str:
    data = repr(parts).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=20).hexdigest()


@dataclass(frozen=True)
class Markdown:
    """A page's Markdown, its digest, the build's own HTML blocks it holds as tokens, and what
    making it read of other documents (None: all of them)."""

    text: str
    digest: str
    blocks: dict[str, str]
    lookups: Lookups | None = None
    #: Whether MkDocs resolves links in it against the site's files (a link written by hand).
    resolves: bool = True


@dataclass(frozen=True)
class Rendered:
    """A page's Markdown rendered, what MkDocs logged meanwhile, a digest of the page's links
    (what other pages' "Mentioned in" and the open data read of it), and a digest of what
    the rendering made (content, table of contents, title: what the page's template reads)."""

    populated: Populated[PageLinks]
    records: tuple[logging.LogRecord, ...] = ()
    links: str = ""
    version: str = ""


@dataclass(frozen=True)
class Built:
    """A page's finished HTML and its version (``preview.version``)."""

    output: str
    version: str


@dataclass
class ServeCache:
    """Only what the current build uses is kept, so the cache never outgrows one build."""

    last: dict[str, Any] = field(default_factory=dict)
    used: dict[str, Any] = field(default_factory=dict)
    #: The folded names of the last successful build's matchers, by language.
    names: dict[str, Any] | None = None

    def get(self, key: str) -> Any:
        value = self.last.get(key)
        if value is not None:
            self.used[key] = value
        return value

    def put(self, key: str, value: Any) -> Any:
        self.used[key] = value
        return value

    def keep_used(self, *, showing_problems: bool = False, checked: bool = True) -> None:
        """Keep what this build used. A build that shows problems keeps the rest too, so that
        the save that fixes them finds what the last good build made: whatever is kept by an
        exact digest of its inputs; and, where the build checked nothing against the cache
        (its front matter had errors: ``checked`` False), everything.

        Markdown and renderings are kept while what they read holds, which each build checks
        against the one before (``names``): one that a build did not check may not pass it.
        """
        if showing_problems:
            for key, value in self.last.items():
                if key not in self.used and (not checked or not isinstance(value, _CHECKED)):
                    self.used[key] = value
        self.last, self.used = self.used, {}

    def forget_failed_build(self) -> None:
        """A failed build used nothing worth keeping."""
        self.used = {}

    def keep_all(self) -> None:
        """A rebuild of some pages only uses everything the last rebuild kept, but what it
        makes again (``forget``)."""
        self.used = dict(self.last)

    def forget(self, keys: set[str]) -> None:
        for key in keys:
            self.used.pop(key, None)

    def identity(self, doc: Document) -> str:
        """All of a document: the file it was read from; for its page in another language's
        site without a translation (the English page where it stands, with its freshness
        notice), that file and the notice; for a translated page (made of its English file and
        its translation) its every field."""
        if doc.language == SOURCE.code and doc.version:
            return f"{doc.src_uri} {doc.path} {doc.version}"
        fresh = doc.freshness
        if fresh is not None and fresh.translation is None and doc.version:
            return f"{doc.src_uri} {doc.path} {doc.version} {fresh!r}"
        return digest(doc)

    def face(self, doc: Document) -> str:
        """All of a document but its body: what other pages may show of it."""
        key = f"face {self.identity(doc)}"
        found = self.get(key)
        return found or self.put(key, digest(replace(doc, body="", body_line=0, version="")))


_CHECKED = (Markdown, Rendered)


class Records(logging.Handler):
    """The records MkDocs logs while one page is rendered, to log again when it is reused."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []
        logging.getLogger("mkdocs").addHandler(self)

    def emit(self, record: logging.LogRecord) -> None:
        if self.records and self.records[-1] is record:
            return
        record.msg, record.args = record.getMessage(), None
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        self.records.append(record)

    def done(self) -> tuple[logging.LogRecord, ...]:
        logging.getLogger("mkdocs").removeHandler(self)
        return tuple(self.records)


def replay(records: tuple[logging.LogRecord, ...]) -> None:
    for record in records:
        logging.getLogger(record.name).handle(record)


def tree_signature(folder: Path | None) -> tuple[tuple[str, int, int], ...]:
    """Every file under ``folder`` with its size and time: the theme a build was made with."""
    if folder is None or not folder.is_dir():
        return ()
    found = []
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            stat = os.stat(path)
            found.append((path, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(found))
