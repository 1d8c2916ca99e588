"""Deterministic synthetic corpus for build benchmarks (issues #8 and #10).

``python benchmarks/generate_corpus.py N OUT_DIR [--plain PLAIN_DIR] [--seed S]`` writes N
briefs that pass ``site-builder check`` into OUT_DIR; with ``--plain`` it also writes the
same Markdown bodies with only a ``title`` as front matter, plus a plain Material
``mkdocs.yml``, so that plain MkDocs can build the same text for comparison.
Same N and seed, same bytes: timings compare like with like across runs and machines.
"""

from __future__ import annotations

import argparse
import random
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from site_builder.content.kinds import KINDS, folder

#: Share of each kind among the N briefs (index.md and one page come on top).
SHARES = (("actor", 0.4), ("dispute", 0.2), ("agreement", 0.1), ("place", 0.2), ("update", 0.1))
_ONSETS = ("b", "d", "dr", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "kr",
           "st", "tr", "gj", "sh", "š", "ć", "đ", "ž", "č", "j", "h", "f", "pr", "gr")  # fmt: skip
_VOWELS = ("a", "e", "i", "o", "u", "ë", "a", "e", "i", "o")
_CODAS = ("", "", "", "n", "r", "l", "s", "v", "k", "m")
_WORDS = [
    "the",
    "talks",
    "resumed",
    "after",
    "a",
    "long",
    "pause",
    "while",
    "both",
    "delegations",
    "restated",
    "their",
    "earlier",
    "positions",
    "on",
    "the",
    "practical",
    "questions",
    "of",
    "daily",
    "life",
    "such",
    "as",
    "documents",
    "customs",
    "energy",
    "supply",
    "and",
    "the",
    "freedom",
    "of",
    "movement",
    "across",
    "the",
    "administrative",
    "line",
    "where",
    "local",
    "officials",
    "reported",
    "that",
    "implementation",
    "remained",
    "slow",
    "uneven",
    "and",
    "dependent",
    "on",
    "political",
    "will",
    "in",
    "both",
    "capitals",
    "despite",
    "repeated",
    "pledges",
    "made",
    "in",
    "the",
    "presence",
    "of",
    "the",
    "facilitators",
    "who",
    "insisted",
    "that",
    "every",
    "step",
    "be",
    "verified",
    "by",
    "monitors",
    "and",
    "recorded",
    "in",
    "joint",
    "minutes",
    "which",
    "were",
    "later",
    "published",
    "with",
    "delays",
    "and",
    "partial",
    "redactions",
    "that",
    "observers",
    "criticised",
    "as",
    "a",
    "sign",
    "of",
    "fragile",
    "trust",
    "between",
    "the",
    "parties",
    "and",
    "their",
    "constituencies",
]
_ACTOR_TYPES = ("person", "state", "government", "institution", "organisation", "party", "media")
_DISPUTE_STATUS = ("open", "stalled", "in-progress", "partly-implemented", "resolved")
_AGREEMENT_STATUS = ("in-force", "partly-implemented", "not-implemented", "superseded")
_PLACE_TYPES = ("region", "municipality", "city", "crossing")


def fold(text: str) -> str:
    """Names must stay distinct once diacritics are dropped (the matcher folds them)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


@dataclass
class Brief:
    kind: str
    slug: str
    title: str
    extra_names: dict[str, str] = field(default_factory=dict)
    meta: list[str] = field(default_factory=list)
    body: str = ""


class _Names:
    """Pseudo-names from syllables, unique after folding across the whole corpus."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.seen: set[str] = set()

    def word(self, syllables: int) -> str:
        rng = self.rng
        parts = [rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)]
        parts += [rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables - 1)]
        return "".join(parts).capitalize()

    def claim(self, *texts: str) -> bool:
        keys = [fold(t).casefold() for t in texts]
        if len(set(keys)) != len(keys) or self.seen.intersection(keys):
            return False
        self.seen.update(keys)
        return True

    def unique(self, make) -> str:  # type: ignore[no-untyped-def]
        while True:
            name = make()
            if self.claim(name):
                return name


