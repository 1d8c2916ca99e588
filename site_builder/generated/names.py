"""The concordance of names: every title, alias and language name, and where it points."""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.content.generated_pages import GENERATED
from site_builder.content.model import Document
from site_builder.generated.base import PageSpec
from site_builder.render.labels import language_name
from site_builder.render.order import name_key
from site_builder.render.view import View


@dataclass(frozen=True)
class NameRow:
    """One spelling of one brief, with every way it is given ("title", "alias", a language),
    in the words of the page's language.

    ``lang`` is the spelling's language code when it is given in exactly one language.
    """

    text: str
    doc: Document
    labels: tuple[str, ...]
    lang: str | None


def name_rows(view: View) -> list[NameRow]:
    """Each (spelling, brief) once, sorted by folded spelling, as readers look names up."""
    corpus, code = view.corpus, view.ctx.language.code
    title, alias = view.translate("names.title"), view.translate("names.alias")
    found: dict[tuple[str, str], dict[str, str | None]] = {}
    for doc in corpus.briefs:
        given = [
            (doc.title, title, None),
            *((a, alias, None) for a in doc.aliases),
            *((n.text, language_name(code, n.lang), n.lang) for n in doc.names if n.lang),
        ]
        for text, label, lang in given:
            found.setdefault((text, doc.slug), {}).setdefault(label, lang)
    rows = []
    for (text, slug), labels in found.items():
        langs = {lang for lang in labels.values() if lang}
        single = next(iter(langs)) if len(langs) == 1 else None
        rows.append(NameRow(text, corpus.by_slug[slug], tuple(labels), single))
    return sorted(rows, key=lambda r: (name_key(r.text), r.text, name_key(r.doc.title), r.doc.slug))


def body(view: View) -> str:
    rows = [
        view.fragment("names_row.html", (r.text, r.lang, r.labels, view.link_key(r.doc)), row=r)
        for r in name_rows(view)
    ]
    return view.block("names.html", rows=rows)


PAGE = PageSpec(GENERATED["names"], body)
