"""Checks across files: vocabulary terms, related tools, session agendas and handouts.

Which references a file makes is up to its model (`check_references` on ToolBase and
Session): it hands each one to a ReferenceCheck. The rules and the messages are here.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import Problem
from .locale import ui_words

if TYPE_CHECKING:
    from .kit_data import Item, Kit

# Each vocabulary a file may name, and what one of its terms is called in a message.
TERM_NAMES = {"phases": "phase", "buckets": "bucket", "sectors": "sector", "difficulty": "difficulty level",
              "audiences": "audience"}


def check_references(kit: Kit, invalid_ids: set[str]) -> list[Problem]:
    """Problems in references between files. Ids in `invalid_ids` exist but failed their own checks."""
    problems: list[Problem] = []
    terms = {name: [t.id for t in getattr(kit.vocabulary, name)] for name in TERM_NAMES}
    for item in kit.items.values():
        item.content.check_references(ReferenceCheck(kit, item, invalid_ids, terms, problems))
    return problems


@dataclass(frozen=True)
class ReferenceCheck:
    """Checks the references of one item as its model names them; each problem found is added to `problems`."""

    kit: Kit
    item: Item
    invalid_ids: set[str]
    terms: dict[str, list[str]]  # every vocabulary's ids
    problems: list[Problem]

    def term(self, loc: tuple, value: str, vocabulary: str) -> None:
        allowed = self.terms[vocabulary]
        if value in allowed:
            return
        close = difflib.get_close_matches(value, allowed, n=1, cutoff=0.6)
        suggestion = f" Did you mean '{close[0]}'?" if close else ""
        name = TERM_NAMES[vocabulary]
        article = "an" if name[0] in "aeiou" else "a"
        self._add(loc, f"'{value}' is not {article} {name} in toolkit/vocabulary.yml.{suggestion} "
                  f"Use one of: {', '.join(allowed)}.")

    def related_tool(self, loc: tuple, other: str) -> None:
        """A tool named under `related`: another tool of the kit."""
        items = self.kit.items
        if other == self.item.id:
            self._add(loc, "a tool cannot be related to itself. Remove this line.")
        elif other in items and not items[other].type.is_tool:
            self._add(loc, f"'{other}' is {_kind_of(items[other])}; 'related' lists tools only. Remove this line.")
        elif other not in self.invalid_ids and other not in items:
            self._add(loc, _unknown_tool(other, self.kit))

    def handout(self, loc: tuple, handout_id: str) -> None:
        """A handout named under `handouts`: a handout of the kit. So removing a handout's file
        names every tool and session that still asks for it."""
        found = self.kit.items.get(handout_id)
        if found is not None and not found.type.is_handout:
            self._add(loc, f"'{handout_id}' is {_kind_of(found)}; 'handouts' lists handouts only. "
                      "Remove this line, or name a handout from toolkit/handouts/.")
        elif found is None and handout_id not in self.invalid_ids:
            handout_ids = sorted(item.id for item in self.kit.items.values() if item.type.is_handout)
            close = difflib.get_close_matches(handout_id, handout_ids, n=1, cutoff=0.6)
            suggestion = f" Did you mean '{close[0]}'?" if close else ""
            self._add(loc, f"there is no handout with the id '{handout_id}'.{suggestion} "
                      "A handout's id is its file name in toolkit/handouts/ without '.yml'.")

    def agenda_tool(self, index: int, tool_id: str, minutes: int, version: str = "full") -> None:
        """The tool of agenda item `index`: a tool of the kit, given at least the minutes its steps add up to
        in the version the agenda names (so a facilitator who follows the steps ends on time), and no more
        than that version's longest time."""
        if tool_id in self.invalid_ids:
            return
        tool = self.kit.items.get(tool_id)
        if tool is not None and tool.type.is_handout:
            self._add(("agenda", index, "tool"), f"'{tool_id}' is a handout, not a tool: it is read, not run. "
                      "List it under the session's 'handouts:' instead, and give this item a tool or a title.")
            return
        if tool is None or not tool.type.is_tool:
            self._add(("agenda", index, "tool"), _unknown_tool(tool_id, self.kit))
            return
        short = tool.content.short
        if version == "short" and short is None:
            self._add(("agenda", index, "version"), f"'{tool_id}' has no short version. Remove 'version: short' "
                      f"to run it in full ({tool.content.planned_minutes} minutes), or add a 'short:' block to "
                      f"{tool.source.path.name}.")
            return
        needed = sum(step.minutes for step in tool.content.version_steps(version))
        longest = (short.minutes if version == "short" else tool.content.minutes).max
        if needed <= minutes <= longest:
            return  # time to spare for talk is the facilitator's to give, up to the tool's longest
        other = ""
        if version == "full" and short is not None:
            other = f", or run its short version ('version: short', {short.planned_minutes} minutes)"
        elif version == "short":
            other = f", or run it in full (remove 'version: short', {tool.content.planned_minutes} minutes)"
        if minutes > longest:
            self._add(("agenda", index, "minutes"),
                      f"this item gives '{tool_id}' {minutes} minutes, more than its {version} version's longest "
                      f"time ({longest} minutes). Give it {needed} to {longest} minutes and use the rest for "
                      "another item or a break.")
            return
        self._add(("agenda", index, "minutes"),
                  f"this item gives '{tool_id}' {minutes} minutes, but the steps of its {version} version add up "
                  f"to {needed} minutes. Give it at least {needed} minutes{other}, and change the rest of the "
                  "agenda to fit.")

    def next_session(self, loc: tuple, session_id: str) -> None:
        """The session named as the next meeting of a series: another session plan of the kit."""
        found = self.kit.items.get(session_id)
        if session_id == self.item.id:
            self._add(loc, "a session cannot be its own next meeting. Name the session that follows it, "
                      "or remove 'next_session'.")
        elif found is not None and found.type.name != "session":
            self._add(loc, f"'{session_id}' is {_kind_of(found)}; 'next_session' names a session plan. "
                      "Use the id of a file in facilitation/sessions/.")
        elif found is None and session_id not in self.invalid_ids:
            session_ids = sorted(item.id for item in self.kit.items.values() if item.type.name == "session")
            close = difflib.get_close_matches(session_id, session_ids, n=1, cutoff=0.6)
            suggestion = f" Did you mean '{close[0]}'?" if close else ""
            self._add(loc, f"there is no session plan with the id '{session_id}'.{suggestion} "
                      "A session's id is its file name in facilitation/sessions/ without '.yml'.")

    def problem(self, loc: tuple, message: str) -> None:
        """A problem a model finds in itself that needs the whole file read first, such as a short
        version that is not shorter than the full one."""
        self._add(loc, message if message.endswith(".") else message + ".")

    def _add(self, loc: tuple, message: str) -> None:
        self.problems.append(self.item.source.problem(loc, message))


def _kind_of(item: Item) -> str:
    """'a session plan', 'an activity': what an item is, in the words of messages (English, like them all)."""
    word = item.type.label(ui_words("en")).lower()
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


def _unknown_tool(tool_id: str, kit: Kit) -> str:
    tool_ids = sorted(item.id for item in kit.tools)
    close = difflib.get_close_matches(tool_id, tool_ids, n=1, cutoff=0.6)
    suggestion = f" Did you mean '{close[0]}'?" if close else ""
    return (f"there is no tool with the id '{tool_id}'.{suggestion} "
            "A tool's id is its file name without '.yml'.")
