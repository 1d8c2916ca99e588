"""The folder ``serve`` serves: each rebuild writes only the files that changed, and search is
indexed after the browser has reloaded, behind a gate that never lets a stale index out.

A rebuild still goes through every page (``serve_cache`` makes that cheap), but most files
come out as they were. MkDocs writes every page and copies every static file each time; here a
file whose version (a digest of a page's output, of a generated file's content, or the path,
size and time of a file copied as it is) is the one already served is written nowhere
(``internals.write_nowhere``). What is written lands in the staging folder; once the build has
succeeded it is moved into the served folder file by file, and files the site no longer has
are deleted (``site.publish.publish_changes``). A failed build moves nothing.

Search: ``site.background_index`` runs Pagefind over the served folder after each publish.
The live-reload server is wrapped (``gate``) so that a request for the index waits until the
index of the pages being served is written (or says why it could not be).
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterable
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
        self.index = BackgroundIndex(self._indexed)

    def begin(self) -> None:
        self.pending = {}

    def page(self, file: File, output: str, known: str | None = None) -> str:
        """A page's output is about to be written: write it nowhere if it is served already.

        ``known``: the output's version when it is known (a page kept from the last rebuild).
        """
        current = known or version(output)
        self._decide(file, current)
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
        self.index.start(site_dir)

    def gate(self, app: Callable[..., Any], mount_path: str) -> Callable[..., Any]:
        """``app`` (a WSGI application) whose requests for the search index wait for it."""
        prefix = mount_path.rstrip("/") + f"/{INDEX_FOLDER}/"

        def gated(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
            searching = environ.get("PATH_INFO", "").startswith(prefix)
            if searching and (not self.index.wait(INDEX_WAIT_SECONDS) or self.index.failure):
                reason = self.index.failure or "the search index is still being built"
                start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
                return [reason.encode("utf-8")]
            return app(environ, start_response)

        return gated

    def close(self) -> None:
        self.index.stop()

    def _indexed(self, failure: str | None, seconds: float) -> None:
        if failure:
            log.error(f"the search index could not be built: {failure}")
        else:
            log.info(f"{INDEXED} ({seconds:.1f} s)")


def _files(folder: Path) -> set[str]:
    found = set()
    for root, _, names in os.walk(folder):
        relative = Path(root).relative_to(folder)
        found.update((relative / name).as_posix() for name in names)
    return found
