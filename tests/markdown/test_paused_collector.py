"""The collector is paused while a page converts, and only then."""

from __future__ import annotations

import gc

import markdown
import pytest
from markdown.treeprocessors import Treeprocessor

from site_builder.markdown.linker import Linker
from site_builder.markdown.paused_collector import convert_with_collector_paused
from tests.support import LINK_CORPUS, make_ctx


class _Seen(Treeprocessor):
    """Notes whether the collector runs while the tree is made; fails on "fail"."""

    def __init__(self, md: markdown.Markdown, seen: list[bool]) -> None:
        super().__init__(md)
        self.seen = seen

    def run(self, root):
        self.seen.append(gc.isenabled())
        if root.findtext("p") == "fail":
            raise ValueError("fail")


def _markdown(seen: list[bool]) -> markdown.Markdown:
    md = markdown.Markdown(extensions=[Linker(LINK_CORPUS, make_ctx()).extension])
    md.treeprocessors.register(_Seen(md, seen), "seen", 1)
    return md


def test_paused_while_converting_and_on_again_after() -> None:
    seen: list[bool] = []
    md = _markdown(seen)
    assert md.convert("Text.") == "<p>Text.</p>"
    assert seen == [False] and gc.isenabled()
    with pytest.raises(ValueError, match="fail"):
        md.convert("fail")
    assert seen == [False, False] and gc.isenabled()


def test_a_collector_turned_off_stays_off() -> None:
    seen: list[bool] = []
    md = _markdown(seen)
    gc.disable()
    try:
        md.convert("Text.")
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert seen == [False]


def test_paused_once_however_often_asked() -> None:
    md = markdown.Markdown()
    convert_with_collector_paused(md)
    paused = md.convert
    convert_with_collector_paused(md)
    assert md.convert is paused
