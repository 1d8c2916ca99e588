"""``site-builder``: build, check, serve, new, translations.

Exit status: 0 success, 1 problems in the content (each on stderr as ``path:line: message``),
2 wrong usage. Checking needs no site engine; building and serving hand over to MkDocs with
the ``dialogue`` plugin, so ``mkdocs build`` and ``site-builder build`` give the same site.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from site_builder.content.changes import ChangesError, changed_since, select
from site_builder.content.diagnostics import FORMATS, has_errors, print_diagnostics
from site_builder.content.kinds import FOLDER_KINDS
from site_builder.content.scaffold import KIND_NAMES, ScaffoldError, write_brief
from site_builder.content.translation_status import StampError
from site_builder.mkdocs.theme_dirs import theme_dirs
from site_builder.site.config_file import (
    custom_theme_dir,
    markdown_extensions,
    read_config,
    templates_dir,
)
from site_builder.site.context import BuildContext, build_date

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="site-builder",
        description="Validate the briefs in content/ and build the explainer site.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="validate and build the site into site/")
    _content_option(build)
    build.add_argument("--site-dir", type=Path, default=Path("site"), help="default: site/")
    _config_option(build)
    build.add_argument(
        "--strict", action="store_true", help="treat the site engine's warnings as errors"
    )

    check = commands.add_parser("check", help="validate the content only; writes nothing")
    _content_option(check)
    _config_option(check)
    check.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text: path:line: message (default); github: workflow annotations; json: a list",
    )
    check.add_argument(
        "--changed-since",
        metavar="REV",
        help="report only problems in files changed since the git revision REV, or caused by them",
    )

    serve = commands.add_parser("serve", help="live preview that rebuilds on every change")
    _content_option(serve)
    _config_option(serve)
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT")

    translations = commands.add_parser(
        "translations",
        help="list every translation as up to date, outdated, unreviewed, invalid or missing",
    )
    _content_option(translations)
    translations.add_argument(
        "--stamp",
        type=Path,
        nargs="+",
        metavar="FILE",
        help="record that each translation FILE follows its English file as it is now",
    )

    new = commands.add_parser("new", help="scaffold a brief that passes check as it is")
    new.add_argument("kind", choices=KIND_NAMES, metavar="KIND", help=", ".join(KIND_NAMES))
    new.add_argument("slug", metavar="SLUG", help="file name without .md, e.g. preshevo-valley")
    new.add_argument("--title", required=True, help="display name, e.g. 'Preševo Valley'")
    _content_option(new)
    return parser


def _content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"), help="default: content/")


def _config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", type=Path, default=Path("mkdocs.yml"), help="default: mkdocs.yml"
    )


def _check(args: argparse.Namespace) -> int:
    from site_builder.site.check import check_content

    changes = changed_since(args.content, args.changed_since) if args.changed_since else None
    config = read_config(args.config)
    extensions, options = markdown_extensions(config)
    ctx = BuildContext(
        templates_dir=templates_dir(args.config.parent, custom_theme_dir(config)),
        build_date=build_date(),
    )
    dirs = theme_dirs(args.config.parent, custom_theme_dir(config))
    diagnostics = check_content(args.content, ctx, extensions, options, theme_dirs=dirs)
    if changes is not None:
        diagnostics = select(diagnostics, changes, args.content)
    print_diagnostics(diagnostics, sys.stdout if args.format != "text" else sys.stderr, args.format)
    return EXIT_PROBLEMS if has_errors(diagnostics) else EXIT_OK


def _build(args: argparse.Namespace) -> int:
    from site_builder.mkdocs import commands

    commands.build(args.config, args.content, args.site_dir.resolve(), strict=args.strict)
    print(f"Built the site in {args.site_dir.resolve()}", file=sys.stderr)
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from site_builder.mkdocs import commands

    commands.serve(args.config, args.content, args.dev_addr)
    return EXIT_OK


def _translations(args: argparse.Namespace) -> int:
    from site_builder.content.loader import load_corpus
    from site_builder.content.translation_status import stamp, statuses

    if args.stamp:
        for file in args.stamp:
            print(f"{file}: follows its English file as of version {stamp(file)}")
        return EXIT_OK
    corpus, problems = load_corpus(args.content)
    if has_errors(problems):
        print("The content has problems: run 'site-builder check' (translations with problems "
              "are listed as invalid).", file=sys.stderr)  # fmt: skip
    counts: dict[tuple[str, str], int] = {}
    for status in statuses(corpus, args.content):
        note = ", unreviewed" if status.unreviewed and status.state != "unreviewed" else ""
        print(f"{status.language:<3} {status.state + note:<22} {status.path}")
        counts[(status.language, status.state)] = counts.get((status.language, status.state), 0) + 1
    for (language, state), number in sorted(counts.items()):
        print(f"{language}: {number} {state}", file=sys.stderr)
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    path = write_brief(args.content, args.kind, args.slug, args.title)
    print(f"Wrote {path}: fill in what its comments ask, then run 'site-builder check'.")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if _inside_content(args.content):
        print(
            "site-builder: run this from the repository root (the folder that holds content/ "
            "and mkdocs.yml), not from inside content/",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.command in ("build", "serve", "check", "translations") and not args.content.is_dir():
        print(f"site-builder: no content folder at {args.content}", file=sys.stderr)
        return EXIT_USAGE
    if args.command in ("build", "serve") and not args.config.is_file():
        print(f"site-builder: no configuration file at {args.config}", file=sys.stderr)
        return EXIT_USAGE
    if args.command in ("build", "serve"):
        from site_builder.mkdocs import commands

        commands.quiet_logs(verbose=args.command == "serve")
    try:
        commands_run = {"check": _check, "build": _build, "serve": _serve, "new": _new,
                        "translations": _translations}  # fmt: skip
        return commands_run[args.command](args)
    except (ScaffoldError, ChangesError, StampError) as error:
        print(f"site-builder: {error}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as error:  # the engine's own errors: already explained, no traceback
        from site_builder.mkdocs import commands

        told = commands.failure(error)
        if told is None:
            raise
        print(f"site-builder: {told}", file=sys.stderr)
        return EXIT_PROBLEMS


def _inside_content(content: Path) -> bool:
    """No content/ here, but this folder looks like one: the contributor ran from inside it."""
    if content != Path("content") or content.exists():
        return False
    here = Path.cwd()
    kind_folders = [folder for folder in FOLDER_KINDS if folder != "pages"]  # too common a name
    return (
        here.name == "content"
        or (here.parent.name == "content" and here.name in (*FOLDER_KINDS, "assets"))
        or (here / "index.md").is_file()
        or any((here / folder).is_dir() for folder in kind_folders)
    )


if __name__ == "__main__":
    sys.exit(main())
