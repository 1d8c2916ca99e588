"""Template fragments kept from one build to the next, by everything they are made of.

A live preview's rebuild after a rename makes every overview page again, since each lists
every brief; but nearly every row of those pages comes out as it did, and so does the site's
diagram unless the renamed brief is in it. A row rendered by ``View.fragment`` (or anything
made by ``View.kept``) with the key of its last making (the template, the page's URL and
language, and all it reads) is taken from here instead. Only a preview keeps one
(``BuildContext.fragments``): a build makes each once anyway.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass
class Fragments:
    """What the last build rendered, and what this one has used of it or made."""

    last: dict[Hashable, Any] = field(default_factory=dict)
    used: dict[Hashable, Any] = field(default_factory=dict)

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        found = self.used.get(key)
        if found is None:
            found = self.last.get(key)
            self.used[key] = found = make() if found is None else found
        return found

    def take(self) -> dict[Hashable, Any]:
        """What this build made or used so far, which is then forgotten here: a worker hands
        it back to the process that keeps it (``add``)."""
        taken, self.used = self.used, {}
        return taken

    def add(self, made: dict[Hashable, Any]) -> None:
        self.used.update(made)

    def keep_used(self) -> None:
        """After a whole build: keep what it used, so that the memo never outgrows a build."""
        self.last, self.used = self.used, {}

    def keep_all(self) -> None:
        """After a rebuild of some pages: the others' fragments are still theirs."""
        self.last, self.used = {**self.last, **self.used}, {}
