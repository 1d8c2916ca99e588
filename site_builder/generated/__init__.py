"""The pages and files the build makes from the whole corpus (indexes, timeline, feed...)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from site_builder.content.generated_pages import GENERATED_PAGES
from site_builder.content.json_schema import schema_files
from site_builder.content.languages import LANGUAGE, SOURCE, Language
from site_builder.content.model import Corpus
from site_builder.generated import (
    actors,
    agreements,
    corrections,
    data,
    diagram,
    disputes,
    feed,
    names,
    places,
    review,
    sources,
    stances,
    timeline,
    updates,
)
from site_builder.generated.base import GeneratedFile, PageSpec
from site_builder.generated.datapackage import data_files
from site_builder.site.context import BuildContext

__all__ = ["PAGES", "GeneratedFile", "assets", "data_files", "generate", "pages_for"]

_MODULES = (actors, disputes, agreements, places, updates, timeline, stances, diagram)
_MODULES += (names, sources, corrections, data, review)
_BY_SLUG = {module.PAGE.slug: module.PAGE for module in _MODULES}
#: Every generated page, in the registry's order (the order the home page offers them).
PAGES: tuple[PageSpec, ...] = tuple(_BY_SLUG[page.slug] for page in GENERATED_PAGES)


def pages_for(corpus: Corpus, language: Language = SOURCE) -> tuple[PageSpec, ...]:
    """The registry's pages, then those the corpus calls for (a large timeline's years), in
    ``language``'s site."""
    specs = (*PAGES, *timeline.year_pages(corpus))
    return specs if language.is_source else tuple(replace(s, language=language) for s in specs)


def generate(corpus: Corpus, ctx: BuildContext) -> tuple[GeneratedFile, ...]:
    """Every generated page, then the generated assets."""
    specs = pages_for(corpus)
    pages = [GeneratedFile(p.src_uri, p.markdown(corpus, ctx), p.title, p.slug) for p in specs]
    return (*pages, *assets(corpus, ctx))


def assets(
    corpus: Corpus, ctx: BuildContext, corpora: Mapping[str, Corpus] | None = None
) -> tuple[GeneratedFile, ...]:
    """The standalone diagram, the front-matter schemas and, with a site URL, a feed for each
    language's site (``corpora``, by language code; the source's alone by default).

    The downloads under data/ need every page's links: ``data_files``, once pages are rendered.
    """
    files = [GeneratedFile(diagram.SVG_PATH, diagram.standalone_svg(corpus, ctx), None, None)]
    files += [GeneratedFile(path, text, None, None) for path, text in schema_files().items()]
    if ctx.site_url:
        for code, site in (corpora or {SOURCE.code: corpus}).items():
            language = LANGUAGE[code]
            xml = feed.feed_xml(site, replace(ctx, language=language), ctx.site_url)
            files.append(GeneratedFile(feed.feed_path(language), xml, None, None))
    return tuple(files)
