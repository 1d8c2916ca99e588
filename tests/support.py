"""What tests share: documents and corpora made in Python, fixture paths, and builds.

``sample_corpus()`` is a valid miniature of the real content; ``hostile_corpus()`` puts
markup into every front-matter text field, to prove it never reaches a page raw.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown

from site_builder.content.kinds import Kind, folder
from site_builder.content.model import (
    Corpus,
    Correction,
    Document,
    Name,
    PartialDate,
    Position,
    Source,
    Statement,
)
from site_builder.content.model import TimelineEntry as Entry
from site_builder.site.context import BuildContext

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = REPO / "theme" / "site_builder"


def make_doc(kind: Kind, slug: str, title: str, **fields: Any) -> Document:
    src_uri = "index.md" if slug == "index" else f"{folder(kind)}/{slug}.md"
    fields.setdefault("summary", f"What {title} is.")
    fields.setdefault("body", "")
    fields.setdefault("body_line", 5)
    return Document(
        kind=kind, slug=slug, src_uri=src_uri, path=f"content/{src_uri}", title=title, **fields
    )


def make_corpus(*docs: Document) -> Corpus:
    return Corpus(tuple(sorted(docs, key=lambda d: d.src_uri)))


def make_ctx(**fields: Any) -> BuildContext:
    fields.setdefault("templates_dir", TEMPLATES)
    fields.setdefault("build_date", dt.date(2026, 1, 1))
    return BuildContext(**fields)


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the SHA-256 of its bytes."""
    return {
        str(file.relative_to(folder)): hashlib.sha256(file.read_bytes()).hexdigest()
        for file in sorted(folder.rglob("*"))
        if file.is_file()
    }


def search_records(site: Path) -> dict[str, dict[str, Any]]:
    """What Pagefind keeps of each indexed page (its fragment: url, meta, content), by URL."""
    records = {}
    for fragment in sorted((site / "pagefind" / "fragment").iterdir()):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(b"pagefind_dcd"), fragment  # Pagefind's signature, then JSON
        record = json.loads(data[len(b"pagefind_dcd") :])
        records[record["url"]] = record
    return records


def search_index_contents(bundle: Path) -> dict[str, Any]:
    """What a Pagefind bundle (``site/pagefind``) holds, whatever order its pages were added in:
    by language, each page's fragment by URL, each word's locations and weights by page URL,
    the chunks' word ranges, and the metadata and filter names. Two indexes with the same
    contents find the same pages for every query, in the same ranking."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    return {
        language: _language_contents(bundle, about["hash"])
        for language, about in sorted(entry["languages"].items())
    }


def _language_contents(bundle: Path, meta_hash: str) -> dict[str, Any]:
    version, pages, chunks, filters, sorts, meta_fields = _pagefind_file(
        bundle / f"pagefind.{meta_hash}.pf_meta"
    )
    assert sorts == [], "sort keys hold page numbers: compare them by URL before using them"
    fragments = [_pagefind_file(bundle / "fragment" / f"{hash_}.pf_fragment", fragment=True)
                 for hash_, _ in pages]  # fmt: skip
    urls = [fragment["url"] for fragment in fragments]
    words: dict[str, dict[str, list[Any]]] = {}
    for _, _, chunk_hash in chunks:
        for word, found, forms in _pagefind_file(bundle / "index" / f"{chunk_hash}.pf_index")[0]:
            words[word] = _by_url(found, urls)
            for form, form_found in forms:  # the word as written, where it had diacritics
                words[f"{word} ({form})"] = _by_url(form_found, urls)
    return {
        "version": version,
        "pages": {fragment["url"]: fragment for fragment in fragments},
        "word_counts": {url: count for url, (_, count) in zip(urls, pages, strict=True)},
        "words": words,
        "chunks": [(first, last) for first, last, _ in chunks],
        "filters": [name for name, _ in filters],
        "meta_fields": meta_fields,
    }


def _by_url(found: list[list[Any]], urls: list[str]) -> dict[str, list[Any]]:
    """A word's pages, each a step from the page number before, with the locations (and
    weights) of the word on it: by the page's URL."""
    number, pages = 0, {}
    for step, *where in found:
        number += step
        pages[urls[number]] = where
    return pages


def _pagefind_file(path: Path, *, fragment: bool = False) -> Any:
    return pagefind_data(path.read_bytes(), fragment=fragment)


def pagefind_data(data: bytes, *, fragment: bool = False) -> Any:
    """One of Pagefind's gzipped files: its signature, then JSON (fragments) or CBOR."""
    data = gzip.decompress(data)
    assert data.startswith(b"pagefind_dcd"), data[:20]
    data = data[len(b"pagefind_dcd") :]
    if fragment:
        return json.loads(data)
    value, end = _cbor(data, 0)
    assert end == len(data)
    return value


