"""Strict YAML front matter: plain values plus the line of every key and list item.

Contributors write front matter by hand and the build must never hang or crash on it, so
everything YAML allows but a brief never needs (anchors, aliases, tags, deep nesting) is refused
on a first, streaming pass over the parser's events, before any node is built. Duplicate keys are
reported instead of silently keeping one of the values.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, NodeEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.tokens import ScalarToken

from site_builder.content.diagnostics import Diagnostic

#: The C parser when PyYAML was built with libyaml: the same values, many times faster (only
#: the wording of a few syntax errors differs).
LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Collections inside collections; real briefs need 3 (front matter > sources > a source).
MAX_DEPTH = 10

#: Line in the file of the first line of YAML (line 1 is the opening '---').
_FIRST_YAML_LINE = 2
_DELIMITERS = ("---", "...")
_STR_TAG = "tag:yaml.org,2002:str"
_CONSTRUCTOR = SafeConstructor()

# Friendlier words for the YAML mistakes contributors make most often.
_HINTS = {
    "mapping values are not allowed": "invalid YAML: a value that contains ': ' must be in quotes",
    "exceeded maximum nesting depth": f"values are nested more than {MAX_DEPTH} levels deep",
}
UNCLOSED_QUOTE = (
    "a quoted value is not closed: the quote that opens on this line has no closing quote"
)
# A line that starts like 'key:' or '- key:': inside a quoted value, the sign of a missing quote.
_KEY_LINE = re.compile(r" *(?:- +)*[\w-]+:(?:\s|$)")
_ITEM_START = re.compile(r"^ *(?:- +)*")


@dataclass(frozen=True)
class FrontMatter:
    """The parsed front matter of one file and the Markdown body after it.

    ``lines`` maps key paths ("title", "sources[0].url", "names.sq") to lines in the file.
    """

    data: dict[str, Any]
    lines: dict[str, int]
    body: str
    body_line: int


class _Refused(Exception):
    """A problem that stops the parsing of one file."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def parse_front_matter(text: str, path: str) -> tuple[FrontMatter | None, list[Diagnostic]]:
    """Split a Markdown file into front matter and body; ``None`` when the YAML is unusable."""
    text = _normalized(text)
    problems: list[Diagnostic] = []
    builder = _Builder(path, problems)
    try:
        yaml_text, body, body_line = _split(text)
    except _Refused as refused:
        return None, [Diagnostic(path, refused.line, refused.message)]
    try:
        _guard(yaml_text)
        data = builder.mapping_root(yaml.compose(yaml_text, Loader=LOADER))
    except _Refused as refused:
        return None, [Diagnostic(path, refused.line, refused.message)]
    except yaml.YAMLError as error:
        return None, [Diagnostic(path, *_yaml_error(error, yaml_text))]
    return FrontMatter(data, builder.lines, body, body_line), problems


def body_of(text: str) -> tuple[str, int] | None:
    """The body and its first line, when the front matter is delimited (whatever its YAML)."""
    try:
        _, body, body_line = _split(_normalized(text))
    except _Refused:
        return None
    return body, body_line


