"""A live preview's search index, made after its pages are published (``site.search_index``).

Pagefind indexes every page again each time (it cannot update an index in place), which takes
seconds at 1,000 briefs: a preview that indexed before publishing would keep the reader
waiting for every save. So a preview publishes the pages first and indexes them in a process
of its own, while the index still published is held back (``ready``): search answers only
once it is the index of the pages being served, never from the previous one. A save that comes
while indexing stops that run (the pages it read are changing) and starts another.

Run as ``python -m site_builder.site.background_index SITE_DIR``, with the pages' paths on its
input, one a line, in the site's page order, the indexer is the build's (``SearchIndex``,
through ``index_site``): fed the same pages in the same order, it makes the same bytes. It runs
in its own process group, so that stopping it stops Pagefind too.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from site_builder.site.search_index import FAILED, SearchIndexError, index_site


class BackgroundIndex:
    """One indexing run at a time, over one site folder, each started after a publish."""

    def __init__(self, done: Callable[[str | None, float], None] | None = None) -> None:
        """``done(failure, seconds)`` is called as each run that was not stopped ends."""
        self._done = done
        self._lock = threading.Lock()
        self._process: subprocess.Popen[str] | None = None
        self._ready = threading.Event()
        self.failure: str | None = None

    def start(self, site_dir: Path, pages: Sequence[str]) -> None:
        """Index ``pages`` of ``site_dir`` (their paths there, in the site's page order),
        stopping a run still going: searches wait until it is done."""
        self.stop()
        with self._lock:
            self.failure = None
            process = subprocess.Popen(
                [sys.executable, "-m", __name__, str(site_dir)],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                start_new_session=True,  # its own process group: Pagefind is stopped with it
            )
            self._process = process
        given = "".join(f"{page}\n" for page in pages)
        thread = threading.Thread(target=self._wait, args=(process, given, time.monotonic()))
        thread.daemon = True
        thread.start()

    def stop(self) -> None:
        """Stop the run going, if any; the index is not ready until the next run ends."""
        with self._lock:
            process, self._process = self._process, None
            self._ready.clear()
        if process is not None and process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            process.wait()

    def wait(self, timeout: float | None = None) -> bool:
        """Whether the index of the pages published last is ready (or failed) within ``timeout``."""
        return self._ready.wait(timeout)

    def _wait(self, process: subprocess.Popen[str], pages: str, started: float) -> None:
        _, errors = process.communicate(pages)  # a pipe closed by a stopped run is no error
        with self._lock:
            if process is not self._process:  # stopped: another run follows, or none is wanted
                return
            self._process = None
            if process.returncode != 0:
                said = (errors or "").strip().splitlines() or [f"exit {process.returncode}"]
                last = said[-1]  # the indexer's error, which says what failed, or its crash's
                self.failure = last if last.startswith(FAILED) else f"{FAILED}: {last}"
            self._ready.set()
        if self._done is not None:
            self._done(self.failure, time.monotonic() - started)


def main() -> int:
    try:
        index_site(Path(sys.argv[1]), sys.stdin.read().splitlines())
    except SearchIndexError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
