"""Walk ``content/``: every valid document, and every problem of every file, in one pass.

The folder is listed by ``files`` without following a link (links and special files are
errors) and its assets are checked there. Files are read defensively (size, encoding, NUL
bytes) before their front matter is parsed.
Rules that need the whole folder run once all files are read: slugs are unique and not
reserved, every slug named in front matter exists and is of the right kind, and no name
belongs to two briefs.
"""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol

from site_builder.content.diagnostics import Diagnostic, did_you_mean, has_errors
from site_builder.content.files import (
    MARKDOWN_SUFFIXES,
    Entry,
    Tree,
    asset_paths,
    asset_problems,
    link_diagnostic,
    read_regular,
    scan,
    top_level_output,
)
from site_builder.content.frontmatter import body_of, parse_front_matter
from site_builder.content.generated_pages import GENERATED
from site_builder.content.kinds import (
    BRIEF_KINDS,
    COMMON_KEYS,
    FOLDER_KINDS,
    HOME,
    KIND,
    KINDS,
    Kind,
    folder,
    required_keys,
)
from site_builder.content.languages import WRITTEN, Language
from site_builder.content.model import (
    ACTOR_TYPES,
    AGREEMENT_STATUSES,
    DISPUTE_STATUSES,
    PLACE_TYPES,
    Corpus,
    Document,
    Source,
    StandIn,
    Translation,
)
from site_builder.content.scaffold import PLACEHOLDERS
from site_builder.content.schema import (
    Checked,
    Reference,
    check_front_matter,
    is_slug,
    slug_rule,
    slugified,
)
from site_builder.content.translation_schema import CheckedTranslation, check_translation
from site_builder.content.translations import (
    agreement_problems,
    file_version,
    language_file_problem,
    split_name,
)
from site_builder.site.workers import fork_map, workers_for
from site_builder.text.folding import fold, skeleton

#: Files are refused above this size, before they are parsed.
MAX_FILE_BYTES = 1_000_000
ASSETS_FOLDER = "assets"

_ARTICLES = {"actor": "an", "agreement": "an", "update": "an"}
_FOLDER_LIST = ", ".join(f"{folder}/" for folder in FOLDER_KINDS)
#: Keys whose values tell kinds apart that share the key (an actor's and a place's 'type').
_CHOICES: dict[Kind, dict[str, tuple[str, ...]]] = {
    "actor": {"type": ACTOR_TYPES},
    "place": {"type": PLACE_TYPES},
    "dispute": {"status": DISPUTE_STATUSES},
    "agreement": {"status": AGREEMENT_STATUSES},
}
#: Keys that some kinds have and others do not.
_KIND_ONLY = {key for kind in KINDS for key in kind.keys} - set(COMMON_KEYS)


@dataclass(frozen=True)
class _File:
    """A Markdown file found in a place where a document of ``kind`` belongs (or, with a
    ``language``, its translation)."""

    file: Path
    path: str
    src_uri: str
    kind: Kind
    slug: str
    language: str | None = None


@dataclass(frozen=True)
class _Loaded:
    file: _File
    checked: Checked
    problems: tuple[Diagnostic, ...]
    #: The body and its first line when the front matter was unusable (for a stand-in).
    body: tuple[str, int] | None = None
    translation: CheckedTranslation | None = None

    def stand_in(self) -> StandIn | None:
        """This file as far as it could be read, for checking its body all the same."""
        if self.checked.document is not None:
            return StandIn(self.checked.document, sources_known=True)
        return None if self.body is None else _unusable(self.file, self.body, self.checked.sources)

    def translation_stand_in(self, language: Language, english: StandIn | None) -> StandIn | None:
        """This translation as far as it could be read, as its page of ``language``'s site: the
        English file's page (``english``, as far as that could be read) with this body."""
        translation = self.translation.translation if self.translation else None
        body = (translation.body, translation.body_line) if translation else self.body
        if body is None:
            return None
        file = self.file
        english = english or _unusable(file, body, None)
        document = replace(
            english.document, src_uri=language.src_uri(file.src_uri), path=file.path,
            language=language.code, body=body[0], body_line=body[1],
        )  # fmt: skip
        return replace(english, document=document)


