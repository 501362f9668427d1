"""Jinja2 environments for site pages (Markdown) and print documents (HTML).

Templates are looked up first in the kit's overrides/toolkit/<output>/ folder, then in
generators/templates/<output>/, so a fork can replace any template by adding a file
with the same name.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from .text import markdown_text

PACKAGE_TEMPLATES = Path(__file__).parent / "templates"


def template_folders(kit_root: Path, output: str) -> list[Path]:
    """Where templates for `output` ('site' or 'print') are looked up, first match wins."""
    return [kit_root / "overrides" / "toolkit" / output, PACKAGE_TEMPLATES / output]


def site_environment(kit_root: Path) -> jinja2.Environment:
    # Every {{ value }} is escaped for Markdown by `finalize`, so content can never
    # inject Markdown or HTML. Our own Markdown is wrapped in Markup to pass through.
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(p) for p in template_folders(kit_root, "site")]),
        finalize=markdown_text,
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def print_environment(kit_root: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(p) for p in template_folders(kit_root, "print")]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
