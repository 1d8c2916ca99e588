"""Per-kind rules for front matter: every problem becomes a Diagnostic, nothing raises.

The rules work on the plain values of a FrontMatter and look lines up by key path, so each
message points at the key or list item to change. Rules that need every file (do named slugs
exist, is a name unique) live in the loader; this module hands it their raw material, even for
a document that has problems of its own, so that one run reports everything.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from site_builder.content.diagnostics import Diagnostic, did_you_mean
from site_builder.content.frontmatter import FrontMatter
from site_builder.content.kinds import COMMON_KEYS, KIND, KINDS, REFERENCES, Kind, required_keys
from site_builder.content.model import (
    ACTOR_TYPES,
    AGREEMENT_STATUSES,
    DISPUTE_STATUSES,
    KNOWN_LANGUAGES,
    PLACE_TYPES,
    Correction,
    Document,
    Name,
    PartialDate,
    Position,
    Source,
    Statement,
    TimelineEntry,
)
from site_builder.safety.markup_policy import markup_problems, url_problem
from site_builder.text.folding import fold, is_invisible
from site_builder.text.names import MAX_NAME_LENGTH, spellings

#: The shapes of slugs and dates, as regular expressions every consumer reads alike (Python,
#: JSON Schema's ECMA-262, Table Schema's XML Schema): no anchors, no "(?:".
SLUG_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*"
PARTIAL_DATE_PATTERN = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"
DAY_PATTERN = "[0-9]{4}-[0-9]{2}-[0-9]{2}"
SLUG = re.compile(SLUG_PATTERN)
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-[A-Z]{2})?")
SUMMARY_LIMIT = 300

SOURCE_REQUIRED = ("id", "title", "publisher")
TIMELINE_REQUIRED = ("date", "text", "source")
STATEMENT_REQUIRED = ("date", "text", "source")
CORRECTION_REQUIRED = ("date", "text")
WIKIDATA = re.compile(r"Q[1-9][0-9]*")

#: Keys that name other documents, and the kinds they may name (empty: any kind).
#: Words an alias may not be: the name matcher would link each of them all over the site.
COMMON_WORDS = frozenset({
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "before",
    "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he",
    "her", "here", "him", "his", "how", "if", "in", "into", "is", "it", "its", "may", "me",
    "might", "more", "most", "must", "my", "new", "no", "not", "of", "off", "on", "one", "or",
    "our", "out", "over", "shall", "she", "should", "so", "than", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "those", "to", "up", "upon", "was", "we", "were",
    "what", "when", "where", "which", "who", "why", "will", "with", "would", "yes", "you", "your",
})  # fmt: skip
_INVISIBLE_SHOWN = 3  # invisible characters named in one message

_SPACE = re.compile(r"\s")
_FILE_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:-|$)")
_DATE_TEXT = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_SUMMARY_MARKUP = (
    ("line breaks", re.compile(r"\n")),
    ("HTML tags", re.compile(r"</?[A-Za-z][^<>]*>")),
    ("wikilinks", re.compile(r"\[\[")),
    ("citations", re.compile(r"\[\^")),
    ("Markdown links", re.compile(r"\]\(")),
    ("Markdown code", re.compile(r"`")),
    ("Markdown emphasis", re.compile(r"(?<![\w*_])([*_]{1,3})(?=\S).*?(?<=\S)\1(?![\w*_])")),
)


def is_slug(text: str) -> bool:
    return SLUG.fullmatch(text) is not None


def slugified(text: str) -> str:
    """The slug a contributor most likely meant ("Preševo Valley" -> "presevo-valley")."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def slug_rule(text: str, suffix: str = "") -> str:
    """How slugs are spelled, with this text turned into one as an example when it can be."""
    example = slugified(text)
    hint = f", e.g. '{example}{suffix}'" if example else ""
    return f"lowercase ASCII letters, digits and single hyphens{hint}"


