"""The rules for a translation file's front matter: only what changes with the language.

A translation holds ``title``, ``summary``, ``aliases`` and ``translation`` (``of``,
``reviewed``, the statements' and the timeline's texts). Everything else comes from the
English file, so a key of that kind in a translation is an error that says so. The texts are
matched to the English entries by position, which the loader checks once both are read
(``content.translations``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from site_builder.content.diagnostics import Diagnostic, did_you_mean
from site_builder.content.frontmatter import FrontMatter
from site_builder.content.kinds import COMMON_KEYS, KINDS
from site_builder.content.model import Translation
from site_builder.content.schema import FieldChecker, describe

KEYS = ("title", "summary", "aliases", "translation")
REQUIRED = ("title", "summary")
TRANSLATION_KEYS = ("of", "reviewed", "positions", "timeline")
#: The version ``site-builder translations --stamp`` writes: a digest of the English file.
VERSION = re.compile(r"[0-9a-f]{12}")
_ENGLISH_ONLY = frozenset(COMMON_KEYS).union(*(kind.keys for kind in KINDS)) - set(KEYS)


@dataclass(frozen=True)
class CheckedTranslation:
    translation: Translation | None
    #: Every name the translation gives (title, aliases) with its line, valid or not.
    names: tuple[tuple[str, int], ...]
    diagnostics: tuple[Diagnostic, ...]


def check_translation(
    front: FrontMatter, *, language: str, slug: str, path: str, today: dt.date | None = None
) -> CheckedTranslation:
    checker = FieldChecker(front.lines, "page", path, slug, today or dt.date.today())
    data = front.data
    for key in REQUIRED:
        if key not in data:
            checker.error("", f"missing required key '{key}'")
    for key in data:
        if key in _ENGLISH_ONLY:
            checker.error(
                key,
                f"'{key}' comes from the English file: a translation holds only "
                "title, summary, aliases and translation",
            )
        elif key not in KEYS:
            checker.unknown_key(key, KEYS)
    title = checker.name("title", data["title"]) if "title" in data else None
    summary = checker.summary(data["summary"]) if "summary" in data else None
    aliases = checker.list_of("aliases", data.get("aliases", []), checker.alias)
    fields = _translation(checker, data.get("translation", {}))
    checker.policy(data)
    translation = None
    if not checker.diagnostics and title and summary and aliases is not None and fields:
        translation = Translation(
            language=language, slug=slug, path=path, title=title, summary=summary,
            body=front.body, body_line=front.body_line, aliases=aliases,
            lines=front.lines, **fields,
        )  # fmt: skip
    return CheckedTranslation(translation, tuple(checker.names), tuple(checker.diagnostics))


def _translation(checker: FieldChecker, value: Any) -> dict[str, Any] | None:
    mapping = checker.mapping("translation", value)
    if mapping is None:
        return None
    fields: dict[str, Any] = {"positions": {}, "timeline": ()}
    valid = True
    for key, item in mapping.items():
        path = f"translation.{key}"
        if key not in TRANSLATION_KEYS:
            hint = did_you_mean(key, TRANSLATION_KEYS)
            checker.error(path, f"unknown key '{key}' in 'translation'{hint}")
            valid = False
            continue
        checked = _FIELDS[key](checker, path, item)
        valid = valid and checked is not None
        fields[key] = checked
    return fields if valid else None


def _of(checker: FieldChecker, path: str, value: Any) -> str | None:
    text = checker.text(path, value)
    if text is not None and not VERSION.fullmatch(text):
        checker.error(
            path,
            f"'{path}' is written by 'site-builder translations --stamp FILE', not by hand: "
            "remove it and run that command",
        )
        return None
    return text


def _positions(checker: FieldChecker, path: str, value: Any) -> dict[str, tuple[str, ...]] | None:
    mapping = checker.mapping(path, value)
    if mapping is None:
        return None
    texts = {actor: checker.list_of(f"{path}.{actor}", items, _text(checker))
             for actor, items in mapping.items()}  # fmt: skip
    if any(items is None for items in texts.values()):
        return None
    return {actor: items for actor, items in texts.items() if items is not None}


def _timeline(checker: FieldChecker, path: str, value: Any) -> tuple[str, ...] | None:
    return checker.list_of(path, value, _text(checker))


def _text(checker: FieldChecker) -> Callable[[str, Any], str | None]:
    """A list item's rule: a text alone, where a contributor might copy a whole record."""

    def text(path: str, value: Any) -> str | None:
        if isinstance(value, dict):
            checker.error(
                path,
                f"'{path}' must be the translated text alone, not {describe(value)}: the date "
                "and source come from the English file",
            )
            return None
        return checker.text(path, value)

    return text


_FIELDS = {
    "of": _of,
    "reviewed": lambda checker, path, value: checker.past_day(path, value),
    "positions": _positions,
    "timeline": _timeline,
}
