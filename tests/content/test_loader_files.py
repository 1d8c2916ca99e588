"""The files of content/ as a pull request can shape them: links, special files, assets, names.

A link or a special file anywhere under content/ is an error and is never followed, by
``check``, ``build`` or plain ``mkdocs build`` (which would otherwise walk through the link and
publish what it points at). Assets are raster images and PDF only, by extension and by their
bytes, within a size limit, and never take a path the theme or the build publishes. Common
contributor mistakes (a '.markdown' file, a dispute in actors/, running from inside content/)
each get a message that says what to do.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from site_builder.cli import main
from site_builder.content.diagnostics import Diagnostic, print_diagnostics, sort_diagnostics
from site_builder.content.files import MAX_ASSET_BYTES, sniff, stamps, stops_the_build
from site_builder.content.loader import load_corpus
from site_builder.mkdocs.theme_dirs import theme_dirs
from site_builder.site.config_file import custom_theme_dir, read_config
from tests.support import MINIMAL, PNG, REPO, fingerprint

HOSTILE = REPO / "tests" / "fixtures" / "hostile"
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1750000000"}

SOURCES = "sources:\n  - id: eeas\n    title: Dialogue\n    publisher: EEAS\n"
REVIEWED = "reviewed: 2025-06-02\n"
LINK = "is a symbolic link; copy the file instead"
ALLOWED = "is not an allowed asset type: use PNG, JPEG, GIF, WebP, AVIF or PDF"

SIGNATURES = {
    "png": PNG,
    "jpg": b"\xff\xd8\xff\xe0\0\x10JFIF\0",
    "jpeg": b"\xff\xd8\xff\xdb\0\x43\0",
    "gif": b"GIF89a\x01\0\x01\0\0\0\0;",
    "webp": b"RIFF\x1a\0\0\0WEBPVP8L\x0d\0\0\0",
    "avif": b"\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf\0\0\0\0",
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
}


def write(content: Path, files: dict[str, str | bytes]) -> Path:
    for name, data in files.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return content


def problems(content: Path, theme_dirs: tuple[Path, ...] = ()) -> list[str]:
    _, diagnostics = load_corpus(content, theme_dirs=theme_dirs)
    return [str(d) for d in sort_diagnostics(diagnostics)]


def listed(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if re.match(r"content[/:][^:]*:\d+: ", line)]


def cli(*args: str, cwd: Path = REPO, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The command line; the timeout fails a build that walked into a link or waits on a FIFO."""
    return subprocess.run(
        [sys.executable, "-m", "site_builder.cli", *args],
        cwd=cwd, capture_output=True, text=True, timeout=timeout, env=ENV,
    )  # fmt: skip


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """An empty content folder with a home page."""
    folder = tmp_path / "content"
    write(folder, {"index.md": "---\ntitle: Home\nsummary: The home page.\n---\nHome.\n"})
    return folder


# -- links and special files ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("relative", "target"),
    [
        ("assets/passwd.txt", "/etc/passwd"),
        ("assets/environ.txt", "/proc/self/environ"),
        ("assets/etc", "/etc"),  # a folder: reported, not entered
        ("assets/loop", "loop"),  # a link to itself
        ("assets/dangling.png", "nowhere.png"),
        ("assets/photos/inner.png", "../../index.md"),  # inside content/ is no better
        ("actors/kosovo.md", "../index.md"),
        ("actors/outside", "/"),
        ("briefs", "/"),  # at the top of content/
        ("index.md", "/etc/passwd"),  # the home page itself
        (".cache", "/"),  # hidden: MkDocs walks hidden folders too
        ("actors/old/root", "/"),  # in a sub-folder the loader does not read
        (".#kosovo.md", "/"),  # an editor lock's name, but not one
    ],
)
def test_a_link_anywhere_is_an_error_and_never_followed(
    content: Path, relative: str, target: str
) -> None:
    link = content / relative
    if link.exists() or link.is_symlink():
        link.unlink()
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(target)
    found = [p for p in problems(content) if LINK in p]
    assert found == [f"content/{relative}:1: '{link.name}' {LINK}"]


