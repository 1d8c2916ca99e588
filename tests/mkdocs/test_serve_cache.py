"""Serving reuses unchanged work, and what it serves is exactly what a fresh build makes.

Each edit a contributor makes while serving (a body, a title, an alias, a summary, a new brief,
a deleted one, a problem and its fix) is followed by a rebuild of the served folder, which must
then be byte for byte what a fresh build of the same content makes, search index included.
"""

from __future__ import annotations

import gc
import re
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from site_builder.content.languages import LANGUAGES
from site_builder.mkdocs.serve_cache import Rendered
from site_builder.mkdocs.shared_pages import SharedPages
from tests.support import REPO, TRANSLATED, build_site, fingerprint

_POLICY = re.compile(
    r'<meta http-equiv="Content-Security-Policy" content="[^"]*">'
    r'<meta name="referrer" content="no-referrer">'
)


class Serving:
    """``serve`` in this process: the same plugin rebuilds the same served folder."""

    def __init__(self, content: Path, served: Path, **options: Any) -> None:
        self.content, self.served, self.options = content, served, options
        self.plugin: Any = None

    def build(self) -> Any:
        config = load_config(
            str(REPO / "mkdocs.yml"), docs_dir=str(self.content), site_dir=str(self.served)
        )
        plugin = config.plugins["dialogue"]
        for key, value in self.options.items():
            plugin.config[key] = value
        if plugin.cache is None:
            config.plugins.on_startup(command="serve", dirty=False)
        build(config)
        assert plugin.settled(120)
        self.plugin = plugin
        return plugin

    def rebuild(self) -> bool:
        """After a save, as the server rebuilds: the edited pages alone where bodies alone
        changed (True), else the whole site."""
        if self.plugin is not None and self.plugin.rebuild_edited():
            assert self.plugin.settled(120)
            return True
        self.build()
        return False

    def fresh_build(self, site: Path, **options: Any) -> None:
        """A build as ``site-builder build`` makes it. MkDocs hands every configuration loaded
        in a process the one plugin that started serving, so it is made to build meanwhile,
        and then given back all it knew of serving."""
        kept = dict(vars(self.plugin)) if self.plugin else {}
        if self.plugin is not None:
            self.plugin.cache = self.plugin.preview = None
        try:
            build_site(self.content, site, **options)
        finally:
            if self.plugin is not None:
                vars(self.plugin).clear()
                vars(self.plugin).update(kept)

    def rendered(self) -> dict[int, Rendered]:
        """The page renderings the cache holds, by identity."""
        return {id(v): v for v in self.plugin.cache.last.values() if isinstance(v, Rendered)}

    def close(self) -> None:
        if self.plugin is not None:
            self.plugin.on_shutdown()


def assert_as_fresh(serving: Serving, fresh: Path, step: str, **options: Any) -> None:
    """The served folder is what a fresh build of the content makes, file for file.

    A preview carries no Content-Security-Policy (its server adds an inline reload script);
    apart from that one element, every file is the same, and so is every folder.
    """
    served = serving.served
    shutil.rmtree(fresh, ignore_errors=True)
    serving.fresh_build(fresh, **options)
    for page in fresh.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        served_page = served / page.relative_to(fresh)
        if served_page.is_file():
            assert "Content-Security-Policy" not in served_page.read_text(encoding="utf-8")
        page.write_text(_POLICY.sub("", text, count=1), encoding="utf-8")
    want, got = fingerprint(fresh), fingerprint(served)
    assert sorted(got) == sorted(want), f"{step}: other files"
    assert [f for f in want if want[f] != got[f]] == [], f"{step}: files differ"
    folders = {p.relative_to(fresh) for p in fresh.rglob("*") if p.is_dir()}
    assert {p.relative_to(served) for p in served.rglob("*") if p.is_dir()} == folders, step


