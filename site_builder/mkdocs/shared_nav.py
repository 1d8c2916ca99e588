"""The navigation sidebar, rendered once for all the pages that see it alike.

Material renders the whole navigation into every page, and at 1,000 briefs that was half of a
page's template time. A page outside the navigation (every brief, once its kind lists only its
index) marks nothing in it as active, so what it sees differs from page to page only in the
relative URLs of the links: pages whose links come out the same share one rendering. A page in
the navigation is rendered as Material renders it. ``theme/main.html`` calls this in place of
Material's ``{% include "partials/nav.html" %}``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

NAV_TEMPLATE = "partials/nav.html"


def shared_navs(navs: Mapping[str, Navigation], config: MkDocsConfig) -> Callable[..., Markup]:
    """The template global ``site_builder_nav()`` for one build with a navigation per
    language: a page's context holds its language's (``mkdocs.languages``)."""
    by_nav = {id(nav): shared_nav(nav, config) for nav in navs.values()}

    @pass_context
    def site_builder_nav(context: Context) -> Markup:
        return by_nav[id(context.get("nav"))](context)

    return site_builder_nav


def shared_nav(nav: Navigation, config: MkDocsConfig) -> Callable[..., Markup]:
    """The template global ``site_builder_nav()`` for one build."""
    in_nav = {id(page) for page in nav.pages}
    urls = [item.url for item in _items(nav.items) if isinstance(item, Page | Link)]
    homepage = nav.homepage.url if nav.homepage else None
    others = (homepage, config.extra.get("homepage"), config.theme.get("logo"))
    urls += [str(url) for url in others if url]  # the logo and home links are relative too
    rendered: dict[tuple[str, ...], Markup] = {}

    @pass_context
    def site_builder_nav(context: Context) -> Markup:
        page = context.get("page")
        if page is None or id(page) in in_nav:
            return _render(context)
        key = tuple(normalize_url(url, page=page) for url in urls)
        if key not in rendered:
            rendered[key] = _render(context)
        return rendered[key]

    return site_builder_nav


def _render(context: Context) -> Markup:
    template = context.environment.get_template(NAV_TEMPLATE)
    return Markup(template.render(context.get_all()))


def _items(items: Iterable[Any]) -> Iterable[Any]:
    for item in items:
        yield item
        if isinstance(item, Section):
            yield from _items(item.children)
