"""Four sites in one MkDocs build: each page's language, its versions, its navigation.

MkDocs and Material know one language per site. Every language's pages are in the one build
(``site.localized``), under their folders; this module tells the theme which language a page
is in (``theme/partials/language.html`` reads ``page.meta.sb_language``), where the page's
other versions are (the switcher and ``hreflang``), how its translation stands (the notice),
and gives each language its own part of the navigation.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from site_builder.content.generated_pages import GENERATED
from site_builder.content.kinds import HOME
from site_builder.content.languages import LANGUAGES, SOURCE, language_of, source_uri
from site_builder.generated.feed import feed_path
from site_builder.render.catalogue import catalogue, translate
from site_builder.site.pipeline import PreparedSite
from site_builder.site.urls import page_url


def language_meta(src_uri: str, site: PreparedSite) -> dict[str, Any]:
    """What the theme needs to know about a page's language (``page.meta``)."""
    language = language_of(src_uri)
    english = source_uri(src_uri)
    versions = [
        {"tag": lang.tag, "name": lang.name, "url": page_url(lang.src_uri(english)),
         "current": lang == language}
        for lang in LANGUAGES
        if lang.src_uri(english) in site.documents or lang.src_uri(english) in site.generated
    ]  # fmt: skip
    doc = site.documents.get(src_uri)
    fresh = doc.freshness if doc is not None else None
    notices = []
    if fresh is not None:
        if fresh.translation is None:
            notices.append("untranslated")
        else:
            notices += ["outdated"] if fresh.outdated else []
            notices += ["unreviewed"] if fresh.unreviewed else []
            notices += [] if fresh.translated_body or english == HOME else ["summary-only"]
    return {
        "sb_language": language.code,
        "sb_tag": language.tag,
        "sb_material": language.material,
        "sb_versions": versions if len(versions) > 1 else [],
        "sb_notices": notices,
        "sb_english": page_url(english),
        "sb_feed": feed_path(language),
    }


def _page_language(context: Context) -> str:
    """The language of the page a template renders (the source's for theme-only pages)."""
    page = context.get("page")
    meta = page.meta if page is not None and page.meta else {}
    return meta.get("sb_language", SOURCE.code)


@pass_context
def page_translate(context: Context, key: str, **values: object) -> str:
    """The template global ``site_builder_t(key, name=value)``: a catalogue string in the page's
    language, as plain text (the theme escapes it)."""
    return translate(_page_language(context), key, **values)


@pass_context
def page_plural(context: Context, key: str) -> str:
    """The template global ``site_builder_plural(key)``: a count's strings in the page's
    language by plural category, as JSON for a script (which picks one with Intl.PluralRules)."""
    return json.dumps(dict(catalogue(_page_language(context))[key]), ensure_ascii=False)


def names_urls(files: Files) -> dict[str, str]:
    """The URL of each language's Names page, by language code."""
    urls = {}
    for language in LANGUAGES:
        names = files.get_file_from_path(language.src_uri(GENERATED["names"].src_uri))
        if names is not None:
            urls[language.code] = names.url
    return urls


def names_url(files: Files) -> Callable[[Context], str]:
    """The template global ``site_builder_names_url()``: the Names page of the page's language
    (where search without JavaScript sends readers), "" if the build has none."""
    urls = names_urls(files)

    @pass_context
    def url(context: Context) -> str:
        return urls.get(_page_language(context), "")

    return url


def without_repeated_anchor_links(pages: list[Page], site: PreparedSite, files: Files) -> None:
    """A page shown in English in another language's site has the English page's links: MkDocs
    would warn about each broken anchor among them again in every language. Keep only those
    broken in this language's site alone (an anchor of a translated heading)."""
    for page in pages:
        uri = page.file.src_uri
        doc, english = site.documents.get(uri), site.documents.get(source_uri(uri))
        if doc is None or english is None or doc is english or doc.path != english.path:
            continue
        for target, links in list((page.links_to_anchors or {}).items()):
            original = files.get_file_from_path(source_uri(target.src_uri))
            found = original.page.present_anchor_ids if original and original.page else None
            if found is None:
                continue
            page.links_to_anchors[target] = {a: link for a, link in links.items() if a in found}


def language_navs(nav: Navigation) -> dict[str, Navigation]:
    """Each language's part of the navigation MkDocs made of every language's, one after the
    other: its items and pages, its own home page, and no previous or next page across."""
    navs = {}
    for language in LANGUAGES:
        items = [item for item in nav.items if _language(item) == language.code]
        pages = [p for p in nav.pages if language_of(p.file.src_uri) == language]
        if pages:
            pages[0].previous_page = None
            pages[-1].next_page = None
        part = Navigation(items, pages)
        home = language.src_uri(HOME)
        part.homepage = next((p for p in pages if p.file.src_uri == home), None)
        navs[language.code] = part
    return navs


def _language(item: Any) -> str | None:
    if isinstance(item, Page):
        return language_of(item.file.src_uri).code
    if isinstance(item, Section):
        return next((c for c in map(_language, item.children) if c is not None), None)
    return None
