"""Print HTML for a tool or session, one per paper size."""

from __future__ import annotations

import jinja2

from ..kit import Item, Kit
from ..locale import ui_words
from ..paper import Paper
from ..canvas_layout import table_rows
from ..schedule import agenda_rows


def short_link(kit: Kit, page_url: str) -> str:
    """The tool's page online without 'https://', for the PDF footer; empty if no site URL is set."""
    if not kit.settings.site_url:
        return ""
    base = kit.settings.site_url.split("://", 1)[1].rstrip("/")
    return f"{base}/{page_url}"


def print_html(env: jinja2.Environment, kit: Kit, item: Item, paper: Paper, page_url: str) -> str:
    words = ui_words(kit.settings.language)
    # "Page {page} of {pages}" is split so print.css can put the counters between the words.
    before, rest = words["page_x_of_y"].split("{page}", 1)
    middle = rest.split("{pages}", 1)[0]
    extra = {}
    if item.is_session:
        extra["agenda"] = agenda_rows(kit, item.content)
    if item.type.name == "canvas":
        extra["canvas_rows"] = table_rows(item.content)
    return env.get_template(f"{item.type.name}.html.j2").render(
        kit=kit, item=item, tool=item.content, paper=paper, t=words,
        language=item.content.language or kit.settings.language,
        label=kit.vocabulary.label,
        page_before=before, page_middle=middle, short_link=short_link(kit, page_url), **extra,
    )
