"""Print HTML for a tool, a session or a meeting packet, one per paper size.

Every print document gets the same context from `print_context`: the kit's words,
branding, footer and fixed date. Posters, cards and the book build on it in their
own modules.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

import jinja2

from ..kit import Item, Kit
from ..locale import ui_words
from ..packet import Packet, merged_materials
from ..paper import Paper
from ..schedule import agenda_rows
from .branding import brand
from .canvas_grid import placed_blocks
from .fields import FieldNames


def short_link(kit: Kit, page_url: str) -> str:
    """The tool's page online without 'https://', for the PDF footer; empty if no site URL is set."""
    if not kit.settings.site_url:
        return ""
    base = kit.settings.site_url.split("://", 1)[1].rstrip("/")
    return f"{base}/{page_url}"


def source_date() -> str | None:
    """The date stamped into every PDF: the day of SOURCE_DATE_EPOCH, or none when it is unset.

    A date taken from the clock would make every build's PDFs differ; reproducible builds
    (https://reproducible-builds.org/specs/source-date-epoch/) set this variable, and
    `toolkit build` sets it to the last commit's time. Only the day is kept, so the PDF
    cache still serves every build of one day's commits.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    return datetime.fromtimestamp(int(epoch), tz=UTC).strftime("%Y-%m-%d")


def print_context(kit: Kit, page_url: str, language: str | None, *, fillable: bool = False,
                  numbered_by_book: bool = False) -> dict:
    """What every print template may use, whatever it prints.

    `numbered_by_book`: a piece of the book leaves out the page number, which only the
    joined book knows (it is laid over every page afterwards).
    """
    words = ui_words(kit.settings.language)
    # "Page {page} of {pages}" is split so the footer can put the counters between the words.
    before, rest = words["page_x_of_y"].split("{page}", 1)
    middle = rest.split("{pages}", 1)[0]
    settings = kit.settings
    return dict(
        kit=kit, t=words, label=kit.vocabulary.label, language=language or settings.language,
        page_before=before, page_middle=middle, short_link=short_link(kit, page_url),
        footer_credit=words["footer_credit"].format(organization=settings.organization,
                                                    licence=settings.content_licence.name),
        brand=brand(kit), created=source_date(), fillable=fillable,
        placed_blocks=placed_blocks, field_names=FieldNames(), numbered_by_book=numbered_by_book,
    )


def print_html(env: jinja2.Environment, kit: Kit, item: Item, paper: Paper, page_url: str,
               *, fillable: bool = False, numbered_by_book: bool = False) -> str:
    extra = {"materials": []}
    if item.is_session:
        extra["agenda"] = agenda_rows(kit, item.content)
        extra["materials"] = merged_materials([kit.items[a.tool] for a in item.content.agenda if a.tool])
    return env.get_template(f"{item.type.name}.html.j2").render(
        **print_context(kit, page_url, item.content.language, fillable=fillable,
                        numbered_by_book=numbered_by_book), **extra,
        paper=paper, item=item, tool=item.content, document_class=item.type.name,
    )


def packet_html(env: jinja2.Environment, kit: Kit, packet: Packet, paper: Paper, page_url: str) -> str:
    words = ui_words(kit.settings.language)
    sections = [{"anchor": "agenda", "title": words["agenda"]},
                {"anchor": "notes", "title": words["facilitator_notes"]},
                *({"anchor": f"tool-{tool.id}", "title": tool.content.title} for tool in packet.tools)]
    return env.get_template("packet.html.j2").render(
        **print_context(kit, page_url, None),
        paper=paper, packet=packet, tool=packet, agenda=packet.rows, materials=packet.materials,
        sections=sections, document_class="packet",
    )
