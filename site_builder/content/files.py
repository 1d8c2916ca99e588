"""The files of ``content/``, found without following a link, and the rules for its assets.

Every folder under ``content/`` is listed, hidden ones too (the site engine walks them all, and
follows links as it goes), and every entry is typed with ``lstat``. A symbolic link or a special
file (FIFO, socket, device) anywhere is an error and is never opened or entered: the engine
would publish what a link points at (``/etc/passwd``, ``/proc/self/environ``, a whole folder
outside the repository), and reading a FIFO would block the build. Git stores links, so a pull
request can carry them. The plugin stops a build on these problems before the engine walks the
folder (see ``stops_the_build``).

Assets (``content/assets/``) are published as they are, so only the types a brief needs are
allowed, recognised by extension and by their first bytes; they have a size limit, and may not
take a path that the theme or the build publishes. Raster images and PDF cannot run script in
the site's pages; SVG and HTML can, and are refused.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from site_builder.content.diagnostics import Diagnostic
from site_builder.content.languages import LANGUAGES, SOURCE_CODE
from site_builder.render.catalogue import translate

SYMLINK = "is a symbolic link; copy the file instead"
SPECIAL = "is not a regular file"

ASSETS = "assets"
MAX_ASSET_BYTES = 5_000_000
#: Allowed asset extensions (compared in lower case) and the type their bytes must have.
ASSET_TYPES = {
    ".png": "PNG",
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".gif": "GIF",
    ".webp": "WebP",
    ".avif": "AVIF",
    ".pdf": "PDF",
}
_EXTENSION = {"PNG": ".png", "JPEG": ".jpg", "GIF": ".gif", "WebP": ".webp", "AVIF": ".avif",
              "PDF": ".pdf"}  # fmt: skip
_ALLOWED = "use PNG, JPEG, GIF, WebP, AVIF or PDF"
#: What the site engine renders as a page (MkDocs' list): a brief needs '.md'.
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")

#: Published by the theme (Material's script, styles and icon), whatever its version names them.
THEME_FOLDERS = ("assets/javascripts/", "assets/stylesheets/")
THEME_FILES = ("assets/images/favicon.png",)
#: Written by the build at the top of the site (the feed, the diagram, sitemap, 404, and the
#: search index's folder, ``site.search_index.INDEX_FOLDER``).
BUILD_OUTPUTS = ("feed.xml", "diagram.svg", "sitemap.xml", "sitemap.xml.gz", "404.html", "pagefind")
_SITE_FOLDERS = {lang.code: lang for lang in LANGUAGES if not lang.is_source}


@dataclass(frozen=True)
class Entry:
    """A regular file or folder: ``path`` as diagnostics show it, ``file`` to open it."""

    name: str
    path: str
    file: Path
    is_dir: bool
    size: int


@dataclass
class Tree:
    """Every regular file and folder under content/, by folder ('' is content/ itself)."""

    folders: dict[str, list[Entry]] = field(default_factory=dict)

    def entries(self, folder: str) -> list[Entry]:
        """The folder's entries in name order, without hidden files and editor backups."""
        return [e for e in self.folders.get(folder, []) if not ignored(e.name)]


def ignored(name: str) -> bool:
    """Hidden files and editor backups, which a live preview must not trip over."""
    return name.startswith(".") or name.endswith("~")


def symlink_message(name: str) -> str:
    return f"'{name}' {SYMLINK}"


def special_message(name: str) -> str:
    return f"'{name}' {SPECIAL}"


def link_diagnostic(path: str) -> Diagnostic:
    return Diagnostic(path, 1, symlink_message(path.rsplit("/", 1)[-1]))


