"""catalog.json: every tool and session in one machine-readable list (format: docs/about/catalog.md)."""

from __future__ import annotations

import json

from .kit import Item, Kit

CATALOG_VERSION = 1


def _in_vocabulary_order(kit: Kit, kind: str, ids: set[str]) -> list[str]:
    return [term.id for term in getattr(kit.vocabulary, kind) if term.id in ids]


def catalog_entry(kit: Kit, item: Item, page: str, pdfs: dict[str, str]) -> dict:
    content = item.content
    entry = {"id": item.id, "type": item.type.name, "title": content.title, "purpose": content.purpose}
    if item.is_session:
        tools = list(dict.fromkeys(a.tool for a in content.agenda if a.tool))
        used = [kit.items[t].content for t in tools]
        entry.update(
            phases=[content.phase],
            buckets=_in_vocabulary_order(kit, "buckets", {b for t in used for b in t.buckets}),
            sectors=_in_vocabulary_order(kit, "sectors", {s for t in used for s in t.sectors}),
            minutes={"min": content.minutes, "max": content.minutes},
            group_size={"min": content.group_size.min, "max": content.group_size.max},
        )
    else:
        entry.update(
            phases=list(content.phases), buckets=list(content.buckets), sectors=list(content.sectors),
            minutes={"min": content.minutes.min, "max": content.minutes.max},
            group_size={"min": content.group_size.min, "max": content.group_size.max},
        )
    entry.update(page=page, pdfs=pdfs)
    if item.is_session:
        entry["tools"] = tools
    return entry


def catalog_json(kit: Kit, entries: list[dict], kit_pdfs: dict[str, str] | None = None) -> str:
    """`kit_pdfs`: the PDFs of the whole kit (book, card decks) by variant, as paths in the site."""
    document = {
        "version": CATALOG_VERSION,
        "kit": {"name": kit.settings.name, "language": kit.settings.language, "pdfs": kit_pdfs or {}},
        "items": sorted(entries, key=lambda e: (e["type"], e["id"])),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
