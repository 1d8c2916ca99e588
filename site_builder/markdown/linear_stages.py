"""Two stages of Python-Markdown that take work from the front of a list, made linear.

Both take each item from the front of a Python list (``pop(0)``), which moves every item
behind it, so their time grows with the square of a page's size:

* the block parser, once per block (``BlockParser.parseBlocks``; the reference-link
  processor also puts each block back with ``insert(0, ...)``): 80,000 one-line paragraphs
  take 2.6 s, 160,000 take 8 s;
* the inline stage (``InlineProcessor.run``), once per inline element: a page of 120,000
  citations spent a second there, four at 240,000.

``use_linear_stages(md)`` gives the block parser long lists of blocks a thousand at a time
(every block processor reads and changes only the first block of its list, so the tree is the
same), and replaces the inline stage with ``QueuedInlineProcessor``: the same method, copied,
with a ``collections.deque``, which visits the same elements in the same order. The copy is
used only where Python-Markdown's method is the one it was copied from (its source's digest is
``UPSTREAM_RUN_SHA256``); ``tests/markdown/test_linear_stages.py`` fails when it is not.
"""

from __future__ import annotations

import hashlib
import inspect
import xml.etree.ElementTree as etree
from collections import deque

import markdown
from markdown import util
from markdown.blockparser import BlockParser
from markdown.treeprocessors import InlineProcessor

from site_builder.markdown.settled_inline import SettledInline

#: SHA-256 of ``inspect.getsource(InlineProcessor.run)`` in Markdown 3.11.3.
UPSTREAM_RUN_SHA256 = "f6c93631f2871499bcbbc2d10ec7e4fddf1023c394179a18ce1053b16d5c9b0e"


def upstream_is_the_copied_one() -> bool:
    try:
        source = inspect.getsource(InlineProcessor.run)
    except (OSError, TypeError):
        return False
    return hashlib.sha256(source.encode()).hexdigest() == UPSTREAM_RUN_SHA256


class QueuedInlineProcessor(InlineProcessor):
    """``InlineProcessor`` whose ``run`` takes the next element from a deque, and gives a
    text of settled matches to ``settled_inline``."""

    def run(self, tree: etree.Element, ancestors: list[str] | None = None) -> etree.Element:
        # Markdown 3.11.3's InlineProcessor.run, but for ``stack``: a deque, not a list.
        self.stashed_nodes: dict[str, etree.Element | str] = {}
        tree_parents = [] if ancestors is None else ancestors[:]
        self.parent_map = {c: p for p in tree.iter() for c in p}
        self._settled = SettledInline.of(self.md)
        stack = deque([(tree, tree_parents)])
        self._InlineProcessor__build_ancestors(tree, tree_parents)
        while stack:
            currElement, parents = stack.popleft()
            self.ancestors = parents
            if currElement is not tree:
                self.ancestors.append(currElement.tag.lower())
            insertQueue = []
            for child in currElement:
                if child.text and not isinstance(child.text, util.AtomicString):
                    self.ancestors.append(child.tag.lower())
                    text = child.text
                    child.text = None
                    lst = self._inline(text, child)
                    for item in lst:
                        self.parent_map[item[0]] = child
                    stack += lst
                    insertQueue.append((child, lst))
                    self.ancestors.pop()
                if child.tail:
                    tail = child.tail
                    dumby = etree.Element("d")
                    child.tail = None
                    tailResult = self._inline(tail, dumby, False)
                    if dumby.tail:
                        child.tail = dumby.tail
                    pos = list(currElement).index(child) + 1
                    tailResult.reverse()
                    for newChild in tailResult:
                        self.parent_map[newChild[0]] = currElement
                        currElement.insert(pos, newChild[0])
                if len(child):
                    self.parent_map[child] = currElement
                    stack.append((child, self.ancestors[:]))
            for element, lst in insertQueue:
                for i, obj in enumerate(lst):
                    newChild = obj[0]
                    element.insert(i, newChild)
        return tree

    def _inline(
        self, data: str, parent: etree.Element, is_text: bool = True
    ) -> list[tuple[etree.Element, list[str]]]:
        """``data`` through the inline patterns, its text linked into ``parent`` (its text, or
        its tail), and its elements: at once where its matches are settled."""
        split = self._settled.split(data, self.ancestors) if self._settled else None
        if split is None:
            return self._InlineProcessor__processPlaceholders(
                self._InlineProcessor__handleInline(data), parent, is_text
            )
        head, elements = split
        for node, _ in elements:  # numbered as Python-Markdown numbers its placeholders
            self._InlineProcessor__stashNode(node, "")
        if head and is_text:
            parent.text = parent.text + head if parent.text else head
        elif head:
            parent.tail = parent.tail + head if parent.tail else head
        return elements


#: Blocks handed to the block parser at once: within a window its ``pop(0)`` moves at most
#: this many, and a page of fewer blocks is parsed as Python-Markdown parses it.
BLOCK_WINDOW = 1_000


def use_linear_stages(md: markdown.Markdown) -> None:
    """Both stages of ``md`` made linear (each only if it is Python-Markdown's own)."""
    _window_blocks(md)
    present = "inline" in md.treeprocessors  # a Registry: no .get()
    if _COPIED and present and type(md.treeprocessors["inline"]) is InlineProcessor:
        # Registered where Python-Markdown registers its own.
        md.treeprocessors.register(QueuedInlineProcessor(md), "inline", 20)


def _window_blocks(md: markdown.Markdown) -> None:
    parse_blocks = md.parser.parseBlocks
    if getattr(parse_blocks, "windowed", False) or not isinstance(md.parser, BlockParser):
        return

    def windowed(parent: etree.Element, blocks: list[str]) -> None:
        if len(blocks) <= BLOCK_WINDOW:
            return parse_blocks(parent, blocks)
        waiting = blocks[::-1]  # the next block last, where taking it moves nothing
        blocks.clear()  # consumed, as Python-Markdown consumes it
        while waiting:
            window = [waiting.pop() for _ in range(min(BLOCK_WINDOW, len(waiting)))]
            parse_blocks(parent, window)
        return None

    windowed.windowed = True  # type: ignore[attr-defined]
    md.parser.parseBlocks = windowed  # type: ignore[method-assign]


_COPIED = upstream_is_the_copied_one()
