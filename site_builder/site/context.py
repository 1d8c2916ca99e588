"""What every renderer needs to know about the build, besides the content itself."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from site_builder.content.languages import SOURCE, Language
from site_builder.markdown.prerendered_html import Prerendered
from site_builder.render.fragments import Fragments


def build_date() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH so that builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.datetime.now(tz=dt.UTC).date()


@dataclass(frozen=True)
class BuildContext:
    templates_dir: Path
    build_date: dt.date
    site_name: str = "Kosovo–Serbia Dialogue Explainer"
    site_description: str = ""
    site_url: str | None = None
    directory_urls: bool = True
    #: Set by the site build: its own HTML blocks then pass through Markdown as tokens.
    prerendered: Prerendered | None = field(default=None, compare=False)
    #: The language of the site being rendered (each language's pages get their own context).
    language: Language = SOURCE
    #: Set by a live preview: rows of pages kept from its last build (``render.fragments``).
    fragments: Fragments | None = field(default=None, compare=False, repr=False)
