"""Hostile content: forbidden markup is a path:line error, front-matter text is always escaped,
and YAML built to hang or exhaust the parser is refused quickly.

Checks go through the command line (``check`` and ``build``) because that is what a pull
request meets; the corpora are copies of the minimal fixture with one thing changed.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.support import MINIMAL, REPO, search_records

HOSTILE = REPO / "tests" / "fixtures" / "hostile"


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The CLI from the repository root; the timeout only guards against a hang."""
    return subprocess.run(
        [sys.executable, "-m", "site_builder.cli", *args],
        cwd=REPO, capture_output=True, text=True, timeout=timeout,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1750000000"},
    )  # fmt: skip


def problems(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if re.match(r"content/[^:]+:\d+: ", line)]


def copy_minimal(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    return content


# -- forbidden markup -------------------------------------------------------------------------

FORBIDDEN_BODY = """
<script>alert(1)</script>

<iframe src="https://x.example"></iframe>

<span onclick="alert(1)">x</span>

[a](javascript:alert(1)) [b](vbscript:x) [c](data:text/html,hi)

<style>p{}</style> <object></object> <embed src="x"> <form></form>
"""

EXPECTED_FORBIDDEN = [
    "content/actors/european-union.md:7: '<iframe>' elements are not allowed in 'role'",
    "content/pages/about.md:7: '<script>' elements are not allowed",
    "content/pages/about.md:9: '<iframe>' elements are not allowed",
    "content/pages/about.md:11: event-handler attribute 'onclick' is not allowed",
    "content/pages/about.md:13: 'data:' URLs are not allowed",
    "content/pages/about.md:13: 'javascript:' URLs are not allowed",
    "content/pages/about.md:13: 'vbscript:' URLs are not allowed",
    "content/pages/about.md:15: '<embed>' elements are not allowed",
    "content/pages/about.md:15: '<form>' elements are not allowed",
    "content/pages/about.md:15: '<object>' elements are not allowed",
    "content/pages/about.md:15: '<style>' elements are not allowed",
    "content/places/presevo.md:12: 'data:' URLs are not allowed in 'sources[0].title'",
    "content/updates/plates-deal-reached.md:13: "
    "'javascript:' URLs are not allowed in 'sources[0].url'",
    "content/updates/plates-deal-reached.md:16: "
    "event-handler attribute 'onerror' is not allowed in 'timeline[0].text'",
]


def forbidden_corpus(tmp_path: Path) -> Path:
    content = copy_minimal(tmp_path)

    def edit(relative: str, old: str, new: str) -> None:
        file = content / relative
        text = file.read_text()
        assert old in text
        file.write_text(text.replace(old, new, 1))

    with (content / "pages" / "about.md").open("a") as stream:
        stream.write(FORBIDDEN_BODY)
    edit("actors/european-union.md", "role: Facilitator of the dialogue",
         'role: "Facilitator <iframe src=x></iframe>"')  # fmt: skip
    edit(
        "places/presevo.md", "title: Census of population", 'title: "Census [c](data:text/html,hi)"'
    )
    edit("updates/plates-deal-reached.md", "url: https://example.org/eeas/statement\n",
         "url: javascript:alert(1)\ntimeline:\n  - date: 2022-11-23\n"
         "    text: <img src=x onerror=alert(1)>\n    source: eeas\n")  # fmt: skip
    return content


@pytest.mark.parametrize("command", ["check", "build"])
def test_forbidden_markup_is_a_path_line_error(command: str, tmp_path: Path) -> None:
    """Scripts, handlers and code-running URLs, in bodies and front matter, fail check and build."""
    content = forbidden_corpus(tmp_path)
    site = tmp_path / "site"
    extra = ["--site-dir", str(site), "--config", "mkdocs.yml"] if command == "build" else []
    result = run(command, "--content", str(content), *extra)
    assert result.returncode == 1, result.stderr
    assert problems(result.stderr) == EXPECTED_FORBIDDEN
    assert not site.exists()
    assert "Traceback" not in result.stderr


# -- escaping of front-matter text ------------------------------------------------------------

_NOT_TEXT = {"id", "source", "url", "type", "status", "date", "reviewed", "checked", "wikidata"}
_SLUG_LISTS = {"parties", "agreements", "places", "related", "about", "affiliation", "involves"}


def _payload(number: int, key: str) -> str:
    """Markup that passes validation; numbered so a leak points at its field."""
    if key == "summary":  # plain text only: no tags, emphasis or links get past the schema
        return f' a & b "q{number}" 1<y{number}'
    return (
        f' <b>B{number}</b> a & b "q{number}" *E{number}* [x{number}](http://evil.example/)'
        f" 1<y{number} [[kosovo]]"
    )


def hostile_corpus(tmp_path: Path) -> Path:
    """The minimal corpus with markup appended to every front-matter text field."""
    content = copy_minimal(tmp_path)
    counter = itertools.count()

    def spoil(value: object, key: str) -> object:
        if isinstance(value, str) and key not in _NOT_TEXT and key not in _SLUG_LISTS:
            return value + _payload(next(counter), key)
        if isinstance(value, list) and key not in _SLUG_LISTS:
            return [spoil(item, key) for item in value]
        if isinstance(value, dict):
            return {k: spoil(v, k) for k, v in value.items()}
        return value

    for file in sorted(content.rglob("*.md")):
        _, front, body = file.read_text().split("---\n", 2)
        data = spoil(yaml.safe_load(front), "")
        dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
        file.write_text(f"---\n{dumped}---\n{body}")
    assert next(counter) > 40  # every kind's text fields were reached
    return content


# Markup that would mean front-matter text reached a page unescaped, or was escaped twice.
_LEAKS = re.compile(
    r"<b>B\d|<em>E\d|href=\"http://evil|1<y\d|&amp;(?:lt|gt|amp|quot|#34|#39);|\\u003cb\\u003eB"
)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp_path = tmp_path_factory.mktemp("hostile")
    content = hostile_corpus(tmp_path)
    checked = run("check", "--content", str(content))
    assert checked.returncode == 0, checked.stderr
    site = tmp_path / "site"
    built = run(
        "build", "--content", str(content), "--site-dir", str(site), "--config", "mkdocs.yml"
    )
    assert built.returncode == 0, built.stderr
    return site


_JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def test_front_matter_markup_never_reaches_a_page_raw(hostile_site: Path) -> None:
    """Every file of the site (pages, feed, SVG, search index, sitemap) shows the text escaped.

    The JSON-LD blocks are data, not HTML (the next test reads them), and so are the downloads
    under data/, which hold the text exactly as written (tests/generated/test_open_data.py).
    """
    leaks = []
    for file in sorted(hostile_site.rglob("*")):
        in_data = file.relative_to(hostile_site).parts[0] == "data"
        if file.is_file() and file.suffix in {".html", ".xml", ".svg", ".json"} and not in_data:
            text = _JSON_LD.sub("", file.read_text(encoding="utf-8"))
            for match in _LEAKS.finditer(text):
                leaks.append(f"{file.relative_to(hostile_site)}: {match.group(0)}")
    assert leaks == []


def test_json_ld_holds_front_matter_as_text_that_cannot_end_its_script(hostile_site: Path) -> None:
    """Inside the data block no '<', '>' or '&' at all; decoded, the text is as written."""
    page = (hostile_site / "actors" / "kosovo" / "index.html").read_text(encoding="utf-8")
    blocks = _JSON_LD.findall(page)
    assert len(blocks) == 1
    assert not {"<", ">", "&"} & set(blocks[0])
    item = json.loads(blocks[0])["@graph"][0]
    assert re.fullmatch(
        r'Kosovo <b>B\d+</b> a & b "q\d+" \*E\d+\* .* 1<y\d+ \[\[kosovo\]\]', item["name"]
    )


def test_titles_are_escaped_once_in_title_navigation_and_search(hostile_site: Path) -> None:
    """The escaped text is there (not dropped), in <title>, the navigation and the search index."""
    page = (hostile_site / "actors" / "kosovo" / "index.html").read_text()
    title = re.search(r"<title>(.*?)</title>", page, re.DOTALL)
    assert title is not None
    assert title.group(1).startswith("Kosovo &lt;b&gt;B")
    assert "[[kosovo]]" in title.group(1)
    home = (hostile_site / "index.html").read_text()
    assert re.search(r"Kosovo &lt;b&gt;B\d+&lt;/b&gt; a &amp; b", home)  # navigation entry
    # Pagefind keeps the title as text, as the page shows it; the results set it as text too.
    title = search_records(hostile_site)["/actors/kosovo/"]["meta"]["title"]
    assert title.startswith("Kosovo <b>B")


def test_a_title_holding_its_own_wikilink_is_not_expanded(hostile_site: Path) -> None:
    """[[kosovo]] in Kosovo's title, shown by a wikilink, stays text (it once recursed forever)."""
    serbia = (hostile_site / "actors" / "serbia" / "index.html").read_text()
    link = re.search(r'<a [^>]*class="wikilink"[^>]*>(Kosovo &lt;b&gt;.*?)</a>', serbia)
    assert link is not None
    assert "[[kosovo]]" in link.group(1)


# -- YAML refused quickly ---------------------------------------------------------------------


def _yaml_cases(content: Path) -> None:
    places = content / "places"
    bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    bomb += [
        f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)
    ]
    (places / "bomb.md").write_text("---\n" + "\n".join(bomb) + "\n---\nBody.[^census]\n")
    (places / "deep.md").write_text("---\ntitle: x\nnested: " + "[" * 5000 + "]" * 5000 + "\n---\n")
    big = "---\ntitle: Big\n---\n" + ("word " * 20 + "\n") * 10_500
    (places / "big.md").write_text(big)
    (places / "binary.md").write_bytes(b"---\ntitle: x\n---\n\x00\x01\x02\xff")
    (places / "twice.md").write_text(
        "---\ntitle: Twice\nsummary: A place.\ntype: city\nreviewed: 2025-06-02\n"
        "title: Again\nsources:\n  - id: census\n    title: Census\n    publisher: Statistics\n"
        "---\nBody.[^census]\n"
    )


