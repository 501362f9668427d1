"""The whole kit as one book: a cover, contents with page numbers, then a part per phase.

Each part opens with the phase and holds its session plans and the tools that start in
it (a tool listed under several phases is printed once, in its first). Every item is
printed exactly as its own worksheet. PDF bookmarks follow the same outline.
"""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from ..kit import Item, Kit
from ..model.vocabulary import Term
from ..packet import merged_materials
from ..paper import Paper
from ..schedule import agenda_rows
from .documents import print_context

# Within a phase: meetings first, then single tools, in the site's order.
TOOL_TYPE_ORDER = ("activity", "canvas", "checklist")


@dataclass(frozen=True)
class Part:
    phase: Term
    sessions: list[Item]
    tools: list[Item]

    @property
    def items(self) -> list[Item]:
        return [*self.sessions, *self.tools]


def parts(kit: Kit) -> list[Part]:
    """One part per phase that has anything in it, in the vocabulary's order."""
    result = []
    for phase in kit.vocabulary.phases:
        sessions = [s for s in kit.of_type("session") if s.content.phase == phase.id]
        tools = [tool for type_name in TOOL_TYPE_ORDER for tool in kit.of_type(type_name)
                 if tool.content.phases[0] == phase.id]
        if sessions or tools:
            result.append(Part(phase, sessions, tools))
    return result


def book_html(env: jinja2.Environment, kit: Kit, paper: Paper) -> str:
    def materials_for(session: Item) -> list[str]:
        return merged_materials([kit.items[entry.tool] for entry in session.content.agenda if entry.tool])

    return env.get_template("book.html.j2").render(
        **print_context(kit, "", None), paper=paper, parts=parts(kit), document_class="book",
        agenda_for=lambda session: agenda_rows(kit, session.content), materials_for=materials_for,
    )
