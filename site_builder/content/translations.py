"""Translation files: which file is one, and how it must agree with its English file.

``presevo.sq.md`` translates ``presevo.md`` into Albanian. Its statement and timeline texts are
matched to the English entries by position, so the counts must agree; its ``of`` says which
version of the English file it follows, and a translation whose English file changed since is
outdated (``Freshness``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from site_builder.content.diagnostics import Diagnostic
from site_builder.content.languages import LANGUAGE, WRITTEN
from site_builder.content.model import Document, Freshness, Translation


def file_version(text: str) -> str:
    """The version of a file as translations record it: a digest of its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def split_name(name: str) -> tuple[str, str | None]:
    """("presevo", "sq") for "presevo.sq.md", ("presevo", None) for "presevo.md"."""
    stem = name.removesuffix(".md")
    slug, dot, code = stem.rpartition(".")
    return (slug, code) if dot and code in LANGUAGE else (stem, None)


def language_file_problem(name: str, code: str) -> str | None:
    """Why a file with a language suffix cannot be a translation, if it cannot."""
    if code in WRITTEN:
        return None
    language = LANGUAGE[code]
    if language.derived_from:
        source = name.replace(f".{code}.md", f".{language.derived_from}.md")
        return (
            f"'{name}' is derived by the build from the Cyrillic translation '{source}': "
            "write that file instead"
        )
    return f"'{name}' is the English file's name with '.{code}': English files end in '.md'"


def agreement_problems(translation: Translation, english: Document) -> list[Diagnostic]:
    """Statements and timeline entries are matched by position: their counts must agree."""
    problems: list[Diagnostic] = []

    def problem(key: str, message: str) -> None:
        line = translation.lines.get(key, translation.lines.get("translation", 1))
        problems.append(Diagnostic(translation.path, line, message))

    statements = {p.actor: len(p.statements) for p in english.positions}
    for actor, texts in translation.positions.items():
        key = f"translation.positions.{actor}"
        if actor not in statements:
            problem(key, f"'{actor}' has no statements in {english.path}")
        elif len(texts) != statements[actor]:
            problem(key, _count_message(key, len(texts), statements[actor], english.path))
    entries = len(english.timeline)
    if translation.timeline and len(translation.timeline) != entries:
        key = "translation.timeline"
        problem(key, _count_message(key, len(translation.timeline), entries, english.path))
    return problems


def _count_message(key: str, found: int, wanted: int, english: str) -> str:
    return (
        f"'{key}' has {found} {'text' if found == 1 else 'texts'}, but {english} has {wanted}: "
        "translate each entry, in the same order"
    )


def freshness(
    english: Document, translations: Mapping[tuple[str, str], Translation], language: str
) -> Freshness:
    translation = translations.get((language, english.slug))
    outdated = translation is not None and translation.of != english.version
    return Freshness(english.src_uri, translation, outdated)
