"""Words put together from catalogue keys: a generated page's title, blurb and description,
and a language's name.

Everything else readers see is one catalogue key (``render/catalogue.py``). A kind's index is
titled with the kind's name, a year of the timeline with the timeline's title and the year.
"""

from __future__ import annotations

from site_builder.content.generated_pages import GeneratedPage
from site_builder.content.model import KNOWN_LANGUAGES
from site_builder.render.catalogue import translate


def page_title(page: GeneratedPage, code: str) -> str:
    """ "Disputes", "Timeline", "Timeline: 2023"."""
    if page.index_of is not None:
        title = translate(code, f"kind.{page.index_of}.plural")
    else:
        title = translate(code, f"page.{page.words}.title")
    if page.year is None:
        return title
    return translate(code, "page.year_title", title=title, year=page.year)


def page_blurb(page: GeneratedPage, code: str) -> str:
    """What the page holds, completing "<title>: ..." on the home page."""
    return translate(code, f"page.{page.words}.blurb")


def page_description(page: GeneratedPage, code: str) -> str:
    """The page's summary, as its meta description and the title of links to it."""
    blurb = page_blurb(page, code)
    return blurb[:1].upper() + blurb[1:]


def language_name(code: str, lang: str) -> str:
    """The language ``lang`` spelled out in language ``code`` ("sq" -> "Albanian"); a code
    the catalogues do not know stays as it is written."""
    return translate(code, f"language_name.{lang}") if lang in KNOWN_LANGUAGES else lang
