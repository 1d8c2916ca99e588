"""One way to show a source record, shared by citations and Sources sections."""

from __future__ import annotations

from markupsafe import Markup, escape

from site_builder.model import Source


def source_html(source: Source) -> Markup:
    """Publisher, title (linked when there is a URL), date: all escaped, the URL spelled out."""
    title = escape(source.title)
    if source.url:
        url = escape(source.url)
        title = Markup('<a href="{0}" class="source-link">{1}</a>').format(url, title)
    parts = [Markup("{0}, <cite>{1}</cite>").format(escape(source.publisher), title)]
    if source.date:
        parts.append(Markup("{0}").format(source.date.human))
    html = Markup(", ").join(parts)
    if source.url:
        html += Markup(' <span class="source-url">{0}</span>').format(source.url)
    return html
