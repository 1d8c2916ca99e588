"""What each generated page shows, on the sample corpus and on small variations of it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest

from site_builder.content.generated_pages import GENERATED
from site_builder.content.kinds import KIND
from site_builder.content.languages import LANGUAGE
from site_builder.content.model import (
    Corpus,
    Correction,
    Position,
    Statement,
    TimelineEntry,
)
from site_builder.generated import PAGES, generate, pages_for
from tests.support import RKS, context, doc, pdate, sample_corpus, source, to_html

CORPUS = sample_corpus()
NOTE = "This page is generated from the briefs; to change it, edit the briefs."


def page(slug: str, corpus: Corpus = CORPUS, **ctx: object) -> str:
    for f in generate(corpus, context(**ctx)):
        if f.slug == slug:
            return f.content
    raise KeyError(slug)


def link_texts(text: str) -> list[str]:
    return re.findall(r'<a href="[^"]*" title="[^"]*">([^<]+)</a>', text)


def h2(text: str) -> list[str]:
    """Each second-level heading's words, without its id (the same in every language)."""
    return re.findall(r"^## (.*?)(?: \{#[\w-]+\})?$", text, flags=re.MULTILINE)


def test_every_generated_slug_has_one_page_with_its_title() -> None:
    files = generate(CORPUS, context())
    pages = [f for f in files if f.slug]
    assert sorted(f.slug for f in pages) == sorted(GENERATED)
    assert {f.slug: f.title for f in pages} == {
        "actors": "Actors", "disputes": "Disputes", "agreements": "Agreements",
        "places": "Places", "updates": "Updates", "timeline": "Timeline",
        "stance-matrix": "Positions side by side", "sources": "Sources", "names": "Names",
        "review": "Review queue", "diagram": "Relationship diagram",
        "corrections": "Corrections", "data": "Data",
    }  # fmt: skip
    schemas = [f"schemas/{name}.schema.json" for name in [*KIND, "translation"]]
    assert [f.src_uri for f in files if not f.slug] == ["diagram.svg", *schemas, "feed.xml"]
    assert all(f.title is None for f in files if not f.slug)


@pytest.mark.parametrize("spec", PAGES, ids=lambda p: p.slug)
def test_every_page_opens_with_the_generated_note(spec) -> None:
    first_line = page(spec.slug).splitlines()[0]
    assert NOTE in first_line


def test_output_is_deterministic_and_independent_of_corpus_order() -> None:
    shuffled = Corpus(tuple(reversed(CORPUS.documents)))
    assert generate(CORPUS, context()) == generate(CORPUS, context())
    assert generate(CORPUS, context()) == generate(shuffled, context())


def test_actors_grouped_by_type() -> None:
    text = page("actors")
    assert h2(text) == ["People", "Governments", "Organisations"]
    people = text[text.index("## People") : text.index("## Governments")]
    assert link_texts(people) == ["Besnik Bislimi", "Philip Reeker"]
    assert "Kosovo&#39;s chief negotiator" in people
    assert "What Besnik Bislimi is." in people


def test_disputes_grouped_by_status_with_parties() -> None:
    text = page("disputes")
    assert h2(text) == ["In progress", "Resolved"]
    resolved = text[text.index("## Resolved") :]
    assert link_texts(resolved) == ["Licence plates", "Kosovo", "Serbia"]
    assert "Parties: " in resolved


def test_agreements_by_date_with_status() -> None:
    text = page("agreements")
    assert link_texts(text) == ["Brussels Agreement", "Ohrid Agreement"]
    assert "19 April 2013</time> · Partly implemented" in text
    assert "18 March 2023</time> · Not implemented" in text


def test_places_with_every_name() -> None:
    text = page("places")
    assert h2(text) == ["Municipalities"]
    for name in ("Preshevë", "Preševo", "Прешево", "(Albanian)", "(Serbian (Cyrillic))"):
        assert name in text


