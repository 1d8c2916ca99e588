"""Compiled templates kept between builds, in Jinja's own private per-user cache folder.

Compiling Material's templates and the build's own took about 0.4 s of every build, most of
it before the work could be shared out to worker processes. Jinja compares each template's
source with what it compiled before using the compiled form, so an edited template compiles
again.
"""

from __future__ import annotations

import jinja2


def bytecode_cache(environment: str) -> jinja2.BytecodeCache | None:
    """The cache for one kind of environment, or None where there is no safe folder for it.

    A template compiles differently under other options (autoescaping, whitespace), so
    environments never share compiled templates.
    """
    try:
        return jinja2.FileSystemBytecodeCache(pattern=f"site-builder-{environment}-%s.cache")
    except (OSError, RuntimeError):  # Jinja found no private temporary folder: compile anew
        return None
