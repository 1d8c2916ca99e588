"""Documents and corpora for tests, without files: only what a test cares about is spelled out."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

from site_builder.context import BuildContext
from site_builder.model import KIND_FOLDERS, Corpus, Document, Kind

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = REPO / "theme" / "site_builder"


def make_doc(kind: Kind, slug: str, title: str, **fields: Any) -> Document:
    src_uri = "index.md" if slug == "index" else f"{KIND_FOLDERS[kind]}/{slug}.md"
    fields.setdefault("summary", f"What {title} is.")
    fields.setdefault("body", "")
    fields.setdefault("body_line", 5)
    return Document(
        kind=kind, slug=slug, src_uri=src_uri, path=f"content/{src_uri}", title=title, **fields
    )


def make_corpus(*docs: Document) -> Corpus:
    return Corpus(tuple(sorted(docs, key=lambda d: d.src_uri)))


def make_ctx(**fields: Any) -> BuildContext:
    fields.setdefault("templates_dir", TEMPLATES)
    fields.setdefault("build_date", dt.date(2026, 1, 1))
    return BuildContext(**fields)


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the SHA-256 of its bytes."""
    return {
        str(file.relative_to(folder)): hashlib.sha256(file.read_bytes()).hexdigest()
        for file in sorted(folder.rglob("*"))
        if file.is_file()
    }
