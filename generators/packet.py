"""Meeting packets: a session's (or any list of tools') run-sheet, notes, worksheets and handouts as one document."""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import KitInvalid, Problem
from .kit import Item, Kit
from .model import Session
from .model.common import merged_handouts, merged_materials
from .schedule import AgendaRow, agenda_rows, clock, latest_start, past_midnight

COMMAND = "toolkit packet"


@dataclass(frozen=True)
class Packet:
    title: str
    purpose: str                      # one whole line; "" when the cover lists each tool's purpose instead
    rows: list[AgendaRow]             # every agenda item, a tool named twice included
    tools: list[Item]                 # each tool once, in agenda order: one worksheet each
    session: Session | None = None    # None for a packet built from a list of tools
    materials: list[str] = field(default_factory=list)
    handouts: list[Item] = field(default_factory=list)  # each once, in the order first named, after the worksheets

    @property
    def minutes(self) -> int:
        return sum(row.minutes for row in self.rows)


def _refused(message: str) -> KitInvalid:
    return KitInvalid([Problem(COMMAND, 0, 0, "", message)])


def _check_ends_by_midnight(start: str, minutes: int, otherwise: str) -> None:
    """Refuse an agenda that runs past midnight, before anything is rendered."""
    problem = past_midnight(start, minutes)
    if not problem:
        return
    latest = latest_start(minutes)
    if latest is None:
        raise _refused(f"the agenda {problem}; that is more than a whole day. Split the tools into "
                       "several meetings, one packet each.")
    raise _refused(f"the agenda {problem}. Start at {latest} or earlier (--start {latest}), or {otherwise}.")


def session_packet(kit: Kit, item: Item, start: str | None = None) -> Packet:
    session = item.content
    if start:
        _check_ends_by_midnight(start, session.minutes, f"leave out --start to use the session's own "
                                f"start time, {session.start}")
    tools = session.tools(kit)
    return Packet(session.title, session.purpose, agenda_rows(kit, session, start), tools, session,
                  merged_materials(tool.content for tool in tools),
                  [kit.items[handout_id] for handout_id in session.handout_ids(kit)])


def tools_packet(kit: Kit, tool_ids: list[str], start: str, title: str) -> Packet:
    """A packet for any list of tools, run one after the other from `start`.

    A tool named twice (an opening and a closing round) is two agenda rows and one worksheet."""
    agenda = [kit.items[tool_id] for tool_id in tool_ids]
    _check_ends_by_midnight(start, sum(tool.content.planned_minutes for tool in agenda),
                            "split the tools into two meetings, one packet each")
    rows, elapsed = [], 0
    for tool in agenda:
        minutes = tool.content.planned_minutes
        rows.append(AgendaRow(clock(start, elapsed), clock(start, elapsed + minutes), minutes,
                              tool.content.title, tool, tool.content.purpose))
        elapsed += minutes
    tools = list({tool.id: tool for tool in agenda}.values())
    # One tool: its purpose is the meeting's. Several: the cover lists each purpose whole.
    purpose = tools[0].content.purpose if len(tools) == 1 else ""
    handouts = merged_handouts(tool.content.handouts for tool in tools)
    return Packet(title, purpose, rows, tools, None, merged_materials(tool.content for tool in tools),
                  [kit.items[handout_id] for handout_id in handouts])


def packet_for_ids(kit: Kit, ids: list[str], start: str | None, title: str | None) -> Packet:
    """The packet `toolkit packet` makes: one session, or any number of tools."""
    unknown = [i for i in ids if i not in kit.items]
    if unknown:
        raise KitInvalid([Problem(COMMAND, 0, 0, "", f"there is no tool or session with the id '{i}'. "
                                  "Ids are file names without '.yml'; run 'toolkit validate' to list problems, "
                                  "or look in toolkit/ and facilitation/sessions/.") for i in unknown])
    # A handout is printed with the tools and sessions that name it, never run on an agenda.
    handouts = [i for i in ids if kit.items[i].type.is_handout]
    if handouts:
        raise _refused(f"'{handouts[0]}' is a handout, not a tool or a session plan. A packet prints the "
                       "handouts its tools and session name under 'handouts:'; give their ids instead.")
    # Only tools are run one after the other; a session plan is a whole meeting already.
    sessions = [i for i in ids if not kit.items[i].type.is_tool]
    if sessions and len(ids) > 1:
        raise _refused(f"'{sessions[0]}' is a session plan: give it on its own, or list tools only.")
    if sessions:
        return session_packet(kit, kit.items[sessions[0]], start)
    return tools_packet(kit, ids, start or "09:00", title or "Meeting packet")