def _unusable(file: _File, body: tuple[str, int], sources: tuple[Source, ...] | None) -> StandIn:
    """A file whose front matter is unusable: its body, and its sources when they could be read
    (else its citations go unchecked)."""
    document = Document(
        kind=file.kind, slug=file.slug, src_uri=file.src_uri, path=file.path, title=file.slug,
        summary="", body=body[0], body_line=body[1], sources=sources or (),
    )  # fmt: skip
    return StandIn(document, sources_known=sources is not None)


class Memo(Protocol):
    """Results kept from an earlier load (a live preview's), by a digest of their inputs."""

    def get(self, key: str) -> Any: ...

    def put(self, key: str, value: Any) -> Any: ...


def load_corpus(
    content_dir: Path,
    *,
    workers: int = 1,
    theme_dirs: Sequence[Path] = (),
    memo: Memo | None = None,
) -> tuple[Corpus, list[Diagnostic]]:
    """Every valid document of content_dir (ordered by src_uri), and every problem of every file.

    ``workers`` read and check files in parallel (0: one per core for a large folder).
    ``theme_dirs`` are the theme folders whose assets/ files no content asset may replace.
    ``memo`` keeps each file's reading and checking by the digest of its bytes, so that a
    rebuild reads every file but checks only those that changed; the rules that need the
    whole folder run every time.
    Links and special files are reported, never followed (see ``files``).
    """
    prefix = Path(os.path.abspath(content_dir)).name
    if os.path.islink(content_dir):
        return Corpus(()), [link_diagnostic(prefix)]
    if not content_dir.is_dir():
        return Corpus(()), [Diagnostic(prefix, 1, "the content folder does not exist")]
    tree, diagnostics = scan(content_dir, prefix)
    files = _walk(tree, diagnostics)
    diagnostics.extend(asset_problems(tree, theme_dirs))
    if memo is None:
        every = fork_map(_load, files, workers_for(len(files), workers))
    else:
        every = _load_kept(files, memo, workers)
    for item in every:
        diagnostics.extend(item.problems)
    loaded = [item for item in every if item.file.language is None]
    registry = _registry(loaded)
    excluded = _check_slugs(registry, diagnostics)
    _check_references(loaded, registry, diagnostics)
    _check_names(every, diagnostics)
    documents: list[Document] = []
    left_out: dict[str, StandIn | None] = {}
    for item in loaded:
        document = item.checked.document
        if document and not has_errors(item.problems) and item.file.path not in excluded:
            documents.append(document)
        else:
            left_out[item.file.src_uri] = item.stand_in()
    documents.sort(key=lambda d: d.src_uri)
    translations, untranslated = _translations(
        every, {d.src_uri: d for d in documents}, left_out, diagnostics
    )
    corpus = Corpus(
        tuple(documents),
        unloaded=frozenset(registry) - {d.slug for d in documents},
        stand_ins=tuple(s for s in [*left_out.values(), *untranslated] if s is not None),
        assets=asset_paths(tree),
        translations=translations,
    )
    return corpus, diagnostics