def _append(path: Path, text: str) -> Callable[[], None]:
    return lambda: path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _sub(path: Path, old: str, new: str) -> Callable[[], None]:
    def edit() -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


NEW_BRIEF = """---
title: Ibar Bridge Office
summary: A synthetic office by the bridge, for the tests.
type: organisation
reviewed: 2025-06-02
sources:
  - id: note
    title: A note
    publisher: Test Press
---
The office works with [[kosovo]] and Mitrovica.[^note]
"""


def edits(content: Path) -> list[tuple[str, Callable[[], None]]]:
    """Every kind of edit, in an order where each one's effects reach other pages."""
    mitrovica = content / "places" / "mitrovica.md"
    update = sorted((content / "updates").glob("*.md"))[0]
    agreement = content / "agreements" / "brussels-agreement.md"
    kosovo = content / "actors" / "kosovo.md"
    union = content / "actors" / "european-union.md"
    new = content / "actors" / "ibar-bridge-office.md"
    return [
        ("a body", _append(mitrovica, "\nThe talks went on.[^census]\n")),
        ("a body that names a brief", _append(update, "\nMitrovica was named again.[^eeas]\n")),
        ("a title", _sub(mitrovica, "title: Mitrovica\n", "title: Mitrovica North\n")),
        ("an alias said elsewhere", _sub(agreement, "aliases:\n", "aliases:\n  - Brussels\n")),
        ("a summary", _sub(kosovo, "\nsummary: ", "\nsummary: Now summed up again. ")),
        # In the relationship diagram too (diagram.svg, a generated file).
        ("an actor's title", _sub(union, "title: European Union\n", "title: The Union\n")),
        ("a new brief", lambda: new.write_text(NEW_BRIEF, encoding="utf-8")),
        ("the new brief deleted", lambda: new.unlink()),
        ("a problem", _append(update, "\nSee [[nowhere-at-all]].[^eeas]\n")),
        ("the problem fixed", _sub(update, "\nSee [[nowhere-at-all]].[^eeas]\n", "\n")),
        ("a front-matter problem", _sub(kosovo, "type: state", "type: goverment")),
        ("the front matter fixed", _sub(kosovo, "type: goverment", "type: state")),
        ("the title back", _sub(mitrovica, "title: Mitrovica North\n", "title: Mitrovica\n")),
    ]  # fmt: skip


@pytest.mark.parametrize("nav_limit", [40, 0])
def test_each_rebuild_while_serving_equals_a_fresh_build(
    content: Path, tmp_path: Path, nav_limit: int
) -> None:
    """``nav_limit`` 0: no brief is in the navigation, as at 1,000 briefs, so that a renamed
    brief changes no page's navigation (which would hide a page kept when it should not), and
    an edit of front matter rebuilds the pages that show it alone; at 40 every brief is in the
    navigation, which every page shows, so such an edit rebuilds the whole site."""
    serving = Serving(content, tmp_path / "served", nav_limit=nav_limit)
    try:
        serving.build()
        assert_as_fresh(serving, tmp_path / "fresh", "first build", nav_limit=nav_limit)
        amended = []
        for step, edit in edits(content):
            edit()
            if serving.rebuild():
                amended.append(step)
            if step.endswith("problem"):
                page = (serving.served / "index.html").read_text(encoding="utf-8")
                assert "The content has 1 problem" in page, step
                continue  # a fresh build stops there; the preview shows the problems instead
            assert_as_fresh(serving, tmp_path / "fresh", step, nav_limit=nav_limit)
        faces = [
            "a title",
            "an alias said elsewhere",
            "a summary",
            "an actor's title",
            "the title back",
        ]
        assert amended == ["a body", "a body that names a brief", *(faces if not nav_limit else [])]
    finally:
        serving.close()


