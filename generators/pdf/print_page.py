"""The site's "Print the kit" page: the book, the activity cards and every poster.

Item pages list their own PDFs; the PDFs made for the whole kit (and the posters,
gathered from every canvas) need a page of their own. Its template lives with the
print templates (print_page.md.j2) and is rendered as Markdown, escaped like every
site page.
"""

from __future__ import annotations

import jinja2
from markupsafe import Markup

from ..kit import Kit
from ..locale import ui_words
from ..site_pages import Download, page_path
from ..templating import site_environment, template_folders

PRINT_PAGE = "print.md"


def render_print_page(kit: Kit, kit_pdfs: dict[str, Download], entries: list[dict]) -> str:
    """`kit_pdfs`: the book and card decks by variant; `entries`: catalog entries, for the posters."""
    env = site_environment(kit.root).overlay(
        loader=jinja2.FileSystemLoader([str(p) for p in template_folders(kit.root, "print")]))
    canvases = sorted((e for e in entries if kit.items[e["id"]].type.posters), key=lambda e: e["title"].lower())
    # A language may have the page's sentences in its own template: print_page.es.md.j2.
    return env.select_template([f"print_page.{kit.settings.language}.md.j2", "print_page.md.j2"]).render(
        kit=kit, t=ui_words(kit.settings.language), canvases=canvases,
        book=[(d, Markup(d.path)) for v, d in kit_pdfs.items() if v.startswith("book-")],
        cards=[(d, Markup(d.path)) for v, d in kit_pdfs.items() if v.startswith("cards-")],
        posters=lambda entry: [(variant.removeprefix("poster-"), Markup(path))
                               for variant, path in entry["pdfs"].items() if variant.startswith("poster-")],
        page_link=lambda entry: Markup(page_path(kit.items[entry["id"]])),
    )