def test_updates_newest_first_by_year() -> None:
    older = doc("update", "old", "Old news", date=pdate("2024-12-31"))
    text = page("updates", Corpus((*CORPUS.documents, older)))
    assert h2(text) == ["2025", "2024"]
    assert link_texts(text) == ["Talks resume in Brussels", "Kosovo votes", "Old news"]
    assert "What Kosovo votes is." in text


def test_timeline_in_partial_date_order_grouped_by_year() -> None:
    text = page("timeline")
    assert re.findall(r"^## (.*)$", text, flags=re.MULTILINE) == [
        "2011 {#year-2011}", "2013 {#year-2013}", "2025 {#year-2025}",
    ]  # fmt: skip
    index = text.split('<nav class="year-index" aria-label="Years">')[1].split("</nav>")[0]
    assert re.findall(r'<a href="([^"]+)">(\d+)</a> <span class="year-count">\((\d+)\)', index) == [
        ("#year-2011", "2011", "1"), ("#year-2013", "2013", "2"), ("#year-2025", "2025", "3"),
    ]  # fmt: skip
    order = ["The dialogue begins.", "Agreed in principle.", "First agreement.",
             "Election held.", "Kosovo votes", "Talks resume in Brussels"]  # fmt: skip
    positions = [text.index(item) for item in order]
    assert positions == sorted(positions)


def test_an_event_is_on_the_timeline_once_however_many_briefs_it_involves() -> None:
    corpus = Corpus(tuple(
        replace(d, timeline=(replace(d.timeline[0], involves=("serbia", "european-union")),))
        if d.slug == "kosovo" else d
        for d in CORPUS.documents
    ))  # fmt: skip
    text = page("timeline", corpus)
    assert text.count("Election held.") == 1
    origin = text.split("Election held.")[1].split("</li>")[0]
    assert link_texts(origin) == ["Kosovo", "Serbia", "European Union"]
    assert "From <a" in origin and ". Also concerns <a" in origin


def test_from_500_events_the_timeline_is_a_year_index_and_a_page_per_year() -> None:
    assert GENERATED["timeline"].split_per_year_from == 500
    entries = tuple(
        TimelineEntry(pdate(f"{2000 + i % 20}-01-{1 + i % 28:02d}"), f"Event {i}.", "rks", i)
        for i in range(500)
    )
    corpus = Corpus(tuple(
        replace(d, timeline=entries) if d.slug == "kosovo" else replace(d, timeline=())
        for d in CORPUS.documents if d.kind != "update"
    ))  # fmt: skip
    files = {f.src_uri: f for f in generate(corpus, context())}
    main = files["timeline.md"].content
    assert "Event 1." not in main and h2(main) == []
    assert re.findall(r'<a href="([^"]+)">2000</a> <span class="year-count">\((\d+)\)', main) == [
        ("2000/", "25")
    ]
    years = sorted(uri for uri in files if uri.startswith("timeline/"))
    assert years == [f"timeline/{y}.md" for y in range(2000, 2020)]
    year = files["timeline/2003.md"]
    assert (year.title, year.slug) == ("Timeline: 2003", "timeline/2003")
    assert year.content.count("<li>") == 25 and "Event 3." in year.content
    assert '<p class="year-back"><a href="../">All years of the timeline</a></p>' in year.content
    # One event fewer, and it is one page again.
    fewer = Corpus(tuple(replace(d, timeline=entries[:499]) if d.slug == "kosovo" else d
                         for d in corpus.documents))  # fmt: skip
    assert not any(f.src_uri.startswith("timeline/") for f in generate(fewer, context()))
    # In the Serbian site, its own years, in Serbian.
    serbian = context(language=LANGUAGE["sr"])
    specs = {spec.src_uri: spec for spec in pages_for(corpus, LANGUAGE["sr"])}
    assert '<a href="2000/">2000</a>' in specs["sr/timeline.md"].markdown(corpus, serbian)
    year_spec = specs["sr/timeline/2003.md"]
    assert year_spec.title == "Хронологија: 2003"
    back = '<p class="year-back"><a href="../">Све године хронологије</a></p>'
    assert back in year_spec.markdown(corpus, serbian)


