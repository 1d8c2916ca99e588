"""The page a live preview shows while the content has problems: each one, with file and line.

A contributor watching the preview sees what to fix where they are looking, and the next
save that fixes it brings the site back (the preview reloads itself).
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import escape

from site_builder.content.diagnostics import Diagnostic, plural, sort_diagnostics


def problems_page(problems: Sequence[Diagnostic]) -> str:
    """A whole HTML document listing every error, then every warning, sorted by file and line."""
    ordered = sort_diagnostics(problems)
    errors = sum(d.severity == "error" for d in ordered)
    items = "\n".join(
        f'<li class="{d.severity}"><code>{escape(d.path)}:{d.line}</code>: {escape(d.message)}</li>'
        for d in ordered
    )
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f"<title>{plural(errors, 'problem')} in the content</title>\n</head>\n<body>\n"
        f"<main>\n<h1>The content has {plural(errors, 'problem')}</h1>\n"
        "<p>Fix them and save: this preview rebuilds and comes back by itself.</p>\n"
        f'<ol class="problems">\n{items}\n</ol>\n</main>\n</body>\n</html>\n'
    )
