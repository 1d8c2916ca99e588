"""Which translations are current: the ``site-builder translations`` report, and ``--stamp``.

A translation records in ``translation.of`` the version of the English file it follows. The
report compares it with each English file as it is now; stamping writes the current version
into a translation once a translator has brought it up to date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from site_builder.content.languages import WRITTEN
from site_builder.content.model import Corpus
from site_builder.content.translations import file_version, freshness, split_name

UP_TO_DATE, OUTDATED, UNREVIEWED, MISSING = "up to date", "outdated", "unreviewed", "missing"
#: A translation file that the checks left out: ``site-builder check`` says why.
INVALID = "invalid (see check)"
_OF = re.compile(r"^(?P<indent>[ \t]+)of:.*$", re.MULTILINE)
_TRANSLATION = re.compile(r"^translation:[ \t]*$", re.MULTILINE)


class StampError(Exception):
    """A file that cannot be stamped, with what to do instead."""


@dataclass(frozen=True)
class Status:
    language: str
    #: The translation file, or where it would be.
    path: str
    state: str
    unreviewed: bool = False


def statuses(corpus: Corpus, content_dir: Path) -> Iterator[Status]:
    """Every brief and page in every written language, in language then path order."""
    prefix = content_dir.name
    for code in WRITTEN:
        for doc in sorted(corpus.documents, key=lambda d: d.src_uri):
            fresh = freshness(doc, corpus.translations, code)
            translation = fresh.translation
            if translation is None:
                name = f"{doc.src_uri.removesuffix('.md')}.{code}.md"
                there = (content_dir / name).is_file()
                yield Status(code, f"{prefix}/{name}", INVALID if there else MISSING)
            elif fresh.outdated:
                yield Status(code, translation.path, OUTDATED, translation.reviewed is None)
            elif translation.reviewed is None:
                yield Status(code, translation.path, UNREVIEWED, True)
            else:
                yield Status(code, translation.path, UP_TO_DATE)


def stamp(translation_file: Path) -> str:
    """Record in ``translation_file`` the English file's current version; returns it."""
    slug, code = split_name(translation_file.name)
    if code not in WRITTEN:
        raise StampError(f"{translation_file} is not a translation file (such as 'x.sq.md')")
    english = translation_file.with_name(f"{slug}.md")
    if not english.is_file() or not translation_file.is_file():
        missing = english if translation_file.is_file() else translation_file
        raise StampError(f"{missing} does not exist")
    version = file_version(english.read_text(encoding="utf-8"))
    # A digest of digits alone ("123456789012") would read as a number: quote it then.
    written = version if yaml.safe_load(version) == version else f'"{version}"'
    text = translation_file.read_text(encoding="utf-8")
    if not text.startswith("---\n") or "\n---\n" not in text[3:] + "\n":
        raise StampError(f"{translation_file} has no front matter between '---' lines")
    end = text.index("\n---", 3) + 1
    front, rest = text[:end], text[end:]
    if _OF.search(front):
        front = _OF.sub(lambda m: f"{m['indent']}of: {written}", front, count=1)
    elif _TRANSLATION.search(front):
        front = _TRANSLATION.sub(f"translation:\n  of: {written}", front, count=1)
    elif re.search(r"^translation:", front, re.MULTILINE):
        raise StampError(
            f"{translation_file}: write 'translation:' as a block (one key a line) to stamp it"
        )
    else:
        front += f"translation:\n  of: {written}\n"
    translation_file.write_text(front + rest, encoding="utf-8")
    return version
