"""The site's search index: Pagefind run over a built site folder, before it is published.

Any engine's output works: Pagefind reads the finished HTML. Only what a page marks with
``data-pagefind-body`` is indexed (the theme marks the content of every searchable page), so
overview pages that repeat the briefs, and the 404 page, stay out. The index comes in chunks
that a reader's browser fetches as a query needs them, one index per page language.

A query downloads the index chunks that hold its words. Pagefind makes chunks of about 20,000
word locations, about 35 KB gzipped on a site of 1,000 briefs, and a two-word title fetched
four of them at 3,000 briefs; chunks of 1,500 locations keep a first search within 150 KB
(``benchmarks/first_search.py``), for a slightly larger table of chunks. Pagefind 1.5 reads
that size from its environment only (``PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE``), so it is set
for the indexer's process alone; ``tests/site/test_search_index.py`` holds it to its effect.

Pagefind runs as its command, which returns once every file is written. (Its Python API
stops the indexer's process as soon as it has answered, which on a busy machine left files
half written: ``tests/test_reproducible.py`` caught an empty ``pagefind-entry.json``.)

The bundle Pagefind writes also holds its own ready-made interfaces and a web worker; the
site has its own interface (``theme/assets/javascripts/search.js``), which searches on the
page itself, so they are not published.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pagefind.service import get_executable

#: The folder of the site that holds the index (theme/partials/site-search.html loads from it).
INDEX_FOLDER = "pagefind"
#: The index's table of contents, which Pagefind's script reads first.
ENTRY = "pagefind-entry.json"
#: Word locations per index chunk (Pagefind's default is 20,000).
CHUNK_LOCATIONS = 1500
_CHUNK_VARIABLE = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE"
#: Left out of the index: the permalink sign after every heading.
_NOT_INDEXED = ".headerlink"
#: Pagefind's own interfaces, highlighter and worker: written with the index, never loaded here.
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


class SearchIndexError(Exception):
    """Pagefind could not index the site: the build fails and the published site stays."""


@dataclass(frozen=True)
class Indexed:
    pages: int


def index_site(site_dir: Path) -> Indexed:
    """Index every page of ``site_dir`` into ``site_dir/pagefind``, replacing any index there."""
    output = site_dir / INDEX_FOLDER
    if output.exists():
        shutil.rmtree(output)
    command = [str(get_executable() or "pagefind"), "--site", str(site_dir), "--silent"]
    command += ["--output-path", str(output), "--exclude-selectors", _NOT_INDEXED]
    environment = {**os.environ, _CHUNK_VARIABLE: str(CHUNK_LOCATIONS)}
    try:
        done = subprocess.run(command, env=environment, capture_output=True, text=True)
    except OSError as error:
        raise SearchIndexError(f"the search index could not be built: {error}") from error
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines() or [f"exit {done.returncode}"]
        raise SearchIndexError(f"the search index could not be built: {said[-1]}")
    for name in _UNUSED:
        (output / name).unlink(missing_ok=True)
    _sort_languages(output / ENTRY)
    return Indexed(len(list((output / "fragment").glob("*.pf_fragment"))))  # one per page


def _sort_languages(entry: Path) -> None:
    """Pagefind lists the languages of its index in no fixed order: sort them, so that two
    builds of one site are byte-identical (the script reads them by name)."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data["languages"].items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