def test_every_link_kind_at_once_no_traceback(content: Path) -> None:
    for name, target in [("a", "/etc"), ("b", "b"), ("c", "/proc/self/environ"), ("d", "x")]:
        (content / "assets").mkdir(exist_ok=True)
        (content / "assets" / name).symlink_to(target)
    assert problems(content) == [f"content/assets/{name}:1: '{name}' {LINK}" for name in "abcd"]


def test_a_linked_content_folder_is_an_error(tmp_path: Path, content: Path) -> None:
    linked = tmp_path / "elsewhere" / "content"
    linked.parent.mkdir()
    linked.symlink_to(content)
    corpus, diagnostics = load_corpus(linked)
    assert [str(d) for d in diagnostics] == [f"content:1: 'content' {LINK}"]
    assert corpus.documents == ()


def test_an_editor_lock_file_is_ignored(content: Path) -> None:
    """Emacs keeps '.#name -> user@host.pid:time' while a file is edited: serve must not fail."""
    (content / ".#index.md").symlink_to("editor@laptop.4242:1750000000")
    assert problems(content) == []


def test_special_files_are_errors(content: Path) -> None:
    os.mkfifo(content / "pipe.md")
    (content / "places").mkdir()
    os.mkfifo(content / "places" / "fifo.md")
    (content / "assets").mkdir()
    here = Path.cwd()
    os.chdir(content / "assets")  # a socket's path has a short length limit
    try:
        with socket.socket(socket.AF_UNIX) as server:
            server.bind("socket")
    finally:
        os.chdir(here)
    assert problems(content) == [
        "content/assets/socket:1: 'socket' is not a regular file",
        "content/pipe.md:1: 'pipe.md' is not a regular file",
        "content/places/fifo.md:1: 'fifo.md' is not a regular file",
    ]


def test_a_device_is_an_error(content: Path) -> None:
    (content / "assets").mkdir()
    try:
        os.mknod(content / "assets" / "null", stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except (PermissionError, OSError):
        pytest.skip("creating a device needs privileges")
    assert problems(content) == ["content/assets/null:1: 'null' is not a regular file"]


def test_a_name_with_control_characters_or_stray_bytes_is_an_error(content: Path) -> None:
    """The message stays one printable line; a folder so named is still walked for links."""
    (content / "places").mkdir()
    (content / "places" / "two\nlines.md").write_text("x")
    os.close(os.open(os.fsencode(content / "places") + b"/latin\xe9.md", os.O_CREAT | os.O_WRONLY))
    odd = os.fsencode(content) + b"/odd\xff"
    os.mkdir(odd)
    os.symlink("/", odd + b"/root")
    rename = "has control characters or bytes that are not UTF-8 in its name; rename it"
    assert problems(content) == [
        f"content/odd\\xff:1: 'odd\\xff' {rename}",
        f"content/odd\\xff/root:1: 'root' {LINK}",
        f"content/places/latin\\xe9.md:1: 'latin\\xe9.md' {rename}",
        f"content/places/two\nlines.md:1: 'two\\x0alines.md' {rename}",
    ]


def test_only_links_and_special_files_stop_the_build_early() -> None:
    diagnostics = [
        Diagnostic("content/assets/passwd.txt", 1, f"'passwd.txt' {LINK}"),
        Diagnostic("content/pipe.md", 1, "'pipe.md' is not a regular file"),
        Diagnostic("content/actors/x.md", 1, "missing required key 'type'"),
        Diagnostic("content/assets/a.svg", 1, f"'a.svg' {ALLOWED}"),
    ]
    assert stops_the_build(diagnostics) == diagnostics[:2]


# -- assets -----------------------------------------------------------------------------------


@pytest.mark.parametrize("extension", [*SIGNATURES, "PNG", "Jpg", "PDF"])
def test_allowed_assets_pass(content: Path, extension: str) -> None:
    write(content, {f"assets/photos/file.{extension}": SIGNATURES[extension.lower()]})
    assert problems(content) == []


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("page.html", b"<script>alert(1)</script>", f"'page.html' {ALLOWED}"),
        ("app.js", b"alert(1)", f"'app.js' {ALLOWED}"),
        ("style.CSS", b"p{}", f"'style.CSS' {ALLOWED}"),
        ("data.json", b"{}", f"'data.json' {ALLOWED}"),
        ("noextension", PNG, f"'noextension' {ALLOWED}"),
        ("map.png~", PNG, f"'map.png~' {ALLOWED}"),  # a backup is published too
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
            "'logo.svg' is not an allowed asset type: SVG can run script in the site's pages; "
            "convert it to PNG",
        ),
        (
            "map.png",
            b"<html><script>alert(1)</script></html>",
            "'map.png' is not a PNG file (its content does not match its extension); "
            "save it again as PNG",
        ),
        (
            "report.pdf",
            b"<html>",
            "'report.pdf' is not a PDF file (its content does not match its extension); "
            "save it again as PDF",
        ),
        (
            "empty.gif",
            b"",
            "'empty.gif' is not a GIF file (its content does not match its "
            "extension); save it again as GIF",
        ),
        ("photo.jpg", PNG, "'photo.jpg' is a PNG file, not JPEG: rename it to 'photo.png'"),
        (
            "notes.md",
            b"---\ntitle: Notes\n---\n",
            "'notes.md' is a Markdown file: briefs go in one of the folders actors/, disputes/, "
            "agreements/, places/, updates/, pages/, not in assets/",
        ),
    ],
)
def test_refused_assets(content: Path, name: str, data: bytes, message: str) -> None:
    write(content, {f"assets/{name}": data})
    assert problems(content) == [f"content/assets/{name}:1: {message}"]