def _plan(n: int, rng: random.Random) -> list[Brief]:
    names = _Names(rng)
    counts = {kind: max(1, round(n * share)) for kind, share in SHARES}
    counts["actor"] += n - sum(counts.values())
    briefs: list[Brief] = []
    slugs: set[str] = set()
    for kind, _ in SHARES:
        for i in range(counts[kind]):
            extra: dict[str, str] = {}
            if kind == "actor":
                title = names.unique(lambda: f"{names.word(2)} {names.word(3)}")
            elif kind == "dispute":
                title = names.unique(lambda: f"{names.word(3)} question")
            elif kind == "agreement":
                title = names.unique(lambda: f"{names.word(3)} Accord")
            elif kind == "place":
                while True:
                    stem = names.word(3)
                    title, sq = stem + "o", stem + "ë"
                    if names.claim(title, sq):
                        break
                extra = {"sq": sq, "sr": title}
            else:
                title = f"Round {i + 1} of talks held"
            slug = slugify(title)
            while slug in slugs or slug in ("index", "about"):
                slug += "-x"
            slugs.add(slug)
            briefs.append(Brief(kind, slug, title, extra))
    return briefs


def _q(text: str) -> str:
    return '"' + text.replace('"', "'") + '"'


def _date(rng: random.Random) -> str:
    return f"{rng.randint(2011, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _front_matter(brief: Brief, by_kind: dict[str, list[Brief]], rng: random.Random) -> list[str]:
    """Contract v2: sources on every kind, dated and sourced statements, and now and then a
    correction, a ``checked`` day, a Wikidata item and an event that involves another brief."""
    sources = [f"{brief.slug[:20].strip('-')}-src-{k}" for k in range(rng.randint(2, 4))]
    lines = [
        f"title: {_q(brief.title)}",
        f"summary: {_q(f'A synthetic {brief.kind} brief about {brief.title} for benchmarks.')}",
        f"reviewed: 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "tags: [benchmark, synthetic]",
    ]
    actors = [b.slug for b in rng.sample(by_kind["actor"], min(3, len(by_kind["actor"])))]
    if brief.kind in ("actor", "agreement", "place") and rng.random() < 0.5:
        lines.append(f"wikidata: Q{rng.randint(1, 99_999_999)}")
    if brief.kind == "actor":
        lines.append(f"type: {rng.choice(_ACTOR_TYPES)}")
        lines.append(f"role: {_q('Negotiator for ' + brief.title)}")
    elif brief.kind == "dispute":
        lines.append(f"status: {rng.choice(_DISPUTE_STATUS)}")
        lines.append("parties: [" + ", ".join(actors[:2]) + "]")
        lines.append("positions:")
        for actor in actors[:2]:
            lines.append(f"  {actor}:")
            for day in sorted(_date(rng) for _ in range(rng.randint(1, 3))):
                lines += [
                    f"    - date: {day}",
                    f"      text: {_q(f'The {actor} side said it wants a verified settlement.')}",
                    f"      source: {rng.choice(sources)}",
                ]
        lines.append(f"agreements: [{rng.choice(by_kind['agreement']).slug}]")
        lines.append(f"places: [{rng.choice(by_kind['place']).slug}]")
    elif brief.kind == "agreement":
        lines.append(f"date: {_date(rng)}")
        lines.append("parties: [" + ", ".join(actors[:2]) + "]")
        lines.append(f"status: {rng.choice(_AGREEMENT_STATUS)}")
    elif brief.kind == "place":
        lines.append(f"type: {rng.choice(_PLACE_TYPES)}")
        lines.append("names:")
        lines += [f"  {lang}: {_q(name)}" for lang, name in brief.extra_names.items()]
    else:
        lines.append(f"date: {_date(rng)}")
        lines.append(f"about: [{rng.choice(by_kind['dispute']).slug}]")
    if brief.kind != "update":
        others = [b for b in by_kind["actor"][:5] if b.slug != brief.slug]
        lines.append(f"related: [{rng.choice(others).slug}]")
    lines.append("sources:")
    for sid in sources:
        lines += [
            f"  - id: {sid}",
            f"    title: {_q('Report on ' + brief.title)}",
            "    publisher: Synthetic Press Agency",
            f"    date: {_date(rng)}",
            f"    url: https://example.org/{brief.slug}/{sid}",
        ]
        if rng.random() < 0.5:
            lines.append(f"    checked: 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    lines.append("timeline:")
    days: list[str] = []
    for _ in range(rng.randint(1, 3)):
        day = _date(rng)
        while day in days:  # one brief's two like events on one day would read as one, twice
            day = _date(rng)
        days.append(day)
        lines += [
            f"  - date: {day}",
            f"    text: {_q('Talks on ' + brief.title + ' continued.')}",
            f"    source: {rng.choice(sources)}",
        ]
        if rng.random() < 0.3:
            involved = rng.choice([b for b in by_kind["actor"] if b.slug != brief.slug])
            lines.append(f"    involves: [{involved.slug}]")
    if rng.random() < 0.1:
        lines += [
            "corrections:",
            f"  - date: 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            f"    text: {_q('An earlier version misdated the talks on ' + brief.title + '.')}",
        ]
    brief.meta = sources
    return lines


def _body(brief: Brief, pool: list[Brief], rng: random.Random) -> str:
    """300–900 words; a name of another brief about every 40 words, wikilinks, citations, code.

    Every paragraph cites a source (the sourcing rule of contract v2); one list in three bodies.
    """
    target = rng.randint(300, 900)
    words = 0
    out: list[str] = [
        f"{brief.title} is described here for benchmarking purposes.[^{brief.meta[0]}]\n"
    ]
    section = 0
    while words < target:
        if words >= section * 220:
            section += 1
            out.append(f"## Part {section} of the story\n")
        sentences = []
        for position in range(3):  # three sentences of ~13 words, one with a name: 1 in ~40
            other = rng.choice(pool)
            run = rng.sample(_WORDS, 13)
            name = other.title if other.kind != "update" else rng.choice(pool).title
            if other.kind in ("update",) or other.slug == brief.slug:
                name = "the facilitator"
            if position == 0:
                run.insert(rng.randint(1, 12), name)
            if rng.random() < 0.2:
                run.append(f"as [[{rng.choice(pool).slug}]] notes")
            if rng.random() < 0.15:
                run.append(f"with `{rng.choice(_WORDS)}_id`")
            text = " ".join(run)
            sentence = text[0].upper() + text[1:] + "." + f"[^{rng.choice(brief.meta)}]"
            sentences.append(sentence)
            words += len(run)
        out.append(" ".join(sentences) + "\n")
        if section == 1 and len(out) == 3:
            out.append("```text\nstatus: pending\nverified_by: monitors\n```\n")
            if rng.random() < 0.33:
                items = [" ".join(rng.sample(_WORDS, 6)).capitalize() for _ in range(3)]
                out.append("".join(f"- {item}.[^{rng.choice(brief.meta)}]\n" for item in items))
    return "\n".join(out)


def generate(n: int, out: Path, plain: Path | None = None, seed: int = 8) -> None:
    """Write the corpus; same (n, seed), same bytes."""
    rng = random.Random(seed)
    briefs = _plan(n, rng)
    by_kind = {kind: [b for b in briefs if b.kind == kind] for kind, _ in SHARES}
    targets = [b for b in briefs if b.kind != "update"]
    for kind in KINDS:
        (out / kind.folder).mkdir(parents=True, exist_ok=True)
    files: list[tuple[str, str, str, str]] = []  # (relative path, title, front matter, body)
    for brief in briefs:
        fm = _front_matter(brief, by_kind, rng)
        rel = f"{folder(brief.kind)}/{brief.slug}.md"
        files.append((rel, brief.title, "\n".join(fm), _body(brief, targets, rng)))
    first = briefs[0].slug
    home_fm = 'title: "Benchmark corpus"\nsummary: "A synthetic corpus."'
    home = f"A synthetic corpus of {n} briefs. Start with [[{first}]] or [[about]].\n"
    files.append(("index.md", "Benchmark corpus", home_fm, home))
    about_fm = 'title: "About"\nsummary: "About the synthetic corpus."'
    files.append(("pages/about.md", "About", about_fm, f"Seed {seed}. See [[{first}]].\n"))
    for rel, title, fm, body in files:
        (out / rel).write_text(f"---\n{fm}\n---\n{body}", encoding="utf-8")
        if plain is not None:
            dest = plain / "docs" / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(f"---\ntitle: {_q(title)}\n---\n{body}", encoding="utf-8")
    if plain is not None:
        (plain / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")


PLAIN_CONFIG = """\
site_name: Plain benchmark
site_url: https://example.org/
theme:
  name: material
plugins:
  - search
markdown_extensions:
  - toc:
      permalink: true
  - attr_list
  - tables
  - admonition
  - pymdownx.details
  - pymdownx.superfences
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--plain", type=Path, help="also write a plain MkDocs project here")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    generate(args.n, args.out, args.plain, args.seed)


if __name__ == "__main__":
    main()
