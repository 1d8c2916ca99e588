"""End to end: the command line and MkDocs build fixture corpora and the real content."""

from __future__ import annotations

import csv
import hashlib
import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from pagefind.service import get_executable

from site_builder.content.languages import LANGUAGES
from site_builder.content.loader import load_corpus
from site_builder.site import search_index
from tests.support import (
    BIN,
    ENV,
    LEFT_OUT,
    MINIMAL,
    REPO,
    build_site,
    fingerprint,
    left_out_translations,
    search_index_contents,
    site_builder,
    validate_data_package,
)


@pytest.fixture(scope="module")
def minimal_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("minimal") / "site"
    result = site_builder("build", "--strict", "--content", str(MINIMAL), "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("real") / "site"
    result = site_builder("build", "--strict", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    return site


def test_plain_mkdocs_build_gives_the_same_site(minimal_site: Path, tmp_path: Path) -> None:
    """`mkdocs build --strict` with the repository's configuration, on the same content."""
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("docs_dir: content", f"docs_dir: {MINIMAL}")
    config = config.replace("custom_dir: theme", f"custom_dir: {REPO / 'theme'}")
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = tmp_path / "site"
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site)],
        cwd=tmp_path, env=ENV, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert fingerprint(site) == fingerprint(minimal_site)


def test_generated_pages_and_briefs_are_built(minimal_site: Path) -> None:
    for page in ["index.html", "timeline/index.html", "stance-matrix/index.html",
                 "actors/index.html", "names/index.html", "corrections/index.html",
                 "diagram.svg", "feed.xml"]:  # fmt: skip
        assert (minimal_site / page).is_file(), page
    corpus, _ = load_corpus(MINIMAL)
    for doc in corpus.documents:
        url = "index.html" if doc.slug == "index" else f"{doc.src_uri[:-3]}/index.html"
        assert (minimal_site / url).is_file(), url


_THIRD_PARTY = [
    re.compile(r"<link\b[^>]*\bhref=\"(?:https?:)?//", re.I),
    re.compile(r"<script\b[^>]*\bsrc=\"(?:https?:)?//", re.I),
    re.compile(r"<img\b[^>]*\bsrc=\"(?:https?:)?//", re.I),
    re.compile(r"url\(\s*['\"]?(?:https?:)?//", re.I),
    re.compile(r"@import\s+['\"]?(?:url\()?['\"]?(?:https?:)?//", re.I),
]
_OWN_LINKS = re.compile(r'<link\b[^>]*\brel="(?:canonical|alternate feed)"[^>]*>', re.I)


@pytest.mark.parametrize("which", ["minimal_site", "real_site"])
def test_no_third_party_requests(which: str, request: pytest.FixtureRequest) -> None:
    """Nothing the browser loads comes from another host (canonical links load nothing)."""
    site: Path = request.getfixturevalue(which)
    offenders = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".css"):
            continue
        text = _OWN_LINKS.sub("", path.read_text(encoding="utf-8"))
        offenders += [
            f"{path.relative_to(site)}: {p.pattern}" for p in _THIRD_PARTY if p.search(text)
        ]
    assert offenders == []


def test_failed_build_reports_every_problem_and_writes_nothing(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the published site")
    first = next((content / "actors").glob("*.md"))
    first.write_text(
        first.read_text(encoding="utf-8").replace("\n---\n", "\n---\nSee [[nowhere]].\n", 1)
    )
    update = next((content / "updates").glob("*.md"))
    update.write_text(update.read_text(encoding="utf-8").replace("title:", "titel:", 1))
    result = site_builder("build", "--content", str(content), "--site-dir", str(site))
    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if re.match(r"content/\S+:\d+: ", line)]
    assert any(f"content/actors/{first.name}:" in p and "'nowhere'" in p for p in problems)
    assert any(f"content/updates/{update.name}:" in p and "'titel'" in p for p in problems)
    assert "Traceback" not in result.stderr
    assert fingerprint(site) == {"index.html": hashlib.sha256(b"the published site").hexdigest()}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]


