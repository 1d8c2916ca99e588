"""The site's search index: Pagefind fed each finished page as the build makes it, and its index
written into the site folder before that folder is published.

Any engine's output works: Pagefind reads the finished HTML. Only what a page marks with
``data-pagefind-body`` is indexed (the theme marks the content of every searchable page), so
overview pages that repeat the briefs, and the 404 page, stay out. The index comes in chunks
that a reader's browser fetches as a query needs them, one index per page language.

**Fed as the pages are made.** Pagefind runs beside the build (``pagefind --service``, spoken
to here: its Python package's client waits a tenth of a second for every answer, and stops the
process five seconds after the last). Each page goes to it as soon as it is finished
(``SearchIndex.add``), so Pagefind reads the pages while the build renders the others, and it
only has to build and write the index once the last page is in. The pages go in the order of
the site's pages whichever process rendered them, so two builds of one site make the same
bytes.

**One process a language, one index at a time.** Pagefind makes a separate index of each
language, but one process holds every language's pages while it builds them, and copies them to
build: 6.0 GB at 10,000 briefs in four languages (``benchmarks/README.md``). So each
language has a process of its own, and they build their indexes one after the other, each
ending once it has handed its index over: the largest holds one language's. The indexes are the
bytes one process makes (``tests/site/test_search_index.py``); the languages' tables of contents
are joined into one ``pagefind-entry.json``. A process holds about 230 KB a page while it reads
(2.3 GB for one language of 10,000 briefs), so a language of more than ``PART_PAGES`` pages is
indexed in parts, a process each, in the order of its pages: the first part where a language's
index is, each other in a folder of its own (``part-1/``, ...; its pages' chunks, fragments and
metadata, no script), which the first part's table of contents names (``PARTS``) and the search
box merges into the first (Pagefind's ``mergeIndex``: one more table of contents and one more
metadata file a part, the same WebAssembly). A page with no ``lang`` is indexed as the language
``unknown``, where one process would add it to the site's largest language; the theme gives
every page one.

**Less to read.** Pagefind is given a page's ``<html>`` tag (its language), its ``<title>``, the
tags before the body that carry Pagefind attributes (the summary's ``<meta>``), and the element
marked ``data-pagefind-body``, without the elements it would skip (``data-pagefind-ignore``:
"Mentioned in") and without ``id`` attributes: ``search_excerpt``. Not the header and the
navigation, which are half of every page, nor the footer and the scripts. Without ids Pagefind
keeps no anchors (results within a page, which the site does not show); the words stay the
same. It leaves out the citation notes, which repeat the page's Sources word for word, and the
sources' URLs (``NOT_INDEXED``). ``tests/mkdocs/test_build.py`` holds the index made so to the
one Pagefind's command makes reading the finished pages with those exclusions, word for word
and weight for weight; ``tests/site/test_search_index.py`` holds an excerpt's index to its
whole page's.

**Written here, whole.** Each language's index comes back in memory (``GetFiles``) and is
written into a folder beside the index's, which replaces it only once every language's is
written: once every page has been read without error. (Pagefind answers ``WriteFiles`` while
its last writes are still under way, and its Python API stops the process as soon as it has
answered: ``tests/test_reproducible.py`` caught an empty ``pagefind-entry.json``.) Any
failure, of a page or of a process, fails the build, and the published site stays.

What it costs, and where the time goes: ``benchmarks/README.md``, from
``benchmarks/search_cost.py``.

A query downloads the index chunks that hold its words. Pagefind makes chunks of about 20,000
word locations, about 35 KB gzipped on a site of 1,000 briefs, and a two-word title fetched
four of them at 3,000 briefs; chunks of 1,500 locations keep a first search within 150 KB
(``benchmarks/first_search.py``), for a slightly larger table of chunks. Pagefind 1.5 reads
that size from its environment only (``PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE``), so it is set
for the indexer's process alone; ``tests/site/test_search_index.py`` holds it to its effect.

The bundle Pagefind makes also holds its own ready-made interfaces and a web worker; the site
has its own interface (``theme/assets/javascripts/search.js``), which searches on the page
itself, so they are not written.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import json
import os
import re
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pagefind.service import get_executable

#: The folder of the site that holds the index (theme/partials/site-search.html loads from it).
INDEX_FOLDER = "pagefind"
#: The index's table of contents, which Pagefind's script reads first.
ENTRY = "pagefind-entry.json"
#: Word locations per index chunk (Pagefind's default is 20,000).
CHUNK_LOCATIONS = 1500
_CHUNK_VARIABLE = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE"
#: Left out of the index: the permalink sign after every heading, the citation notes (each
#: note is its source's entry in the page's Sources, word for word: markdown/linker.py), and
#: every source's URL, spelled out after its title (render/source.py).
NOT_INDEXED = (".headerlink", 'div.footnote[role="doc-endnotes"]', "sup.citation", ".source-url")
#: Pagefind's own interfaces, highlighter and worker: made with the index, never loaded here.
_UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
    "pagefind-worker.js",
)
#: Pages one Pagefind process indexes at most: it holds about 230 KB a page while it reads
#: them (``benchmarks/README.md``), so a language of more is indexed in parts, each by a
#: process of its own, which the search box merges (theme/assets/javascripts/search.js).
PART_PAGES = 4000
#: In the first part's table of contents: the folders of each language's other parts.
PARTS = "site_builder_parts"
#: What a later part is made of, besides its metadata (``.pf_meta``): its index chunks, its
#: filters, its fragments.
_PART_FOLDERS = ("index/", "filter/", "fragment/")
#: How every failure of the index begins.
FAILED = "the search index could not be built"

#: Pagefind's attributes, the one that marks the content to index, and the one that marks what
#: to skip in it. Markup is escaped in text, so where one of them follows a tag's ``<`` with no
#: ``>`` between, it is in that tag.
_ATTRIBUTE = " data-pagefind-"
_BODY = " data-pagefind-body"
_IGNORE = " data-pagefind-ignore"
_TAG_NAME = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
#: Elements that have no end tag.
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())  # noqa: SIM905
#: Before the content, what else Pagefind reads: the page's language, and its title (the
#: fallback for a page with no ``<h1>``).
_HTML_TAG = re.compile(r"<html(?:\s[^<>]*)?>", re.IGNORECASE)
_LANG = re.compile(r"""<html\s(?:[^<>]*?\s)?lang=["']?([^"'\s<>]*)""", re.IGNORECASE)
_TITLE = re.compile(r"<title(?:\s[^<>]*)?>.*?</title>", re.IGNORECASE | re.DOTALL)
#: An attribute of a tag, but for Pagefind's and ``id``, to read a tag attribute by attribute
#: (the build quotes every value with ``"``, escaped inside).
_OTHER = r"""\s++(?!data-pagefind-|id=)[^\s"'<>/=]++(?:="[^"]*+")?+"""
#: A start tag with ``data-pagefind-body`` among its attributes (not in one's value).
_MARKED = re.compile(rf"<[a-zA-Z][a-zA-Z0-9-]*+(?:{_OTHER})*+{_BODY}(?=[\s/>=])")
#: A citation as the linker writes it (markdown/linker.py), an ``id`` on a source's first
#: (group 1).
_CITATION_START = '<sup class="citation"'
_CITATION = re.compile(
    rf'{_CITATION_START}( id="fnref:\d+")?><a class="footnote-ref" href="#fn:\d+"'
    r' role="doc-noteref">\d+</a></sup>'
)
#: A start tag with an ``id`` and no Pagefind attribute: all of it but the ``id`` in group 1.
_ID_IN_TAG = re.compile(
    rf'<([a-zA-Z][a-zA-Z0-9-]*+(?:{_OTHER})*+) id="[^"]*+"(?=(?:{_OTHER})*+\s*+/?>)'
)


class SearchIndexError(Exception):
    """Pagefind could not index the site: the build fails and the published site stays."""


@dataclass(frozen=True)
class Indexed:
    pages: int


@dataclass(frozen=True)
class Excerpt:
    """What the index takes of a finished page, made where the page is: a worker hands back
    this, a third of the page, and the parent does none of the reading."""

    text: str | None  # ``search_excerpt``
    page_chars: int

    @classmethod
    def of(cls, html: str) -> Excerpt:
        return cls(search_excerpt(html), len(html))


def search_excerpt(html: str) -> str | None:
    """What Pagefind needs of a finished page to index it as it would index the whole page
    (but for anchors); None for a page that is not marked for search (Pagefind would leave it
    out).

    That is the element marked ``data-pagefind-body``, after the page's ``<html>`` tag, its
    ``<title>``, and the tags before it with a Pagefind attribute (metadata, filters, sort
    keys); without the elements it would skip (``data-pagefind-ignore``) unless they hold
    metadata, and without ``id`` attributes (``_without_ids``) or citations. Were an
    attribute's name also inside an earlier tag's attribute value, the excerpt would start
    there and run to the page's end: longer, never wrong; so would it were the marked element
    not closed.
    """
    body = _in_tag(html, _BODY, 0, len(html))
    if body is None:
        return None
    before = html[:body]
    kept = [m.group(0) for m in (_HTML_TAG.search(before), _TITLE.search(before)) if m]
    tag = _in_tag(html, _ATTRIBUTE, 0, body)
    while tag is not None:
        end = html.find(">", tag) + 1
        kept.append(html[tag:end])
        tag = _in_tag(html, _ATTRIBUTE, end, body)
    head = "".join(kept)
    last = (_MARKED.match(html, body) and _element_end(html, body)) or len(html)
    kept, start = [], body
    skipped = _in_tag(html, _IGNORE, start, last)
    while skipped is not None:
        end = _element_end(html, skipped)
        if end is not None and html.count(_ATTRIBUTE, skipped, end) == 1:  # nothing else in it
            kept.append(html[start:skipped])
            start = skipped = end
        skipped = _in_tag(html, _IGNORE, skipped + 1, last)
    kept.append(html[start:last])
    return head + _without_ids(_without_citations("".join(kept)))


def _without_citations(html: str) -> str:
    """``html`` without the citations the linker writes, which Pagefind skips (``NOT_INDEXED``):
    a page may hold 120,000 of them, half its bytes. Pagefind starts an element with an ``id``
    with a space, skipped or not (``_without_ids``): a source's first citation leaves one."""
    if _CITATION_START not in html:
        return html
    return _CITATION.sub(lambda citation: " " if citation.group(1) else "", html)


def _without_ids(html: str) -> str:
    """``html`` without the ``id`` attributes of its tags, each such tag after a space.

    Pagefind makes an anchor of every element with an ``id`` (for results within a page, which
    the site does not show), and reading them is a tenth of its work; it also starts each such
    element with a space, which the space before the tag keeps: the same words. A tag with a
    Pagefind attribute keeps its ``id``, as does any tag the expression does not read whole.
    """
    # A function, not the template " <\1": re expands a template in Python at every match.
    return _ID_IN_TAG.sub(lambda tag: f" <{tag.group(1)}", html)


def _in_tag(html: str, name: str, start: int, end: int) -> int | None:
    """Where the first tag from ``start`` to ``end`` with an attribute ``name`` starts."""
    at = html.find(name, start, end)
    while at >= 0:
        tag = html.rfind("<", start, at)
        if tag >= 0 and html.find(">", tag, at) < 0 and html[tag + 1 : tag + 2].isalpha():
            return tag
        at = html.find(name, at + len(name), end)
    return None


def _element_end(html: str, tag: int) -> int | None:
    """Where the element whose start tag is at ``tag`` ends: after the end tag that closes it
    (the same name, counted in and out), or its start tag's ``>`` for one with no end tag;
    None if it is not closed (it is then kept)."""
    found = _TAG_NAME.match(html, tag)
    assert found is not None
    name = found.group(1).lower()
    if name in _VOID:
        return html.find(">", tag) + 1
    depth = 0
    for mark in _tags_named(name).finditer(html, tag):
        depth += -1 if mark.group(1) else 1
        if depth == 0:
            return html.find(">", mark.end()) + 1
    return None


@functools.cache
def _tags_named(name: str) -> re.Pattern[str]:
    return re.compile(rf"<(/?){re.escape(name)}(?=[\s/>])", re.IGNORECASE)


class SearchIndex:
    """The site's index: ``add`` every finished page, then ``write``.

    One Pagefind process indexes each language's pages (``_Pagefind``), the first started at
    once so that an indexer that cannot start fails the build before its pages are made.
    ``request`` may be called once the last page is in, so that Pagefind builds the first
    language's index while the build does its last steps; ``close`` stops every process
    (``write`` does too). ``cost`` is the indexer's account of its time (``summary``: one
    line of it).
    """

    def __init__(self, part_pages: int = PART_PAGES) -> None:
        self._pid = os.getpid()
        self._part_pages = part_pages
        #: Each language's processes, one a part, in the order of the languages' first pages.
        self._languages: dict[str, list[_Pagefind]] = {}
        self._pages: dict[str, int] = {}  # each language's pages so far
        self._spare: _Pagefind | None = _Pagefind()  # for the first language
        self._requested = False
        self._asked_at = 0.0
        self.cost: dict[str, Any] = dict.fromkeys(("pages", "page_mb", "read_mb"), 0)
        self.cost.update(
            feeding_s=0.0, feeding_cpu_s=0.0, pagefind_cpu_s=None, pages_read_cpu_s=None
        )

    def add(self, path: str, page: str | Excerpt) -> bool:
        """Index the page at ``path`` in the site folder (``places/presevo/index.html``, from
        which Pagefind makes its URL), given its HTML or its ``Excerpt``; False if it is not
        marked for search."""
        if os.getpid() != self._pid:  # a forked worker: the pages are the parent's to give
            raise RuntimeError("a search index takes pages only in the process that started it")
        if self._requested:
            raise RuntimeError("a page was added to a search index already asked for")
        start, cpu = time.perf_counter(), time.process_time()
        made = page if isinstance(page, Excerpt) else Excerpt.of(page)
        excerpt = made.text
        if excerpt is not None:
            self.cost["pages"] += 1
            self.cost["page_mb"] += made.page_chars / 1e6
            self.cost["read_mb"] += len(excerpt) / 1e6
            self._indexer(_language(excerpt)).add(path, excerpt)
        self.cost["feeding_s"] += time.perf_counter() - start
        self.cost["feeding_cpu_s"] += time.process_time() - cpu
        return excerpt is not None

    def wait_for_pages(self) -> None:
        """Wait until Pagefind has read every page given (to measure what reading costs)."""
        for indexer in self._indexers():
            indexer.wait_for_pages()
        self.cost["pages_read_cpu_s"] = _total(i.cpu() for i in self._indexers())

    def request(self) -> None:
        """Ask for the first language's index: no page may be added after this."""
        if not self._requested:
            self._requested, self._asked_at = True, time.perf_counter()
            for indexer in self._indexers()[:1]:
                indexer.request()

    def write(self, output: Path) -> Indexed:
        """Write the index into ``output`` (replacing what is there) once every page is read.

        One language after another: each process builds its index, hands it over and ends,
        and only then is the next asked, so that no two hold a whole index at once.
        """
        start = time.perf_counter()
        staging: Path | None = None
        try:
            if not self.cost["pages"]:
                raise SearchIndexError(f"{FAILED}: no page is marked for search")
            self.request()
            for indexer in self._indexers():  # a page Pagefind could not read fails
                indexer.wait_for_pages()  # before anything is made
            self.cost["waited_s"] = 0.0
            output.parent.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-", dir=output.parent))
            self._write_parts(staging)
            self.cost["index_s"] = time.perf_counter() - self._asked_at  # from the last page on
            if output.exists():
                shutil.rmtree(output)
            staging.rename(output)
        except BaseException:
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)
            raise
        finally:
            self.close()
        self.cost["writing_s"] = time.perf_counter() - start - self.cost["waited_s"]
        return Indexed(len(list(output.glob("**/fragment/*.pf_fragment"))))  # one a page

    def _write_parts(self, staging: Path) -> None:
        """Each part's index into its folder (the first part's into ``staging``), each folder
        with its table of contents, the languages' tables joined; the first's names the
        others of each language (``PARTS``)."""
        entries: dict[int, dict[str, Any]] = {}  # by part number
        for indexers in self._languages.values():
            for number, indexer in enumerate(indexers):
                waited = time.perf_counter()
                files = indexer.files()
                self.cost["waited_s"] += time.perf_counter() - waited
                entry = _written(files, staging / part_folder(number), whole=number == 0)
                joined = entries.setdefault(number, {**entry, "languages": {}})
                joined["languages"].update(entry["languages"])
        parts = {
            language: [f"{part_folder(number)}/" for number in range(1, len(indexers))]
            for language, indexers in sorted(self._languages.items())
            if len(indexers) > 1
        }
        for number, entry in entries.items():
            entry["languages"] = dict(sorted(entry["languages"].items()))  # else in no fixed order
            if number == 0 and parts:
                entry[PARTS] = parts
            text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
            folder = staging / part_folder(number)
            folder.mkdir(exist_ok=True)
            (folder / ENTRY).write_text(text, "utf-8")

    def close(self) -> None:
        """Stop every Pagefind process that still runs."""
        indexers = [*self._indexers(), *([self._spare] if self._spare else [])]
        for indexer in indexers:
            indexer.close()
        self.cost["pagefind_cpu_s"] = _total(indexer.cpu() for indexer in indexers)

    def summary(self) -> str:
        """The cost, as the build logs it: seconds, megabytes, pages."""
        rounded = {k: round(v, 3) if isinstance(v, float) else v for k, v in self.cost.items()}
        return "search index: " + json.dumps(rounded)

    def _indexer(self, language: str) -> _Pagefind:
        """The process for the language's next page: a new one every ``part_pages`` pages."""
        parts = self._languages.setdefault(language, [])
        pages = self._pages[language] = self._pages.get(language, 0) + 1
        if (pages - 1) % self._part_pages == 0:
            indexer, self._spare = self._spare or _Pagefind(), None
            parts.append(indexer)
        return parts[-1]

    def _indexers(self) -> list[_Pagefind]:
        """Every process, language by language, part by part: the order they are asked in."""
        return [indexer for parts in self._languages.values() for indexer in parts]


