"""Markdown for the site: one page per tool or session, and an index page per content type."""

from __future__ import annotations

from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from .content_types import ContentType
from .kit import Item, Kit
from .locale import ui_words
from .packet import merged_materials
from .schedule import agenda_rows


@dataclass(frozen=True)
class Download:
    label: str
    path: str   # relative to the site root, e.g. 'pdf/stakeholder-map-letter.pdf'
    size: str


def page_path(item: Item) -> str:
    """Source path of an item's page, as MkDocs sees it."""
    return f"{item.type.plural}/{item.id}.md"


def index_path(ctype: ContentType) -> str:
    return f"{ctype.plural}/index.md"


def _link_from_item_page(target: Item) -> Markup:
    # Every item page sits one folder deep, so a sibling page is always ../<plural>/<id>.md
    return Markup(f"../{target.type.plural}/{target.id}.md")


def _context(kit: Kit) -> dict:
    vocab = kit.vocabulary
    return {
        "kit": kit,
        "t": ui_words(kit.settings.language),
        "label": lambda kind, term_id: vocab.label(kind, term_id),
        "link": _link_from_item_page,
        "raw": Markup,
    }


def render_item_page(env: jinja2.Environment, kit: Kit, item: Item, downloads: list[Download]) -> str:
    template = env.get_template(f"{item.type.name}.md.j2")
    context = _context(kit)
    extra = {}
    if item.is_session:
        extra["agenda"] = agenda_rows(kit, item.content)
        extra["materials"] = merged_materials([kit.items[a.tool] for a in item.content.agenda if a.tool])
    return template.render(
        **context, **extra, item=item, tool=item.content,
        downloads=[(d, Markup(f"../{d.path}")) for d in downloads],
    )


def render_index_page(env: jinja2.Environment, kit: Kit, ctype: ContentType) -> str:
    template = env.get_template("index.md.j2")
    return template.render(**_context(kit), ctype=ctype, items=kit.of_type(ctype.name),
                           page_link=lambda item: Markup(f"{item.id}.md"))
