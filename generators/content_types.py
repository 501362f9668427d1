"""The kinds of content the kit holds: where each lives and which model checks it.

This is the single list every other part reads (loader, pages, PDFs, catalog).
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from .model import Activity, Canvas, Checklist, Session


@dataclass(frozen=True)
class ContentType:
    name: str          # 'activity': used in the catalog and in template names
    plural: str        # 'activities': the site folder and index page
    folder: str        # where the YAML files live, relative to the kit root
    model: type[BaseModel]
    title: str         # heading of the index page


CONTENT_TYPES: tuple[ContentType, ...] = (
    ContentType("activity", "activities", "toolkit/activities", Activity, "Activities"),
    ContentType("canvas", "canvases", "toolkit/canvases", Canvas, "Canvases"),
    ContentType("checklist", "checklists", "toolkit/checklists", Checklist, "Checklists"),
    ContentType("session", "sessions", "facilitation/sessions", Session, "Session plans"),
)

BY_NAME = {t.name: t for t in CONTENT_TYPES}
