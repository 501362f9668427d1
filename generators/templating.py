"""Jinja2 environments for site pages (Markdown) and print documents (HTML).

Templates are looked up first in the kit's overrides/toolkit/<output>/ folder, then in
generators/templates/<output>/, so a fork can replace any template by adding a file
with the same name.
"""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2
from markupsafe import Markup

from .text import css_string, end_sentence, markdown_text

PACKAGE_TEMPLATES = Path(__file__).parent / "templates"


def template_folders(kit_root: Path, output: str) -> list[Path]:
    """Where templates for `output` ('site' or 'print') are looked up, first match wins."""
    return [kit_root / "overrides" / "toolkit" / output, PACKAGE_TEMPLATES / output]


def site_environment(kit_root: Path) -> jinja2.Environment:
    return _environment(kit_root, "site")


def print_environment(kit_root: Path) -> jinja2.Environment:
    return _environment(kit_root, "print")


def _environment(kit_root: Path, output: str) -> jinja2.Environment:
    """The environment for `output`, kept while the kit's override files stay the same: the
    live preview rebuilds after every save, and compiling every template again each time was
    a third of the pages' work. Jinja notices an edited template by its time; a new or removed
    override changes the listing, and so gives a new environment."""
    folders = template_folders(kit_root, output)
    overrides = folders[0]
    listing = tuple(sorted(path.relative_to(overrides).as_posix() for path in overrides.rglob("*")
                           if path.is_file())) if overrides.is_dir() else ()
    return _new_environment(output, tuple(str(folder) for folder in folders), listing)


@functools.lru_cache(maxsize=16)
def _new_environment(output: str, folders: tuple[str, ...], _override_files: tuple[str, ...]) -> jinja2.Environment:
    loader = jinja2.FileSystemLoader(list(folders))
    if output == "site":
        # Every {{ value }} is escaped for Markdown by `finalize`, so content can never
        # inject Markdown or HTML. Markup passes through untouched: our own links, and the
        # output of macros (autoescape makes macros return Markup). Because autoescape
        # would HTML-escape the operands of filters such as `join` and of `~`, the
        # Markdown templates use loops instead of those.
        return jinja2.Environment(loader=loader, finalize=lambda value: Markup(markdown_text(value)),
                                  autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                                  lstrip_blocks=True, keep_trailing_newline=True)
    env = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["css_string"] = css_string
    env.filters["end_sentence"] = end_sentence
    return env