def test_timeline_entries_link_their_page_and_cite_their_source() -> None:
    html = to_html(page("timeline"))
    entry = html[html.index("Agreed in principle.") :].split("</li>")[0]
    assert 'From <a href="../disputes/association/"' in entry
    assert 'RKS News, <cite><a href="https://rks.news/no-breakthrough"' in entry


def test_timeline_source_without_url_is_not_linked() -> None:
    entry = TimelineEntry(pdate("2025-06"), "Reported in print.", "print", 1)
    corpus = Corpus(
        tuple(replace(d, timeline=(*d.timeline, entry)) if d.slug == "association" else d
              for d in CORPUS.documents)
    )  # fmt: skip
    item = page("timeline", corpus).split("Reported in print.")[1].split("</li>")[0]
    assert "Koha, <cite>A newspaper article</cite>, June 2025" in item


def cards(html: str, dispute: str) -> list[tuple[str, str]]:
    """(id, text) of each card of a dispute's section, in page order."""
    section = html.split(f'<section class="stance-dispute" id="{dispute}"')[1].split("</section>")[
        0
    ]
    return [
        (anchor, cell_text(card))
        for anchor, card in re.findall(r'<li class="[^"]*" id="([^"]+)">(.*?)</li>', section, re.S)
    ]


def test_stances_show_each_partys_latest_statement_dated_with_its_history() -> None:
    html = to_html(page("stance-matrix"))
    assert "<table" not in html
    assert cards(html, "association") == [
        ("association--kosovo",
         "Kosovo No statement by this party is recorded in the sources."),
        ("association--serbia",
         "Serbia 2 June 2025 The central issue for Serbia. On the dispute's page"),
        ("association--european-union",
         "European Union (not a party) May 2025 Must be implemented. History: 2 statements"),
    ]  # fmt: skip
    assert (
        '<a href="../disputes/association/#position-european-union">History: 2 statements</a>'
        in (html)
    )
    assert '<a href="../disputes/association/#position-serbia">On the dispute' in html


def test_stance_overview_links_every_pair_to_its_card() -> None:
    html = to_html(page("stance-matrix"))
    overview = html.split('<nav class="stance-overview"')[1].split("</nav>")[0]
    pairs = re.findall(r'<a class="stance-chip[^"]*" href="#([^"]+)">', overview)
    assert pairs == [
        "association--kosovo", "association--serbia", "association--european-union",
        "license-plates--kosovo", "license-plates--serbia",
    ]  # fmt: skip
    ids = set(re.findall(r' id="([^"]+)"', html))
    assert all(pair in ids for pair in pairs)
    assert '<a class="stance-chip stance-chip-silent" href="#association--kosovo">Kosovo</a>' in (
        overview
    )


def cell_text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_corrections_page_lists_every_correction_newest_first_with_links() -> None:
    older = Correction(dt.date(2025, 3, 1), "Older fix.", 40)
    corpus = Corpus(
        tuple(replace(d, corrections=(older,)) if d.slug == "kosovo" else d
              for d in CORPUS.documents)
    )  # fmt: skip
    html = to_html(page("corrections", corpus))
    items = re.findall(r"<li>(.*?)</li>", html, re.S)
    assert [cell_text(i) for i in items] == [
        "2 November 2025 Association of Serb-majority Municipalities (Dispute) : "
        "An earlier version overstated it.",
        "1 March 2025 Kosovo (Actor) : Older fix.",
    ]
    assert '<a href="../disputes/association/"' in items[0]


def test_corrections_page_without_corrections_says_so() -> None:
    assert "No brief has been corrected yet." in page("corrections", Corpus(()))


