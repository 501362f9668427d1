"""Clock times for a session's agenda, computed from its start time."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .kit_data import Item, Kit
    from .model import Session

MINUTES_IN_A_DAY = 24 * 60


@dataclass(frozen=True)
class AgendaRow:
    starts: str       # '09:30'
    ends: str
    minutes: int
    title: str
    tool: Item | None
    note: str | None
    version: str = "full"  # for a tool: which of its versions the meeting runs, 'full' or 'short'


def _minutes_since_midnight(time: str) -> int:
    hours, minutes = (int(part) for part in time.split(":"))
    return hours * 60 + minutes


def _as_clock(total: int) -> str:
    # Ending exactly at midnight prints as 00:00, the way a printed agenda would say it.
    total %= MINUTES_IN_A_DAY
    return f"{total // 60:02d}:{total % 60:02d}"


def past_midnight(start: str, minutes: int) -> str | None:
    """What is wrong with an agenda from `start` lasting `minutes`, or None if it ends by midnight.

    Printed times wrap after 23:59, so an agenda that runs past midnight would show its
    late rows at times earlier than its first one; callers refuse it and say what to do."""
    end = _minutes_since_midnight(start) + minutes
    if end <= MINUTES_IN_A_DAY:
        return None
    days = end // MINUTES_IN_A_DAY
    when = "the next day" if days == 1 else f"{days} days later"
    return f"starts at {start} and takes {minutes} minutes, so it would end at {_as_clock(end)} {when}, after midnight"


def latest_start(minutes: int) -> str | None:
    """The latest start time at which `minutes` still end by midnight; None if longer than a day."""
    return _as_clock(MINUTES_IN_A_DAY - minutes) if minutes <= MINUTES_IN_A_DAY else None


def clock(start: str, offset_minutes: int) -> str:
    """'09:30' plus 75 minutes -> '10:45'. Callers check `past_midnight` first; a time past
    midnight is an error here rather than a wrong time on a printed agenda."""
    total = _minutes_since_midnight(start) + offset_minutes
    if total > MINUTES_IN_A_DAY:
        raise ValueError(f"{start} plus {offset_minutes} minutes is past midnight")
    return _as_clock(total)


def agenda_rows(kit: Kit, session: Session, start: str | None = None) -> list[AgendaRow]:
    start = start or session.start
    rows, elapsed = [], 0
    for entry in session.agenda:
        tool = kit.items.get(entry.tool) if entry.tool else None
        title = tool.content.title if tool else entry.title
        rows.append(AgendaRow(clock(start, elapsed), clock(start, elapsed + entry.minutes),
                              entry.minutes, title, tool, entry.note, entry.version))
        elapsed += entry.minutes
    return rows
