"""The fast tokenizer reports what html.parser reports, or declines."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.mkdocs.html_events import END, START, attributes, html_events


class _Recorder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[int, str, object]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append((START, tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        self.events.append((END, tag, None))

    def handle_data(self, data: str) -> None:
        self.events.append((2, data, None))


def reference(html: str) -> list[tuple[int, str, object]]:
    recorder = _Recorder()
    recorder.feed(html)
    recorder.close()
    return recorder.events


def ours(html: str) -> list[tuple[int, str, object]] | None:
    events = html_events(html)
    if events is None:
        return None
    return [
        (kind, value, attributes(raw) if kind == START else None) for kind, value, raw in events
    ]


@pytest.mark.parametrize(
    "html",
    [
        "<p class=\"x\" id='y' hidden>Tom &amp; Jerry&#x21; &lt;b&gt;</p>",
        '<H2 ID="Top" Data-Search-Exclude>Title<a class="headerlink" href="#top">&para;</a></H2>',
        "<br/><img src='a.png' alt=\"\"/><hr>",
        "<p>one<!-- a comment --> two</p>\n\n<pre><code>  x\n  y\n</code></pre>",
        '<a title="&quot;quoted&quot; &amp; more" href="/a?b=1&amp;c=2">link</a> tail &amp',
        "text only, no tags at all",
        '<div\n  class="multi line"\n  >inside</div  >',
    ],
)
def test_the_events_of_tidy_html_are_html_parsers(html: str) -> None:
    assert ours(html) == reference(html)


@pytest.mark.parametrize(
    "html",
    [
        "<p>1 < 2</p>",  # a stray "<"
        "<p class=unquoted>x</p>",
        "<!DOCTYPE html><p>x</p>",
        "<script>if (a < b) {}</script>",
        "<style>p > a {}</style>",
        "<p>x</p><",
        "<!-->",
    ],
)
def test_anything_else_is_declined(html: str) -> None:
    assert html_events(html) is None


_FRAGMENTS = st.sampled_from(
    [
        "<p>", "</p>", "<div class=\"a\">", "</div>", '<h2 id="x">', "</h2>", "<h1>", "</h1>",
        '<a class="headerlink" href="#x">', "</a>", "<pre>", "</pre>", "<code>", "</code>",
        "<br>", "<br/>", "<img src='i.png'>", "<span data-search-exclude>", "</span>",
        "<!-- c -->", "text", " ", "\n", "&amp;", "&lt;", "&#65;", "&bogus;", "&", "<", ">",
        "<P Class='Up'>", "</P >", "<x-y z=\"1\"/>", "<p a=b>", "'", '"', "=", "<!DOCTYPE x>",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=30).map("".join))
def test_on_any_mix_of_tags_and_text_it_agrees_or_declines(html: str) -> None:
    events = ours(html)
    assert events is None or events == reference(html)
