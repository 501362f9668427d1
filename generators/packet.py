"""Meeting packets: a session's (or any list of tools') run-sheet, notes and worksheets as one document."""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import KitInvalid, Problem
from .kit import Item, Kit
from .model import Session
from .schedule import AgendaRow, agenda_rows, clock


@dataclass(frozen=True)
class Packet:
    title: str
    purpose: str
    rows: list[AgendaRow]
    tools: list[Item]                 # each tool once, in agenda order
    session: Session | None = None    # None for a packet built from a list of tools
    materials: list[str] = field(default_factory=list)

    @property
    def minutes(self) -> int:
        return sum(row.minutes for row in self.rows)


def merged_materials(tools: list[Item]) -> list[str]:
    """Every tool's materials, each named once (ignoring case), in agenda order."""
    seen, merged = set(), []
    for tool in tools:
        for material in getattr(tool.content, "materials", []):
            if material.lower() not in seen:
                seen.add(material.lower())
                merged.append(material)
    return merged


def session_packet(kit: Kit, item: Item, start: str | None = None) -> Packet:
    session = item.content
    tool_ids = list(dict.fromkeys(entry.tool for entry in session.agenda if entry.tool))
    tools = [kit.items[tool_id] for tool_id in tool_ids]
    return Packet(session.title, session.purpose, agenda_rows(kit, session, start), tools, session,
                  merged_materials(tools))


def planned_minutes(tool: Item) -> int:
    """How long a tool takes as designed: the sum of its steps."""
    return sum(step.minutes for step in tool.content.steps)


def tools_packet(kit: Kit, tool_ids: list[str], start: str, title: str) -> Packet:
    """A packet for any list of tools, run one after the other from `start`."""
    tools = [kit.items[tool_id] for tool_id in dict.fromkeys(tool_ids)]
    rows, elapsed = [], 0
    for tool in tools:
        minutes = planned_minutes(tool)
        rows.append(AgendaRow(clock(start, elapsed), clock(start, elapsed + minutes), minutes,
                              tool.content.title, tool, tool.content.purpose))
        elapsed += minutes
    purpose = "; ".join(tool.content.purpose for tool in tools)
    return Packet(title, purpose[:200], rows, tools, None, merged_materials(tools))


def packet_for_ids(kit: Kit, ids: list[str], start: str | None, title: str | None) -> Packet:
    """The packet `toolkit packet` makes: one session, or any number of tools."""
    unknown = [i for i in ids if i not in kit.items]
    if unknown:
        raise KitInvalid([Problem("toolkit packet", 0, 0, "", f"there is no tool or session with the id '{i}'. "
                                  "Ids are file names without '.yml'; run 'toolkit validate' to list problems, "
                                  "or look in toolkit/ and facilitation/sessions/.") for i in unknown])
    sessions = [i for i in ids if kit.items[i].is_session]
    if sessions and len(ids) > 1:
        raise KitInvalid([Problem("toolkit packet", 0, 0, "", f"'{sessions[0]}' is a session plan: give it on "
                                  "its own, or list tools only.")])
    if sessions:
        return session_packet(kit, kit.items[sessions[0]], start)
    return tools_packet(kit, ids, start or "09:00", title or "Meeting packet")
