"""Links and images a contributor wrote, resolved once every page is rendered.

A link points at a Markdown file of content/ (``../actors/kosovo.md``), optionally at an
anchor in it, or at a file of content/assets/; an image at a file of content/assets/. One that
points at nothing is a problem at its line, in ``check`` and in the build alike, so a broken
link never reaches readers as a build warning nobody read.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping

from site_builder.content.diagnostics import Diagnostic, did_you_mean
from site_builder.content.generated_pages import GENERATED_PAGES
from site_builder.content.languages import SOURCE, source_uri
from site_builder.content.model import Corpus, Document
from site_builder.markdown.linker import PageLinks, Target
from site_builder.site.urls import link_path


def target_problems(
    corpus: Corpus, pages: Mapping[str, tuple[Document, PageLinks]]
) -> list[Diagnostic]:
    """``pages``: src_uri -> (the document, what its rendering found), in any language's site.

    A link is read from the place of its file in content/, as its contributor wrote it: a page
    of another language's site has the paths of the English one under its folder, so a link
    that leads somewhere from the English page leads to the same page of its own site. Another
    page's anchors are those of its English page; a page's own, those it was rendered with.
    """
    markdown = {d.src_uri for d in corpus.documents}
    markdown |= {s.document.src_uri for s in corpus.stand_ins if s.document.language == SOURCE.code}
    markdown |= {p.src_uri for p in GENERATED_PAGES}
    wanted = sorted(markdown | corpus.assets)
    hints = functools.cache(lambda path: did_you_mean(path, wanted))  # per path, not per link
    problems = []
    for src_uri, (doc, found) in pages.items():
        for target in found.targets:
            message = _problem(
                source_uri(src_uri), target, found.anchors, markdown, corpus.assets, pages, hints
            ) or _in_html_problem(target)
            if message:
                problems.append(Diagnostic(doc.path, target.line, message))
    return problems


def _in_html_problem(target: Target) -> str | None:
    """Raw HTML is published as written, so a relative link there would be one folder off
    from the page's URL; only a fragment works (the page itself)."""
    if not target.in_html or target.url.strip().startswith("#"):
        return None
    kind, url = target.kind, target.url
    markdown = f"![text]({url})" if kind == "image" else f"[text]({url})"
    return (
        f"the HTML {kind} '{url}' is published as written, so readers would not reach it: "
        f"write it in Markdown, {markdown}"
    )


def _problem(
    src_uri: str,
    target: Target,
    anchors: frozenset[str],
    markdown: set[str],
    assets: frozenset[str],
    pages: Mapping[str, tuple[Document, PageLinks]],
    hints: Callable[[str], str],
) -> str | None:
    kind, url = target.kind, target.url
    path, fragment = link_path(src_uri, url)
    if not path:
        if kind == "link" and fragment and fragment not in anchors:
            return f"the link '{url}' points at no heading or anchor '#{fragment}' on this page"
        return None
    if path.startswith("/"):
        return f"the {kind} '{url}' starts at the site's root: write it relative to this file"
    if kind == "image":
        if path not in assets:
            return f"the image '{url}' is not a file of content/assets/"
        return None
    if path in assets:
        return None
    if path not in markdown:
        hint = hints(path)
        if not path.endswith(".md"):
            return (
                f"the link '{url}' points at no page or file: link to a page's Markdown file "
                f"(e.g. '../actors/kosovo.md') or to a file of content/assets/{hint}"
            )
        return f"the link '{url}' points at no page of content/{hint}"
    linked = pages.get(path)
    if fragment and linked is not None and fragment not in linked[1].anchors:
        return f"the link '{url}' points at no heading or anchor '#{fragment}' on {path}"
    return None
