"""The `toolkit` command: validate and build the kit in the current folder."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .errors import KitInvalid


def _validate(args) -> int:
    from .kit import find_kit_root, load_kit

    kit = load_kit(find_kit_root(Path.cwd()))
    tools = len(kit.tools)
    sessions = len(kit.items) - tools
    print(f"The kit is valid: {_count(tools, 'tool')} and {_count(sessions, 'session plan')}.")
    return 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _build(args) -> int:
    from .build import build_site
    from .kit import find_kit_root

    root = find_kit_root(Path.cwd())
    site = build_site(root, Path(args.site_dir) if args.site_dir else None)
    print(f"Built the site in {site}")
    return 0


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="toolkit", description="Check and build the partnership toolkit.")
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("validate", help="check every YAML file and report all problems").set_defaults(run=_validate)
    build = commands.add_parser("build", help="build the site and every PDF into site/")
    build.add_argument("--site-dir", help="where to put the site (default: site/ in the kit's folder)")
    build.set_defaults(run=_build)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except KitInvalid as error:
        print(error.report(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 130
    except Exception as error:  # last resort: people who run this do not read tracebacks
        if os.environ.get("TOOLKIT_DEBUG"):
            raise
        print(f"Something went wrong inside the toolkit: {type(error).__name__}: {error}\n"
              "Nothing in your YAML files was changed. Run again with TOOLKIT_DEBUG=1 for details, "
              "and report it with that output.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
