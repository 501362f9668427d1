"""Clock times for a session's agenda, computed from its start time."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .kit import Kit, Item
    from .model import Session


@dataclass(frozen=True)
class AgendaRow:
    starts: str       # '09:30'
    ends: str
    minutes: int
    title: str
    tool: Item | None
    note: str | None


def clock(start: str, offset_minutes: int) -> str:
    """'09:30' plus 75 minutes -> '10:45'; wraps past midnight."""
    hours, minutes = (int(part) for part in start.split(":"))
    total = (hours * 60 + minutes + offset_minutes) % (24 * 60)
    return f"{total // 60:02d}:{total % 60:02d}"


def agenda_rows(kit: Kit, session: Session, start: str | None = None) -> list[AgendaRow]:
    start = start or session.start
    rows, elapsed = [], 0
    for entry in session.agenda:
        tool = kit.items.get(entry.tool) if entry.tool else None
        title = tool.content.title if tool else entry.title
        rows.append(AgendaRow(clock(start, elapsed), clock(start, elapsed + entry.minutes),
                              entry.minutes, title, tool, entry.note))
        elapsed += entry.minutes
    return rows
