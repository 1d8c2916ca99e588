"""Walk ``content/``: every valid document, and every problem of every file, in one pass.

Files are read defensively (size, encoding, NUL bytes) before their front matter is parsed.
Rules that need the whole folder run once all files are read: slugs are unique and not
reserved, every slug named in front matter exists and is of the right kind, and no name
belongs to two briefs.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from site_builder.diagnostics import Diagnostic, did_you_mean, has_errors
from site_builder.folding import fold
from site_builder.frontmatter import body_of, parse_front_matter
from site_builder.model import (
    BRIEF_KINDS,
    FOLDER_KINDS,
    GENERATED_SLUGS,
    Corpus,
    Document,
    Kind,
    StandIn,
)
from site_builder.parallel import fork_map, workers_for
from site_builder.scaffold import PLACEHOLDERS
from site_builder.schema import Checked, Reference, check_front_matter, is_slug, slug_rule

#: Files are refused above this size, before they are parsed.
MAX_FILE_BYTES = 1_000_000
ASSETS_FOLDER = "assets"
HOME = "index.md"

_ARTICLES = {"actor": "an", "agreement": "an", "update": "an"}
_FOLDER_LIST = ", ".join(f"{folder}/" for folder in FOLDER_KINDS)


@dataclass(frozen=True)
class _File:
    """A Markdown file found in a place where a document of ``kind`` belongs."""

    file: Path
    path: str
    src_uri: str
    kind: Kind
    slug: str


@dataclass(frozen=True)
class _Loaded:
    file: _File
    checked: Checked
    problems: tuple[Diagnostic, ...]
    #: The body and its first line when the front matter was unusable (for a stand-in).
    body: tuple[str, int] | None = None

    def stand_in(self) -> StandIn | None:
        """This file as far as it could be read, for checking its body all the same."""
        if self.checked.document is not None:
            return StandIn(self.checked.document, sources_known=True)
        if self.body is None:
            return None
        file = self.file
        document = Document(
            kind=file.kind, slug=file.slug, src_uri=file.src_uri, path=file.path,
            title=file.slug, summary="", body=self.body[0], body_line=self.body[1],
        )  # fmt: skip
        return StandIn(document, sources_known=False)


def load_corpus(content_dir: Path, *, workers: int = 1) -> tuple[Corpus, list[Diagnostic]]:
    """Every valid document of content_dir (ordered by src_uri), and every problem of every file.

    ``workers`` read and check files in parallel (0: one per core for a large folder).
    """
    prefix = Path(os.path.abspath(content_dir)).name
    if not content_dir.is_dir():
        return Corpus(()), [Diagnostic(prefix, 1, "the content folder does not exist")]
    files, diagnostics = _walk(content_dir, prefix)
    loaded = fork_map(_load, files, workers_for(len(files), workers))
    for item in loaded:
        diagnostics.extend(item.problems)
    registry = _registry(loaded)
    excluded = _check_slugs(registry, diagnostics)
    _check_references(loaded, registry, diagnostics)
    _check_names(loaded, diagnostics)
    documents: list[Document] = []
    left_out: list[StandIn | None] = []
    for item in loaded:
        document = item.checked.document
        if document and not has_errors(item.problems) and item.file.path not in excluded:
            documents.append(document)
        else:
            left_out.append(item.stand_in())
    documents.sort(key=lambda d: d.src_uri)
    corpus = Corpus(
        tuple(documents),
        unloaded=frozenset(registry) - {d.slug for d in documents},
        stand_ins=tuple(s for s in left_out if s is not None),
    )
    return corpus, diagnostics


# -- finding the files ------------------------------------------------------------------------


def _ignored(entry: Path) -> bool:
    """Hidden files and editor backups, which a live preview must not trip over."""
    return entry.name.startswith(".") or entry.name.endswith("~")


def _entries(folder: Path, path: str, diagnostics: list[Diagnostic]) -> list[Path]:
    """The folder's entries in name order, so that every run reports in the same order."""
    try:
        return sorted((e for e in folder.iterdir() if not _ignored(e)), key=lambda e: e.name)
    except OSError as error:
        diagnostics.append(Diagnostic(path, 1, f"the folder cannot be read: {error.strerror}"))
        return []