@dataclass(frozen=True)
class Reference:
    """A slug named in front matter, for the loader to look up once every file is known."""

    line: int
    key: str
    slug: str
    kinds: tuple[Kind, ...]


@dataclass(frozen=True)
class Checked:
    """What the rules made of one file: the document when it is valid, and the rest always."""

    document: Document | None
    references: tuple[Reference, ...]
    names: tuple[tuple[str, int], ...]
    diagnostics: tuple[Diagnostic, ...]
    #: The sources when they are valid, even if the rest is not: the body's citations are
    #: then checked all the same (None: they could not be read).
    sources: tuple[Source, ...] | None = None


def check_front_matter(
    front: FrontMatter,
    *,
    kind: Kind,
    slug: str,
    src_uri: str,
    path: str,
    today: dt.date | None = None,
) -> Checked:
    """Apply the rules of ``kind`` to parsed front matter.

    Days that record the past (``reviewed``, a source's ``checked``, an update's ``date``) may
    not lie after ``today`` (the real day: a contributor's typo, not a build input).
    """
    checker = FieldChecker(front.lines, kind, path, slug, today or dt.date.today())
    fields = checker.fields(front.data)
    checker.policy(front.data)
    document = None
    if not checker.diagnostics:
        document = Document(
            kind=kind,
            slug=slug,
            src_uri=src_uri,
            path=path,
            body=front.body,
            body_line=front.body_line,
            lines=front.lines,
            **fields,
        )
    return Checked(
        document,
        tuple(checker.references),
        tuple(checker.names),
        tuple(checker.diagnostics),
        fields.get("sources"),
    )


def describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, list):
        return "a list"
    return "a mapping" if isinstance(value, dict) else "text"


def _shown(value: Any) -> str:
    """A value as the contributor wrote it, near enough."""
    if isinstance(value, bool):
        return str(value).lower()
    return value.isoformat(" ") if isinstance(value, dt.datetime) else str(value)