def test_a_translation_left_out_has_its_body_checked_and_nothing_is_published(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Front matter and body in one run, as check prints them, whichever sites are published;
    the site already published stays as it was, its page in that language with it."""
    content, site = left_out_translations(tmp_path), tmp_path / "site"
    expected = (LEFT_OUT / "expected.txt").read_text("utf-8").splitlines()
    site.mkdir()
    (site / "index.html").write_text("the published site")
    result = site_builder("build", "--content", str(content), "--site-dir", str(site))
    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("content/")] == expected
    assert fingerprint(site) == {"index.html": hashlib.sha256(b"the published site").hexdigest()}
    with pytest.raises(Abort):
        build_site(content, site, workers=2, languages=[lang.code for lang in LANGUAGES])
    err = capsys.readouterr().err.splitlines()
    assert [line for line in err if line.startswith("content/")] == expected
    assert fingerprint(site) == {"index.html": hashlib.sha256(b"the published site").hexdigest()}


def test_real_content_references_resolve_and_every_source_is_cited() -> None:
    corpus, diagnostics = load_corpus(REPO / "content")
    assert [str(d) for d in diagnostics] == []
    for doc in corpus.documents:
        for key, slug in doc.references:
            assert slug in corpus.by_slug, f"{doc.path}: {key} names unknown '{slug}'"
        cited = set(re.findall(r"\[\^([^\]\s]+)\]", doc.body)) | {e.source for e in doc.timeline}
        cited |= {s.source for p in doc.positions for s in p.statements}
        for source in doc.sources:
            assert source.id in cited, f"{doc.path}: source '{source.id}' is never cited"


def test_real_content_has_a_brief_for_everything_the_article_names() -> None:
    corpus, _ = load_corpus(REPO / "content")
    names = {name.text for doc in corpus.briefs for name in doc.all_names}
    for name in ["Kosovo", "Serbia", "European Union", "United States", "Besnik Bislimi",
                 "Petar Petković", "Peter Sørensen", "Peter Sorensen", "Kaja Kallas",
                 "Philip Reeker", "Albanian National Council", "RKS News", "Preševo Valley",
                 "Bujanovac", "Bujanoc", "Breznica", "Brussels", "Belgrade", "Pristina",
                 "Brussels Agreement", "Ohrid Agreement"]:  # fmt: skip
        assert name in names, name


def _mentioned_in(page: Path) -> list[tuple[str, str, tuple[str, ...]]]:
    """(kind heading, linking page title, sentences and keys) of a built "Mentioned in"."""
    html = page.read_text(encoding="utf-8")
    section = html[html.index('id="mentioned-in"') :]
    section = section[: section.index("</div>")]
    rows = []
    for group in re.split(r"<h3>", section)[1:]:
        kind = group[: group.index("</h3>")]
        for item in re.findall(r"<li>(.*?)</li>", group, flags=re.S):
            title = re.search(r">([^<]+)</a>", item)[1]
            notes = tuple(re.findall(r'class="backlink-(?:sentence|key)">([^<]+)<', item))
            rows.append((kind, title, notes))
    return rows


def test_backlinks_with_their_sentences(minimal_site: Path) -> None:
    assert _mentioned_in(minimal_site / "actors" / "serbia" / "index.html") == [
        ("Actors", "Kosovo",
         ("Kosovo takes part in the dialogue with Serbia facilitated by the European Union.",)),
        ("Disputes", "Vehicle licence plates",
         ("(listed among the parties)", "(records a stated position)")),
        ("Agreements", "Brussels Agreement",
         ("Its parties are Kosovo and Serbia.", "(listed among the parties)")),
        ("Places", "Preševo", ("Preševo lies in the south of Serbia.",)),
        ("Pages", "The Kosovo–Serbia dialogue",
         ("This site explains the dialogue between Kosovo and Serbia, one brief at a time.",)),
    ]  # fmt: skip


def test_body_problems_of_a_file_with_broken_front_matter_come_in_the_same_run(
    tmp_path: Path,
) -> None:
    """One run reports everything: a YAML error does not hide the body's wikilink problem."""
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    (content / "pages" / "broken.md").write_text(
        "---\ntitle: [unclosed\n---\nSee [[nowhere]] and a citation[^gone].\n", encoding="utf-8"
    )
    for command in (["check"], ["build", "--site-dir", str(tmp_path / "site")]):
        result = site_builder(*command, "--content", str(content))
        assert result.returncode == 1
        problems = [line for line in result.stderr.splitlines() if line.startswith("content/")]
        assert any(p.startswith("content/pages/broken.md:3: invalid YAML") for p in problems)
        assert "content/pages/broken.md:4: unknown page 'nowhere' in wikilink" in problems
        assert not any("'gone'" in p for p in problems)  # its sources are unknown: not judged


def test_search_indexes_briefs_and_indexes_and_leaves_out_the_overviews(
    minimal_site: Path,
) -> None:
    """Only searchable pages are marked for Pagefind, briefs with their kind and summary."""
    marked = {
        page.parent.relative_to(minimal_site).as_posix()
        for page in minimal_site.rglob("index.html")
        if "<div data-pagefind-body" in page.read_text("utf-8")
    }
    assert {"actors", "disputes", "agreements", "places", "updates", "pages/about"} <= marked
    overviews = {"timeline", "sources", "names", "stance-matrix", "diagram", "review"}
    assert not marked & {*overviews, "corrections"}
    assert "data-pagefind-body" not in (minimal_site / "404.html").read_text("utf-8")
    presevo = (minimal_site / "places/presevo/index.html").read_text("utf-8")
    assert '<div data-pagefind-body data-pagefind-meta="kind:Place">' in presevo
    assert (
        '<meta name="description" content="A municipality in southern Serbia with an Albanian'
        ' majority." data-pagefind-meta="summary[content]">'
    ) in presevo
    assert (
        '<span class="visually-hidden" aria-hidden="true" data-pagefind-weight="10"'
        ">Preševo · Presevo · Preshevë · Presheve · Прешево"
    ) in presevo
    assert (minimal_site / "pagefind" / "pagefind.js").is_file()


@pytest.mark.parametrize("which", ["minimal_site", "real_site"])
def test_the_search_index_is_what_pagefind_makes_of_the_finished_pages(
    which: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """The build feeds Pagefind each page as it is made, and only what it reads of it: the
    index holds the same words, weights, pages and metadata as Pagefind's own command makes
    reading every finished page from disk (as the build once ran it)."""
    site: Path = request.getfixturevalue(which)
    command = [str(get_executable()), "--site", str(site), "--output-path", str(tmp_path / "cli")]
    command += ["--exclude-selectors", ".headerlink", "--silent"]
    chunks = {"PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(search_index.CHUNK_LOCATIONS)}
    subprocess.run(command, check=True, env={**ENV, **chunks}, capture_output=True)
    built = search_index_contents(site / "pagefind")
    assert built == search_index_contents(tmp_path / "cli")
    assert len(built["en"]["pages"]) > 10 and len(built["en"]["words"]) > 200


def test_a_large_build_feeds_the_index_in_page_order_as_a_small_one_does(tmp_path: Path) -> None:
    """Workers finish pages in any order; the index takes them in the site's: same bytes."""
    build_site(MINIMAL, tmp_path / "one", workers=1)
    build_site(MINIMAL, tmp_path / "two", workers=2)
    one, two = (
        fingerprint(tmp_path / "one" / "pagefind"),
        fingerprint(tmp_path / "two" / "pagefind"),
    )
    assert len(one) > 10
    assert one == two


def test_a_build_without_search_has_no_index(tmp_path: Path) -> None:
    """Only to measure what indexing costs (benchmarks/search_cost.py)."""
    build_site(MINIMAL, tmp_path / "site", search=False)
    assert (tmp_path / "site" / "index.html").is_file()
    assert not (tmp_path / "site" / "pagefind").exists()


def test_every_built_page_has_one_content_security_policy(minimal_site: Path) -> None:
    pages = sorted(minimal_site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        text = page.read_text("utf-8")
        assert text.count('http-equiv="Content-Security-Policy"') == 1, page
        assert '<meta name="referrer" content="no-referrer">' in text, page


def test_editor_backups_are_never_published(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    (content / "actors" / "kosovo.md~").write_text("<script>alert(1)</script>", "utf-8")
    done = site_builder("build", "--content", str(content), "--site-dir", str(tmp_path / "site"))
    assert done.returncode == 0, done.stderr
    assert not [p for p in (tmp_path / "site").rglob("*~")]


# -- open data and JSON-LD of the built site ----------------------------------------------------

_JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def test_real_data_package_and_every_table_validate(real_site: Path) -> None:
    report = validate_data_package(real_site / "data")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])
    assert len(report.tasks) == 6


def test_real_data_agrees_with_the_site(real_site: Path) -> None:
    """Every brief and update once, at the URL its page is built at; every statement once."""
    corpus, _ = load_corpus(REPO / "content")
    records = json.loads((real_site / "data" / "briefs.json").read_text("utf-8"))["briefs"]
    listed = [r["slug"] for r in records]
    assert sorted(listed) == sorted(d.slug for d in corpus.documents if d.kind != "page")
    for record in records:
        path = record["url"].removeprefix("https://dialogue-explainer.example/")
        assert (real_site / path / "index.html").is_file(), record["url"]
    with (real_site / "data" / "statements.csv").open(encoding="utf-8", newline="") as file:
        rows = [tuple(row) for row in csv.reader(file)][1:]
    statements = [
        (d.slug, p.actor, s.date.iso, s.text)
        for d in corpus.of_kind("dispute")
        for p in d.positions
        for s in p.statements
    ]
    assert sorted(row[:4] for row in rows) == sorted(statements)


def test_real_incoming_links_are_the_mentioned_in_of_each_page(real_site: Path) -> None:
    """links_in holds the links found in page bodies, not only front matter: the same pages as
    each brief's "Mentioned in" section."""
    records = json.loads((real_site / "data" / "briefs.json").read_text("utf-8"))["briefs"]
    by_slug = {r["slug"]: r for r in records}
    kosovo = by_slug["kosovo"]
    assert {link["via"] for link in kosovo["links_in"]} == {"mention", "wikilink", "front-matter"}
    titles = {r["slug"]: r["title"] for r in records}
    corpus, _ = load_corpus(REPO / "content")
    titles |= {d.slug: d.title for d in corpus.documents}
    shown = {title for _, title, _ in _mentioned_in(real_site / "actors" / "kosovo" / "index.html")}
    assert {html.unescape(t) for t in shown} == {
        titles[link["source"]] for link in kosovo["links_in"]
    }


def test_every_brief_and_update_page_carries_its_json_ld(real_site: Path) -> None:
    corpus, _ = load_corpus(REPO / "content")
    for doc in corpus.documents:
        page = real_site / doc.src_uri.removesuffix(".md") / "index.html"
        if doc.slug == "index":
            page = real_site / "index.html"
        blocks = _JSON_LD.findall(page.read_text(encoding="utf-8"))
        if doc.kind == "page":
            assert blocks == [], doc.path
            continue
        assert len(blocks) == 1, doc.path
        data = json.loads(blocks[0])
        item, *events = data["@graph"]
        assert data["@context"] == "https://schema.org"
        assert item["name"] == doc.title and item["description"] == doc.summary, doc.path
        assert item["url"] == f"https://dialogue-explainer.example/{doc.src_uri[:-3]}/"
        assert item["dateModified"] == doc.reviewed.isoformat()
        assert len(item["citation"]) == len(doc.sources)
        names = {n.text for n in doc.all_names} - {doc.title}
        assert set(item.get("alternateName", [])) == names, doc.path
        if doc.wikidata:
            assert item["sameAs"] == f"https://www.wikidata.org/wiki/{doc.wikidata}"
        assert [e["name"] for e in events] == [e.text for e in doc.timeline]
        assert item["@type"] in {
            "Person", "GovernmentOrganization", "Organization", "NewsMediaOrganization",
            "AdministrativeArea", "City", "Place", "CreativeWork", "Thing", "Event",
        }  # fmt: skip


def test_the_data_page_links_every_download(real_site: Path) -> None:
    page = (real_site / "data" / "index.html").read_text(encoding="utf-8")
    for name in ("datapackage.json", "briefs.json", "statements.csv", "timeline.csv",
                 "sources.csv", "names.csv", "corrections.csv"):  # fmt: skip
        assert f'href="{name}"' in page and (real_site / "data" / name).is_file(), name
    for schema in ("actor", "translation"):
        assert f'href="../schemas/{schema}.schema.json"' in page
        published = real_site / "schemas" / f"{schema}.schema.json"
        assert published.read_text() == (REPO / "schemas" / f"{schema}.schema.json").read_text()
