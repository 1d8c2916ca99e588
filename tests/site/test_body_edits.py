"""A site whose only change is some documents' bodies: the same site, those bodies new."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from site_builder.content.languages import LANGUAGES
from site_builder.site.body_edits import same_face, with_bodies
from site_builder.site.pipeline import PreparedSite, prepare
from tests.support import MINIMAL, TRANSLATED, context

ALL = list(LANGUAGES)


def _site(content: Path) -> PreparedSite:
    return prepare(content, context(), languages=ALL)


def test_a_body_edit_reaches_the_page_in_every_language_and_no_other() -> None:
    site = _site(MINIMAL)
    mitrovica = site.corpus.by_slug["mitrovica"]
    edited = replace(mitrovica, body=mitrovica.body + "\nThe talks went on.[^census]\n")
    again = with_bodies(site, [edited])
    assert again is not None
    for lang in LANGUAGES:
        page = again.documents[lang.src_uri("places/mitrovica.md")]
        assert page.body.endswith("The talks went on.[^census]\n")
        assert page.language == lang.code
        assert again.corpora[lang.code].by_slug["mitrovica"] is page
    assert again.corpus is again.corpora["en"]
    unchanged = [uri for uri in site.documents if "mitrovica" not in uri]
    assert [again.documents[u] is site.documents[u] for u in unchanged] == [True] * len(unchanged)
    assert again.generated is site.generated and again.nav == site.nav


def test_front_matter_changed_is_not_a_body_edit() -> None:
    site = _site(MINIMAL)
    mitrovica = site.corpus.by_slug["mitrovica"]
    renamed = replace(mitrovica, title="Mitrovica North")
    assert not same_face(renamed, mitrovica)
    assert with_bodies(site, [renamed]) is None
    moved = replace(mitrovica, body="\n" + mitrovica.body, body_line=mitrovica.body_line + 1)
    assert same_face(moved, mitrovica)


def test_the_home_page_and_a_translated_brief_are_not_body_edits(tmp_path: Path) -> None:
    """The home page's body is a generated page's; a translation is checked against the
    English file it translates (and the review page reads that)."""
    site = _site(MINIMAL)
    home = site.documents["index.md"]
    assert with_bodies(site, [replace(home, body=home.body + "\nMore.\n")]) is None
    translated = _site(Path(shutil.copytree(TRANSLATED, tmp_path / "content")))
    plates = translated.corpus.by_slug["vehicle-licence-plates"]
    assert ("sq", "vehicle-licence-plates") in translated.corpus.translations
    assert with_bodies(translated, [replace(plates, body=plates.body + "\nMore.\n")]) is None
    presevo = translated.corpus.by_slug["presevo"]  # no translation
    assert with_bodies(translated, [replace(presevo, body=presevo.body + "\nMore.\n")])


def test_a_document_that_was_not_in_the_site_is_not_a_body_edit() -> None:
    site = _site(MINIMAL)
    mitrovica = site.corpus.by_slug["mitrovica"]
    assert with_bodies(site, [replace(mitrovica, src_uri="places/new.md", slug="new")]) is None