def stops_the_build(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The links and special files among the diagnostics: the engine must not walk past them."""
    unsafe = []
    for diagnostic in diagnostics:
        name = diagnostic.path.rsplit("/", 1)[-1]
        if diagnostic.message in (symlink_message(name), special_message(name)):
            unsafe.append(diagnostic)
    return unsafe


def stamps(content_dir: Path) -> dict[str, tuple[int, int, int]]:
    """Every entry under content_dir, by path, with its type, size and modification time (by
    ``lstat``: a link is an entry, never followed): what a live preview compares from one save
    to the next, to tell which files changed."""
    found: dict[str, tuple[int, int, int]] = {}
    stack = [("", str(content_dir))]
    while stack:
        relative, folder = stack.pop()
        with os.scandir(folder) as listing:
            for entry in listing:
                info = entry.stat(follow_symlinks=False)
                path = f"{relative}{entry.name}"
                found[path] = (info.st_mode, info.st_size, info.st_mtime_ns)
                if stat.S_ISDIR(info.st_mode):
                    stack.append((f"{path}/", entry.path))
    return found


def scan(content_dir: Path, prefix: str) -> tuple[Tree, list[Diagnostic]]:
    """List every folder under content_dir with lstat only; report links and special files.

    Folders are visited from a stack, not by recursion, so no depth of folders overflows it.
    """
    tree = Tree()
    diagnostics: list[Diagnostic] = []
    stack: list[tuple[str, Path, str]] = [("", content_dir, prefix)]
    while stack:
        relative, folder, shown = stack.pop()
        entries: list[Entry] = []
        tree.folders[relative] = entries
        try:
            children = sorted(folder.iterdir(), key=lambda p: p.name)
        except OSError as error:
            diagnostics.append(Diagnostic(shown, 1, f"the folder cannot be read: {error.strerror}"))
            continue
        for child in children:
            name = _printable(child.name)
            path = f"{shown}/{name}"
            try:
                info = child.lstat()
            except OSError:  # gone since the folder was listed
                continue
            plain = _plain_name(child.name)
            if not plain:  # still checked below: a folder so named is walked all the same
                message = (
                    f"'{_escaped(child.name)}' has control characters or bytes that are not "
                    "UTF-8 in its name; rename it"
                )
                diagnostics.append(Diagnostic(path, 1, message))
            if stat.S_ISLNK(info.st_mode):
                if not _editor_lock(child):
                    diagnostics.append(Diagnostic(path, 1, symlink_message(name)))
            elif stat.S_ISDIR(info.st_mode):
                if plain:
                    entries.append(Entry(name, path, child, True, 0))
                stack.append((f"{relative}/{name}".lstrip("/"), child, path))
            elif not stat.S_ISREG(info.st_mode):
                diagnostics.append(Diagnostic(path, 1, special_message(name)))
            elif plain:
                entries.append(Entry(name, path, child, False, info.st_size))
    return tree, diagnostics


def _plain_name(name: str) -> bool:
    """No control characters and nothing that is not UTF-8 (which Python keeps as surrogates)."""
    return not any(
        ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 or 0xD800 <= ord(c) < 0xE000 for c in name
    )


def _printable(name: str) -> str:
    """The name with the bytes that are not UTF-8 escaped, so that it can be printed at all."""
    return "".join(f"\\x{ord(c) & 0xFF:02x}" if 0xD800 <= ord(c) < 0xE000 else c for c in name)


def _escaped(name: str) -> str:
    """The name with control characters escaped too, so that the message stays on one line."""
    return "".join(c if _plain_name(c) else f"\\x{ord(c) & 0xFF:02x}" for c in name)


def _editor_lock(link: Path) -> bool:
    """Emacs' lock file ('.#name' -> 'user@host.pid:time'), which exists while a file is edited.

    Its target has no '/', so whatever it names is an entry of the same folder, checked itself.
    """
    if not link.name.startswith(".#"):
        return False
    try:
        target = os.readlink(link)
    except OSError:
        return False
    return "/" not in target and target not in ("", ".", "..")


# -- assets -----------------------------------------------------------------------------------


def asset_paths(tree: Tree) -> frozenset[str]:
    """Every file the site publishes from content/assets/, by its path ("assets/map.png")."""
    found: set[str] = set()
    stack = [ASSETS] if ASSETS in tree.folders else []
    while stack:
        folder = stack.pop()
        for entry in tree.folders.get(folder, []):
            if not entry.name.startswith("."):
                (stack.append if entry.is_dir else found.add)(f"{folder}/{entry.name}")
    return frozenset(found)


def asset_problems(tree: Tree, theme_dirs: Sequence[Path] = ()) -> list[Diagnostic]:
    """Every problem of the files under content/assets/ (which the site publishes as they are).

    Hidden files and folders are not published (the engine leaves them out), so they are not
    checked; editor backups are published, so they are.
    """
    published = _theme_assets(theme_dirs)
    taken = published | {parent for path in published for parent in _parents(path)}
    problems: list[Diagnostic] = []
    stack = [ASSETS] if ASSETS in tree.folders else []
    while stack:
        folder = stack.pop()
        for entry in tree.folders.get(folder, []):
            site_path = f"{folder}/{entry.name}"
            if entry.name.startswith("."):
                continue
            if entry.is_dir:
                stack.append(site_path)
                continue
            problems.extend(_asset_type(entry))
            lowered = site_path.lower()
            if (
                lowered in taken
                or lowered in THEME_FILES
                or f"{lowered}/" in THEME_FOLDERS
                or lowered.startswith(THEME_FOLDERS)
                or any(parent in published for parent in _parents(lowered))
            ):
                message = (
                    f"'{site_path}' would replace a file the theme publishes; choose another name"
                )
                problems.append(Diagnostic(entry.path, 1, message))
    return problems


def _parents(path: str) -> list[str]:
    parts = path.split("/")
    return ["/".join(parts[:i]) for i in range(1, len(parts))]


def _theme_assets(theme_dirs: Sequence[Path]) -> set[str]:
    """Every file the theme folders hold under assets/, as a site path in lower case."""
    paths: set[str] = set()
    for theme_dir in theme_dirs:
        root = Path(theme_dir) / ASSETS
        for folder, _, names in os.walk(root):  # the repository's own theme: no links followed
            relative = Path(folder).relative_to(theme_dir).as_posix()
            paths.update(f"{relative}/{name}".lower() for name in names)
    return paths


def _asset_type(entry: Entry) -> list[Diagnostic]:
    name = entry.name
    suffix = os.path.splitext(name)[1].lower()
    wanted = ASSET_TYPES.get(suffix)
    if suffix in MARKDOWN_SUFFIXES:
        message = (
            f"'{name}' is a Markdown file: briefs go in one of the folders actors/, disputes/, "
            "agreements/, places/, updates/, pages/, not in assets/"
        )
    elif suffix == ".svg":
        message = (
            f"'{name}' is not an allowed asset type: SVG can run script in the site's pages; "
            "convert it to PNG"
        )
    elif wanted is None:
        message = f"'{name}' is not an allowed asset type: {_ALLOWED}"
    elif entry.size > MAX_ASSET_BYTES:
        message = (
            f"'{name}' is larger than {MAX_ASSET_BYTES:,} bytes; "
            "make it smaller (resize or compress it)"
        )
    else:
        try:
            head = read_regular(entry.file, 64)
        except OSError as error:
            return [Diagnostic(entry.path, 1, f"the file cannot be read: {error.strerror}")]
        found = sniff(head)
        if found == wanted:
            return []
        if found is not None:
            stem = name[: -len(suffix)]
            renamed = f"{stem}{_EXTENSION[found]}"
            message = f"'{name}' is a {found} file, not {wanted}: rename it to '{renamed}'"
        else:
            message = (
                f"'{name}' is not a {wanted} file (its content does not match its extension); "
                f"save it again as {wanted}"
            )
    return [Diagnostic(entry.path, 1, message)]


def read_regular(file: Path, limit: int) -> bytes:
    """At most ``limit`` bytes of a regular file, opened without following a link.

    The walk saw a regular file here; this holds even if the file was swapped since, and a FIFO
    does not block the read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    descriptor = os.open(file, flags | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(0, "it is not a regular file")
        return stream.read(limit)


def sniff(head: bytes) -> str | None:
    """The allowed type whose signature the first bytes of a file carry, if any."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "GIF"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    if head[4:8] == b"ftyp":  # an ISO media file: AVIF by its major or a compatible brand
        end = min(int.from_bytes(head[:4], "big"), len(head))
        brands = [head[8:12]] + [head[i : i + 4] for i in range(16, end - 3, 4)]
        if b"avif" in brands or b"avis" in brands:
            return "AVIF"
    if head.startswith(b"%PDF-"):
        return "PDF"
    return None


def top_level_output(name: str) -> str | None:
    """The message for a file or folder at the top of content/ that takes a build output's name
    (a language's site is a build output too: its folder)."""
    if name.lower() in BUILD_OUTPUTS:
        shown = f"{name}/" if name.lower() == "pagefind" else name
        return f"'{shown}' would replace a file the build publishes; choose another name"
    language = _SITE_FOLDERS.get(name.lower())
    if language is not None:
        label = translate(SOURCE_CODE, f"language_name.{language.tag}")  # problems are English
        suffix = language.derived_from or language.code
        return (
            f"'{name}/' is where the build publishes the site in {label}: a translation goes"
            f" beside its English file ('actors/kosovo.{suffix}.md')"
        )
    return None
