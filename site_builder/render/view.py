"""The site as seen from one page: relative links and template fragments for that page.

Every href the renderers emit comes from here, relative to the URL of the page being
rendered, so the site works from any folder and from ``file://``. Templates live in
``theme/site_builder/`` so that a maintainer restyles without touching Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from site_builder.content.model import Corpus, Document, PartialDate
from site_builder.render.jinja_cache import bytecode_cache
from site_builder.render.json_ld import WIKIDATA_ITEM
from site_builder.render.labels import label, language_label, plural_label
from site_builder.render.search_spellings import name_keys, search_spellings
from site_builder.render.source import source_html
from site_builder.site.context import BuildContext
from site_builder.site.urls import page_url, relative_url


def full_date(date: dt.date) -> PartialDate:
    return PartialDate(date.year, date.month, date.day)


def time_tag(date: PartialDate | dt.date) -> Markup:
    """A date as readers say it, machine-readable in ``datetime``."""
    if isinstance(date, dt.date):
        date = full_date(date)
    return Markup(f'<time datetime="{escape(date.iso)}">{escape(date.human)}</time>')


@lru_cache(maxsize=8)
def environment(templates_dir: Path) -> jinja2.Environment:
    """One Jinja environment per templates folder; undefined names fail loudly."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        bytecode_cache=bytecode_cache("pages"),
    )
    env.filters.update(
        label=label,
        plural_label=plural_label,
        date=time_tag,
        language=language_label,
    )
    env.globals["source"] = source_html
    env.globals["search_spellings"] = search_spellings
    env.globals["name_keys"] = name_keys
    env.globals["wikidata_item"] = WIKIDATA_ITEM
    return env


def html_block(html: str) -> str:
    """Raw HTML that Markdown passes through untouched.

    Every line flush left and no blank line inside: a blank line could end the block early
    and an indented line could become code, letting front-matter text reach Markdown.
    """
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())


def markdown_page(*blocks: str | None) -> str:
    """Blocks of a Markdown page, separated by blank lines; empty blocks are left out."""
    return "\n\n".join(b.strip("\n") for b in blocks if b and b.strip()) + "\n"


def heading(text: str, level: int = 2) -> str:
    """A Markdown heading; ``text`` is fixed wording of the build, never front matter."""
    return f"{'#' * level} {text}"


@dataclass(frozen=True)
class View:
    """Rendering from the page at ``url`` (a site-root URL such as "actors/kosovo/")."""

    corpus: Corpus
    ctx: BuildContext
    url: str

    @classmethod
    def of(cls, src_uri: str, corpus: Corpus, ctx: BuildContext) -> View:
        return cls(corpus, ctx, page_url(src_uri, directory_urls=ctx.directory_urls))

    def href(self, src_uri: str) -> str:
        """Relative link to the page made from a Markdown source ("actors/x.md")."""
        return relative_url(self.url, page_url(src_uri, directory_urls=self.ctx.directory_urls))

    def asset_href(self, path: str) -> str:
        """Relative link to a file at ``path`` from the site root ("diagram.svg")."""
        return relative_url(self.url, path)

    def link(self, target: Document | str) -> Markup:
        """The one link to a document: its title, its summary as tooltip."""
        doc = target if isinstance(target, Document) else self.corpus.by_slug.get(target)
        if doc is None:
            return escape(target)
        # An f-string of escaped parts: Markup.format is several times slower, and a large
        # site renders tens of thousands of these links.
        href = escape(self.href(doc.src_uri))
        return Markup(f'<a href="{href}" title="{escape(doc.summary)}">{escape(doc.title)}</a>')

    def links(self, targets: Iterable[Document | str]) -> Markup:
        """Links to several documents, comma-separated, in the order given."""
        return Markup(", ").join(self.link(t) for t in targets)

    def text(self, template: str, **values: object) -> str:
        """A template rendered for this page, as it comes (feeds, standalone SVG)."""
        tpl = environment(self.ctx.templates_dir).get_template(template)
        return tpl.render(view=self, **values)

    def block(self, template: str, **values: object) -> str:
        """A template rendered for this page as a raw HTML block of Markdown."""
        html = html_block(self.text(template, **values))
        return html if self.ctx.prerendered is None else self.ctx.prerendered.token(html)