def _partial_date(value: Any) -> PartialDate | None:
    """A date from ``2025``, ``"2025-06"``, ``2025-06-02`` (which YAML has already made a date)."""
    if isinstance(value, dt.datetime | bool):
        return None
    if isinstance(value, dt.date):
        return PartialDate(value.year, value.month, value.day)
    match = _DATE_TEXT.fullmatch(str(value)) if isinstance(value, int | str) else None
    if not match:
        return None
    year, month, day = (int(part or 0) for part in match.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """Every text value with its key path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else key)


class FieldChecker:
    """The rules for one file. Each check returns the value for Document, or None when invalid."""

    def __init__(
        self, lines: Mapping[str, int], kind: Kind, path: str, slug: str, today: dt.date
    ) -> None:
        self.lines = lines
        self.kind = kind
        self.path = path
        self.slug_of_file = slug
        self.today = today
        self.diagnostics: list[Diagnostic] = []
        self.references: list[Reference] = []
        self.names: list[tuple[str, int]] = []
        self.source_lines: dict[str, int] = {}

    def line(self, key_path: str) -> int:
        return self.lines.get(key_path, 1)

    def error(self, key_path: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.path, self.line(key_path), message))

    # -- the document -------------------------------------------------------------------------

    def fields(self, data: dict[str, Any]) -> dict[str, Any]:
        allowed = COMMON_KEYS + KIND[self.kind].keys
        for key in required_keys(self.kind):
            if key not in data:
                self.error("", f"missing required key '{key}'")
        fields: dict[str, Any] = {}
        # Timeline entries and statements name sources, so the sources are read first.
        for key in sorted(data, key=lambda k: k in ("timeline", "positions")):
            if key not in allowed:
                self.unknown_key(key, allowed)
                continue
            value = self.field(key, data[key])
            if value is not None:
                fields[key] = value
        return fields

    def unknown_key(self, key: str, allowed: tuple[str, ...]) -> None:
        owners = [k.folder for k in KINDS if key in k.keys]
        if owners:
            listed = ", ".join(owners[:-1]) + " and " + owners[-1] if len(owners) > 1 else owners[0]
            hint = f" (only {listed} have '{key}')"
        else:
            hint = did_you_mean(key, allowed)
        self.error(key, f"unknown key '{key}'{hint}")

    def field(self, key: str, value: Any) -> Any:
        match key:
            case "title":
                return self.name(key, value)
            case "role":
                return self.text(key, value)
            case "summary":
                return self.summary(value)
            case "aliases":
                return self.list_of(key, value, self.alias)
            case "tags":
                return self.list_of(key, value, self.text)
            case "reviewed":
                return self.past_day(key, value)
            case "wikidata":
                return self.wikidata(value)
            case "corrections":
                return self.list_of(key, value, self.correction)
            case "date":
                return self.update_date(value) if self.kind == "update" else self.date(key, value)
            case "type":
                return self.choice(key, value, ACTOR_TYPES if self.kind == "actor" else PLACE_TYPES)
            case "status":
                statuses = DISPUTE_STATUSES if self.kind == "dispute" else AGREEMENT_STATUSES
                return self.choice(key, value, statuses)
            case "sources":
                return self.at_least_one(key, self.list_of(key, value, self.source), "source")
            case "timeline":
                return self.list_of(key, value, self.timeline_entry)
            case "parties":
                return self.at_least_one(key, self.references_to(key, value), "actor")
            case "positions":
                return self.positions(value)
            case "names":
                return self.language_names(value)
            case _:
                return self.references_to(key, value)

    def policy(self, data: dict[str, Any]) -> None:
        for key_path, text in _strings(data, ""):
            self.invisible(key_path, text)
            for problem in markup_problems(text):
                self.error(key_path, f"{problem} in '{key_path}'")

    def invisible(self, key_path: str, text: str) -> None:
        """Bidi controls and invisible characters change or hide what a reader sees."""
        found = list(dict.fromkeys(char for char in text if is_invisible(char)))
        if not found:
            return
        shown = ", ".join(
            f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED CHARACTER')}"
            for char in found[:_INVISIBLE_SHOWN]
        )
        if len(found) > _INVISIBLE_SHOWN:
            shown += f" and {len(found) - _INVISIBLE_SHOWN} more"
        if len(found) == 1:
            what, it = "an invisible or direction-changing character", "it"
        else:
            what, it = "invisible or direction-changing characters", "them"
        self.error(key_path, f"'{key_path}' contains {what} ({shown}); remove {it}")

    # -- values -------------------------------------------------------------------------------

    def text(self, path: str, value: Any) -> str | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            self.error(path, f"'{path}' is empty")
            return None
        if not isinstance(value, str):
            hint = "" if isinstance(value, list | dict) else " (put it in quotes)"
            self.error(path, f"'{path}' must be text, not {describe(value)}{hint}")
            return None
        return value.strip()

    def name(self, path: str, value: Any) -> str | None:
        """Text that is also one of the brief's names, in every spelling the matcher knows."""
        text = self.name_text(path, value)
        if text is not None:
            self.claim(path, text)
        return text

    def alias(self, path: str, value: Any) -> str | None:
        """A name that the matcher links wherever it is written, so not just any word."""
        text = self.name_text(path, value)
        if text is None:
            return None
        if sum(char.isalnum() for char in text) < 2:
            self.error(path, f"alias '{text}' is shorter than two letters")
            return None
        # Written in capitals, a word is an acronym ("US", "IT"): the matcher keeps case.
        if text.casefold() in COMMON_WORDS and not text.isupper():
            self.error(
                path, f"alias '{text}' is a common word: it would link every '{text}' on the site"
            )
            return None
        self.claim(path, text)
        return text

    def name_text(self, path: str, value: Any) -> str | None:
        """The text of a name, short enough for the name matcher's pattern."""
        text = self.text(path, value)
        if text is not None and len(text) > MAX_NAME_LENGTH:
            self.error(
                path,
                f"'{path}' is {len(text)} characters long; a name may have at most "
                f"{MAX_NAME_LENGTH}",
            )
            return None
        return text

    def claim(self, path: str, text: str) -> None:
        """Hand the loader the name in every spelling, to check that no other brief has it."""
        lang = path.removeprefix("names.") if path.startswith("names.") else None
        for spelling in spellings(Name(text, lang)):
            self.names.append((spelling, self.line(path)))

    def summary(self, value: Any) -> str | None:
        text = self.text("summary", value)
        if text is None:
            return None
        if len(text) > SUMMARY_LIMIT:
            self.error(
                "summary",
                f"'summary' is {len(text)} characters long; the limit is {SUMMARY_LIMIT}",
            )
        for what, pattern in _SUMMARY_MARKUP:
            if pattern.search(text):
                self.error("summary", f"'summary' must be plain text, without {what}")
        return text

    def list_of(
        self, path: str, value: Any, item: Callable[[str, Any], Any]
    ) -> tuple[Any, ...] | None:
        if value is None:
            self.error(path, f"'{path}' is empty")
            return None
        if not isinstance(value, list):
            hint = " (start each item on a line of its own with '- ')"
            self.error(path, f"'{path}' must be a list, not {describe(value)}{hint}")
            return None
        items = [item(f"{path}[{index}]", element) for index, element in enumerate(value)]
        return None if any(i is None for i in items) else tuple(items)

    def mapping(self, path: str, value: Any) -> dict[str, Any] | None:
        if isinstance(value, dict):
            return value
        if value is None:
            self.error(path, f"'{path}' is empty")
        else:
            self.error(path, f"'{path}' must be a mapping, not {describe(value)}")
        return None

    def at_least_one(
        self, key: str, items: tuple[Any, ...] | None, noun: str
    ) -> tuple[Any, ...] | None:
        if items == ():
            self.error(key, f"'{key}' needs at least one {noun}")
            return None
        return items

    def slug(self, path: str, value: Any, where: str | None = None) -> str | None:
        text = self.text(path, value)
        if text is not None and not is_slug(text):
            self.error(
                path, f"'{text}' in '{where or path}' is not a valid slug ({slug_rule(text)})"
            )
            return None
        return text

    def references_to(self, key: str, value: Any) -> tuple[str, ...] | None:
        return self.slug_list(key, value, key, REFERENCES[key].kinds)

    def slug_list(
        self, path: str, value: Any, key: str, kinds: tuple[Kind, ...]
    ) -> tuple[str, ...] | None:
        """A list of slugs of other documents, each named once."""
        first: dict[str, int] = {}
        times: dict[str, int] = {}

        def reference(item_path: str, item: Any) -> str | None:
            slug = self.slug(item_path, item)
            if slug is None:
                return None
            line = self.line(item_path)
            if slug in first:
                times[slug] += 1
                count = "twice" if times[slug] == 2 else f"{times[slug]} times"
                self.error(
                    item_path,
                    f"'{slug}' is listed {count} in '{path}' (first on line {first[slug]})",
                )
                return None
            first[slug], times[slug] = line, 1
            self.references.append(Reference(line, key, slug, kinds))
            return slug

        return self.list_of(path, value, reference)

    def choice(self, key: str, value: Any, choices: tuple[str, ...]) -> str | None:
        text = self.text(key, value)
        if text is not None and text not in choices:
            hint = did_you_mean(text, choices)
            self.error(key, f"unknown {key} '{text}'{hint}; use one of: {', '.join(choices)}")
            return None
        return text

    def date(self, path: str, value: Any, *, full: bool = False) -> PartialDate | None:
        """A year, a month or a day; ``full``: the hint asks for a day (``day`` then needs one)."""
        if value is None:
            self.error(path, f"'{path}' is empty")
            return None
        if isinstance(value, list | dict):
            self.error(path, f"'{path}' must be a date, not {describe(value)}")
            return None
        date = _partial_date(value)
        if date is None:
            self.error(
                path,
                f"'{path}' is not a valid date: '{_shown(value)}' "
                + ("(write YYYY-MM-DD)" if full else "(write YYYY, YYYY-MM or YYYY-MM-DD)"),
            )
        return date

    def day(self, path: str, value: Any) -> PartialDate | None:
        date = self.date(path, value, full=True)
        if date is not None and not date.day:
            self.error(path, f"'{path}' must be a full date (YYYY-MM-DD), not '{_shown(value)}'")
            return None
        return date

    def past_day(self, path: str, value: Any) -> dt.date | None:
        """A full date that has happened: a day in the future is a typo."""
        partial = self.day(path, value)
        if partial is None:
            return None
        day = dt.date(partial.year, partial.month, partial.day)
        # A day's grace: a contributor east of the build machine may already be tomorrow.
        if day > self.today + dt.timedelta(days=1):
            self.error(path, f"'{path}' is {day.isoformat()}, a day in the future")
            return None
        return day

    def update_date(self, value: Any) -> PartialDate | None:
        """An update reports what happened on a day; a dated file name must agree with it."""
        day = self.past_day("date", value)
        if day is None:
            return None
        named = _FILE_DATE.match(self.slug_of_file)
        if named and named.group(1) != day.isoformat():
            self.error(
                "date",
                f"'date' is {day.isoformat()} but the file name starts with {named.group(1)}; "
                "make them agree",
            )
            return None
        return PartialDate(day.year, day.month, day.day)

    def wikidata(self, value: Any) -> str | None:
        text = self.text("wikidata", value)
        if text is not None and not WIKIDATA.fullmatch(text):
            self.error(
                "wikidata",
                f"'wikidata' must be a Wikidata item id such as 'Q1246' (Q and digits), "
                f"not '{text}'",
            )
            return None
        return text

    # -- records ------------------------------------------------------------------------------

    def record(
        self,
        path: str,
        value: Any,
        checks: Mapping[str, Callable[[str, Any], Any]],
        required: tuple[str, ...],
    ) -> dict[str, Any] | None:
        """A mapping's keys, each checked (None when absent), or None when any is wrong.

        ``checks`` lists the keys a record may have, in the order they are checked.
        """
        before = len(self.diagnostics)
        record = self.mapping(path, value)
        if record is None:
            return None
        for key in record:
            if key not in checks:
                hint = did_you_mean(key, checks)
                self.error(f"{path}.{key}", f"unknown key '{key}' in '{path}'{hint}")
        for key in required:
            if key not in record:
                self.error(path, f"missing required key '{key}' in '{path}'")
        fields = {
            key: check(f"{path}.{key}", record[key]) if key in record else None
            for key, check in checks.items()
        }
        return None if len(self.diagnostics) > before else fields

    def source(self, path: str, value: Any) -> Source | None:
        checks = {"id": self.source_id, "title": self.text, "publisher": self.text,
                  "date": self.date, "url": self.url, "checked": self.past_day}  # fmt: skip
        fields = self.record(path, value, checks, SOURCE_REQUIRED)
        return None if fields is None else Source(**fields, line=self.line(path))

    def source_id(self, path: str, value: Any) -> str | None:
        source_id = self.slug(path, value)
        if source_id is None:
            return None
        if source_id in self.source_lines:
            first = self.source_lines[source_id]
            self.error(path, f"duplicate source id '{source_id}' (first used on line {first})")
            return None
        self.source_lines[source_id] = self.line(path)
        return source_id

    def url(self, path: str, value: Any) -> str | None:
        url = self.text(path, value)
        if url is None:
            return None
        if problem := url_problem(url):
            self.error(path, f"{problem} in '{path}'")
            return None
        try:
            parts = urlsplit(url)
        except ValueError:
            parts = None
        if (
            not parts
            or parts.scheme not in ("http", "https")
            or not parts.netloc
            or _SPACE.search(url)
        ):
            self.error(path, f"'{path}' must be an http:// or https:// address, not '{url}'")
            return None
        return url

    def timeline_entry(self, path: str, value: Any) -> TimelineEntry | None:
        checks = {"date": self.date, "text": self.text, "source": self.source_ref,
                  "involves": self.involved}  # fmt: skip
        fields = self.record(path, value, checks, TIMELINE_REQUIRED)
        if fields is None:
            return None
        involves = fields.pop("involves") or ()
        return TimelineEntry(**fields, line=self.line(path), involves=involves)

    def involved(self, path: str, value: Any) -> tuple[str, ...] | None:
        return self.slug_list(path, value, "timeline", ())

    def source_ref(self, path: str, value: Any) -> str | None:
        source = self.text(path, value)
        if source is not None and source not in self.source_lines:
            hint = did_you_mean(source, self.source_lines)
            self.error(
                path, f"'{source}' in '{path}' is not the id of one of this brief's sources{hint}"
            )
            return None
        return source

    def positions(self, value: Any) -> tuple[Position, ...] | None:
        mapping = self.mapping("positions", value)
        if mapping is None:
            return None
        positions = []
        for actor, stated in mapping.items():
            path = f"positions.{actor}"
            slug = self.slug(path, actor, where="positions")
            if slug is not None:
                self.references.append(Reference(self.line(path), "positions", slug, ("actor",)))
            statements = self.statements(path, actor, stated)
            positions.append(Position(slug, statements) if slug and statements else None)
        return None if None in positions else tuple(positions)

    def statements(self, path: str, actor: str, value: Any) -> tuple[Statement, ...] | None:
        if isinstance(value, str):
            self.error(
                path,
                f"'{path}' is a plain-text position; contract v2 wants a list of dated, "
                f'sourced statements: \'{actor}: [{{date: YYYY-MM-DD, text: "… said …", '
                "source: <id of one of this brief's sources>}]'",
            )
            return None
        statements = self.at_least_one(path, self.list_of(path, value, self.statement), "statement")
        if not statements:
            return None
        for earlier, later in itertools.pairwise(statements):
            if later.date < earlier.date:
                self.error(
                    f"{path}[{statements.index(later)}]",
                    f"the statements of '{actor}' must be in date order, oldest first: "
                    f"{later.date} is listed after {earlier.date}",
                )
                return None
        return statements

    def statement(self, path: str, value: Any) -> Statement | None:
        checks = {"date": self.date, "text": self.text, "source": self.source_ref}
        fields = self.record(path, value, checks, STATEMENT_REQUIRED)
        return None if fields is None else Statement(**fields, line=self.line(path))

    def correction(self, path: str, value: Any) -> Correction | None:
        checks = {"date": self.past_day, "text": self.text}
        fields = self.record(path, value, checks, CORRECTION_REQUIRED)
        return None if fields is None else Correction(**fields, line=self.line(path))

    def language_names(self, value: Any) -> tuple[Name, ...] | None:
        mapping = self.mapping("names", value)
        if mapping is None:
            return None
        names = []
        for lang, name in mapping.items():
            path = f"names.{lang}"
            if not LANGUAGE_CODE.fullmatch(lang):
                hint = did_you_mean(lang, KNOWN_LANGUAGES)
                self.error(
                    path,
                    f"'{lang}' in 'names' is not a language code such as 'sq', 'sr' "
                    f"or 'sr-Cyrl'{hint}",
                )
            text = self.name(path, name)
            valid = text is not None and LANGUAGE_CODE.fullmatch(lang)
            names.append(Name(text, lang) if valid else None)
        return None if None in names else tuple(names)
