"""Events told twice: which pairs of timeline entries `check` warns about, and in what words."""

from __future__ import annotations

from site_builder.content.diagnostics import Diagnostic
from site_builder.content.model import Corpus, TimelineEntry
from site_builder.site.repeated_events import repeated_events, words
from tests.support import RKS, doc, pdate

ACCEPTED = "Kurti and Vučić accept the EU's text of the agreement in Brussels."


def corpus(*entries: tuple[str, str, str, tuple[str, ...]]) -> Corpus:
    """Actors kurti, vucic and an agreement ohrid, each with the entries given to it:
    (slug, date, text, involves)."""
    titles = {"kurti": "Albin Kurti", "vucic": "Aleksandar Vučić", "ohrid": "Ohrid Agreement"}
    aliases = {"kurti": ("Kurti",), "vucic": ("Vučić",), "ohrid": ()}
    docs = []
    for slug, title in titles.items():
        mine = [e for e in entries if e[0] == slug]
        timeline = tuple(
            TimelineEntry(pdate(date), text, "rks", 20 + i, involves)
            for i, (_, date, text, involves) in enumerate(mine)
        )
        kind = "agreement" if slug == "ohrid" else "actor"
        docs.append(
            doc(kind, slug, title, aliases=aliases[slug], sources=(RKS,), timeline=timeline)
        )
    return Corpus(tuple(docs))


def test_words_are_folded_lowercase_and_leave_out_common_ones_and_numbers() -> None:
    assert words("On 27 February Vučić ACCEPTS the EU's text.") == frozenset(
        {"vucic", "accepts", "eu", "text"}
    )


def test_one_event_written_on_two_briefs_that_name_each_other_is_a_warning() -> None:
    found = repeated_events(corpus(
        ("kurti", "2023-02-27", "Verbally accepts the EU's text in Brussels, with Vučić.", ()),
        ("ohrid", "2023-02-27", ACCEPTED, ()),
    ))  # fmt: skip
    assert found == [
        Diagnostic(
            "content/agreements/ohrid.md",
            20,
            "this event looks like the one at content/actors/kurti.md:20 (same date, "
            "27 February 2023; words in common: brussels, eu, text, vucic): write it once, in "
            "the brief it belongs to, and list the other briefs under its 'involves' "
            "(here: involves: [ohrid])",
            "warning",
        )
    ]


def test_involves_links_the_briefs_as_naming_them_does() -> None:
    found = repeated_events(corpus(
        ("vucic", "2023-02-27", "Accepts the text of the agreement in Brussels.", ("ohrid",)),
        ("ohrid", "2023-02-27", "The parties accept the text of the agreement in Brussels.", ()),
    ))  # fmt: skip
    assert [(d.path, d.line, d.severity) for d in found] == [
        ("content/agreements/ohrid.md", 20, "warning")
    ]


def test_another_date_other_briefs_or_other_words_are_no_repeat() -> None:
    assert repeated_events(corpus(
        ("kurti", "2023-02-27", "Verbally accepts the EU's text in Brussels.", ()),
        ("ohrid", "2023-02-28", ACCEPTED, ()),  # another day
        ("vucic", "2023-02-27", "Accepts the EU's text in Brussels.", ()),  # names none
        ("ohrid", "2023-02-27", "Kurti signs nothing and leaves for Pristina.", ()),  # other words
    )) == []  # fmt: skip


def test_the_same_words_on_the_same_day_are_a_repeat_whichever_briefs() -> None:
    text = "The parties agree on integrated management of the crossings."
    found = repeated_events(
        corpus(("vucic", "2011-12-02", text, ()), ("kurti", "2011-12-02", text, ()))
    )
    assert [(d.path, d.line) for d in found] == [("content/actors/vucic.md", 20)]
    assert "at content/actors/kurti.md:20" in found[0].message


def test_three_copies_each_point_at_the_first() -> None:
    found = repeated_events(corpus(
        ("kurti", "2023-02-27", ACCEPTED, ()),
        ("vucic", "2023-02-27", ACCEPTED, ()),
        ("ohrid", "2023-02-27", ACCEPTED, ()),
    ))  # fmt: skip
    assert [(d.path, "content/actors/kurti.md:20" in d.message) for d in found] == [
        ("content/actors/vucic.md", True),
        ("content/agreements/ohrid.md", True),
    ]


def test_numbers_that_differ_tell_two_events_of_a_day_apart() -> None:
    assert repeated_events(corpus(
        ("kurti", "2020-10-06", "Round 122 of talks held with Vučić.", ()),
        ("vucic", "2020-10-06", "Round 152 of talks held with Kurti.", ()),
    )) == []  # fmt: skip
    assert len(repeated_events(corpus(
        ("kurti", "2020-10-06", "Round 122 of talks held with Vučić.", ()),
        ("vucic", "2020-10-06", "Round 122 of the talks held with Kurti.", ()),
    ))) == 1  # fmt: skip
