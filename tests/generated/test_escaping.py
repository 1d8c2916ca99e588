"""Markup in front matter never reaches a generated page or file raw."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from site_builder.generated import PAGES, generate
from tests.support import HOSTILE, assert_escaped, context, hostile_corpus, to_html

CORPUS = hostile_corpus()
FILES = {f.src_uri: f for f in generate(CORPUS, context())}


@pytest.mark.parametrize("src_uri", [p.src_uri for p in PAGES])
def test_front_matter_is_escaped_on_every_generated_page(src_uri: str) -> None:
    assert_escaped(to_html(FILES[src_uri].content))


@pytest.mark.parametrize("src_uri", ["diagram.svg", "feed.xml"])
def test_assets_stay_well_formed_and_show_markup_as_text(src_uri: str) -> None:
    root = ET.fromstring(FILES[src_uri].content)
    texts = [element.text or "" for element in root.iter()]
    assert any(HOSTILE in text for text in texts)
    assert not [e for e in root.iter() if e.tag.rpartition("}")[2] == "script"]
