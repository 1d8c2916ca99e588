"""The folder ``serve`` serves: each rebuild writes only the files that changed, and search is
indexed after the browser has reloaded, behind a gate that never lets a stale index out.

A rebuild still goes through every page (``serve_cache`` makes that cheap), but most files
come out as they were. MkDocs writes every page and copies every static file each time; here a
file whose version (a digest of a page's output, of a generated file's content, or the path,
size and time of a file copied as it is) is the one already served is written nowhere
(``internals.write_nowhere``). What is written lands in the staging folder; once the build has
succeeded it is moved into the served folder file by file, and files the site no longer has
are deleted (``site.publish.publish_changes``). A failed build moves nothing.

Search: ``site.background_index`` runs the build's indexer over the served folder after each
publish, given the pages in the order the build made them, as a build gives them to it (so the
index is byte for byte a build's); not at all when the plugin's ``search`` is off.
The open data (``site.pipeline.derived_files``: a second of a rebuild at 1,000 briefs, for
downloads a preview is rarely asked for) is made then too, in a thread. The live-reload
server is wrapped (``gate``) so that a request for the index or the data waits until they
are those of the pages being served (or says why they could not be made).
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

from site_builder.mkdocs.internals import write_nowhere
from site_builder.site import publish
from site_builder.site.background_index import BackgroundIndex
from site_builder.site.search_index import INDEX_FOLDER

log = logging.getLogger("mkdocs.plugins.dialogue")

#: What the preview logs once search answers from the index of the pages it serves.
INDEXED = "search index ready"
#: How long a search waits for the index before it is told to try again.
INDEX_WAIT_SECONDS = 120


def version(content: str | bytes) -> str:
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    return hashlib.blake2b(data, digest_size=20).hexdigest()


class Preview:
    """What one ``serve`` session has published, from one rebuild to the next."""

    def __init__(self) -> None:
        #: Each file in the served folder (its path there) and its version.
        self.published: dict[str, str] = {}
        #: This build's files and versions, as they are decided.
        self.pending: dict[str, str] = {}
        #: This build's pages (their paths in the folder), in the order they were made.
        self.pages: list[str] = []
        #: Whether the pages are indexed for search (the plugin's ``search``).
        self.search = True
        self.index = BackgroundIndex(self._indexed)
        #: The files made after publishing, where they go, and whether they are written.
        self._later: Callable[[], Iterable[tuple[str, bytes]]] | None = None
        self._later_paths: frozenset[str] = frozenset()
        self._later_thread: threading.Thread | None = None
        self._later_done = threading.Event()
        self._later_failure: str | None = None
        self._later_key: str | None = None
        self._later_made: str | None = None
        self._amending = False

    def begin(self, *, search: bool = True) -> None:
        self.pending, self.pages, self.search = {}, [], search
        self._later, self._later_key = None, None
        self._amending = False

    def amend(self) -> None:
        """A rebuild of some pages only: every other file stays as it is published, and the
        pages stay in the order the last whole build made them."""
        self.pending, self._amending = dict(self.published), True

    def later(
        self,
        make: Callable[[], Iterable[tuple[str, bytes]]],
        paths: Collection[str],
        key: str | None = None,
    ) -> None:
        """Make some files after this build is published: ``make()`` gives (path, bytes) pairs
        for some of ``paths``; the others are deleted. A build that never calls this deletes
        them all (a preview showing problems has no data). ``key``: a digest of what ``make``
        reads; when it is the last one made, the files written then stay as they are."""
        self._later = make
        self._later_paths = frozenset(paths)
        self._later_key = key

    def page(self, file: File, output: str, known: str | None = None) -> str:
        """A page's output is about to be written: write it nowhere if it is served already.

        ``known``: the output's version when it is known (a page kept from the last rebuild).
        """
        current = known or version(output)
        self._decide(file, current)
        if not self._amending:
            self.pages.append(file.dest_uri)
        return current

    def static_files(self, files: Files) -> None:
        """Decide for every file MkDocs copies (as it stands at the last event before)."""
        for file in files:
            if file.is_documentation_page() or not file.inclusion.is_included():
                continue  # pages are decided one by one; drafts and the excluded copy as ever
            content = file.content_bytes if file.generated_by is not None else None
            if content is not None:
                self._decide(file, version(content))
            elif file.abs_src_path is not None:
                stat = os.stat(file.abs_src_path)
                self._decide(file, f"{file.abs_src_path}:{stat.st_size}:{stat.st_mtime_ns}")

    def _decide(self, file: File, current: str) -> None:
        path = file.dest_uri
        self.pending[path] = current
        if self.published.get(path) == current:
            write_nowhere(file)

    def publish(self, staging: Path, site_dir: Path) -> None:
        """Move what this build wrote into the served folder, and index it for search."""
        self.index.stop()  # it reads the pages that change now
        if self._later_thread is not None:
            self._later_thread.join()
        site_dir = site_dir.resolve()
        if not self.published:
            publish.publish(staging, site_dir)
            moved: Iterable[str] = (
                p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()
            )
        else:
            gone = [path for path in self.published if path not in self.pending]
            written = _files(staging)
            gone = [path for path in gone if path not in written]
            moved = publish.publish_changes(staging, site_dir, gone)
        for path in moved:
            if path not in self.pending:  # written outside the files (404.html, the sitemap)
                self.pending[path] = version((site_dir / path).read_bytes())
        self.published, self.pending = self.pending, {}
        if self.search:
            self.index.start(site_dir, self.pages)
        make, key = self._later, self._later_key
        if make is not None and key is not None and key == self._later_made:
            return  # the files made last are made of the same
        self._later_done.clear()
        self._later_thread = threading.Thread(
            target=self._make_later, args=(make, site_dir, key), daemon=True
        )
        self._later_thread.start()

    def settled(self, timeout: float | None = None) -> bool:
        """Whether what is made after publishing (index, data) is written within ``timeout``."""
        indexed = not self.search or self.index.wait(timeout)
        return indexed and self._later_done.wait(timeout)

    def _make_later(
        self,
        make: Callable[[], Iterable[tuple[str, bytes]]] | None,
        site_dir: Path,
        key: str | None,
    ) -> None:
        try:
            self._later_made = None
            self._later_failure = None
            made = dict(make()) if make is not None else {}
            for path in sorted(self._later_paths | made.keys()):
                target = site_dir / path
                if path not in made:
                    target.unlink(missing_ok=True)
                    continue
                data = made[path]
                if target.is_file() and target.read_bytes() == data:
                    continue
                written = target.with_name(f".{target.name}.new")
                written.parent.mkdir(parents=True, exist_ok=True)
                written.write_bytes(data)
                os.replace(written, target)
            self._later_made = key if make is not None else None
        except Exception as error:  # reported, and answered to whoever asks for the files
            self._later_failure = f"{type(error).__name__}: {error}"
            log.error(f"the open data could not be made: {self._later_failure}")
        finally:
            self._later_done.set()

    def gate(self, app: Callable[..., Any], mount_path: str) -> Callable[..., Any]:
        """``app`` (a WSGI application) whose requests for the search index wait for it."""
        root = mount_path.rstrip("/") + "/"
        prefix = f"{root}{INDEX_FOLDER}/"

        def gated(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
            path = environ.get("PATH_INFO", "")
            reason = None
            if path.startswith(prefix) and self.search:
                reason = self._wait(self.index.wait, lambda: self.index.failure, "search index")
            elif path.startswith(root) and path[len(root) :] in self._later_paths:
                reason = self._wait(self._later_done.wait, lambda: self._later_failure, "data")
            if reason is not None:
                start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
                return [reason.encode("utf-8")]
            return app(environ, start_response)

        return gated

    @staticmethod
    def _wait(
        wait: Callable[[float], bool], failure: Callable[[], str | None], what: str
    ) -> str | None:
        """None once ready, else why not."""
        if not wait(INDEX_WAIT_SECONDS):
            return f"the {what} is still being made"
        return failure()

    def close(self) -> None:
        self.index.stop()
        if self._later_thread is not None:
            self._later_thread.join()

    def _indexed(self, failure: str | None, seconds: float) -> None:
        if failure:
            log.error(failure)
        else:
            log.info(f"{INDEXED} ({seconds:.1f} s)")


def _files(folder: Path) -> set[str]:
    found = set()
    for root, _, names in os.walk(folder):
        relative = Path(root).relative_to(folder)
        found.update((relative / name).as_posix() for name in names)
    return found
