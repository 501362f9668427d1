"""Checks across files: vocabulary terms, related tools and session agendas."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from .errors import Problem

if TYPE_CHECKING:
    from .kit_data import Item, Kit


def check_references(kit: Kit, invalid_ids: set[str]) -> list[Problem]:
    """Problems in references between files. Ids in `invalid_ids` exist but failed their own checks."""
    problems: list[Problem] = []
    vocab = kit.vocabulary
    terms = {name: [t.id for t in getattr(vocab, name)] for name in ("phases", "buckets", "sectors", "difficulty")}
    for item in kit.items.values():
        content = item.content
        if item.is_session:
            _check_term(item, ("phase",), content.phase, "phase", terms["phases"], problems)
            _check_agenda(kit, item, invalid_ids, problems)
            continue
        for field, vocab_name, singular in (("phases", "phases", "phase"), ("buckets", "buckets", "bucket"),
                                            ("sectors", "sectors", "sector")):
            for index, value in enumerate(getattr(content, field)):
                _check_term(item, (field, index), value, singular, terms[vocab_name], problems)
        _check_term(item, ("difficulty",), content.difficulty, "difficulty level", terms["difficulty"], problems)
        for index, other in enumerate(content.related):
            if other == item.id:
                problems.append(item.source.problem(("related", index), "a tool cannot be related to itself. Remove this line."))
            elif other in kit.items and kit.items[other].is_session:
                problems.append(item.source.problem(("related", index), f"'{other}' is a session plan; "
                                                    "'related' lists tools only. Remove this line."))
            elif other not in invalid_ids and other not in kit.items:
                problems.append(item.source.problem(("related", index), _unknown_tool(other, kit)))
    return problems


def _check_term(item: Item, loc: tuple, value: str, singular: str, allowed: list[str], problems: list[Problem]):
    if value in allowed:
        return
    close = difflib.get_close_matches(value, allowed, n=1, cutoff=0.6)
    suggestion = f" Did you mean '{close[0]}'?" if close else ""
    problems.append(item.source.problem(
        loc, f"'{value}' is not a {singular} in toolkit/vocabulary.yml.{suggestion} Use one of: {', '.join(allowed)}."))


def _unknown_tool(tool_id: str, kit: Kit) -> str:
    tool_ids = sorted(i for i, item in kit.items.items() if not item.is_session)
    close = difflib.get_close_matches(tool_id, tool_ids, n=1, cutoff=0.6)
    suggestion = f" Did you mean '{close[0]}'?" if close else ""
    return (f"there is no tool with the id '{tool_id}'.{suggestion} "
            "A tool's id is its file name without '.yml'.")


def _check_agenda(kit: Kit, item: Item, invalid_ids: set[str], problems: list[Problem]):
    for index, entry in enumerate(item.content.agenda):
        if entry.tool is None or entry.tool in invalid_ids:
            continue
        loc = ("agenda", index, "tool")
        tool = kit.items.get(entry.tool)
        if tool is None or tool.is_session:
            problems.append(item.source.problem(loc, _unknown_tool(entry.tool, kit)))
            continue
        span = tool.content.minutes
        if not span.min <= entry.minutes <= span.max:
            problems.append(item.source.problem(
                ("agenda", index, "minutes"),
                f"{entry.minutes} minutes is outside the {span.min}-{span.max} minutes that '{entry.tool}' takes. "
                f"Give it between {span.min} and {span.max} minutes, or change the rest of the agenda."))
