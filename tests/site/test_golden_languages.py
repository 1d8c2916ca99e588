"""Every page of the translated fixture in Albanian, Serbian and Serbian Latin, as the seam
gives it to the engine, compared with committed output (``tests/fixtures/translated/golden``).

After a deliberate change, regenerate with ``UPDATE_GOLDEN=1`` and review the diff: a word of
the build left in English, or a link into the English site, shows there first.
"""

from __future__ import annotations

import os

import pytest

from site_builder.content.languages import LANGUAGES, SOURCE, language_of
from site_builder.site.pipeline import prepare
from tests.support import TRANSLATED, context

GOLDEN = TRANSLATED.parent / "golden"
CTX = context()
SITE = prepare(TRANSLATED, CTX, languages=LANGUAGES)
OUTPUT = {
    uri: SITE.markdown(uri, CTX)
    for uri in (*SITE.documents, *SITE.generated)
    if language_of(uri) != SOURCE
}


@pytest.mark.parametrize("uri", sorted(OUTPUT))
def test_matches_golden(uri: str) -> None:
    path = GOLDEN / uri
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(OUTPUT[uri], encoding="utf-8")
    assert path.read_text(encoding="utf-8") == OUTPUT[uri], f"regenerate: UPDATE_GOLDEN=1 ({uri})"


def test_no_stale_golden_files() -> None:
    present = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()}
    assert present == set(OUTPUT)


def test_every_language_has_every_page() -> None:
    english = {uri for uri in (*SITE.documents, *SITE.generated) if language_of(uri) == SOURCE}
    for language in LANGUAGES[1:]:
        pages = {u.removeprefix(language.folder) for u in OUTPUT if language_of(u) == language}
        assert pages == english, language.code