def sparse_png(path: Path, size: int) -> None:
    """A PNG signature, then zeros up to ``size`` bytes that take no room on disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as stream:
        stream.write(PNG)
        stream.truncate(size)


def test_the_asset_size_limit(content: Path) -> None:
    sparse_png(content / "assets" / "fits.png", MAX_ASSET_BYTES)
    sparse_png(content / "assets" / "big.png", MAX_ASSET_BYTES + 1)
    assert problems(content) == [
        "content/assets/big.png:1: 'big.png' is larger than 5,000,000 bytes; "
        "make it smaller (resize or compress it)"
    ]


def test_hidden_assets_are_not_published_so_not_checked(content: Path) -> None:
    write(content, {"assets/.DS_Store": b"\0\0", "assets/.thumbs/x.html": b"<script>"})
    assert problems(content) == []


@pytest.mark.parametrize(
    "site_path",
    [
        "assets/javascripts/bundle.a5f9d56c.min.js",
        "assets/javascripts/search.js",
        "assets/stylesheets/site.css",
        "assets/Stylesheets/main.png",  # case-insensitive servers and checkouts exist
        "assets/images/favicon.png",
        "assets/javascripts",  # a file where the theme has a folder
    ],
)
def test_an_asset_may_not_replace_what_the_theme_publishes(content: Path, site_path: str) -> None:
    write(content, {site_path: PNG})
    collision = f"'{site_path}' would replace a file the theme publishes; choose another name"
    assert f"content/{site_path}:1: {collision}" in problems(content)


def test_the_theme_folders_given_are_protected(tmp_path: Path, content: Path) -> None:
    theme = write(tmp_path / "theme", {"assets/brand/logo.png": PNG, "assets/brand/ok.txt": "x"})
    write(content, {"assets/brand/logo.png": PNG, "assets/brand/ok.txt/x.png": PNG,
                    "assets/brand/other.png": PNG})  # fmt: skip
    assert problems(content, (theme,)) == [
        "content/assets/brand/logo.png:1: 'assets/brand/logo.png' would replace a file the theme "
        "publishes; choose another name",
        "content/assets/brand/ok.txt/x.png:1: 'assets/brand/ok.txt/x.png' would replace a file "
        "the theme publishes; choose another name",
    ]
    assert problems(content) == []  # without the theme folder, nothing to replace


def test_check_protects_the_repositorys_theme_and_materials() -> None:
    dirs = theme_dirs(REPO, custom_theme_dir(read_config(REPO / "mkdocs.yml")))
    assert dirs[0] == REPO / "theme"
    assert any((d / "assets" / "images" / "favicon.png").is_file() for d in dirs[1:])


@pytest.mark.parametrize("name", ["feed.xml", "diagram.svg", "sitemap.xml", "404.html", "pagefind"])
def test_nothing_at_the_top_may_take_a_build_output(content: Path, name: str) -> None:
    write(content, {name if name != "pagefind" else "pagefind/pagefind.js": "{}"})
    shown = "pagefind/" if name == "pagefind" else name
    assert problems(content) == [
        f"content/{name}:1: '{shown}' would replace a file the build publishes; choose another name"
    ]


@pytest.mark.parametrize(
    ("folder", "label", "example"),
    [
        ("sq", "Albanian", "actors/kosovo.sq.md"),
        ("sr-latn", "Serbian (Latin)", "actors/kosovo.sr.md"),
    ],
)
def test_nothing_at_the_top_may_take_a_language_sites_folder(
    content: Path, folder: str, label: str, example: str
) -> None:
    write(content, {f"{folder}/actors/kosovo.md": "{}"})
    assert problems(content) == [
        f"content/{folder}:1: '{folder}/' is where the build publishes the site in {label}: "
        f"a translation goes beside its English file ('{example}')"
    ]


def test_sniffing() -> None:
    assert {sniff(data) for data in SIGNATURES.values()} == {
        "PNG", "JPEG", "GIF", "WebP", "AVIF", "PDF"
    }  # fmt: skip
    assert sniff(b"\0\0\0\x18ftypmif1\0\0\0\0mif1avif") == "AVIF"  # a compatible brand
    assert sniff(b"\0\0\0\x18ftypisom\0\0\0\0isommp41") is None  # an MP4 video
    assert sniff(b"\x89PNG\0") is None
    assert sniff(b"") is None


# -- contributor mistakes ---------------------------------------------------------------------


def renamed(name: str, to: str) -> str:
    return f"'{name}' must end in '.md': rename it to '{to}'"


@pytest.mark.parametrize(
    ("relative", "message"),
    [
        ("actors/kosovo.MD", renamed("kosovo.MD", "kosovo.md")),
        ("actors/kosovo.Md", renamed("kosovo.Md", "kosovo.md")),
        ("places/presevo.markdown", renamed("presevo.markdown", "presevo.md")),
        ("places/presevo.MARKDOWN", renamed("presevo.MARKDOWN", "presevo.md")),
        ("places/Preševo Valley.MD", renamed("Preševo Valley.MD", "presevo-valley.md")),
        ("index.MD", renamed("index.MD", "index.md")),
    ],
)
def test_markdown_files_must_end_in_md(tmp_path: Path, relative: str, message: str) -> None:
    content = write(tmp_path / "content", {relative: "---\ntitle: X\n---\n"})
    assert problems(content) == [f"content/{relative}:1: {message}"]


def test_a_misplaced_markdown_file_at_the_top_is_told_both(content: Path) -> None:
    write(content, {"notes.markdown": "---\ntitle: X\n---\n"})
    assert problems(content) == [
        "content/notes.markdown:1: 'notes.markdown' must be in one of the folders actors/, "
        "disputes/, agreements/, places/, updates/, pages/ (only index.md lives at the top of "
        "content/)",
        "content/notes.markdown:1: 'notes.markdown' must end in '.md': rename it to 'notes.md'",
    ]


def brief(keys: str, title: str = "Plates") -> str:
    return (
        f"---\ntitle: {title}\nsummary: What it is.\n{keys}{REVIEWED}{SOURCES}---\nBody.[^eeas]\n"
    )


MOVE = "move it to content/"


@pytest.mark.parametrize(
    ("relative", "keys", "hint"),
    [
        (
            "actors/plates.md",
            "status: open\nparties:\n  - kosovo\n",
            "this looks like a dispute (it has 'status' and 'parties'): move it to "
            "content/disputes/",
        ),
        (
            "actors/mitrovica.md",
            "type: city\n",
            "this looks like a place (it has 'type: city'): move it to content/places/",
        ),
        (
            "places/serbia.md",
            "type: state\n",
            "this looks like an actor (it has 'type: state'): move it to content/actors/",
        ),
        (
            "disputes/deal.md",
            "date: 2013-04-19\nparties:\n  - kosovo\nstatus: in-force\n",
            "this looks like an agreement (it has 'date', 'parties' and 'status: in-force'): "
            "move it to content/agreements/",
        ),
        (
            "pages/talks.md",
            "date: 2025-06-02\n",
            "this looks like an update (it has 'date'): move it to content/updates/",
        ),
        ("actors/typo.md", "type: goverment\n", None),  # a typo, not another kind
        ("actors/bare.md", "", None),  # nothing says which kind it is
        ("disputes/plates.md", "status: open\nparties:\n  - kosovo\nsumary: x\n", None),
    ],
)
def test_a_brief_of_another_kind_is_told_where_it_goes(
    content: Path, relative: str, keys: str, hint: str | None
) -> None:
    write(content, {"actors/kosovo.md": brief("type: state\n", "Kosovo"), relative: brief(keys)})
    found = [p for p in problems(content) if MOVE in p]
    assert found == ([f"content/{relative}:1: {hint}"] if hint else [])
    assert all(p.startswith(f"content/{relative}:") for p in problems(content))


@pytest.mark.parametrize("command", ["check", "build", "serve", "new"])
@pytest.mark.parametrize("where", ["content", "content/actors", "briefs-with-actors"])
def test_running_from_inside_content_says_where_to_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, command: str, where: str
) -> None:
    folder = tmp_path / where
    folder.mkdir(parents=True)
    if where != "content/actors":
        (folder / "actors").mkdir()
    before = sorted(folder.rglob("*"))
    monkeypatch.chdir(folder)
    argv = [command, *(["actor", "x", "--title", "X"] if command == "new" else [])]
    assert main(argv) == 2
    assert capsys.readouterr().err == (
        "site-builder: run this from the repository root (the folder that holds content/ and "
        "mkdocs.yml), not from inside content/\n"
    )
    assert sorted(folder.rglob("*")) == before  # 'new' wrote no content/content/actors/x.md


def test_a_folder_without_content_is_still_told_no_content_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    assert capsys.readouterr().err == "site-builder: no content folder at content\n"


# -- the count line ---------------------------------------------------------------------------


def test_the_count_equals_the_problems_listed() -> None:
    """Each problem once (a repeated one is listed and counted once), warnings apart."""
    diagnostics = [
        Diagnostic("content/b.md", 1, "same"),
        Diagnostic("content/b.md", 1, "same"),
        Diagnostic("content/a.md", 2, "other"),
        Diagnostic("content/a.md", 3, "a warning", "warning"),
    ]
    out = io.StringIO()
    print_diagnostics(diagnostics, out)
    *lines, count = out.getvalue().splitlines()
    assert lines == [
        "content/a.md:2: other",
        "content/a.md:3: a warning",
        "content/b.md:1: same",
    ]
    assert count == "2 problems and 1 warning in 2 files"


# -- the hostile corpus, through the command line ---------------------------------------------

RUNTIME_LINKS = {
    "assets/passwd.txt": "/etc/passwd",
    "assets/environ.txt": "/proc/self/environ",
    "assets/etc": "/etc",
    "assets/loop": "loop",
    "assets/dangling.png": "nowhere.png",
    "actors/linked.md": "../pages/about.md",
    "actors/old/root": "/",
    "briefs": "/",
    ".cache": "/",
}


def add_file_system_cases(content: Path) -> None:
    """What git cannot store (a FIFO), or the repository should not (links out of it)."""
    for relative, target in RUNTIME_LINKS.items():
        link = content / relative
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(target)
    (content / ".#index.md").symlink_to("editor@laptop.4242:1750000000")  # ignored
    os.mkfifo(content / "places" / "pipe.md")
    sparse_png(content / "assets" / "big.png", MAX_ASSET_BYTES + 1)


def hostile_corpus(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    shutil.copytree(HOSTILE / "files", content, dirs_exist_ok=True)
    add_file_system_cases(content)
    return content


def test_the_hostile_files_each_fail_with_their_message(tmp_path: Path) -> None:
    """tests/fixtures/hostile/files/ and the cases made here: exactly expected-files.txt."""
    content = hostile_corpus(tmp_path)
    result = cli("check", "--content", str(content), timeout=60)
    assert result.returncode == 1, result.stderr
    expected = (HOSTILE / "expected-files.txt").read_text("utf-8").splitlines()
    assert listed(result.stderr) == expected
    files = len({line.split(":")[0] for line in expected})
    assert result.stderr.splitlines()[-1] == f"{len(expected)} problems in {files} files"
    assert "Traceback" not in result.stderr


def published(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    site = tmp_path / "site"
    result = cli("build", "--content", str(content), "--site-dir", str(site), timeout=300)
    assert result.returncode == 0, result.stderr
    return content, site, fingerprint(site)


def test_build_stops_before_the_engine_follows_a_link(tmp_path: Path) -> None:
    """A link to / and a FIFO would hang MkDocs' walk and copy: the plugin stops in on_config."""
    content, site, before = published(tmp_path)
    add_file_system_cases(content)
    result = cli("build", "--content", str(content), "--site-dir", str(site), timeout=60)
    assert result.returncode == 1
    expected = [
        line
        for line in (HOSTILE / "expected-files.txt").read_text("utf-8").splitlines()
        if line.split(":")[0].removeprefix("content/") in {*RUNTIME_LINKS, "actors/old",
                                                           "places/pipe.md", "assets/big.png"}
    ]  # fmt: skip
    assert listed(result.stderr) == expected
    assert result.stderr.splitlines()[-2:] == [
        f"ERROR   -  the content has {len(expected)} problems; nothing was written",
        "site-builder: the build failed; the site folder is unchanged",
    ]
    assert fingerprint(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]