def _translations(
    every: list[_Loaded],
    documents: Mapping[str, Document],
    left_out: Mapping[str, StandIn | None],
    diagnostics: list[Diagnostic],
) -> tuple[Mapping[tuple[str, str], Translation], list[StandIn | None]]:
    """The valid translations of valid documents, each checked against its English file, and
    the others as stand-ins, so that their bodies are checked all the same.

    ``documents`` and ``left_out`` (their stand-ins) are the English files, by source path.
    """
    found: dict[tuple[str, str], Translation] = {}
    stand_ins: list[StandIn | None] = []
    for item in every:
        file = item.file
        if file.language is None:
            continue
        document = documents.get(file.src_uri)
        translation = item.translation.translation if item.translation else None
        if document is None and file.src_uri not in left_out:
            name = file.file.name.replace(f".{file.language}.md", ".md")
            message = f"this translates '{name}', which does not exist"
            diagnostics.append(Diagnostic(file.path, 1, message))
        if document is not None and translation is not None:
            problems = agreement_problems(translation, document)
            diagnostics.extend(problems)
            if not problems:
                found[(file.language, file.slug)] = translation
                continue
        english = StandIn(document, sources_known=True) if document else left_out.get(file.src_uri)
        stand_ins.append(item.translation_stand_in(WRITTEN[file.language], english))
    return MappingProxyType(dict(sorted(found.items()))), stand_ins


# -- finding the files ------------------------------------------------------------------------


def _walk(tree: Tree, diagnostics: list[Diagnostic]) -> list[_File]:
    """The Markdown files where documents belong; every other entry's problem."""
    files: list[_File] = []
    for entry in tree.entries(""):
        output = top_level_output(entry.name)
        if output is not None:
            diagnostics.append(Diagnostic(entry.path, 1, output))
        elif entry.is_dir:
            if entry.name in FOLDER_KINDS:
                files.extend(_kind_folder(tree, entry, FOLDER_KINDS[entry.name], diagnostics))
            elif entry.name != ASSETS_FOLDER:
                hint = did_you_mean(entry.name, [*FOLDER_KINDS, ASSETS_FOLDER])
                diagnostics.append(
                    Diagnostic(
                        entry.path,
                        1,
                        f"unknown folder '{entry.name}/'{hint}: content/ holds only {HOME}, "
                        f"{ASSETS_FOLDER}/ and the folders {_FOLDER_LIST}",
                    )
                )
        elif entry.name.endswith(".md") and split_name(entry.name)[0] == "index":
            files.extend(_markdown_file(entry, HOME, "page", diagnostics))
        else:
            rename = _rename_message(entry.name)
            if rename and _stem(entry.name).lower() == "index":
                diagnostics.append(Diagnostic(entry.path, 1, rename))
                continue
            diagnostics.append(Diagnostic(entry.path, 1, _misplaced_file_message(entry.name)))
            if rename:
                diagnostics.append(Diagnostic(entry.path, 1, rename))
    return files


def _stem(name: str) -> str:
    return os.path.splitext(name)[0]


def _rename_message(name: str) -> str | None:
    """For a Markdown file whose extension is not exactly '.md' ('.MD', '.markdown', ...)."""
    suffix = os.path.splitext(name)[1]
    if suffix == ".md" or suffix.lower() not in MARKDOWN_SUFFIXES:
        return None
    stem = _stem(name)
    if not is_slug(stem):
        stem = slugified(stem) or stem
    return f"'{name}' must end in '.md': rename it to '{stem}.md'"


def _misplaced_file_message(name: str) -> str:
    if os.path.splitext(name)[1].lower() in MARKDOWN_SUFFIXES:
        return (
            f"'{name}' must be in one of the folders {_FOLDER_LIST} "
            f"(only {HOME} lives at the top of content/)"
        )
    return f"'{name}' is not a Markdown file: put images and other files in content/assets/"


def _kind_folder(
    tree: Tree, folder: Entry, kind: Kind, diagnostics: list[Diagnostic]
) -> list[_File]:
    files = []
    for entry in tree.entries(folder.name):
        src_uri = f"{folder.name}/{entry.name}"
        if entry.is_dir:
            message = (
                f"sub-folders are not allowed in {folder.name}/: "
                f"move the files of '{entry.name}/' up into {folder.name}/"
            )
            diagnostics.append(Diagnostic(entry.path, 1, message))
        elif (rename := _rename_message(entry.name)) is not None:
            diagnostics.append(Diagnostic(entry.path, 1, rename))
        elif not entry.name.endswith(".md"):
            message = (
                f"'{entry.name}' is not a Markdown file: "
                "put images and other files in content/assets/"
            )
            diagnostics.append(Diagnostic(entry.path, 1, message))
        else:
            files.extend(_markdown_file(entry, src_uri, kind, diagnostics))
    return files


