"""Print HTML for a tool, a session or a meeting packet, one per paper size.

Every print document gets the same context from `print_context`: the kit's words,
branding, footer and the date its content last changed. Posters, cards and the book build on it in their
own modules.
"""

from __future__ import annotations

from collections.abc import Iterable

import jinja2

from ..kit import Item, Kit
from ..locale import text_direction, ui_words
from ..packet import Packet
from ..paper import Paper
from ..plain_words import sheet_glossary
from .branding import brand
from .canvas_grid import placed_blocks
from .fields import FieldNames
from .joining import page_link


def short_link(kit: Kit, page_url: str) -> str:
    """The tool's page online without 'https://', for the PDF footer; empty if no site URL is set."""
    if not kit.settings.site_url:
        return ""
    base = kit.settings.site_url.split("://", 1)[1].rstrip("/")
    return f"{base}/{page_url}"


def print_context(kit: Kit, page_url: str, language: str | None, *, dated_by: Iterable[Item] = (),
                  fillable: bool = False, unnumbered: bool = False) -> dict:
    """What every print template may use, whatever it prints.

    `dated_by`: the items the document shows; it is dated the day the newest of them last
    changed in git (no date if none is committed), never the day of the build.
    `unnumbered`: the document leaves out its "page X of Y", which is laid over it afterwards
    (numbering.py): a worksheet is rendered once without it, and is both its own PDF, numbered,
    and a piece of the book, which numbers its pages once they are joined.
    """
    words = ui_words(kit.settings.language)
    # "Page {page} of {pages}" is split so the footer can put the counters between the words.
    before, rest = words["page_x_of_y"].split("{page}", 1)
    middle = rest.split("{pages}", 1)[0]
    settings = kit.settings
    return dict(
        kit=kit, t=words, label=kit.vocabulary.label, language=language or settings.language,
        direction=text_direction(language or settings.language),
        page_before=before, page_middle=middle, short_link=short_link(kit, page_url),
        footer_credit=words["footer_credit"].format(organization=settings.organization,
                                                    licence=settings.content_licence.name),
        brand=brand(kit), created=kit.changed_on(dated_by), fillable=fillable,
        placed_blocks=placed_blocks, field_names=FieldNames(), unnumbered=unnumbered,
        words_on_sheet=lambda tool, index=0: sheet_glossary(tool, kit.vocabulary.glossary, index),
    )


def print_html(env: jinja2.Environment, kit: Kit, item: Item, paper: Paper, page_url: str,
               *, fillable: bool = False, unnumbered: bool = False) -> str:
    return env.get_template(f"{item.type.name}.html.j2").render(
        **print_context(kit, page_url, item.content.language, dated_by=[item], fillable=fillable,
                        unnumbered=unnumbered), **item.content.page_context(kit),
        paper=paper, item=item, tool=item.content, document_class=item.type.name,
    )


def _packet_items(kit: Kit, packet: Packet) -> list[Item]:
    """The tools and handouts in a packet, and its session plan if it has one: what its date follows."""
    session = [item for item in kit.items.values() if packet.session is not None and item.content is packet.session]
    return [*packet.tools, *packet.handouts, *session]


def packet_html(env: jinja2.Environment, kit: Kit, packet: Packet, paper: Paper, page_url: str,
                piece_starts: list[int]) -> str:
    """A packet's own pages: its cover with contents, agenda and notes. `piece_starts`: the page
    (from 0) where each worksheet and handout that follows begins in the joined packet (packets.py)."""
    words = ui_words(kit.settings.language)
    pieces = [*packet.tools, *packet.handouts]
    sections = [{"anchor": "agenda", "title": words["agenda"], "number": None},
                {"anchor": "notes", "title": words["facilitator_notes"], "number": None},
                *({"title": item.content.title, "link": page_link(start), "number": start + 1}
                  for item, start in zip(pieces, piece_starts, strict=True))]
    return env.get_template("packet.html.j2").render(
        **print_context(kit, page_url, None, dated_by=_packet_items(kit, packet), unnumbered=True),
        paper=paper, packet=packet, tool=packet, agenda=packet.rows, materials=packet.materials,
        sections=sections, document_class="packet",
    )
