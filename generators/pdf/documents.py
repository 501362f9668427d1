"""Print HTML for a tool, a session or a meeting packet, one per paper size."""

from __future__ import annotations

import jinja2

from ..canvas_layout import table_rows
from ..kit import Item, Kit
from ..locale import ui_words
from ..packet import Packet, merged_materials
from ..paper import Paper
from ..schedule import agenda_rows


def short_link(kit: Kit, page_url: str) -> str:
    """The tool's page online without 'https://', for the PDF footer; empty if no site URL is set."""
    if not kit.settings.site_url:
        return ""
    base = kit.settings.site_url.split("://", 1)[1].rstrip("/")
    return f"{base}/{page_url}"


def canvas_rows_for(item: Item):
    return table_rows(item.content) if item.type.name == "canvas" else []


def _common(kit: Kit, paper: Paper, page_url: str, language: str | None) -> dict:
    words = ui_words(kit.settings.language)
    # "Page {page} of {pages}" is split so the footer can put the counters between the words.
    before, rest = words["page_x_of_y"].split("{page}", 1)
    middle = rest.split("{pages}", 1)[0]
    return dict(kit=kit, paper=paper, t=words, label=kit.vocabulary.label,
                language=language or kit.settings.language, page_before=before, page_middle=middle,
                short_link=short_link(kit, page_url), canvas_rows_for=canvas_rows_for)


def print_html(env: jinja2.Environment, kit: Kit, item: Item, paper: Paper, page_url: str) -> str:
    extra = {"materials": []}
    if item.is_session:
        extra["agenda"] = agenda_rows(kit, item.content)
        extra["materials"] = merged_materials([kit.items[a.tool] for a in item.content.agenda if a.tool])
    return env.get_template(f"{item.type.name}.html.j2").render(
        **_common(kit, paper, page_url, item.content.language), **extra,
        item=item, tool=item.content, document_class=item.type.name, canvas_rows=canvas_rows_for(item),
    )


def packet_html(env: jinja2.Environment, kit: Kit, packet: Packet, paper: Paper, page_url: str) -> str:
    words = ui_words(kit.settings.language)
    sections = [{"anchor": "agenda", "title": words["agenda"]},
                {"anchor": "notes", "title": words["facilitator_notes"]},
                *({"anchor": f"tool-{tool.id}", "title": tool.content.title} for tool in packet.tools)]
    return env.get_template("packet.html.j2").render(
        **_common(kit, paper, page_url, None),
        packet=packet, tool=packet, agenda=packet.rows, materials=packet.materials,
        sections=sections, document_class="packet",
    )