def _markdown_file(
    entry: Entry, src_uri: str, kind: Kind, diagnostics: list[Diagnostic]
) -> list[_File]:
    """A document, or the translation of one (``presevo.sq.md``)."""
    slug, language = split_name(entry.name)
    if language is None:
        return [_File(entry.file, entry.path, src_uri, kind, slug)]
    problem = language_file_problem(entry.name, language)
    if problem is not None:
        diagnostics.append(Diagnostic(entry.path, 1, problem))
        return []
    english_uri = src_uri.replace(f".{language}.md", ".md")
    return [_File(entry.file, entry.path, english_uri, kind, slug, language)]


# -- one file ---------------------------------------------------------------------------------


def _load_kept(files: list[_File], memo: Memo, workers: int) -> list[_Loaded]:
    """``_load`` of every file, taken from ``memo`` for a file whose bytes it has seen."""
    keys: list[str | None] = []
    data: dict[int, bytes] = {}
    for index, file in enumerate(files):
        try:
            data[index] = read_regular(file.file, MAX_FILE_BYTES + 1)
        except OSError:  # _load reports it
            keys.append(None)
            continue
        keys.append(_memo_key(file, data[index]))
    kept = [memo.get(key) if key else None for key in keys]
    missing = [i for i, item in enumerate(kept) if item is None]
    made = fork_map(
        lambda i: _load(files[i], data.get(i)), missing, workers_for(len(missing), workers)
    )
    for index, item in zip(missing, made, strict=True):
        kept[index] = item
    for key, item in zip(keys, kept, strict=True):
        if key is not None:
            memo.put(key, item)
    return [item for item in kept if item is not None]


def _memo_key(file: _File, data: bytes) -> str:
    return f"load {file!r} {hashlib.blake2b(data, digest_size=20).hexdigest()}"


def reload_document(content_dir: Path, src_uri: str, memo: Memo) -> Document | None:
    """The English document at ``src_uri`` read and checked again on its own (a live preview's
    body edit, ``site.body_edits``); None unless it is one, without a problem of its own.

    The rules that need the whole folder are not run: they read only front matter, which
    the caller has found as it was.
    """
    folder, _, name = src_uri.rpartition("/")
    kind = FOLDER_KINDS.get(folder)
    slug, language = split_name(name)
    if kind is None or language is not None or not name.endswith(".md"):
        return None
    prefix = Path(os.path.abspath(content_dir)).name
    file = _File(content_dir / src_uri, f"{prefix}/{src_uri}", src_uri, kind, slug)
    try:
        data = read_regular(file.file, MAX_FILE_BYTES + 1)
    except OSError:
        return None
    key = _memo_key(file, data)
    loaded: _Loaded = memo.get(key) or memo.put(key, _load(file, data))
    return None if loaded.problems else loaded.checked.document


def _load(file: _File, data: bytes | None = None) -> _Loaded:
    """Read (unless its ``data`` was read), parse and check one file."""
    problems: list[Diagnostic] = []
    if not is_slug(file.slug):
        message = f"'{file.file.name}' is not a valid file name ({slug_rule(file.slug, '.md')})"
        problems.append(Diagnostic(file.path, 1, message))
    checked = Checked(None, (), (), ())
    text = _read_text(file, problems, data)
    if text is not None:
        problems.extend(_placeholders(file, text))
        front, front_problems = parse_front_matter(text, file.path)
        problems.extend(front_problems)
        if front is not None and file.language is not None:
            translation = check_translation(
                front, language=file.language, slug=file.slug, path=file.path
            )
            body = None if translation.translation else (front.body, front.body_line)
            return _Loaded(file, checked, (*problems, *translation.diagnostics), body, translation)
        if front is not None:
            checked = check_front_matter(
                front, kind=file.kind, slug=file.slug, src_uri=file.src_uri, path=file.path
            )
            problems.extend(checked.diagnostics)
            if has_errors(checked.diagnostics):
                problems.extend(_elsewhere(file, front.data))
            elif checked.document is not None:
                document = replace(checked.document, version=file_version(text))
                checked = replace(checked, document=document)
    body = body_of(text) if text is not None and checked.document is None else None
    return _Loaded(file, checked, tuple(problems), body)