def _cbor(data: bytes, at: int) -> tuple[Any, int]:
    """One CBOR item (RFC 8949) from ``at``: what Pagefind's index files are made of."""
    major, info, at = data[at] >> 5, data[at] & 31, at + 1
    if major == 7:
        return {20: False, 21: True, 22: None}[info], at
    length: int | None = None
    if info < 24:
        length = info
    elif info < 28:
        size = 1 << (info - 24)
        length, at = int.from_bytes(data[at : at + size], "big"), at + size
    if major in (0, 1):
        assert length is not None
        return (length if major == 0 else -1 - length), at
    if major in (2, 3):
        assert length is not None
        raw = data[at : at + length]
        return (raw.decode("utf-8") if major == 3 else raw), at + length
    if major == 6:  # a tag: the item it tags
        return _cbor(data, at)
    items: list[Any] = []
    count = length if major == 4 else 2 * (length or 0)
    while (len(items) < count) if length is not None else data[at] != 0xFF:
        item, at = _cbor(data, at)
        items.append(item)
    at += length is None  # the break byte of an item of no stated length
    return (items if major == 4 else dict(zip(items[::2], items[1::2], strict=True))), at


def fake_pagefind(tmp_path: Path, answer_page: str) -> Path:
    """A stand-in for Pagefind's service (``PAGEFIND_BINARY_PATH``) in ``tmp_path``: it starts
    an index, then runs the Python statement ``answer_page`` for every other message."""
    script = tmp_path / "pagefind"
    script.write_text(f"""#!{sys.executable}
import base64, json, sys
def answer(number, payload):
    message = json.dumps({{"message_id": number, "payload": payload}}).encode()
    sys.stdout.buffer.write(base64.b64encode(message) + b",")
    sys.stdout.flush()
buffer = b""
while True:
    byte = sys.stdin.buffer.read(1)
    if not byte:
        sys.exit(0)
    if byte != b",":
        buffer += byte
        continue
    message, buffer = json.loads(base64.b64decode(buffer)), b""
    kind = message["payload"]["type"]
    if kind == "NewIndex":
        answer(message["message_id"], {{"type": "NewIndex", "index_id": 0}})
    else:
        {answer_page}
""")
    script.chmod(0o755)
    return script


FIXTURES = REPO / "tests" / "fixtures"
#: A one-pixel PNG image, for content/assets/.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c49444154789c63f8ffff3f0005fe02fea7d6a4f90000000049454e44ae426082"
)
MINIMAL = FIXTURES / "minimal" / "content"
BIN = Path(sys.executable).parent
#: A fixed build time, so that builds compare byte for byte.
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}


