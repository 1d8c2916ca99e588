"""One way to show a source record, shared by citations and Sources sections."""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup, escape

from site_builder.content.model import Source
from site_builder.render.dates import human_date


@lru_cache(maxsize=8192)
def source_html(source: Source, code: str) -> Markup:
    """Publisher, title (linked when there is a URL), date in language ``code``: all escaped,
    the URL spelled out.

    Kept per source and language: a source shows in the notes of every page citing it. Built
    from escaped parts with f-strings, which are several times faster than Markup.format.
    """
    title = escape(source.title)
    if source.url:
        title = Markup(
            f'<a href="{escape(source.url)}" class="source-link" rel="noopener noreferrer">'
            f"{title}</a>"
        )
    html = f"{escape(source.publisher)}, <cite>{title}</cite>"
    if source.date:
        html += f", {escape(human_date(source.date, code))}"
    if source.url:
        html += f' <span class="source-url">{escape(source.url)}</span>'
    return Markup(html)
