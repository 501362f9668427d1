"""Jinja2 environments for site pages (Markdown) and print documents (HTML).

Templates are looked up first in the kit's overrides/toolkit/<output>/ folder, then in
generators/templates/<output>/, so a fork can replace any template by adding a file
with the same name.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup

from .text import css_string, end_sentence, markdown_text

PACKAGE_TEMPLATES = Path(__file__).parent / "templates"


def template_folders(kit_root: Path, output: str) -> list[Path]:
    """Where templates for `output` ('site' or 'print') are looked up, first match wins."""
    return [kit_root / "overrides" / "toolkit" / output, PACKAGE_TEMPLATES / output]


def site_environment(kit_root: Path) -> jinja2.Environment:
    # Every {{ value }} is escaped for Markdown by `finalize`, so content can never
    # inject Markdown or HTML. Markup passes through untouched: our own links, and the
    # output of macros (autoescape makes macros return Markup). Because autoescape
    # would HTML-escape the operands of filters such as `join` and of `~`, the
    # Markdown templates use loops instead of those.
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(p) for p in template_folders(kit_root, "site")]),
        finalize=lambda value: Markup(markdown_text(value)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def print_environment(kit_root: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(p) for p in template_folders(kit_root, "print")]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["css_string"] = css_string
    env.filters["end_sentence"] = end_sentence
    return env
