"""Small corpora built in Python for the renderer and page tests (no loader needed).

``sample_corpus()`` is a valid miniature of the real content; ``hostile_corpus()`` puts
markup into every front-matter text field, to prove it never reaches a page raw.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from html.parser import HTMLParser

import markdown

from site_builder.context import BuildContext
from site_builder.model import (
    Corpus,
    Correction,
    Document,
    Kind,
    Name,
    PartialDate,
    Position,
    Source,
    Statement,
)
from site_builder.model import TimelineEntry as Entry
from tests.factories import make_corpus, make_ctx, make_doc

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
