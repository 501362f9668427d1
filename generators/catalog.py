"""catalog.json: every tool, session and handout in one machine-readable list (format: docs/about/catalog.md)."""

from __future__ import annotations

import json

from .kit import Item, Kit
from .model.common import Range

CATALOG_VERSION = 1


def catalog_entry(kit: Kit, item: Item, page: str, pdfs: dict[str, str]) -> dict:
    content = item.content
    summary = content.summary(kit)  # each type sums itself up: a session from the tools it uses
    entry = {"id": item.id, "type": item.type.name, "title": content.title, "purpose": content.purpose,
             "phases": summary.phases, "buckets": summary.buckets, "sectors": summary.sectors,
             # null for a handout: it takes no meeting time and suits a group of any size
             "minutes": _range(summary.minutes), "group_size": _range(summary.group_size),
             "page": page, "pdfs": pdfs}
    if summary.tools is not None:  # only what is built from tools lists them, even when it lists none
        entry["tools"] = summary.tools
    return entry


def _range(span: Range | None) -> dict | None:
    return span.model_dump() if span is not None else None


def catalog_json(kit: Kit, entries: list[dict], kit_pdfs: dict[str, str] | None = None) -> str:
    """`kit_pdfs`: the PDFs of the whole kit (book, card decks) by variant, as paths in the site."""
    document = {
        "version": CATALOG_VERSION,
        "kit": {"name": kit.settings.name, "language": kit.settings.language, "pdfs": kit_pdfs or {}},
        "items": sorted(entries, key=lambda e: (e["type"], e["id"])),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
