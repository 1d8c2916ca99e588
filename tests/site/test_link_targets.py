"""Links and images a contributor writes: each one that points at nothing is a check error.

The minimal fixture's Serbia brief gets one line per case appended to its body (line 16).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from site_builder.cli import main
from tests.support import MINIMAL, PNG, REPO

CONFIG = str(REPO / "mkdocs.yml")
SERBIA = "content/actors/serbia.md"


def check(tmp_path: Path, line: str, capsys) -> tuple[int, list[str]]:
    content = Path(shutil.copytree(MINIMAL, tmp_path / "content"))
    (content / "assets").mkdir()
    (content / "assets" / "map.png").write_bytes(PNG)
    serbia = content / "actors" / "serbia.md"
    serbia.write_text(serbia.read_text("utf-8") + f"\n\n{line}[^constitution]\n", "utf-8")
    status = main(["check", "--content", str(content), "--config", CONFIG])
    err = capsys.readouterr().err.splitlines()
    return status, [e.split(": ", 1)[1] for e in err if e.startswith(f"{SERBIA}:16: ")]


BROKEN = [
    (
        "[k](../actors/kosvo.md)",
        "the link '../actors/kosvo.md' points at no page of content/ "
        "(did you mean 'actors/kosovo.md'?)",
    ),
    (
        "[k](../actors/kosovo.md#nowhere)",
        "the link '../actors/kosovo.md#nowhere' points at no heading or anchor '#nowhere' on "
        "actors/kosovo.md",
    ),
    ("[k](#nowhere)", "the link '#nowhere' points at no heading or anchor '#nowhere' on this page"),
    (
        "![m](../assets/missing.png)",
        "the image '../assets/missing.png' is not a file of content/assets/",
    ),
    (
        "[k](/actors/kosovo/)",
        "the link '/actors/kosovo/' starts at the site's root: write it relative to this file",
    ),
    (
        "[k](../actors/kosovo/)",
        "the link '../actors/kosovo/' points at no page or file: link to a page's Markdown file "
        "(e.g. '../actors/kosovo.md') or to a file of content/assets/ "
        "(did you mean 'actors/kosovo.md'?)",
    ),
    (  # raw HTML is published as written: from the page's URL, one folder off
        '<a href="../actors/kosovo.md">Kosovo</a>',
        "the HTML link '../actors/kosovo.md' is published as written, so readers would not "
        "reach it: write it in Markdown, [text](../actors/kosovo.md)",
    ),
    (
        '<img src="../assets/map.png" alt="A map">',
        "the HTML image '../assets/map.png' is published as written, so readers would not "
        "reach it: write it in Markdown, ![text](../assets/map.png)",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("line", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_target_is_an_error_at_its_line(tmp_path: Path, line: str, message: str, capsys):
    status, messages = check(tmp_path, line, capsys)
    assert (status, messages) == (1, [message])


@pytest.mark.parametrize(
    "line",
    [
        "[k](../actors/kosovo.md)",
        "[k](kosovo.md)",
        "[t](../timeline.md)",
        "![m](../assets/map.png)",
        "[m](../assets/map.png)",
        "[s](#fn:1)",
        "[e](https://www.eeas.europa.eu/)",
        '<a href="#fn:1">the note</a>',
    ],
)
def test_a_target_that_exists_passes(tmp_path: Path, line: str, capsys) -> None:
    assert check(tmp_path, line, capsys) == (0, [])


#: Every kind of link CONTRIBUTING.md allows, on one line: to a page in another folder, in
#: this one, at a heading or note of another page or of this one, to a generated page, to an
#: asset, an image, and a path with a backslash escape (Markdown's, read as the reader sees it).
EVERY_KIND = (
    "[c](../places/mitrovica.md) [k](kosovo.md) [n](../actors/kosovo.md#fn:1) "
    "[t](../timeline.md) [m](../assets/map.png) ![m](../assets/map.png) [s](#fn:1) "
    "[e](kosovo\\.md)"
)


def build(tmp_path: Path) -> int:
    site = tmp_path / "site"
    args = ["build", "--content", str(tmp_path / "content"), "--site-dir", str(site)]
    return main([*args, "--config", CONFIG])


def test_what_check_accepts_the_build_accepts(tmp_path: Path, capsys) -> None:
    """The build reads each link as written, not as the site engine rewrote it for readers."""
    assert check(tmp_path, EVERY_KIND, capsys) == (0, [])
    assert build(tmp_path) == 0, capsys.readouterr().err
    page = (tmp_path / "site" / "actors" / "serbia" / "index.html").read_text("utf-8")
    for href in ('href="../../places/mitrovica/"', 'href="../kosovo/"', 'href="../kosovo/#fn:1"',
                 'href="../../timeline/"', 'href="../../assets/map.png"',
                 'src="../../assets/map.png"', 'href="#fn:1"'):  # fmt: skip
        assert href in page


def test_a_broken_link_fails_the_build_too(tmp_path: Path, capsys) -> None:
    """Not a warning that a build without --strict publishes: nothing is written."""
    _, messages = check(tmp_path, "[k](../actors/kosvo.md) [c](../places/mitrovica.md)", capsys)
    assert build(tmp_path) == 1
    err = capsys.readouterr().err.splitlines()
    assert (
        [e.split(": ", 1)[1] for e in err if e.startswith(f"{SERBIA}:")]
        == messages
        == [
            "the link '../actors/kosvo.md' points at no page of content/ "
            "(did you mean 'actors/kosovo.md'?)"
        ]
    )
    assert not (tmp_path / "site").exists()


def test_thousands_of_broken_links_each_at_its_line_each_path_hinted_once(monkeypatch) -> None:
    from site_builder.markdown.linker import PageLinks, Target
    from site_builder.site import link_targets
    from tests.support import make_corpus, make_doc

    looked_up = []

    def did_you_mean(word: str, candidates) -> str:
        looked_up.append(word)
        return " (did you mean 'actors/kosovo.md'?)"

    monkeypatch.setattr(link_targets, "did_you_mean", did_you_mean)
    serbia = make_doc("actor", "serbia", "Serbia")
    corpus = make_corpus(serbia, make_doc("actor", "kosovo", "Kosovo"))
    # Two spellings of one path that points at nothing; kosovo.md exists (and its anchors are
    # not checked: it is not among the pages rendered here).
    urls = ["kosvo.md", "kosovo.md", "../actors/kosvo.md", "kosovo.md#x"]
    targets = tuple(Target("link", urls[n % 4], 5 + n) for n in range(20_000))
    found = PageLinks((), (), targets=targets)
    problems = link_targets.target_problems(corpus, {serbia.src_uri: (serbia, found)})
    assert [p.line for p in problems] == [5 + n for n in range(20_000) if n % 2 == 0]
    assert problems[0].message == (
        "the link 'kosvo.md' points at no page of content/ (did you mean 'actors/kosovo.md'?)"
    )
    assert looked_up == ["actors/kosvo.md"]
