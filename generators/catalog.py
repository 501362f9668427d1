"""catalog.json: every tool and session in one machine-readable list (format: docs/about/catalog.md)."""

from __future__ import annotations

import json

from .kit import Item, Kit

CATALOG_VERSION = 1


def catalog_entry(kit: Kit, item: Item, page: str, pdfs: dict[str, str]) -> dict:
    content = item.content
    summary = content.summary(kit)  # each type sums itself up: a session from the tools it uses
    entry = {"id": item.id, "type": item.type.name, "title": content.title, "purpose": content.purpose,
             "phases": summary.phases, "buckets": summary.buckets, "sectors": summary.sectors,
             "minutes": summary.minutes.model_dump(), "group_size": summary.group_size.model_dump(),
             "page": page, "pdfs": pdfs}
    if summary.tools is not None:  # only what is built from tools lists them, even when it lists none
        entry["tools"] = summary.tools
    return entry


def catalog_json(kit: Kit, entries: list[dict], kit_pdfs: dict[str, str] | None = None) -> str:
    """`kit_pdfs`: the PDFs of the whole kit (book, card decks) by variant, as paths in the site."""
    document = {
        "version": CATALOG_VERSION,
        "kit": {"name": kit.settings.name, "language": kit.settings.language, "pdfs": kit_pdfs or {}},
        "items": sorted(entries, key=lambda e: (e["type"], e["id"])),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
