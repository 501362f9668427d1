"""A copy of the site that opens straight from a folder (file://), without a web server.

`toolkit build --plain-folder` builds with page addresses that end in .html (MkDocs'
use_directory_urls: false), since a folder has no server to find index.html. Browsers
also refuse to fetch files or start web workers from file:// pages, so search reads its
index from a script (search_index.js, which the theme loads on file://) and runs in a
hidden frame (overrides/assets/javascripts/file-worker.js) instead of a worker. Fonts
loaded by a stylesheet count as fetches too, so they are written into the stylesheets. The meeting
planner reads the kit from catalog.js, a script made from catalog.json, for the same reason.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

FONT_URL = re.compile(r"""url\(["']?([^"')]+\.woff2)["']?\)""")


def finish_plain_folder(site_dir: Path) -> None:
    """After the engine: what a copy opened from a folder needs that a served site does not."""
    write_search_index_script(site_dir)
    write_catalog_script(site_dir)
    inline_fonts(site_dir)


def write_search_index_script(site_dir: Path) -> None:
    """search/search_index.js: the search index as a script that sets `__index`."""
    index = site_dir / "search" / "search_index.json"
    if index.is_file():
        (site_dir / "search" / "search_index.js").write_text(
            "var __index = " + index.read_text(encoding="utf-8") + ";\n", encoding="utf-8")


def write_catalog_script(site_dir: Path) -> None:
    """catalog.js: catalog.json as a script that sets `window.__toolkitCatalog`, for the meeting planner."""
    catalog = site_dir / "catalog.json"
    if catalog.is_file():
        (site_dir / "catalog.js").write_text(
            "window.__toolkitCatalog = " + catalog.read_text(encoding="utf-8").strip() + ";\n", encoding="utf-8")


def inline_fonts(site_dir: Path) -> None:
    """Replace each stylesheet's links to .woff2 fonts with the fonts themselves (data: URLs)."""
    for stylesheet in (site_dir / "assets" / "stylesheets").glob("*.css"):
        text = stylesheet.read_text(encoding="utf-8")

        def embedded(match: re.Match) -> str:
            font = (stylesheet.parent / match[1]).resolve()
            if not font.is_relative_to(site_dir.resolve()) or not font.is_file():
                return match[0]
            return f'url("data:font/woff2;base64,{base64.b64encode(font.read_bytes()).decode()}")'

        inlined = FONT_URL.sub(embedded, text)
        if inlined != text:
            stylesheet.write_text(inlined, encoding="utf-8")