class _Pagefind:
    """One Pagefind process with one index, spoken to as its service (``pagefind --service``).

    Its Python package's client waits a tenth of a second for every answer, and stops the
    process five seconds after the last; here each page is sent without waiting, and answers
    are read as they come.
    """

    def __init__(self) -> None:
        self._failure: str | None = None
        self._unanswered: dict[int, str] = {}  # what each message was about, for a failure
        self._files: list[dict[str, str]] | None = None
        #: The start of an answer not yet whole: the pieces read so far. (Joined only when the
        #: answer is whole: the index's files come back in one answer of hundreds of
        #: megabytes on a large site, which adding to one buffer copied again with every read.)
        self._received: list[bytes] = []
        self._sent = 0
        self._requested = 0
        self._cpu: float | None = None
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 -- closed with the process
        environment = {**os.environ, _CHUNK_VARIABLE: str(CHUNK_LOCATIONS)}
        command = [str(get_executable() or "pagefind"), "--service"]
        try:
            self._process: subprocess.Popen[bytes] | None = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._errors,
                env=environment,
            )  # fmt: skip
        except OSError as error:
            self._process = None
            self._errors.close()
            raise SearchIndexError(f"{FAILED}: {error}") from error
        assert self._process.stdout is not None
        os.set_blocking(self._process.stdout.fileno(), False)
        config = {"exclude_selectors": list(NOT_INDEXED)}
        self._send({"type": "NewIndex", "config": config}, "starting the index")

    def add(self, path: str, excerpt: str) -> None:
        # The process's first index is number 0: pages need not wait for its answer.
        request = {"type": "AddFile", "index_id": 0, "file_path": path}
        self._send({**request, "file_contents": excerpt}, path)
        self._read(wait=False)

    def wait_for_pages(self) -> None:
        """Wait for every page's answer; a page Pagefind could not read fails here."""
        while len(self._unanswered) > bool(self._requested) and self._failure is None:
            self._read(wait=True)
        self._raise_failure()

    def request(self) -> None:
        """Ask for the index, which Pagefind builds from the pages it has read."""
        if not self._requested:
            self._requested = self._send({"type": "GetFiles", "index_id": 0}, "writing the index")

    def files(self) -> list[dict[str, str]]:
        """The index's files (asked for if they were not), once made; the process then ends."""
        self.request()
        while self._files is None and self._failure is None:
            self._read(wait=True)
        self._raise_failure()
        files, self._files = self._files or [], []
        self.close()
        return files

    def cpu(self) -> float | None:
        """The process's CPU seconds so far, or in all once it has ended (where the system
        says: Linux)."""
        if self._process is None:
            return self._cpu
        try:
            fields = Path(f"/proc/{self._process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self) -> None:
        """Stop the process, if it still runs."""
        process, self._process = self._process, None
        if process is None:
            return
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):  # a pipe to a process that has stopped
                    pipe.close()  # Pagefind ends when its input does
        if process.returncode is None:
            self._cpu = _reaped(process)
        self._errors.close()

    def _raise_failure(self) -> None:
        if self._failure is not None:
            raise SearchIndexError(f"{FAILED}: {self._failure}")

    def _send(self, payload: dict[str, Any], about: str) -> int:
        self._sent += 1
        if self._failure is not None:
            return self._sent
        message = json.dumps({"message_id": self._sent, "payload": payload}, ensure_ascii=False)
        assert self._process is not None and self._process.stdin is not None
        self._unanswered[self._sent] = about
        try:
            self._process.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
            self._process.stdin.flush()  # Pagefind reads it now, while the build goes on
        except OSError:  # it has stopped: _read says why
            self._read(wait=True)
        return self._sent

    def _read(self, *, wait: bool) -> None:
        """Take Pagefind's answers so far; with ``wait``, at least one (or its end)."""
        assert self._process is not None and self._process.stdout is not None
        out = self._process.stdout.fileno()
        if wait:
            select.select([out], [], [])
        while True:
            try:
                data = os.read(out, 1 << 22)
            except BlockingIOError:
                return
            if not data:
                return self._stopped()
            *answers, start = data.split(b",")
            if answers:  # the first one ends the answer begun before
                answers[0] = b"".join([*self._received, answers[0]])
                self._received = []
            self._received.append(start)
            for answer in answers:
                self._answered(json.loads(base64.b64decode(answer)))
            if answers and wait:
                return

    def _answered(self, answer: dict[str, Any]) -> None:
        payload, number = answer["payload"], answer.get("message_id")
        about = self._unanswered.pop(number or 0, "a message")
        if payload["type"] == "Error":
            self._failure = self._failure or f"{about}: {payload['message']}"
        elif number == self._requested:
            self._files = payload["files"]

    def _stopped(self) -> None:
        assert self._process is not None
        code = self._process.wait()
        self._errors.seek(0)
        said = self._errors.read().decode("utf-8", "replace").strip().splitlines()
        self._failure = self._failure or (said[-1] if said else f"Pagefind stopped (exit {code})")