def test_a_body_edit_renders_that_page_alone_again(content: Path, tmp_path: Path) -> None:
    """In every language's site: the place has no translation, so each shows the English one."""
    serving = Serving(content, tmp_path / "served")
    try:
        serving.build()
        before = serving.rendered()
        _append(content / "places" / "mitrovica.md", "\nThe talks went on.[^census]\n")()
        serving.build()
        again = [r for k, r in serving.rendered().items() if k not in before]
        sources = [r.populated.extra.links[0].source for r in again]
        assert sources == ["mitrovica"] * len(LANGUAGES)
    finally:
        serving.close()


def test_a_renamed_brief_renders_again_only_the_pages_that_show_its_name(
    content: Path, tmp_path: Path
) -> None:
    """Its page, the pages that link to it or say its old or new name, and the generated
    pages whose Markdown lists it; not the others."""
    serving = Serving(content, tmp_path / "served")
    try:
        serving.build()
        before = serving.rendered()
        _sub(content / "places" / "presevo.md", "title: Preševo\n", "title: Preševo Town\n")()
        serving.build()
        again = {
            r.populated.extra.links[0].source if r.populated.extra.links else None
            for k, r in serving.rendered().items()
            if k not in before
        }
        assert "presevo" in again
        assert "european-union" not in again  # it neither names nor links Preševo
    finally:
        serving.close()


