"""Pagefind over a built folder: what it indexes, what it publishes, and how it fails."""

from __future__ import annotations

import json
import os
from importlib.metadata import version
from pathlib import Path

import pytest

from site_builder.content.files import BUILD_OUTPUTS
from site_builder.site import search_index
from site_builder.site.search_index import (
    PARTS,
    Excerpt,
    SearchIndex,
    SearchIndexError,
    index_site,
    part_folder,
    search_excerpt,
)
from tests.support import REPO, fake_pagefind, fingerprint, search_index_contents, search_records

_PAGE = """<!doctype html><html lang="{lang}"><head><title>{title}</title>
<meta name="description" content="{summary}" data-pagefind-meta="summary[content]"></head>
<body><nav>Navigation words</nav>
<div data-pagefind-body data-pagefind-meta="kind:Place"><h1 id="t">{title}<a class="headerlink"
href="#t">¶</a></h1><span data-pagefind-weight="10" data-pagefind-meta="names">{names}</span>
<p>{body}</p></div></body></html>"""


def _site(root: Path, pages: int = 3, languages: tuple[str, ...] = ("en",)) -> Path:
    for language in languages:
        folder = root if language == languages[0] else root / language.lower()
        for n in range(pages):
            page = folder / "places" / f"p{n}" / "index.html"
            page.parent.mkdir(parents=True)
            page.write_text(
                _PAGE.format(
                    lang=language, title=f"Preševo {n}", summary=f"Summary {n}.",
                    names=f"Preševo {n} · Прешево {n}",
                    body=" ".join(f"word{i}" for i in range(400)),
                ),
                "utf-8",
            )  # fmt: skip
    (root / "404.html").write_text("<html lang='en'><body><h1>Not found</h1></body></html>")
    return root


def test_the_installed_pagefind_is_the_pinned_one() -> None:
    """The chunk size is read from an unstable setting: an upgrade must be checked by hand."""
    assert '"pagefind[bin]==1.5.2"' in (REPO / "pyproject.toml").read_text("utf-8")
    assert version("pagefind") == version("pagefind-bin") == "1.5.2"


def test_the_index_folder_is_a_build_output_content_may_not_take() -> None:
    assert search_index.INDEX_FOLDER in BUILD_OUTPUTS