def _walk(content_dir: Path, prefix: str) -> tuple[list[_File], list[Diagnostic]]:
    files: list[_File] = []
    diagnostics: list[Diagnostic] = []
    for entry in _entries(content_dir, prefix, diagnostics):
        path = f"{prefix}/{entry.name}"
        if entry.is_dir():
            if entry.name in FOLDER_KINDS:
                files.extend(_kind_folder(entry, prefix, FOLDER_KINDS[entry.name], diagnostics))
            elif entry.name != ASSETS_FOLDER:
                hint = did_you_mean(entry.name, [*FOLDER_KINDS, ASSETS_FOLDER])
                diagnostics.append(
                    Diagnostic(
                        path,
                        1,
                        f"unknown folder '{entry.name}/'{hint}: content/ holds only {HOME}, "
                        f"{ASSETS_FOLDER}/ and the folders {_FOLDER_LIST}",
                    )
                )
        elif entry.name == HOME and entry.is_file():
            files.append(_File(entry, path, HOME, "page", "index"))
        else:
            diagnostics.append(Diagnostic(path, 1, _misplaced_file_message(entry.name)))
    return files, diagnostics


def _misplaced_file_message(name: str) -> str:
    if name.endswith(".md"):
        return (
            f"'{name}' must be in one of the folders {_FOLDER_LIST} "
            f"(only {HOME} lives at the top of content/)"
        )
    return f"'{name}' is not a Markdown file: put images and other files in content/assets/"


def _kind_folder(
    folder: Path, prefix: str, kind: Kind, diagnostics: list[Diagnostic]
) -> list[_File]:
    files = []
    for entry in _entries(folder, f"{prefix}/{folder.name}", diagnostics):
        src_uri = f"{folder.name}/{entry.name}"
        path = f"{prefix}/{src_uri}"
        if entry.is_dir():
            message = (
                f"sub-folders are not allowed in {folder.name}/: "
                f"move the files of '{entry.name}/' up into {folder.name}/"
            )
            diagnostics.append(Diagnostic(path, 1, message))
        elif not entry.name.endswith(".md") or not entry.is_file():
            message = (
                f"'{entry.name}' is not a Markdown file: "
                "put images and other files in content/assets/"
            )
            diagnostics.append(Diagnostic(path, 1, message))
        else:
            files.append(_File(entry, path, src_uri, kind, entry.name.removesuffix(".md")))
    return files


# -- one file ---------------------------------------------------------------------------------


def _load(file: _File) -> _Loaded:
    """Read, parse and check one file."""
    problems: list[Diagnostic] = []
    if not is_slug(file.slug):
        message = f"'{file.file.name}' is not a valid file name ({slug_rule(file.slug, '.md')})"
        problems.append(Diagnostic(file.path, 1, message))
    checked = Checked(None, (), (), ())
    text = _read_text(file, problems)
    if text is not None:
        problems.extend(_placeholders(file, text))
        front, front_problems = parse_front_matter(text, file.path)
        problems.extend(front_problems)
        if front is not None:
            checked = check_front_matter(
                front, kind=file.kind, slug=file.slug, src_uri=file.src_uri, path=file.path
            )
            problems.extend(checked.diagnostics)
    body = body_of(text) if text is not None and checked.document is None else None
    return _Loaded(file, checked, tuple(problems), body)


def _placeholders(file: _File, text: str) -> list[Diagnostic]:
    """Words ``new`` wrote for the contributor to replace: the brief passes, but says so."""
    found = []
    for placeholder in PLACEHOLDERS:
        index = text.find(placeholder)
        if index >= 0:
            line = text.count("\n", 0, index) + 1
            message = (
                f"'{placeholder}' is placeholder text from 'site-builder new': "
                "replace it with what the brief needs"
            )
            found.append(Diagnostic(file.path, line, message, "warning"))
    return found


