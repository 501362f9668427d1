"""The kinds of content the kit holds: where each lives, which model checks it, which PDFs it gets.

This is the single list every other part reads (loader, pages, PDFs, catalog). A kind of
content is three things: its model (generators/model/), its templates (site and print, named
after it) and one entry here. What differs between kinds lives with the model (ToolBase and
Session answer the same questions, each in its own way) or in the entry, so no other module
asks which kind an item is. The recipe is in CONTRIBUTING.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Activity, Canvas, Checklist, Content, Handout, Session
from .model.common import ToolBase


@dataclass(frozen=True)
class ContentType:
    name: str          # 'activity': used in the catalog and in template names
    plural: str        # 'activities': the site folder and index page
    folder: str        # where the YAML files live, relative to the kit root
    model: type[Content]
    title: str         # heading of the index page
    # The PDFs each item gets besides its page in US Letter and A4 (pdf/worksheets.py):
    fillable: bool = True   # a copy with form fields, in the kit's paper
    posters: bool = False   # wall posters in four sizes: the model lays out blocks on a grid, as Canvas does
    packets: bool = False   # a meeting packet in each paper: the model has an agenda, as Session has

    @property
    def is_tool(self) -> bool:
        """Whether its items are tools: run on their own, and named by a session's agenda or a
        tool's `related`. The model decides, so the two can never disagree."""
        return issubclass(self.model, ToolBase)

    @property
    def is_handout(self) -> bool:
        """Whether its items are handouts, which tools and sessions name under `handouts:`."""
        return issubclass(self.model, Handout)

    def heading(self, words: dict[str, str]) -> str:
        """The type's index page heading and navigation section ('Session plans'): types_<name> in
        the kit language's words, else `title`."""
        return words.get(f"types_{self.name}") or self.title

    def label(self, words: dict[str, str]) -> str:
        """One item's type as readers see it ('Session plan'): the word in the kit language's
        file (type_<name> in generators/locales/), else the name itself."""
        return words.get(f"type_{self.name}") or self.name.replace("-", " ").capitalize()


BY_NAME: dict[str, ContentType] = {ctype.name: ctype for ctype in (
    ContentType("activity", "activities", "toolkit/activities", Activity, "Activities"),
    ContentType("canvas", "canvases", "toolkit/canvases", Canvas, "Canvases", posters=True),
    ContentType("checklist", "checklists", "toolkit/checklists", Checklist, "Checklists"),
    ContentType("session", "sessions", "facilitation/sessions", Session, "Session plans",
                fillable=False, packets=True),
    # Nothing to fill in, so no fillable copy: a handout is read, and kept.
    ContentType("handout", "handouts", "toolkit/handouts", Handout, "Handouts", fillable=False),
)}

# Every type, in the order above (the field reference and the schemas follow it). A live view
# of BY_NAME rather than a copy, so a type added there (as tests/build/test_fifth_content_type.py
# does) is seen by every module that imported CONTENT_TYPES.
CONTENT_TYPES = BY_NAME.values()


def in_site_order() -> list[ContentType]:
    """Session plans first, then the tools, then what is neither (handouts), each group in the order
    above: facilitators plan meetings, then pick single tools, then print what the room needs."""
    return sorted(CONTENT_TYPES, key=lambda ctype: 0 if ctype.packets else 1 if ctype.is_tool else 2)