def test_stance_matrix_leaves_out_actors_uninvolved_in_any_dispute() -> None:
    assert "Philip Reeker" not in page("stance-matrix")


def test_sources_merged_by_url_or_publisher_and_title() -> None:
    same_url = replace(RKS, id="other", title="Another title for the same page")
    no_url = source("a", "Koha", "A newspaper article")
    extra = doc("actor", "zz", "Zeta", type="person", sources=(same_url, no_url))
    text = page("sources", Corpus((*CORPUS.documents, extra)))
    records = re.findall(r'<div class="source-record">(.*?)</div>', text)
    assert len(records) == 3
    assert [r.split(",")[0] for r in records] == ["Koha", "RKS News", "Wikipedia"]
    rks = text[text.index("RKS News") :].split("</li>")[0]
    assert "Zeta" in rks and "Kosovo" in rks
    koha = text[text.index("Koha") :].split("</li>")[0]
    assert link_texts(koha) == ["Association of Serb-majority Municipalities", "Zeta"]


def test_names_concordance_sorted_by_folded_name() -> None:
    text = page("names")
    names = re.findall(r'<th scope="row"[^>]*>([^<]+)</th>', text)
    assert names[:3] == ["ASM", "Association of Serb-majority Municipalities", "Besnik Bislimi"]
    assert names.index("Preševo") < names.index("Прешево") < names.index("Preshevë")
    row = text[text.index(">Прешево<") :].split("</tr>")[0]
    assert 'lang="sr-Cyrl"' in text and "Serbian (Cyrillic)" in row
    assert "title, Serbian (Latin)" in text
    assert "<td>alias</td>" in text


def test_review_queue_oldest_first_from_the_build_date() -> None:
    text = page("review")
    assert link_texts(text) == ["European Union", "Besnik Bislimi"]
    assert "15 January 2024" in text and "686 days" in text
    later = page("review", build_date=dt.date(2025, 5, 2))
    assert link_texts(later) == ["European Union"]


def test_review_queue_empty() -> None:
    assert "Every brief has been reviewed in the last 180 days." in page(
        "review", build_date=dt.date(2024, 1, 16)
    )


def test_diagram_page_inlines_the_svg_and_links_the_file() -> None:
    text = page("diagram")
    assert '<figure class="diagram">' in text and "<svg" in text
    assert '<a href="../diagram.svg">standalone SVG file</a>' in text


def test_empty_corpus_pages_say_so() -> None:
    empty = Corpus(())
    assert "No actors yet." in page("actors", empty)
    assert "No disputes yet." in page("stance-matrix", empty)
    assert "No dated events yet." in page("timeline", empty)
    assert "No sources yet." in page("sources", empty)
    assert "No names yet." in page("names", empty)


def test_stances_grow_with_what_is_stated_not_with_disputes_times_actors() -> None:
    """Parties first, then other actors with statements; an actor with neither is left out."""
    actors = [doc("actor", f"actor-{i:02d}", f"Actor {i:02d}", type="person") for i in range(40)]
    dispute = doc(
        "dispute", "big", "Big dispute", status="open",
        parties=tuple(a.slug for a in actors[:3]),
        positions=(
            Position("actor-01", (Statement(pdate("2025"), "Says yes.", "rks", 9),)),
            Position(actors[-1].slug, (Statement(pdate("2024-02"), "Says no.", "rks", 10),)),
        ),
    )  # fmt: skip
    html = to_html(page("stance-matrix", Corpus((*actors, dispute))))
    assert [text for _, text in cards(html, "big")] == [
        "Actor 00 No statement by this party is recorded in the sources.",
        "Actor 01 2025 Says yes. On the dispute's page",
        "Actor 02 No statement by this party is recorded in the sources.",
        "Actor 39 (not a party) February 2024 Says no. On the dispute's page",
    ]
    assert html.count('<li class="stance-card') == 4