def test_a_linked_content_folder_is_not_built(tmp_path: Path) -> None:
    content, site, before = published(tmp_path)
    linked = tmp_path / "linked"
    linked.symlink_to(content)
    result = cli("build", "--content", str(linked), "--site-dir", str(site), timeout=60)
    assert result.returncode == 1
    assert f"linked:1: 'linked' {LINK}" in result.stderr.splitlines()
    assert fingerprint(site) == before


def test_plain_mkdocs_build_stops_on_a_link_too(tmp_path: Path) -> None:
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    shutil.copytree(MINIMAL, checkout / "content")
    shutil.copytree(REPO / "theme", checkout / "theme")
    shutil.copy(REPO / "mkdocs.yml", checkout / "mkdocs.yml")
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--quiet"]
    first = subprocess.run(mkdocs, cwd=checkout, capture_output=True, text=True, timeout=300,
                           env=ENV)  # fmt: skip
    assert first.returncode == 0, first.stderr
    before = fingerprint(checkout / "site")
    (checkout / "content" / "assets").mkdir()
    (checkout / "content" / "assets" / "passwd.txt").symlink_to("/etc/passwd")
    (checkout / "content" / ".cache").symlink_to("/")
    second = subprocess.run(mkdocs, cwd=checkout, capture_output=True, text=True, timeout=60,
                            env=ENV)  # fmt: skip
    assert second.returncode != 0
    assert listed(second.stderr) == [
        f"content/.cache:1: '.cache' {LINK}",
        f"content/assets/passwd.txt:1: 'passwd.txt' {LINK}",
    ]
    assert fingerprint(checkout / "site") == before


def test_stamps_list_every_entry_without_following_a_link(tmp_path: Path) -> None:
    """What a live preview compares from one save to the next: a link is an entry of its own,
    and what it points at is not listed."""
    content = tmp_path / "content"
    (content / "actors").mkdir(parents=True)
    (content / "actors" / "kosovo.md").write_text("Kosovo.\n", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("Secret.\n", encoding="utf-8")
    (content / "places").symlink_to(outside)
    found = stamps(content)
    assert sorted(found) == ["actors", "actors/kosovo.md", "places"]
    assert stat.S_ISDIR(found["actors"][0]) and stat.S_ISLNK(found["places"][0])
    assert found["actors/kosovo.md"][1] == 8