def site_builder(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """The ``site-builder`` command, as a contributor runs it."""
    return subprocess.run(
        [str(BIN / "site-builder"), *args], cwd=cwd, env=ENV, capture_output=True, text=True
    )


def build_site(content: Path, site: Path, *, strict: bool = False, **options: Any) -> Any:
    """Build in this process with the repository's configuration and plugin ``options``."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(
        str(REPO / "mkdocs.yml"), docs_dir=str(content), site_dir=str(site), strict=strict
    )
    plugin = config.plugins["dialogue"]
    for key, value in options.items():
        plugin.config[key] = value
    build(config)
    return plugin


#: The Markdown extensions the linker tests render with.
EXTENSIONS = ["toc", "attr_list", "md_in_html", "tables", "pymdownx.superfences"]

#: A corpus whose names exercise the name matcher.
LINK_CORPUS = make_corpus(
    make_doc("actor", "serbia", "Serbia", summary="A state <in> the Balkans."),
    make_doc("actor", "kosovo", "Kosovo"),
    make_doc("actor", "european-union", "European Union", aliases=("EU",)),
    make_doc("actor", "eusr", "EU Special Representative"),
    make_doc("actor", "sorensen", "Peter Sørensen", aliases=("Sorensen",)),
    make_doc("actor", "petkovic", "Petar Petković"),
    make_doc("actor", "lodz", "Łódź Office"),
    make_doc("place", "presevo", "Preševo", names=(Name("Preshevë", "sq"), Name("Preševo", "sr"))),
    make_doc("place", "medvedja", "Medveđa"),
    make_doc("place", "presevo-valley", "Preševo Valley"),
    make_doc("update", "news", "News of the day", sources=(Source("rks", "Title", "RKS News"),)),
    # A hand-written page at the depth of the update: the sourcing rule leaves it alone, so the
    # rules that are not about sourcing are read on it, with the same links.
    make_doc("page", "notes", "Notes", sources=(Source("rks", "Title", "RKS News"),)),
    make_doc("page", "about", "About"),
)


BUILD_DATE = dt.date(2025, 12, 1)
HOSTILE = '<script>alert(1)</script> *emph* [x](javascript:alert(1)) "quotes" [[kosovo]]'


def context(**changes: object) -> BuildContext:
    """The sample build: 2025-12-01, published at https://example.org/dialogue/."""
    changes.setdefault("build_date", BUILD_DATE)
    changes.setdefault("site_url", "https://example.org/dialogue/")
    return make_ctx(**changes)


def pdate(text: str) -> PartialDate:
    return PartialDate(*(int(part) for part in text.split("-")))


def source(sid: str, publisher: str, title: str, url: str | None = None, date: str | None = None):
    return Source(sid, title, publisher, pdate(date) if date else None, url)


def doc(kind: Kind, slug: str, title: str, **fields: object) -> Document:
    """A document with a body and, unless it is a page, a recent review date."""
    fields.setdefault("body", f"Body of {title}.\n")
    fields.setdefault("reviewed", None if kind == "page" else dt.date(2025, 11, 1))
    return make_doc(kind, slug, title, **fields)


RKS = source("rks", "RKS News", "No Breakthrough Expected", "https://rks.news/no-breakthrough")
WIKI = source("wiki", "Wikipedia", "2013 Brussels Agreement", "https://en.wikipedia.org/wiki/BA")
PRINT = source("print", "Koha", "A newspaper article", date="2025-06")


def sample_corpus() -> Corpus:
    docs = [
        doc("page", "index", "Home", body="Welcome to the explainer.\n"),
        doc("page", "about", "About", body="About this site.\n", sources=(WIKI,)),
        doc("actor", "kosovo", "Kosovo", type="government", sources=(RKS, WIKI),
            timeline=(Entry(pdate("2025-02-09"), "Election held.", "rks", 9),)),
        doc("actor", "serbia", "Serbia", type="government", sources=(RKS,)),
        doc("actor", "european-union", "European Union", type="organisation", aliases=("EU",),
            sources=(WIKI,), reviewed=dt.date(2024, 1, 15),
            timeline=(Entry(pdate("2011-03"), "The dialogue begins.", "wiki", 7),
                      Entry(pdate("2013-04-19"), "First agreement.", "wiki", 8))),
        doc("actor", "besnik-bislimi", "Besnik Bislimi", type="person",
            role="Kosovo's chief negotiator", affiliation=("kosovo",), sources=(RKS,),
            reviewed=dt.date(2025, 5, 1)),
        doc("actor", "philip-reeker", "Philip Reeker", type="person", sources=(RKS,)),
        doc("dispute", "association", "Association of Serb-majority Municipalities",
            aliases=("ASM",), status="in-progress", parties=("kosovo", "serbia"),
            positions=(
                Position("serbia", (Statement(pdate("2025-06-02"), "The central issue for Serbia.",
                                              "rks", 10),)),
                Position("european-union", (
                    Statement(pdate("2015-08"), "Agreed the principles.", "print", 12),
                    Statement(pdate("2025-05"), "Must be implemented.", "rks", 13)))),
            corrections=(
                Correction(dt.date(2025, 11, 2), "An earlier version overstated it.", 20),
            ),
            agreements=("brussels-agreement",), places=("presevo",), sources=(RKS, PRINT),
            timeline=(Entry(pdate("2013"), "Agreed in principle.", "rks", 12),)),
        doc("dispute", "license-plates", "Licence plates", status="resolved",
            parties=("kosovo", "serbia"), sources=(RKS,)),
        doc("agreement", "brussels-agreement", "Brussels Agreement", date=pdate("2013-04-19"),
            status="partly-implemented", parties=("kosovo", "serbia"), sources=(WIKI,)),
        doc("agreement", "ohrid-agreement", "Ohrid Agreement", date=pdate("2023-03-18"),
            status="not-implemented", parties=("kosovo", "serbia"), sources=(RKS,)),
        doc("place", "presevo", "Preševo", type="municipality",
            names=(Name("Preshevë", "sq"), Name("Preševo", "sr-Latn"), Name("Прешево", "sr-Cyrl"))),
        doc("update", "2025-06-10-talks", "Talks resume in Brussels", date=pdate("2025-06-10"),
            about=("kosovo", "serbia"), sources=(RKS,)),
        doc("update", "2025-02-10-election", "Kosovo votes", date=pdate("2025-02-10"),
            about=("kosovo",), sources=(RKS,)),
    ]  # fmt: skip
    return make_corpus(*docs)


def hostile(text: str = "") -> str:
    return f"{text}{HOSTILE}"


def hostile_corpus() -> Corpus:
    """The sample corpus with markup in every front-matter text a reader sees."""
    out = []
    for d in sample_corpus().documents:
        out.append(
            replace(
                d,
                title=hostile(d.title),
                summary=hostile(),
                aliases=(*d.aliases, hostile("alias")),
                tags=(hostile("tag"),),
                role=hostile() if d.kind == "actor" else None,
                sources=tuple(
                    replace(s, title=hostile(), publisher=hostile(), url=f"{s.url}?a=\"<b>&c'")
                    if s.url
                    else replace(s, title=hostile(), publisher=hostile())
                    for s in d.sources
                ),
                timeline=tuple(replace(e, text=hostile()) for e in d.timeline),
                positions=tuple(
                    replace(p, statements=tuple(replace(st, text=hostile()) for st in p.statements))
                    for p in d.positions
                ),
                corrections=tuple(replace(c, text=hostile()) for c in d.corrections),
                names=tuple(replace(n, text=hostile(n.text)) for n in d.names),
            )
        )
    return Corpus(tuple(out))


MD_EXTENSIONS = ["toc", "attr_list", "md_in_html", "tables"]


def to_html(text: str) -> str:
    """Markdown as the site engine renders it (the extensions that matter for raw HTML)."""
    return markdown.markdown(text, extensions=MD_EXTENSIONS)


class Audit(HTMLParser):
    """Every tag, attribute and text of an HTML fragment, decoded."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.texts.append(data)

    def hrefs(self) -> list[str]:
        return [a["href"] or "" for t, a in self.tags if t == "a" and "href" in a]


SAFE_ATTRIBUTES = {
    "href", "rel", "title", "class", "id", "lang", "datetime", "role", "aria-label",
    "aria-labelledby",
    "aria-hidden",
    "data-pagefind-ignore", "data-pagefind-weight", "data-pagefind-meta", "hidden",
    "tabindex", "scope", "type", "xmlns", "viewbox", "width", "height", "font-family",
    "font-size", "font-weight", "fill", "stroke", "stroke-width", "stroke-dasharray", "d", "x",
    "y", "rx", "dominant-baseline",
}  # fmt: skip


def assert_escaped(html: str) -> None:
    """``HOSTILE`` front matter shows as text: no script, no emphasis, no javascript: link,
    no attribute broken open by a quote."""
    audit = Audit(html)
    assert not {"script", "em"} & {tag for tag, _ in audit.tags}
    for tag, attrs in audit.tags:
        assert set(attrs) <= SAFE_ATTRIBUTES, (tag, attrs)
        assert not (attrs.get("href") or "").strip().lower().startswith("javascript:")
    assert any(HOSTILE in text for text in audit.texts), "front matter should show as text"


#: The published Data Package v2 profile (datapackage.org/profiles/2.0/), vendored: no network.
DATAPACKAGE_PROFILE = FIXTURES / "frictionless" / "datapackage-2.0.json"


def validate_data_package(folder: Path) -> Any:
    """``folder``/datapackage.json against the v2 profile, then every table against its schema."""
    import json

    import frictionless
    import jsonschema

    profile = json.loads(DATAPACKAGE_PROFILE.read_text(encoding="utf-8"))
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(profile).validate(descriptor)
    return frictionless.validate(str(folder / "datapackage.json"))


def yaml_as_json(value: Any) -> Any:
    """Front-matter values as an editor's YAML 1.2 reader gives them: days are text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [yaml_as_json(item) for item in value]
    if isinstance(value, dict):
        return {key: yaml_as_json(item) for key, item in value.items()}
    return value


def schema_errors(name: str, data: dict[str, Any]) -> list[str]:
    """What the front-matter JSON Schema ``name`` (a kind's, or the translations') says of
    ``data``, as the site publishes it (nothing: it validates)."""
    import jsonschema

    from site_builder.content.json_schema import schema_files, schema_path

    validator = jsonschema.Draft202012Validator(
        json.loads(schema_files()[schema_path(name)]),
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )
    return sorted(error.message for error in validator.iter_errors(yaml_as_json(data)))


#: A small corpus with Albanian and Serbian translations (tests/fixtures/translated).
TRANSLATED = REPO / "tests" / "fixtures" / "translated" / "content"


def translated_corpus() -> Corpus:
    from site_builder.content.loader import load_corpus

    corpus, problems = load_corpus(TRANSLATED)
    assert problems == []
    return corpus


#: Translations the loader leaves out, with problems in their bodies (its README.md says which).
LEFT_OUT = FIXTURES / "left-out-translations"


def left_out_translations(folder: Path) -> Path:
    """The translated fixture with LEFT_OUT's files over it, in ``folder``/content."""
    content = Path(shutil.copytree(TRANSLATED, folder / "content"))
    shutil.copytree(LEFT_OUT / "content", content, dirs_exist_ok=True)
    return content