def test_a_page_restored_from_another_sites_conversion_is_kept_like_its_own(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Serving converts an English body once for the sites that show it (``shared_pages``);
    a page restored in another site keeps its rendering through a rename it does not show,
    as a page converted in that site would: what it read is read again in its own site."""
    restored: list[str] = []
    restore = SharedPages.restore

    def counted(self: SharedPages, uri: str, *args: Any) -> Any:
        found = restore(self, uri, *args)
        restored.extend([uri] if found is not None else [])
        return found

    monkeypatch.setattr(SharedPages, "restore", counted)
    serving = Serving(content, tmp_path / "served", workers=1, nav_limit=0)
    try:
        serving.build()
        first, keys = list(restored), dict(serving.plugin.build.serving.keys)
        before = {uri: serving.plugin.cache.last[keys[uri]] for uri in first}
        _sub(
            content / "places" / "mitrovica.md", "title: Mitrovica\n", "title: Mitrovica North\n"
        )()
        assert serving.rebuild()
        keys, kept = serving.plugin.build.serving.keys, serving.plugin.cache.last
        again = sorted(uri for uri in first if kept.get(keys[uri]) is not before[uri])
    finally:
        serving.close()
    assert len(first) == 27  # each brief's three other sites (as a build restores them)
    # The place itself, and the dispute that says its name, in each other site.
    assert again == [
        f"{code}/{page}"
        for code in ("sq", "sr-latn", "sr")
        for page in ("disputes/vehicle-licence-plates.md", "places/mitrovica.md")
    ]


def test_a_page_from_the_cache_has_its_anchors_checked_again(
    content: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """MkDocs checks links into other pages' anchors after every build: cached pages too."""
    update = sorted((content / "updates").glob("*.md"))[0]
    _append(update, "\nSee [the timeline](../timeline.md#nowhere).[^eeas]\n")()
    serving = Serving(content, tmp_path / "served")
    try:
        serving.build()
        warned = [r.getMessage() for r in caplog.records if "#nowhere" in r.getMessage()]
        caplog.clear()
        serving.build()  # nothing changed: every page from the cache
        again = [r.getMessage() for r in caplog.records if "#nowhere" in r.getMessage()]
    finally:
        serving.close()
    assert warned == [
        f"Doc file '{update.relative_to(content).as_posix()}' contains a link "
        "'../timeline.md#nowhere', but the doc 'timeline.md' does not contain an anchor "
        "'#nowhere'."
    ]
    assert again == warned


def test_a_page_from_the_cache_warns_again_of_what_its_rendering_warned(
    content: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """What MkDocs logs while rendering a page (a link to a file that does not exist) is
    logged again when the page is taken from the cache, so a strict preview fails alike."""
    update = sorted((content / "updates").glob("*.md"))[0]
    _append(update, "\nSee [a page](../missing.md).[^eeas]\n")()
    serving = Serving(content, tmp_path / "served")
    try:
        serving.build()
        warned = [r.getMessage() for r in caplog.records if "missing.md" in r.getMessage()]
        caplog.clear()
        serving.build()
        again = [r.getMessage() for r in caplog.records if "missing.md" in r.getMessage()]
    finally:
        serving.close()
    assert len(warned) == len(LANGUAGES)  # the update is shown in English in every site
    assert again == warned


def test_every_language_site_rebuilt_while_serving_equals_a_fresh_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page shown in English in four sites is four pages: an edit reaches each of them."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    content = tmp_path / "content"
    shutil.copytree(TRANSLATED, content)
    options = {"languages": [lang.code for lang in LANGUAGES], "workers": 1, "nav_limit": 0}
    serving = Serving(content, tmp_path / "served", **options)
    dispute = content / "disputes" / "vehicle-licence-plates.md"
    presevo = content / "places" / "presevo.md"
    amended = []
    try:
        serving.build()
        steps = [
            ("an English body, translated", _append(dispute, "\nMore was said.[^plates-deal]\n")),
            ("an English title", _sub(presevo, "title: Preševo\n", "title: Preševo Town\n")),
            ("an English title, translated", _sub(dispute, "title: ", "title: The ")),
        ]  # fmt: skip
        for step, edit in steps:
            edit()
            if serving.rebuild():
                amended.append(step)
            assert_as_fresh(serving, tmp_path / "fresh", step, **options)
    finally:
        serving.close()
    # A translated body is what its translations are checked against: the site is prepared
    # again, and its pages, the review page and the other overview pages rendered again.
    assert amended == [step for step, _ in steps]


def test_the_save_that_fixes_a_problem_finds_what_the_last_good_build_made(
    content: Path, tmp_path: Path
) -> None:
    """Front matter with an error shows the problems; undoing it renders nothing again."""
    kosovo = content / "actors" / "kosovo.md"
    serving = Serving(content, tmp_path / "served")
    try:
        serving.build()
        before = serving.rendered()
        _sub(kosovo, "type: state", "type: goverment")()
        serving.build()
        _sub(kosovo, "type: goverment", "type: state")()
        serving.build()
        assert set(serving.rendered()) == set(before)
    finally:
        serving.close()


def test_a_preview_without_search_equals_a_build_without_it(content: Path, tmp_path: Path) -> None:
    """``search: false`` leaves the index out of a preview too, and nothing waits for one."""
    serving = Serving(content, tmp_path / "served", search=False)
    try:
        serving.build()
        _append(content / "places" / "mitrovica.md", "\nThe talks went on.[^census]\n")()
        serving.build()
        assert_as_fresh(serving, tmp_path / "fresh", "without search", search=False)
        assert not (serving.served / "pagefind").exists()
    finally:
        serving.close()


def test_an_editors_swap_file_leaves_a_body_edit_a_body_edit(content: Path, tmp_path: Path) -> None:
    """Files the loader skips (hidden ones, backups) are not content: they change nothing."""
    mitrovica = content / "places" / "mitrovica.md"
    serving = Serving(content, tmp_path / "served")
    try:
        serving.build()
        (content / "places" / ".mitrovica.md.swp").write_bytes(b"\0swap")
        (content / "places" / "mitrovica.md~").write_text("old", encoding="utf-8")
        _append(mitrovica, "\nThe talks went on.[^census]\n")()
        assert serving.rebuild()
        assert_as_fresh(serving, tmp_path / "fresh", "a body, beside a swap file")
        (content / "places" / "presevo.md").touch()  # saved unchanged: its pages as they were
        assert serving.rebuild()
        assert_as_fresh(serving, tmp_path / "fresh", "a file saved unchanged")
    finally:
        serving.close()


def test_a_body_edit_that_breaks_another_pages_link_shows_the_problem(
    content: Path, tmp_path: Path
) -> None:
    """The update links to a heading of Mitrovica's; the edit removes it. The problem is the
    update's, so the whole rebuild runs, and shows it."""
    mitrovica, update = content / "places" / "mitrovica.md", sorted(content.glob("updates/*"))[0]
    _append(mitrovica, "\n## The bridge\n\nThe bridge stayed closed.[^census]\n")()
    _append(update, "\nSee [the bridge](../places/mitrovica.md#the-bridge).[^eeas]\n")()
    serving = Serving(content, tmp_path / "served")
    try:
        serving.build()
        _sub(mitrovica, "## The bridge", "## The river")()
        assert not serving.rebuild()
        page = (serving.served / "index.html").read_text(encoding="utf-8")
        assert "The content has 1 problem" in page
        assert "points at no heading or anchor &#39;#the-bridge&#39;" in page
        _sub(mitrovica, "## The river", "## The bridge")()
        assert not serving.rebuild()  # the last rebuild showed problems: a whole one
        assert_as_fresh(serving, tmp_path / "fresh", "the heading back")
    finally:
        serving.close()


def test_the_server_rebuilds_the_edited_pages_first_and_the_whole_site_if_it_must(
    content: Path, tmp_path: Path
) -> None:
    class Server:  # what on_serve reads of MkDocs' live-reload server
        mount_path = "/"

        def __init__(self) -> None:
            self.builder, self.whole, self.app = self.build, 0, None

        def build(self) -> None:
            self.whole += 1

        def get_app(self) -> Any:
            return self.app

        def set_app(self, app: Any) -> None:
            self.app = app

    serving = Serving(content, tmp_path / "served")
    try:
        plugin = serving.build()
        server = plugin.on_serve(Server(), config=None, builder=None)
        _append(content / "places" / "mitrovica.md", "\nThe talks went on.[^census]\n")()
        server.builder()
        assert server.whole == 0
        _sub(content / "places" / "mitrovica.md", "title: Mitrovica\n", "title: Mitrovica N\n")()
        server.builder()
        assert server.whole == 1
    finally:
        serving.close()


def test_what_serving_keeps_is_left_out_of_full_collections_until_a_whole_rebuild(
    content: Path, tmp_path: Path
) -> None:
    serving = Serving(content, tmp_path / "served")
    try:
        serving.build()
        assert gc.get_freeze_count() > 0
        frozen = gc.get_freeze_count()
        _append(content / "places" / "mitrovica.md", "\nThe talks went on.[^census]\n")()
        assert serving.rebuild()
        assert gc.get_freeze_count() >= frozen
        serving.plugin.on_config(serving.plugin.build.config)  # a whole rebuild begins
        assert gc.get_freeze_count() == 0
    finally:
        serving.close()
    assert gc.get_freeze_count() == 0


def test_a_first_build_in_workers_leaves_a_brief_of_each_language_to_the_server(
    content: Path, tmp_path: Path
) -> None:
    """So that the first save finds templates, locale data and extensions loaded."""
    assert threading.active_count() == 1  # else serve rightly forks nothing
    serving = Serving(content, tmp_path / "served", workers=2)
    try:
        build = serving.build().build
        assert build.workers == 2
        assert sorted(build.warm) == [
            "actors/european-union.md", "sq/actors/european-union.md",
            "sr-latn/actors/european-union.md", "sr/actors/european-union.md",
        ]  # fmt: skip
        assert not build.warm & build.populated.keys()
        assert len(build.populated) + len(build.warm) == len(build.pages)
        assert_as_fresh(serving, tmp_path / "fresh", "first build")
        _append(content / "places" / "mitrovica.md", "\nThe talks went on.[^census]\n")()
        assert serving.rebuild()
        assert_as_fresh(serving, tmp_path / "fresh", "a body")
    finally:
        serving.close()