def _elsewhere(file: _File, data: dict[str, Any]) -> list[Diagnostic]:
    """A brief of another kind put in this folder (a dispute in actors/): say where it goes.

    It goes where the keys that only that kind requires are all there, and fit.
    """
    if _fits(file.kind, data):
        return []
    candidates = [
        k.name for k in KINDS if k.name != file.kind and _specific(k.name) and _fits(k.name, data)
    ]
    candidates = [
        k for k in candidates if not any(set(_specific(k)) < set(_specific(o)) for o in candidates)
    ]
    if len(candidates) != 1:
        return []
    kind = candidates[0]
    shown = [
        f"'{key}: {data[key]}'" if key in _CHOICES.get(file.kind, {}) else f"'{key}'"
        for key in _specific(kind)
    ]
    keys = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
    message = (
        f"this looks like {_with_article(kind)} (it has {keys}): move it to content/{folder(kind)}/"
    )
    return [Diagnostic(file.path, 1, message)]


def _specific(kind: Kind) -> tuple[str, ...]:
    """The keys only some kinds require (a dispute's 'status' and 'parties')."""
    return tuple(key for key in required_keys(kind) if key not in COMMON_KEYS)


def _fits(kind: Kind, data: dict[str, Any]) -> bool:
    """Whether the keys that set kinds apart are those of this kind, with values it allows."""
    if not all(key in data for key in _specific(kind)):
        return False
    for key, choices in _CHOICES.get(kind, {}).items():
        if key in data and data[key] not in choices:
            return False
    return all(key in KIND[kind].keys for key in data if key in _KIND_ONLY)


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


def _read_text(file: _File, problems: list[Diagnostic], data: bytes | None) -> str | None:
    """The file as text, or None with a problem when it is too large, binary or not UTF-8."""
    if data is None:
        try:
            data = read_regular(file.file, MAX_FILE_BYTES + 1)
        except OSError as error:
            message = f"the file cannot be read: {error.strerror}"
            problems.append(Diagnostic(file.path, 1, message))
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
            if slug in GENERATED or (slug == "index" and file.src_uri != HOME):
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
    """One name may belong to one brief only, compared as a reader sees it: without diacritics,
    and with look-alike letters, compatibility forms and invisible characters seen through
    (the skeleton of Unicode TR39), so "Kоsovo" with a Cyrillic "о" is "Kosovo". A brief's
    translations give it names too, in their languages."""
    # skeleton -> brief -> the first (file, name, line) that gave the brief that name
    claims: dict[str, dict[str, tuple[str, str, int]]] = defaultdict(dict)
    for item in loaded:
        if item.file.kind in BRIEF_KINDS:
            names = item.translation.names if item.translation else item.checked.names
            for name, line in names:
                claims[skeleton(name)].setdefault(item.file.slug, (item.file.path, name, line))
    reported: set[tuple[str, int, str]] = set()  # a name's two scripts clash once, not twice
    for owners in claims.values():
        for path, name, line in owners.values():
            for other, other_name, _ in owners.values():
                if other != path and (path, line, other) not in reported:
                    reported.add((path, line, other))
                    message = f"name '{name}' is also a name of {other}"
                    if fold(name) != fold(other_name):
                        message += f" (it looks the same as '{other_name}' there)"
                    diagnostics.append(Diagnostic(path, line, message))
