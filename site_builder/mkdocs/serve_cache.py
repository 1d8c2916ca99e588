"""What the last serve rebuild made, kept by a digest of its inputs, so unchanged work is reused.

A page (content or generated) whose Markdown and whose cross-page inputs (every brief's names,
titles and summaries, the set of files, the Markdown settings) did not change since the last
rebuild is taken from here instead of being rendered again; so is a brief's "Mentioned in"
list when its backlinks did not change. Loading, generating page
Markdown and the backlinks themselves are always done afresh.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any


def digest(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class ServeCache:
    """Only what the current build uses is kept, so the cache never outgrows one build."""

    last: dict[str, Any] = field(default_factory=dict)
    used: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str) -> Any:
        value = self.last.get(key)
        if value is not None:
            self.used[key] = value
        return value

    def put(self, key: str, value: Any) -> Any:
        self.used[key] = value
        return value

    def keep_used(self) -> None:
        self.last, self.used = self.used, {}

    def forget_failed_build(self) -> None:
        """A failed build used nothing worth keeping."""
        self.used = {}