def test_marked_pages_are_indexed_with_their_meta_and_nothing_else(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    assert index_site(site).pages == 3
    records = search_records(site)
    assert sorted(records) == ["/places/p0/", "/places/p1/", "/places/p2/"]
    record = records["/places/p1/"]
    assert record["meta"] == {
        "kind": "Place",
        "names": "Preševo 1 · Прешево 1",
        "summary": "Summary 1.",
        "title": "Preševo 1",
    }
    assert record["content"].startswith("Preševo 1. Preševo 1 · Прешево 1 word0 word1")
    assert "¶" not in record["content"] and "Navigation" not in record["content"]


def test_only_what_the_site_loads_is_published(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    index_site(site)
    bundle = site / "pagefind"
    files = sorted(p.name for p in bundle.iterdir() if not p.name.endswith(".pf_meta"))
    assert files == [
        "fragment", "index", "pagefind-entry.json", "pagefind.js", "wasm.en.pagefind",
        "wasm.unknown.pagefind",
    ]  # fmt: skip
    assert len(list(bundle.glob("*.pf_meta"))) == 1  # the table of chunks of the one language


def test_index_chunks_are_small_and_the_environment_is_left_as_it_was(tmp_path: Path) -> None:
    """1,200 word locations fit one default chunk; at 1,500 a chunk they make two or more."""
    before = os.environ.get("PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE")
    site = _site(tmp_path / "site", pages=4)
    index_site(site)
    assert search_index.CHUNK_LOCATIONS == 1500
    assert len(list((site / "pagefind" / "index").iterdir())) >= 2
    assert os.environ.get("PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE") == before


def test_the_same_site_indexes_to_the_same_bytes_and_an_old_index_goes(tmp_path: Path) -> None:
    one, two = _site(tmp_path / "one"), _site(tmp_path / "two")
    stale = two / "pagefind" / "fragment" / "stale.pf_fragment"
    stale.parent.mkdir(parents=True)
    stale.write_text("left by an earlier build")
    index_site(one)
    index_site(two)
    assert fingerprint(one) == fingerprint(two)


def test_answers_read_a_few_bytes_at_a_time_make_the_same_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An answer is whole only at its separator, however the pipe cuts it (the index's files
    come in one answer of hundreds of megabytes on a large site)."""
    whole, cut = _site(tmp_path / "whole"), _site(tmp_path / "cut")
    index_site(whole)
    read = os.read
    sizes = []

    def a_few_bytes(fd: int, size: int) -> bytes:
        data = read(fd, 7)
        sizes.append(len(data))
        return data

    monkeypatch.setattr(search_index.os, "read", a_few_bytes)
    index_site(cut)
    assert max(sizes) == 7 and len(sizes) > 1_000
    assert fingerprint(cut) == fingerprint(whole)


def test_a_folder_with_no_page_marked_for_search_fails_the_build(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "site.css").write_text("p { color: red }")
    (site / "404.html").write_text("<html lang='en'><body><h1>Not found</h1></body></html>")
    with pytest.raises(SearchIndexError) as raised:
        index_site(site)
    assert str(raised.value) == "the search index could not be built: no page is marked for search"
    assert not (site / "pagefind").exists()


def test_an_indexer_that_cannot_start_fails_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-pagefind"))
    with pytest.raises(SearchIndexError) as raised:
        index_site(_site(tmp_path / "site"))
    assert str(raised.value).startswith("the search index could not be built: [Errno 2]")


_WHOLE = """<!doctype html><html lang="sr-Latn" class="no-js"><head><meta charset="utf-8">
<title>Preševo - Site</title>
<meta name="description" content="A town." data-pagefind-meta="summary[content]">
<link rel="stylesheet" href="site.css"></head><body><header><nav>Navigation words</nav></header>
<div data-pagefind-body data-pagefind-meta="kind:Place"><h1 id="t">Preševo<a class="headerlink"
href="#t">¶</a></h1><p>Words of <a href="../x/" title="A title">the brief</a>.<sup id="r:1">1</sup>
</p><div class="backlinks" data-pagefind-ignore><div><h3>Mentioned in</h3><p>Other words</p></div>
</div><span hidden="">zq0000000001</span><div data-pagefind-ignore data-pagefind-meta="kept:yes">
Ignored, with metadata</div><p>More <span data-pagefind-weight="10">weighted</span> words.</p>
</div><footer>Footer words</footer><script>var x = "<div>";</script></body></html>"""


def test_an_excerpt_is_what_pagefind_reads_of_a_page() -> None:
    """The marked element alone, but for what it skips, after what Pagefind reads before it;
    an element with an ``id`` has a space before it instead."""
    body = _WHOLE[_WHOLE.index("<div data-pagefind-body") : _WHOLE.index("<footer>")]
    assert search_excerpt(_WHOLE) == (
        '<html lang="sr-Latn" class="no-js"><title>Preševo - Site</title><meta name="description"'
        ' content="A town." data-pagefind-meta="summary[content]">'
        + body[: body.index('<div class="backlinks"')]
        .replace('<h1 id="t">', " <h1>")
        .replace('<sup id="r:1">', " <sup>")
        + body[body.index('<span hidden="">') :]
    )
    assert search_excerpt(_WHOLE.replace(" data-pagefind-body", "")) is None


def test_an_ignored_element_that_is_not_closed_is_kept() -> None:
    """Where its end is not found, Pagefind would read what follows: so the excerpt keeps it."""
    page = _WHOLE[: _WHOLE.index("<h3>")] + "<p>Words after an element left open"
    excerpt = search_excerpt(page)
    assert excerpt is not None
    assert excerpt.endswith(
        '<div class="backlinks" data-pagefind-ignore><div><p>Words after an element left open'
    )


def test_a_pagefind_attribute_named_in_an_earlier_attribute_only_lengthens_the_excerpt() -> None:
    page = _WHOLE.replace('content="A town."', 'content="A town. x data-pagefind-body"')
    excerpt = search_excerpt(page)
    assert excerpt is not None
    assert excerpt.startswith('<html lang="sr-Latn" class="no-js"><title>Preševo - Site</title>')
    assert "Navigation words" in excerpt  # it starts at the <meta>, which it keeps


def _bundle(pages: dict[str, str], output: Path) -> dict[str, str]:
    index = SearchIndex()
    for path, html in pages.items():
        index.add(path, html)
    index.write(output)
    return fingerprint(output)


def test_pagefind_indexes_an_excerpt_as_it_indexes_the_whole_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same words, weights and metadata, and nothing of the rest; no anchors (the ids)."""
    pages = {f"places/p{n}/index.html": _WHOLE.replace("Preševo", f"Preševo {n}") for n in range(3)}
    assert len(search_excerpt(_WHOLE) or "") < len(_WHOLE) * 0.8
    _bundle(pages, tmp_path / "excerpts")
    monkeypatch.setattr(search_index, "search_excerpt", lambda html: html)
    _bundle(pages, tmp_path / "whole")
    excerpts = search_index_contents(tmp_path / "excerpts")
    whole = search_index_contents(tmp_path / "whole")
    assert [len(page["anchors"]) for page in whole["sr-latn"]["pages"].values()] == [2, 2, 2]
    assert excerpts == search_index_contents(tmp_path / "whole", anchors=False)


def test_a_page_of_citations_is_indexed_as_if_it_had_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Their numbers are no words of the page; the excerpt leaves them out, as Pagefind would."""
    first, later = (
        f'<sup class="citation"{at}><a class="footnote-ref" href="#fn:{n}" role="doc-noteref">'
        f"{n}</a></sup>"
        for at, n in ((' id="fnref:1"', 1), ("", 2))
    )
    cited = (
        f"<p>Said{first} then{later} more.{later}{first}</p><p>{later}Glued{later}words</p>"
        f"<p>Cut{first}apart{first}.</p>"
    )
    page = _WHOLE.replace("</p><div", f"</p>{cited}<div", 1)
    excerpt = search_excerpt(page) or ""
    assert "citation" not in excerpt and "Glued" in excerpt
    _bundle({"places/p/index.html": page}, tmp_path / "excerpt")
    monkeypatch.setattr(search_index, "search_excerpt", lambda html: html)
    _bundle({"places/p/index.html": page}, tmp_path / "whole")
    # A first citation (with an id) is read as a space, a later one as nothing.
    uncited = "<p>Said then more.</p><p>Gluedwords</p><p>Cut apart .</p>"
    none = _WHOLE.replace("</p><div", f"</p>{uncited}<div", 1)
    _bundle({"places/p/index.html": none}, tmp_path / "none")
    index = search_index_contents(tmp_path / "excerpt")
    assert index == search_index_contents(tmp_path / "whole", anchors=False)
    assert index == search_index_contents(tmp_path / "none", anchors=False)
    words = index["sr-latn"]["words"]
    assert "gluedwords" in words and "apart" in words and "2" not in words


def test_the_notes_and_the_sources_urls_are_not_indexed(tmp_path: Path) -> None:
    """A note is its source's entry in the Sources, word for word: the page is indexed as if it
    had no notes, and no URL is."""
    source = 'Agency, <cite>Report</cite> <span class="source-url">https://example.org/r</span>'
    notes = f'<div class="footnote" role="doc-endnotes"><ol><li id="fn:1"><p>{source}</p></li></ol>'
    sources = f"<h2>Sources</h2><ol><li>{source}</li></ol>"
    for name, added in (("notes", f"{notes}</div>{sources}"), ("sources", sources)):
        page = _WHOLE.replace("</p><div", f"</p>{added}<div", 1)
        _bundle({"places/p/index.html": page}, tmp_path / name)
    index = search_index_contents(tmp_path / "notes")
    assert index == search_index_contents(tmp_path / "sources")
    assert "report" in index["sr-latn"]["words"] and "example" not in index["sr-latn"]["words"]


def test_a_page_pagefind_cannot_read_fails_the_build_and_names_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    error = 'answer(message["message_id"], {"type": "Error", "message": "Unparseable HTML"})'
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake_pagefind(tmp_path, error)))
    index = SearchIndex()
    index.add("places/p0/index.html", _WHOLE)
    with pytest.raises(SearchIndexError) as raised:
        index.write(tmp_path / "site" / "pagefind")
    assert str(raised.value) == (
        "the search index could not be built: places/p0/index.html: Unparseable HTML"
    )
    assert not (tmp_path / "site").exists()


def test_a_pagefind_that_stops_fails_the_build_with_what_it_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stop = 'sys.stderr.write("thread main panicked at fossick.rs\\n"); sys.exit(101)'
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake_pagefind(tmp_path, stop)))
    index = SearchIndex()
    for n in range(50):  # more than a pipe holds: adding goes on after it has stopped
        index.add(f"places/p{n}/index.html", _WHOLE * 20)
    with pytest.raises(SearchIndexError) as raised:
        index.write(tmp_path / "site" / "pagefind")
    assert str(raised.value) == (
        "the search index could not be built: thread main panicked at fossick.rs"
    )


def test_pages_go_only_from_the_process_that_started_it_and_only_before_the_index_is_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = SearchIndex()
    try:
        monkeypatch.setattr(index, "_pid", -1)
        with pytest.raises(RuntimeError, match="only in the process that started it"):
            index.add("places/p0/index.html", _WHOLE)
        monkeypatch.undo()
        assert index.add("places/p0/index.html", _WHOLE)
        assert not index.add("404.html", "<html><body>Not found</body></html>")
        index.request()
        with pytest.raises(RuntimeError, match="already asked for"):
            index.add("places/p1/index.html", _WHOLE)
    finally:
        index.close()


def test_the_indexer_accounts_for_its_time_and_leaves_no_process(tmp_path: Path) -> None:
    index = SearchIndex()
    index.add("places/p0/index.html", _WHOLE)
    index.add("sq/places/p0/index.html", _WHOLE.replace('lang="sr-Latn"', 'lang="sq"'))
    index.add("404.html", "<html><body>Not found</body></html>")
    pids = [indexer._process.pid for indexer in index._indexers() if indexer._process]
    assert index.write(tmp_path / "pagefind").pages == 2
    cost = index.cost
    assert cost["pages"] == 2
    assert cost["page_mb"] == 2 * len(_WHOLE) / 1e6 - 5e-6
    assert 0 < cost["read_mb"] < cost["page_mb"]
    assert cost["pagefind_cpu_s"] is not None and cost["pagefind_cpu_s"] >= 0
    assert {"feeding_s", "index_s", "waited_s", "writing_s"} <= set(cost)
    assert index.summary().startswith('search index: {"pages": 2, "page_mb": ')
    assert len(pids) == 2
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def _one_process_index(pages: list[Path], site: Path, output: Path) -> None:
    """The index one Pagefind process makes of ``pages`` of ``site``, all languages in it."""
    indexer = search_index._Pagefind()
    for page in pages:
        excerpt = search_excerpt(page.read_text("utf-8"))
        if excerpt is not None:
            indexer.add(page.relative_to(site).as_posix(), excerpt)
    entry = search_index._written(indexer.files(), output)
    entry["languages"] = dict(sorted(entry["languages"].items()))
    text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    (output / search_index.ENTRY).write_text(text, "utf-8")


def test_each_language_is_indexed_by_its_own_process_into_the_index_one_would_make(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pagefind builds each language's index apart from the others' even in one process, but
    holds them all: one process a language, one after another, holds one at a time."""
    site = _site(tmp_path / "site", languages=("en", "sq", "sr-Latn"))
    running_when_asked = []
    request = search_index._Pagefind.request

    def asked(indexer: search_index._Pagefind) -> None:
        if not indexer._requested:
            running = sum(i._process is not None for i in index._indexers())
            running_when_asked.append(running)
        request(indexer)

    index = SearchIndex()
    monkeypatch.setattr(search_index._Pagefind, "request", asked)
    pages = sorted(site.rglob("*.html"), reverse=True)
    for page in pages:
        index.add(page.relative_to(site).as_posix(), page.read_text("utf-8"))
    assert list(index._languages) == ["sr-latn", "sq", "en"]  # in the order of their pages
    assert index.write(site / "pagefind").pages == 9
    assert running_when_asked == [3, 2, 1]
    monkeypatch.undo()
    _one_process_index(pages, site, tmp_path / "one")
    assert fingerprint(site / "pagefind") == fingerprint(tmp_path / "one")
    entry = json.loads((site / "pagefind" / search_index.ENTRY).read_text("utf-8"))
    assert list(entry["languages"]) == ["en", "sq", "sr-latn"]


def test_a_language_of_more_pages_than_a_part_holds_is_indexed_in_parts(tmp_path: Path) -> None:
    """Each part is the index its pages alone make, in a folder of its own without the script
    or the WebAssembly, and the first part's table of contents names the others."""
    site = _site(tmp_path / "site", pages=5, languages=("en", "sq"))
    english = sorted(p.relative_to(site).as_posix() for p in site.glob("places/*/index.html"))
    albanian = sorted(p.relative_to(site).as_posix() for p in site.glob("sq/**/index.html"))
    started = []
    pagefind = search_index._Pagefind

    def counted() -> search_index._Pagefind:
        started.append(pagefind())
        return started[-1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_index, "_Pagefind", counted)
        assert index_site(site, [*english, *albanian], part_pages=2).pages == 10
    assert len(started) == 6  # three parts of each language, each a process
    index = site / "pagefind"
    entry = json.loads((index / search_index.ENTRY).read_text("utf-8"))
    assert entry[PARTS] == {"en": ["part-1/", "part-2/"], "sq": ["part-1/", "part-2/"]}
    assert sorted(p.name for p in index.iterdir() if p.is_dir()) == [
        "fragment", "index", "part-1", "part-2",
    ]  # fmt: skip
    for number in range(3):
        pages = english[2 * number : 2 * number + 2] + albanian[2 * number : 2 * number + 2]
        alone = tmp_path / f"alone-{number}"
        for page in pages:
            (alone / page).parent.mkdir(parents=True)
            (alone / page).write_text((site / page).read_text("utf-8"), "utf-8")
        index_site(alone, pages)
        folders = (alone / "pagefind", index / part_folder(number))
        made, part = (fingerprint(folder) for folder in folders)
        tables = [json.loads((f / search_index.ENTRY).read_text("utf-8")) for f in folders]
        assert tables[1].pop(PARTS, None) == (None if number else entry[PARTS])
        assert tables[0] == tables[1]
        for files in (made, part):
            del files[search_index.ENTRY]
        if number:  # what a merged index loads: no script, no WebAssembly
            made = {k: v for k, v in made.items() if k.endswith(".pf_meta") or "/" in k}
        assert {k: v for k, v in part.items() if not k.startswith("part-")} == made


def test_a_failure_in_a_later_language_leaves_the_index_there_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = _site(tmp_path / "site", languages=("en", "sq"))
    index_site(site)
    before = fingerprint(site / "pagefind")
    files = search_index._Pagefind.files
    calls = []

    def second_fails(indexer: search_index._Pagefind) -> list[dict[str, str]]:
        calls.append(indexer)
        if len(calls) == 2:
            indexer._failure = "writing the index: out of memory"
        return files(indexer)

    monkeypatch.setattr(search_index._Pagefind, "files", second_fails)
    with pytest.raises(SearchIndexError) as raised:
        index_site(site)
    assert str(raised.value) == (
        "the search index could not be built: writing the index: out of memory"
    )
    assert fingerprint(site / "pagefind") == before
    assert sorted(p.name for p in site.iterdir()) == ["404.html", "pagefind", "places", "sq"]


def test_an_excerpt_made_elsewhere_indexes_as_its_page_does(tmp_path: Path) -> None:
    """A large build's workers hand back each page's ``Excerpt``, not the page."""
    pages = {
        "places/p0/index.html": _WHOLE,
        "sq/places/p0/index.html": _WHOLE.replace('lang="sr-Latn"', 'lang="sq"'),
        "404.html": "<html><body>Not found</body></html>",
    }
    indexes = {}
    for way, made in (("html", lambda html: html), ("excerpt", Excerpt.of)):
        index = SearchIndex()
        assert [index.add(path, made(html)) for path, html in pages.items()] == [True, True, False]
        index.write(tmp_path / way)
        costs = {k: index.cost[k] for k in ("pages", "page_mb", "read_mb")}
        indexes[way] = (fingerprint(tmp_path / way), costs)
    assert indexes["excerpt"] == indexes["html"]
    assert indexes["html"][1]["pages"] == 2