def _read_text(file: _File, problems: list[Diagnostic]) -> str | None:
    """The file as text, or None with a problem when it is too large, binary or not UTF-8."""
    try:
        with file.file.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        problems.append(Diagnostic(file.path, 1, f"the file cannot be read: {error.strerror}"))
        return None
    if len(data) > MAX_FILE_BYTES:
        message = f"the file is larger than {MAX_FILE_BYTES:,} bytes; split it into smaller ones"
        problems.append(Diagnostic(file.path, 1, message))
        return None
    if b"\0" in data:
        line = data.count(b"\n", 0, data.index(b"\0")) + 1
        problems.append(Diagnostic(file.path, line, "the file is binary (it contains NUL bytes)"))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start]
        message = f"the file is not UTF-8 text (byte 0x{byte:02x}); save it as UTF-8"
        problems.append(Diagnostic(file.path, line, message))
        return None
    if not text.strip():
        problems.append(Diagnostic(file.path, 1, "the file is empty"))
        return None
    return text


# -- the whole folder -------------------------------------------------------------------------


def _registry(loaded: list[_Loaded]) -> dict[str, list[_File]]:
    """Every file with a valid slug, valid or not: a broken file's slug still exists."""
    registry: dict[str, list[_File]] = defaultdict(list)
    for item in loaded:
        if is_slug(item.file.slug):
            registry[item.file.slug].append(item.file)
    return registry


def _check_slugs(registry: dict[str, list[_File]], diagnostics: list[Diagnostic]) -> set[str]:
    """Report reserved and shared slugs; return the paths of the files that took them."""
    excluded: set[str] = set()
    for slug, files in registry.items():
        claimants = []
        for file in files:
            if slug in GENERATED_SLUGS or (slug == "index" and file.src_uri != HOME):
                excluded.add(file.path)
                diagnostics.append(Diagnostic(file.path, 1, _reserved_message(slug)))
            else:
                claimants.append(file)
        for file in claimants if len(claimants) > 1 else ():
            excluded.add(file.path)
            for other in claimants:
                if other is not file:
                    message = f"slug '{slug}' is also used by {other.path}"
                    diagnostics.append(Diagnostic(file.path, 1, message))
    return excluded


def _reserved_message(slug: str) -> str:
    if slug == "index":
        return f"the slug 'index' is reserved for the home page (content/{HOME}); rename the file"
    return f"the slug '{slug}' is reserved for a generated page; rename the file"


def _check_references(
    loaded: list[_Loaded], registry: dict[str, list[_File]], diagnostics: list[Diagnostic]
) -> None:
    for item in loaded:
        for reference in item.checked.references:
            message = _reference_problem(reference, item.file, registry)
            if message:
                diagnostics.append(Diagnostic(item.file.path, reference.line, message))


def _reference_problem(
    reference: Reference, source: _File, registry: dict[str, list[_File]]
) -> str | None:
    slug, key, kinds = reference.slug, reference.key, reference.kinds
    targets = registry.get(slug)
    if not targets:
        candidates = [s for s, files in registry.items() if not kinds or files[0].kind in kinds]
        noun = " or ".join(kinds) if kinds else "slug"
        return f"unknown {noun} '{slug}' in '{key}'{did_you_mean(slug, candidates)}"
    target = targets[0]
    if target.path == source.path:
        return f"'{slug}' in '{key}' points at this file itself"
    if kinds and target.kind not in kinds:
        wanted = " or ".join(_with_article(kind) for kind in kinds)
        return f"'{slug}' in '{key}' is {_with_article(target.kind)}, not {wanted} ({target.path})"
    return None


def _with_article(kind: Kind) -> str:
    return f"{_ARTICLES.get(kind, 'a')} {kind}"


def _check_names(loaded: list[_Loaded], diagnostics: list[Diagnostic]) -> None:
    """One name, compared without diacritics, may belong to one brief only."""
    claims: dict[str, dict[str, tuple[str, int]]] = defaultdict(dict)
    for item in loaded:
        if item.file.kind in BRIEF_KINDS:
            for name, line in item.checked.names:
                claims[fold(name)].setdefault(item.file.path, (name, line))
    reported: set[tuple[str, int, str]] = set()  # a name's two scripts clash once, not twice
    for owners in claims.values():
        for path, (name, line) in owners.items():
            for other in owners:
                if other != path and (path, line, other) not in reported:
                    reported.add((path, line, other))
                    message = f"name '{name}' is also a name of {other}"
                    diagnostics.append(Diagnostic(path, line, message))