def _language(excerpt: str) -> str:
    """The page's language as Pagefind reads it: its ``<html>`` tag's ``lang``, lowercased
    (the excerpt begins with that tag)."""
    found = _LANG.match(excerpt)
    return found.group(1).lower() if found else "unknown"


def part_folder(number: int) -> str:
    """Where a language's part ``number`` is, in the index's folder (its first: there)."""
    return f"part-{number}" if number else ""


def _written(files: list[dict[str, str]], folder: Path, whole: bool = True) -> dict[str, Any]:
    """Write one language's index into ``folder``; its table of contents, which is not
    written (the languages' tables are one file). Not ``whole``: a later part, without the
    script and the WebAssembly (the first part's load it)."""
    entry: dict[str, Any] = {}
    for file in files:
        content = base64.b64decode(file["content"])
        if file["path"] == ENTRY:
            entry = json.loads(content)
        elif (file["path"] not in _UNUSED) if whole else _in_part(file["path"]):
            target = folder / file["path"]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
    return entry


def _in_part(path: str) -> bool:
    """Whether a file of Pagefind's bundle is one a merged part is read from."""
    return path.endswith(".pf_meta") or path.startswith(_PART_FOLDERS)


def _total(seconds: Iterable[float | None]) -> float | None:
    """The sum of the figures that are known, or None if none is."""
    known = [s for s in seconds if s is not None]
    return sum(known) if known else None


def _reaped(process: subprocess.Popen[bytes]) -> float | None:
    """Wait for Pagefind to end (killed if it has not within 10 s); its CPU seconds."""
    deadline = time.monotonic() + 10
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            process.returncode = os.waitstatus_to_exitcode(status)
            return usage.ru_utime + usage.ru_stime
        if time.monotonic() > deadline:
            process.kill()
        time.sleep(0.005)


def index_site(
    site_dir: Path, pages: Sequence[str] | None = None, part_pages: int = PART_PAGES
) -> Indexed:
    """Index the pages of ``site_dir`` into ``site_dir/pagefind``, replacing any index there,
    as the build does: ``pages``, their paths in the folder in the site's page order (the
    order makes the index's bytes), or every page in order of its path."""
    if pages is None:
        found = (p.relative_to(site_dir).as_posix() for p in sorted(site_dir.rglob("*.html")))
        pages = [path for path in found if not path.startswith(f"{INDEX_FOLDER}/")]
    index = SearchIndex(part_pages)
    try:
        for path in pages:
            index.add(path, (site_dir / path).read_text("utf-8"))
    except BaseException:
        index.close()
        raise
    return index.write(site_dir / INDEX_FOLDER)
