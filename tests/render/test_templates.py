"""No template writes a word itself: every word comes from the catalogues, in the page's language.

Crude on purpose: with Jinja's comments, statements and expressions taken out, what is left
between the tags, and in the attributes readers meet (labels, titles), must hold no letter.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support import REPO

THEME = REPO / "theme"
#: The build's templates, and the theme's overrides of Material's (whose own words Material
#: translates, by the page's language: theme/partials/language.html).
TEMPLATES = sorted(
    [
        *THEME.glob("*.html"),
        *(THEME / "site_builder").glob("*.html"),
        *(THEME / "partials").glob("*.html"),
    ],
    key=lambda p: p.relative_to(THEME).as_posix(),
)
_JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
_READ_ATTRIBUTES = re.compile(r"""\b(?:aria-label|title|alt|placeholder)=(["'])(.*?)\1""", re.S)
_TAG = re.compile(r"<[^>]*>")
_LETTER = re.compile(r"[^\W\d_]")


def words(template: str) -> list[str]:
    """What a template writes that is not an expression: text between tags, read attributes."""
    text = _JINJA.sub("", template)
    attributes = [m.group(2) for m in _READ_ATTRIBUTES.finditer(text)]
    between = _TAG.sub(" ", text).split()
    return [w for w in (*between, *attributes) if _LETTER.search(w)]


def test_the_check_finds_words() -> None:
    assert words('<p class="x">No {{ t("a") }} page</p><a title="Home">{# Note #}</a>') == [
        "No", "page", "Home",
    ]  # fmt: skip
    assert words('<p aria-label="{{ t("a") }}">{{ t("b", n=1) }}: {% if x %}·{% endif %}</p>') == []


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.relative_to(THEME).as_posix())
def test_a_template_writes_no_word_of_its_own(path: Path) -> None:
    assert words(path.read_text("utf-8")) == []
