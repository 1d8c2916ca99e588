"""The site as seen from one page: relative links and template fragments for that page.

Every href the renderers emit comes from here, relative to the URL of the page being
rendered, so the site works from any folder and from ``file://``. Templates live in
``theme/site_builder/`` so that a maintainer restyles without touching Python; they write no
word themselves, but ask the catalogue in the page's language: ``t("key")``, and the ``date``
and ``language`` filters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import jinja2
from jinja2.runtime import Context
from markdown.extensions.toc import slugify
from markupsafe import Markup, escape

from site_builder.content.languages import SOURCE_CODE
from site_builder.content.model import Corpus, Document, PartialDate, Source
from site_builder.render.catalogue import translate, translate_markup
from site_builder.render.dates import human_date
from site_builder.render.jinja_cache import bytecode_cache
from site_builder.render.json_ld import WIKIDATA_ITEM
from site_builder.render.labels import language_name
from site_builder.render.search_spellings import name_keys, search_spellings
from site_builder.render.source import source_html
from site_builder.site.context import BuildContext
from site_builder.site.urls import page_url, relative_url

T = TypeVar("T")


def full_date(date: dt.date) -> PartialDate:
    return PartialDate(date.year, date.month, date.day)


def time_tag(date: PartialDate | dt.date, code: str) -> Markup:
    """A date as readers of language ``code`` say it, machine-readable (ISO) in ``datetime``."""
    if isinstance(date, dt.date):
        date = full_date(date)
    return Markup(f'<time datetime="{escape(date.iso)}">{escape(human_date(date, code))}</time>')


def _code(context: Context) -> str:
    """The language of the page a template is rendered for (every template has its ``view``)."""
    return context["view"].ctx.language.code


@jinja2.pass_context
def _t(context: Context, key: str, **values: object) -> Markup:
    """``t(key, name=value)``: the catalogue string in the page's language, as HTML."""
    return translate_markup(_code(context), key, **values)


@jinja2.pass_context
def _date(context: Context, date: PartialDate | dt.date) -> Markup:
    return time_tag(date, _code(context))


@jinja2.pass_context
def _language(context: Context, lang: str) -> str:
    return language_name(_code(context), lang)


@jinja2.pass_context
def _source(context: Context, source: Source) -> Markup:
    return source_html(source, _code(context))


@lru_cache(maxsize=8)
def environment(templates_dir: Path) -> jinja2.Environment:
    """One Jinja environment per templates folder; undefined names fail loudly."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(date=_date, language=_language)
    env.bytecode_cache = bytecode_cache("pages", env.filters)
    env.globals.update(t=_t, source=_source)
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


def heading(text: str, level: int = 2, anchor: str | None = None) -> str:
    """A Markdown heading; ``text`` is fixed wording of the build, never front matter."""
    return f"{'#' * level} {text}" + (f" {{#{anchor}}}" if anchor else "")


@lru_cache(maxsize=256)
def anchor(key: str) -> str:
    """The id of a heading the build writes: its English words' (``#corrections``), in every
    language, so that a link to it holds in every site and no Cyrillic heading gets "_1"."""
    return slugify(translate(SOURCE_CODE, key), "-")


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

    @staticmethod
    def link_key(doc: Document) -> tuple[str, str, str]:
        """All ``link`` reads of a document (a fragment's key, ``fragment``)."""
        return (doc.src_uri, doc.title, doc.summary)

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

    def translate(self, key: str, **values: object) -> str:
        """The catalogue string ``key`` in the page's language, as plain text."""
        return translate(self.ctx.language.code, key, **values)

    def heading(self, key: str, level: int = 2) -> str:
        """A Markdown heading of the catalogue's words, with the same id in every language."""
        return heading(self.translate(key), level, anchor(key))

    def text(self, template: str, **values: object) -> str:
        """A template rendered for this page, as it comes (feeds, standalone SVG)."""
        tpl = environment(self.ctx.templates_dir).get_template(template)
        return tpl.render(view=self, **values)

    def fragment(self, template: str, key: Hashable, **values: object) -> Markup:
        """A template rendered for one row of this page. ``key`` is all the template reads of
        ``values``: a live preview takes a row of the same key from its last build
        (``render.fragments``), which makes the same row."""
        return self.kept((template, key), lambda: Markup(self.text(template, **values)))

    def kept(self, key: Hashable, make: Callable[[], T]) -> T:
        """``make()``, or while serving what it made for this page (its URL and language) and
        ``key`` in the last build: ``key`` is all that ``make`` reads."""
        if self.ctx.fragments is None:
            return make()
        return self.ctx.fragments.get((self.url, self.ctx.language.code, key), make)

    def block(self, template: str, **values: object) -> str:
        """A template rendered for this page as a raw HTML block of Markdown."""
        html = html_block(self.text(template, **values))
        return html if self.ctx.prerendered is None else self.ctx.prerendered.token(html)
