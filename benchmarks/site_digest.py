"""One digest of a built site, to show that a refactoring left the output byte for byte the same.

``python benchmarks/site_digest.py [--briefs N]`` builds ``content/`` and the N-brief benchmark
corpus (default 1,000) with ``SOURCE_DATE_EPOCH`` fixed, and prints a SHA-256 over every file's
path and bytes for each. Run it before and after a change: equal digests, equal sites.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate_corpus import generate  # noqa: E402


def digest(folder: Path) -> str:
    total = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        total.update(path.relative_to(folder).as_posix().encode() + b"\0")
        total.update(hashlib.sha256(path.read_bytes()).digest())
    return total.hexdigest()[:16]


def build(content: Path, site: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1"}
    binary = Path(sys.executable).parent / "site-builder"
    command = [str(binary), "build", "--content", str(content), "--site-dir", str(site),
               "--config", str(ROOT / "mkdocs.yml")]  # fmt: skip
    subprocess.run(command, check=True, env=env, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        corpus = Path(work) / "corpus"
        generate(args.briefs, corpus)
        for name, content in (("content/", ROOT / "content"), (f"{args.briefs} briefs", corpus)):
            site = Path(work) / "site"
            build(content, site)
            print(f"{name}: {digest(site)}")


if __name__ == "__main__":
    main()