def _normalized(text: str) -> str:
    """One spelling of every character and of every line break, whatever the editor saved."""
    text = unicodedata.normalize("NFC", text.removeprefix("\ufeff"))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _split(text: str) -> tuple[str, str, int]:
    """The YAML between the '---' lines, the body, and the line where the body starts."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        raise _Refused(1, "the file has no front matter: its first line must be '---'")
    for index in range(1, len(lines)):
        if lines[index].rstrip() in _DELIMITERS:
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise _Refused(1, "the front matter is not closed: add a '---' line after it")


def _guard(yaml_text: str) -> None:
    """Refuse aliases, anchors, tags and deep nesting while streaming, before building nodes."""
    depth = 0
    for event in yaml.parse(yaml_text, Loader=LOADER):
        line = event.start_mark.line + _FIRST_YAML_LINE
        if isinstance(event, AliasEvent) or (isinstance(event, NodeEvent) and event.anchor):
            raise _Refused(
                line,
                "YAML anchors and aliases ('&name', '*name') are not allowed; "
                "write the value out in full",
            )
        if isinstance(event, NodeEvent) and getattr(event, "tag", None):
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            raise _Refused(line, f"YAML tags such as '{tag}' are not allowed; write a plain value")
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _Refused(line, f"values are nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, CollectionEndEvent):
            depth -= 1


def _yaml_error(error: yaml.YAMLError, yaml_text: str) -> tuple[int, str]:
    """The line and a readable message for a YAML syntax error."""
    if isinstance(error, yaml.reader.ReaderError):
        char = error.character if isinstance(error.character, int) else ord(error.character)
        line = yaml_text.count("\n", 0, error.position) + _FIRST_YAML_LINE
        return line, f"invalid YAML: the character U+{char:04X} is not allowed"
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + _FIRST_YAML_LINE if mark else 1
    problem = getattr(error, "problem", None) or str(error)
    if mark and yaml_text[mark.index : mark.index + 1] == "\t":
        return line, "invalid YAML: tabs are not allowed here; indent with spaces"
    opened = _unclosed_quote(error, yaml_text)
    if opened is not None:
        return opened, UNCLOSED_QUOTE
    hint = next((text for key, text in _HINTS.items() if problem.startswith(key)), None)
    if hint:
        return line, hint
    context = getattr(error, "context", None)
    context_mark = getattr(error, "context_mark", None)
    if context and context_mark:
        where = context_mark.line + _FIRST_YAML_LINE
        return line, f"invalid YAML: {problem} ({context} that starts on line {where})"
    return line, f"invalid YAML: {problem}"


def _unclosed_quote(error: yaml.YAMLError, yaml_text: str) -> int | None:
    """The line where a quote opens that a contributor forgot to close, if that is the error.

    Either the quoted value runs to the end of the front matter (the scanner says where it
    started), or a later value's opening quote closed it, and the value swallowed a 'key:' line.
    """
    context = getattr(error, "context", None) or ""
    context_mark = getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or ""
    if context_mark and "quoted scalar" in context and "end of stream" in problem:
        return context_mark.line + _FIRST_YAML_LINE
    problem_mark = getattr(error, "problem_mark", None)
    if problem_mark is None:
        return None
    try:
        for token in yaml.scan(yaml_text, Loader=LOADER):
            if token.start_mark.line > problem_mark.line:
                break
            if (
                isinstance(token, ScalarToken)
                and token.style in ("'", '"')
                and token.end_mark.line > token.start_mark.line
            ):
                start = token.start_mark.index
                opening = yaml_text[yaml_text.rfind("\n", 0, start) + 1 : start]
                key_column = len(opening) - len(_ITEM_START.sub("", opening))
                inside = yaml_text[token.start_mark.index : token.end_mark.index].split("\n")
                if any(_key_at(part, key_column) for part in inside[1:]):
                    return token.start_mark.line + _FIRST_YAML_LINE
    except yaml.YAMLError:
        pass
    return None


def _key_at(line: str, column: int) -> bool:
    """Whether ``line`` starts a key no deeper than ``column`` (a continuation is deeper)."""
    return _KEY_LINE.match(line) is not None and len(line) - len(line.lstrip(" ")) <= column


def _line(node: Node) -> int:
    return node.start_mark.line + _FIRST_YAML_LINE


def _describe_node(node: Node) -> str:
    if isinstance(node, SequenceNode):
        return "a list"
    return "a mapping" if isinstance(node, MappingNode) else "plain text"


class _Builder:
    """Turns composed nodes into plain values, recording the line of every key path."""

    def __init__(self, path: str, problems: list[Diagnostic]) -> None:
        self.path = path
        self.problems = problems
        self.lines: dict[str, int] = {}

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Diagnostic(self.path, line, message))

    def mapping_root(self, root: Node | None) -> dict[str, Any]:
        if root is None:
            return {}
        if not isinstance(root, MappingNode):
            raise _Refused(
                _line(root),
                f"the front matter must be 'key: value' lines, not {_describe_node(root)}",
            )
        return self.mapping(root, "")

    def value(self, node: Node, path: str) -> Any:
        if isinstance(node, MappingNode):
            return self.mapping(node, path)
        if isinstance(node, SequenceNode):
            return self.sequence(node, path)
        return _scalar(node)

    def sequence(self, node: SequenceNode, path: str) -> list[Any]:
        items = []
        for index, item in enumerate(node.value):
            item_path = f"{path}[{index}]"
            self.lines[item_path] = _line(item)
            items.append(self.value(item, item_path))
        return items

    def mapping(self, node: MappingNode, path: str) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = _line(key_node)
            if not isinstance(key_node, ScalarNode):
                self.problem(line, f"a key must be plain text, not {_describe_node(key_node)}")
                continue
            key = key_node.value
            key_path = f"{path}.{key}" if path else key
            if key in result:
                self.problem(
                    line, f"duplicate key '{key}' (first set on line {self.lines[key_path]})"
                )
                continue
            self.lines[key_path] = line
            result[key] = self.value(value_node, key_path)
        return result


def _scalar(node: ScalarNode) -> Any:
    """The value YAML means (number, date, true/false, null), or the text when it cannot be built.

    ``2025-02-30`` looks like a date to YAML but is none; keeping the text lets the schema say so.
    """
    construct = SafeConstructor.yaml_constructors.get(node.tag)
    if node.tag == _STR_TAG or construct is None:
        return node.value
    try:
        return construct(_CONSTRUCTOR, node)
    except (ValueError, OverflowError, yaml.YAMLError):
        return node.value
