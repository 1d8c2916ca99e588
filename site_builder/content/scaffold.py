"""``site-builder new``: a brief that passes ``check`` as it is, with comments on what to fill."""

from __future__ import annotations

import re
from pathlib import Path

from site_builder.content.generated_pages import GENERATED
from site_builder.content.kinds import KINDS, Kind, folder
from site_builder.content.schema import is_slug
from site_builder.site.context import build_date

#: What ``site-builder new`` scaffolds: every kind of the registry.
KIND_NAMES: tuple[Kind, ...] = tuple(k.name for k in KINDS)


class ScaffoldError(Exception):
    """The request cannot be met (bad slug, file exists): a usage problem, not a content one."""


#: Words ``new`` writes for the contributor to replace; ``check`` warns while any is left.
PLACEHOLDERS = (
    "Title of the article or document",
    "Who published it",
    "one sentence saying what this is",
    "Write the brief here",
)

_SOURCE = """\
# Every fact needs a source. Replace this record with the article or document you used;
# cite it in the text with [^{id}] right after the sentence it supports.
sources:
  - id: {id}
    title: {placeholder_title}
    publisher: {placeholder_publisher}
    # date: 2025-06-02          # when it was published, YYYY, YYYY-MM or YYYY-MM-DD
    # url: https://example.org/the-article
    # checked: {today}          # the day you read it and checked the brief against it
# corrections:                  # when you correct what the brief told readers, say so here
#   - date: {today}
#     text: An earlier version said X; the source says Y.
"""

_KIND_KEYS: dict[Kind, str] = {
    "actor": """\
type: person   # person, state, government, institution, organisation, party or media
# role: Kosovo's chief negotiator        # short, and only if a source says so
# affiliation: [kosovo]                  # actor slugs this actor belongs to
""",
    "dispute": """\
status: open   # open, stalled, in-progress, partly-implemented or resolved
# The actors party to the dispute (slugs of files in content/actors/).
parties: [{actor}]
# positions:                    # what each actor said or did, dated and sourced, oldest first
#   {actor}:
#     - date: {today}           # when it was said: YYYY, YYYY-MM or YYYY-MM-DD
#       text: The actor said ...   # in your own words, attributed
#       source: source-1        # the id of one of the sources below
# agreements: []                         # slugs of agreements it concerns
# places: []                             # slugs of places it concerns
""",
    "agreement": """\
date: "{year}"   # when it was concluded: YYYY, YYYY-MM or YYYY-MM-DD
status: in-force   # in-force, partly-implemented, not-implemented or superseded
parties: [{actor}]   # the actors that concluded it
""",
    "place": """\
type: municipality   # country, region, municipality, city or crossing
# names:                                 # the name in each language
#   sq: Preshevë
#   sr: Preševo
""",
    "update": """\
date: {today}   # the day of the events it reports, YYYY-MM-DD
# about: []                              # slugs of the briefs it is mainly about
""",
    "page": "",
}


def write_brief(content_dir: Path, kind: Kind, slug: str, title: str) -> Path:
    if not is_slug(slug):
        raise ScaffoldError(
            f"'{slug}' is not a valid slug: use lowercase letters, digits and single hyphens"
        )
    if slug in GENERATED or slug == "index":
        raise ScaffoldError(f"'{slug}' is reserved for a generated page; choose another slug")
    taken = sorted(content_dir.glob(f"*/{slug}.md"))
    if taken:
        raise ScaffoldError(f"{taken[0]} already exists: slugs are unique across all kinds")
    actor = _first_actor(content_dir)
    if kind in ("dispute", "agreement") and actor is None:
        raise ScaffoldError(f"a {kind} needs at least one actor: create one first with 'new actor'")
    path = content_dir / folder(kind) / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_text(kind, slug, title, actor or ""), encoding="utf-8")
    return path


def _first_actor(content_dir: Path) -> str | None:
    actors = sorted(p.stem for p in (content_dir / "actors").glob("*.md"))
    return actors[0] if actors else None


def _text(kind: Kind, slug: str, title: str, actor: str) -> str:
    today = build_date()
    source_id = "source-1"
    head = [
        "---",
        f"title: {_yaml_string(title)}",
        "# One plain sentence (no Markdown), at most 300 characters: shown in lists and tooltips.",
        f"summary: {_yaml_string(f'{title}: {PLACEHOLDERS[2]}.')}",
        "# aliases: []                          # other names and spellings, e.g. [Presevo]",
    ]
    # A dated update's file name and its date agree (check holds them to it).
    named = re.match(r"\d{4}-\d{2}-\d{2}", slug) if kind == "update" else None
    day = named.group(0) if named else today.isoformat()
    keys = _KIND_KEYS[kind].format(actor=actor, year=today.year, today=day)
    if kind != "page":
        head.append(f"reviewed: {today.isoformat()}   # the day you checked it against its sources")
    body = f"{PLACEHOLDERS[3]}, in your own words.\n"
    if kind != "page":
        keys += _SOURCE.format(
            id=source_id,
            today=today.isoformat(),
            placeholder_title=PLACEHOLDERS[0],
            placeholder_publisher=PLACEHOLDERS[1],
        )
        body = (
            f"{PLACEHOLDERS[3]}, in your own words: every paragraph and list item cites its "
            f"source.[^{source_id}]\n"
        )
    return "\n".join(head) + "\n" + keys + "---\n" + body


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