def test_hostile_yaml_is_refused_quickly_with_path_line(tmp_path: Path) -> None:
    """Alias bombs, deep nesting, huge, binary and duplicate-key files: one line each, no hang."""
    content = copy_minimal(tmp_path)
    _yaml_cases(content)
    result = run("check", "--content", str(content), timeout=30)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert problems(result.stderr) == [
        "content/places/big.md:1: "
        "the file is larger than 1,000,000 bytes; split it into smaller ones",
        "content/places/binary.md:4: the file is binary (it contains NUL bytes)",
        "content/places/bomb.md:2: YAML anchors and aliases ('&name', '*name') are not allowed; "
        "write the value out in full",
        "content/places/deep.md:3: values are nested more than 10 levels deep",
        "content/places/twice.md:6: duplicate key 'title' (first set on line 2)",
    ]


def test_hostile_fixture_files_are_refused(tmp_path: Path) -> None:
    """The checked-in hostile fixtures (tests/fixtures/hostile/) each fail with their message."""
    content = copy_minimal(tmp_path)
    for fixture in sorted((HOSTILE / "places").glob("*.md")):
        shutil.copy(fixture, content / "places" / fixture.name)
    result = run("check", "--content", str(content), timeout=30)
    assert result.returncode == 1
    expected = (HOSTILE / "expected.txt").read_text().splitlines()
    assert problems(result.stderr) == expected
