"""Compiled templates kept between builds, in Jinja's own private per-user cache folder.

Compiling Material's templates and the build's own took about 0.4 s of every build, most of
it before the work could be shared out to worker processes. Jinja compares each template's
source with what it compiled before using the compiled form, so an edited template compiles
again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from typing import Any

import jinja2


def bytecode_cache(
    environment: str, filters: Mapping[str, Callable[..., Any]] | None = None
) -> jinja2.BytecodeCache | None:
    """The cache for one kind of environment, or None where there is no safe folder for it.

    A template compiles differently under other options (autoescaping, whitespace), so
    environments never share compiled templates. Whether a filter takes the template's context
    is compiled into every use of it too (an unchanged template would call a filter that now
    needs the context without it), so the ``filters``' kinds are part of the cache's name.
    """
    kinds = sorted(
        f"{name}={getattr(f, 'jinja_pass_arg', '')}" for name, f in (filters or {}).items()
    )
    digest = hashlib.sha256(",".join(kinds).encode()).hexdigest()[:8]
    try:
        return jinja2.FileSystemBytecodeCache(
            pattern=f"site-builder-{environment}-{digest}-%s.cache"
        )
    except (OSError, RuntimeError):  # Jinja found no private temporary folder: compile anew
        return None
