"""The Markdown of content pages: sections, order, and what each section shows."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from site_builder.content.model import Corpus, Correction
from site_builder.generated import PAGES
from site_builder.render.brief_page import BACKLINKS_PLACEHOLDER
from site_builder.site.pages import document_markdown
from tests.support import Audit, context, doc, pdate, sample_corpus, to_html

CORPUS = sample_corpus()


def markdown_of(slug: str, corpus: Corpus = CORPUS, **ctx: object) -> str:
    return document_markdown(corpus.by_slug[slug], corpus, context(**ctx))


def headings(text: str) -> list[str]:
    return re.findall(r"^#+ (.*?)(?: \{#[\w-]+\})?$", text, flags=re.MULTILINE)


def test_dispute_sections_come_in_order() -> None:
    text = markdown_of("association")
    assert text.startswith(
        '<p class="lede">What Association of Serb-majority Municipalities is.</p>\n\n'
    )
    assert text.index("Body of Association") < text.index('<aside class="infobox"')
    assert headings(text) == [
        "Positions over time",
        "Parties, agreements and places",
        "Timeline",
        "Corrections",
        "Sources",
        "Mentioned in",
    ]
    assert text.index("Body of Association") < text.index("## Positions over time")


def test_body_goes_through_untouched() -> None:
    body = "## Background\n\nIntro with [[serbia]] and a citation[^rks].\n\n* a list\n"
    corpus = Corpus(
        tuple(replace(d, body=body) if d.slug == "kosovo" else d for d in CORPUS.documents)
    )
    assert body.strip() in markdown_of("kosovo", corpus)


def test_summary_leads_then_first_paragraph_then_key_facts() -> None:
    body = "Intro with [[serbia]][^rks].\n\n## Background\n\nMore[^rks].\n"
    corpus = Corpus(
        tuple(replace(d, body=body) if d.slug == "kosovo" else d for d in CORPUS.documents)
    )
    text = markdown_of("kosovo", corpus)
    lede, first, infobox, rest = text.split("\n\n")[:4]
    assert (lede, first, rest) == (
        '<p class="lede">What Kosovo is.</p>',
        "Intro with [[serbia]][^rks].",
        "## Background",
    )
    assert infobox.startswith('<aside class="infobox" aria-label="Key facts">')


def test_a_body_opening_with_a_heading_keeps_the_key_facts_first() -> None:
    text = markdown_of("kosovo", Corpus(tuple(
        replace(d, body="## Background\n\nText[^rks].\n") if d.slug == "kosovo" else d
        for d in CORPUS.documents
    )))  # fmt: skip
    assert text.index('<aside class="infobox"') < text.index("## Background")


def test_placeholder_is_alone_on_its_line_after_the_heading() -> None:
    text = markdown_of("kosovo")
    assert text.endswith(f"## Mentioned in {{#mentioned-in}}\n\n{BACKLINKS_PLACEHOLDER}\n")
    assert text.count(BACKLINKS_PLACEHOLDER) == 1


def test_infobox_of_an_actor() -> None:
    html = to_html(markdown_of("besnik-bislimi"))
    assert "<dt>Kind</dt><dd>Actor</dd>" in html
    assert "<dt>Type</dt><dd>Person</dd>" in html
    assert "<dt>Role</dt><dd>Kosovo&#39;s chief negotiator</dd>" in html
    assert '<dt>Affiliation</dt><dd><a href="../kosovo/"' in html
    assert '<dd><time datetime="2025-05-01">1 May 2025</time></dd>' in html
    assert "Wikidata" not in html


def test_infobox_links_the_wikidata_item() -> None:
    """Shown, so the page (and so its cached rendering while serving) changes with it."""
    kosovo = replace(CORPUS.by_slug["kosovo"], wikidata="Q1246")
    html = to_html(document_markdown(kosovo, CORPUS, context()))
    assert (
        '<dt>Wikidata</dt><dd><a href="https://www.wikidata.org/wiki/Q1246">Q1246</a></dd>' in html
    )


def test_infobox_of_an_agreement_has_parties_date_and_status() -> None:
    html = to_html(markdown_of("brussels-agreement"))
    assert 'status-partly-implemented">Partly implemented</dd>' in html
    assert '<dt>Concluded</dt><dd><time datetime="2013-04-19">19 April 2013</time>' in html
    assert html.count('href="../../actors/') == 2


def test_infobox_of_a_place_spells_out_each_language() -> None:
    html = to_html(markdown_of("presevo"))
    assert '<span lang="sq">Preshevë</span> <span class="language">(Albanian)</span>' in html
    assert '<span lang="sr-Cyrl">Прешево</span>' in html
    assert "(Serbian (Cyrillic))" in html
    assert "## Sources" not in markdown_of("presevo")


def test_infobox_shows_aliases_and_tags() -> None:
    corpus = Corpus(
        tuple(replace(d, tags=("eu", "facilitator")) if d.slug == "european-union" else d
              for d in CORPUS.documents)
    )  # fmt: skip
    html = to_html(markdown_of("european-union", corpus))
    assert "<dt>Also known as</dt><dd>EU</dd>" in html
    assert "<details" not in html
    assert '<span class="tag">eu</span> <span class="tag">facilitator</span>' in html


def test_several_other_names_fold_into_details_and_empty_fields_have_no_line() -> None:
    corpus = Corpus(tuple(
        replace(d, aliases=("EU", "E.U.", "Union")) if d.slug == "european-union" else d
        for d in CORPUS.documents
    ))  # fmt: skip
    html = to_html(markdown_of("european-union", corpus))
    assert (
        '<dt>Also known as</dt><dd><details class="aliases"><summary>3 other names</summary>'
        '<span class="aliases-list">EU, E.U., Union</span></details></dd>'
    ) in html
    infobox = html.split('<aside class="infobox"')[1].split("</dl>")[0]
    assert re.findall(r"<dt>([^<]*)</dt>", infobox) == ["Kind", "Type", "Also known as", "Reviewed"]


def statements_of(html: str, actor: str) -> list[tuple[str, str, str]]:
    """(date, text, cited source id) of each statement of ``actor``, in page order."""
    section = html.split(f'id="position-{actor}"')[1].split("</section>")[0]
    return re.findall(
        r'<span class="statement-date"><time datetime="([^"]+)">[^<]*</time></span> '
        r'<span class="statement-text">([^<]*)</span> '
        r'<span class="statement-source">Source: <a href="#source-([^"]+)">',
        section,
    )


def test_each_actors_statements_are_dated_sourced_and_oldest_first() -> None:
    html = to_html(markdown_of("association"))
    assert statements_of(html, "european-union") == [
        ("2015-08", "Agreed the principles.", "print"),
        ("2025-05", "Must be implemented.", "rks"),
    ]
    assert statements_of(html, "serbia") == [
        ("2025-06-02", "The central issue for Serbia.", "rks"),
    ]
    serbia = html.split('id="position-serbia"')[1].split("</section>")[0]
    assert '<h3><a href="../../actors/serbia/"' in serbia
    assert html.count('class="statement-latest"') == 2


def test_a_party_without_statements_is_named_never_left_blank() -> None:
    html = to_html(markdown_of("association"))
    kosovo = html.split('id="position-kosovo"')[1].split("</section>")[0]
    assert ">Kosovo</a></h3>" in kosovo
    assert "No statement by this party is recorded in the sources cited here." in kosovo


def test_dispute_without_positions_names_every_party() -> None:
    html = to_html(markdown_of("license-plates"))
    for party in ("kosovo", "serbia"):
        assert f'id="position-{party}"' in html
    assert html.count("No statement by this party is recorded in the sources cited here.") == 2


def test_corrections_show_under_the_title_and_at_the_end_newest_first() -> None:
    corpus = Corpus(
        tuple(
            replace(d, corrections=(
                Correction(dt.date(2025, 10, 1), "First fix.", 30),
                Correction(dt.date(2025, 11, 20), "Second fix.", 32),
            )) if d.slug == "kosovo" else d
            for d in CORPUS.documents
        )
    )  # fmt: skip
    text = markdown_of("kosovo", corpus)
    html = to_html(text)
    notice = html.index('<p class="corrected-notice">')
    assert notice < html.index("Body of Kosovo")
    assert (
        '<p class="corrected-notice">This brief was corrected on '
        '<time datetime="2025-11-20">20 November 2025</time>: '
        '<a href="#corrections">see what changed</a>.</p>'
    ) in html
    assert re.findall(r'<span class="correction-date"><time datetime="([^"]+)">', html) == [
        "2025-11-20",
        "2025-10-01",
    ]
    assert headings(text).index("Corrections") == headings(text).index("Sources") - 1
    assert '<h2 id="corrections">' in to_html(text)


def test_a_brief_without_corrections_has_no_notice() -> None:
    text = markdown_of("serbia")
    assert "corrected-notice" not in text and "Corrections" not in headings(text)


def test_an_event_involving_a_brief_is_shown_on_it_and_cites_its_origin() -> None:
    corpus = Corpus(
        tuple(
            replace(d, timeline=(replace(d.timeline[0], involves=("serbia",)),))
            if d.slug == "kosovo" else d
            for d in CORPUS.documents
        )
    )  # fmt: skip
    html = to_html(markdown_of("serbia", corpus))
    item = html.split('<ol class="timeline">')[1].split("</li>")[0]
    assert "Election held." in item
    assert '<span class="timeline-origin">From <a href="../kosovo/"' in item
    assert "Also concerns" not in item  # the only other brief it involves is this one
    assert "Source: RKS News" in re.sub(r"<[^>]+>", "", item)
    # On its own page the event still cites the page's own sources section.
    own = to_html(markdown_of("kosovo", corpus))
    assert '<a href="#source-rks">RKS News</a>' in own


def test_dispute_page_has_its_diagram() -> None:
    html = to_html(markdown_of("association"))
    assert '<figure class="diagram">' in html
    assert 'href="../../places/presevo/"' in html[html.index("<svg") :]


def test_timeline_is_in_date_order_and_cites_its_sources() -> None:
    html = to_html(markdown_of("european-union"))
    timeline = html[html.index('<ol class="timeline">') :]
    assert timeline.index("March 2011") < timeline.index("19 April 2013")
    assert 'Source: <a href="#source-wiki">Wikipedia</a>' in timeline
    assert "## Timeline" not in markdown_of("serbia")


def test_sources_list_every_source_with_an_anchor() -> None:
    html = to_html(markdown_of("association"))
    assert '<li id="source-rks">RKS News, <cite><a href="https://rks.news/no-breakthrough"' in html
    assert '<li id="source-print">Koha, <cite>A newspaper article</cite>, June 2025</li>' in html


def test_update_has_header_body_sources_and_mentions() -> None:
    text = markdown_of("2025-06-10-talks")
    assert text.startswith('<div class="update-meta">')
    assert '<time datetime="2025-06-10">10 June 2025</time>' in text
    assert 'About: <a href="../../actors/kosovo/"' in text
    assert headings(text) == ["Sources", "Mentioned in"]


def test_page_has_body_and_sources_only() -> None:
    text = markdown_of("about")
    assert text.startswith("About this site.")
    assert headings(text) == ["Sources"]


def test_home_page_latest_updates_disputes_and_entry_points() -> None:
    updates = [
        doc("update", f"u{day}", f"Update {day}", date=pdate(f"2025-05-{day:02d}"))
        for day in range(1, 8)
    ]
    corpus = Corpus(CORPUS.documents + tuple(updates))
    text = markdown_of("index", corpus)
    assert text.startswith("Welcome to the explainer.")
    assert headings(text) == [
        "Latest updates", "Disputes by status", "In progress", "Resolved", "Explore",
    ]  # fmt: skip
    latest = text[text.index("## Latest updates") : text.index("## Disputes")]
    shown = re.findall(r">(Update \d|Talks resume in Brussels|Kosovo votes)</a>", latest)
    assert shown == ["Talks resume in Brussels", "Update 7", "Update 6", "Update 5", "Update 4"]
    assert "What Update 7 is." in latest
    hrefs = Audit(to_html(text)).hrefs()
    for page in PAGES:
        assert page.src_uri.removesuffix(".md").removesuffix("index") in " ".join(hrefs)
    assert "feed.xml" in hrefs
    assert "feed.xml" not in markdown_of("index", corpus, site_url=None)


def test_links_follow_directory_urls() -> None:
    text = markdown_of("besnik-bislimi", directory_urls=False)
    assert 'href="kosovo.html"' in text


def test_reviewed_date_uses_the_brief_value_not_the_clock() -> None:
    corpus = Corpus(
        tuple(replace(d, reviewed=dt.date(2020, 2, 29)) if d.slug == "kosovo" else d
              for d in CORPUS.documents)
    )  # fmt: skip
    assert "29 February 2020" in markdown_of("kosovo", corpus)
