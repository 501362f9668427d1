"""catalog.json: every tool, session and handout in one machine-readable list (format: docs/about/catalog.md)."""

from __future__ import annotations

import json

from .kit import Item, Kit
from .model.common import Range, Task

CATALOG_VERSION = 1


def catalog_entry(kit: Kit, item: Item, page: str, pdfs: dict[str, str], *, previews: list[dict] | None = None) -> dict:
    """`previews`: its participant sheets' first pages as pictures (pdf/previews.py), if it has any."""
    content = item.content
    summary = content.summary(kit)  # each type sums itself up: a session from the tools it uses
    entry = {"id": item.id, "type": item.type.name, "title": content.title, "purpose": content.purpose,
             "phases": summary.phases, "buckets": summary.buckets, "sectors": summary.sectors,
             # null for a handout: it takes no meeting time and suits a group of any size
             "minutes": _range(summary.minutes), "group_size": _range(summary.group_size),
             "page": page, "pdfs": pdfs}
    if summary.tools is not None:  # only what is built from tools lists them, even when it lists none
        entry["tools"] = summary.tools
    entry.update(_planning(item))
    if previews:  # a session plan has no participant sheet, and a site without PDFs no pictures
        entry["previews"] = previews
    return entry


def _planning(item: Item) -> dict:
    """What the meeting planner needs to put the item on an agenda: a tool's versions, materials,
    preparation and handouts; a session's whole agenda, so it can be copied and changed."""
    content = item.content
    if item.type.is_tool:
        short = content.short
        return {"steps_minutes": content.planned_minutes,
                "short": None if short is None else {"minutes": _range(short.minutes),
                                                     "steps_minutes": short.planned_minutes},
                "materials": list(content.what_to_bring),
                "preparation": [_task(entry) for entry in getattr(content, "preparation", [])],
                "handouts": list(content.handouts)}
    if item.type.name == "session":
        return {"start": content.start, "meets": content.meets, "invite": list(content.invite),
                "roles": [role.model_dump() for role in content.roles],
                "agenda": [entry.model_dump(exclude_none=True) for entry in content.agenda],
                "preparation": [_task(task) for task in content.preparation],
                "handouts": list(content.handouts)}
    return {}


def _task(entry: Task | str) -> dict:
    """A preparation task; one written as plain text has no lead time (null)."""
    if isinstance(entry, Task):
        return {"task": entry.task, "when": entry.when, "days": entry.days}
    return {"task": entry, "when": None, "days": None}


def _range(span: Range | None) -> dict | None:
    return span.model_dump() if span is not None else None


def catalog_json(kit: Kit, entries: list[dict], kit_pdfs: dict[str, str] | None = None) -> str:
    """`kit_pdfs`: the PDFs of the whole kit (book, card decks) by variant, as paths in the site."""
    document = {
        "version": CATALOG_VERSION,
        "kit": {"name": kit.settings.name, "language": kit.settings.language, "paper": kit.settings.paper,
                "phases": [{"id": term.id, "label": term.label} for term in kit.vocabulary.phases],
                "pdfs": kit_pdfs or {}},
        "items": sorted(entries, key=lambda e: (e["type"], e["id"])),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
