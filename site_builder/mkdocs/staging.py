"""The output folder of one MkDocs build: staged, then published only if nothing went wrong.

MkDocs writes into ``site_dir`` as it goes; the build points it at a staging folder beside the
real one (see ``site.publish``). A strict build that has warned must not be published either,
but MkDocs only says so after ``on_post_build``: so warnings are counted here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import CountHandler

from site_builder.site import publish


class Staging:
    def __init__(self, config: MkDocsConfig, *, atomic: bool) -> None:
        self.site_dir = Path(config.site_dir)
        self.staging: Path | None = None
        self.warnings: CountHandler | None = None
        if config.strict:
            self.warnings = CountHandler()
            self.warnings.setLevel(logging.WARNING)
            logging.getLogger("mkdocs").addHandler(self.warnings)
        if atomic:
            self.staging = publish.staging_dir(self.site_dir)
            config.site_dir = str(self.staging)

    def publish(
        self, config: MkDocsConfig, move: Callable[[Path, Path], None] = publish.publish
    ) -> None:
        """Swap the staged site in, unless a strict build warned (MkDocs then fails it).

        ``move(staging, site_dir)`` does it (a preview moves only what changed).
        """
        if self._stop_counting_warnings() or self.staging is None:
            return
        move(self.staging, self.site_dir)
        config.site_dir = str(self.site_dir)
        self.staging = None

    def discard(self) -> None:
        self._stop_counting_warnings()
        if self.staging is not None:
            publish.discard(self.staging)
            self.staging = None

    def _stop_counting_warnings(self) -> bool:
        """Whether a strict build has warned."""
        if self.warnings is None:
            return False
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        warned, self.warnings = bool(self.warnings.get_counts()), None
        return warned
