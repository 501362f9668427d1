"""A session plan: a whole meeting built from tools and free agenda items."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from ..schedule import agenda_rows, latest_start, past_midnight
from .common import (
    Line,
    Minutes,
    Range,
    Slug,
    Strict,
    Summary,
    Task,
    Text,
    merged_handouts,
    merged_materials,
)

if TYPE_CHECKING:
    from ..kit_data import Item, Kit
    from ..references import ReferenceCheck

ClockTime = str  # validated by pattern below; kept as text so '09:30' is never read as a number


class Role(Strict):
    """A person's job during the session."""

    role: Line = Field(description="The role, e.g. 'Facilitator' or 'Community co-facilitator'.")
    does: Text = Field(description="What this person does before, during and after the session.")


class AgendaItem(Strict):
    """One item on the agenda: a tool from the kit, or a free item such as a welcome or a break."""

    tool: Slug | None = Field(None, description="Id of a tool from the kit. Leave out for a free item.")
    title: Line | None = Field(None, description="Title of a free item (welcome, break, close). "
                               "Leave out when the item is a tool.")
    minutes: Minutes = Field(description="How long the item takes, in minutes. For a tool, at least what the "
                             "steps of the version it uses add up to, and at most that version's longest time.")
    version: Literal["full", "short"] = Field("full", description="For a tool: run it in 'full' or its "
                                              "'short' version (if the tool has one).")
    note: Text | None = Field(None, description="What to say or watch for during this item.")

    @model_validator(mode="after")
    def _tool_or_title(self):
        if (self.tool is None) == (self.title is None):
            raise ValueError("give either 'tool:' (a tool's id) or 'title:' (a free item), not both or neither")
        if self.title is not None and self.version != "full":
            raise ValueError("'version' is for tools: a free item has no short version. Remove 'version'")
        return self


class Session(Strict):
    """A session plan for one meeting."""

    language: Slug | None = Field(None, description="Language of this file's text, e.g. 'en'. "
                                  "Leave it out to use the kit's language.")
    title: Line = Field(description="The session's name.")
    phase: Slug = Field(description="The phase this session belongs to (an id from the vocabulary).")
    purpose: Line = Field(description="One line on what the meeting is for.")
    invite: list[Text] = Field(min_length=1, description="Who to invite.")
    group_size: Range = Field(description="How many participants it is designed for.")
    start: str = Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$",
                       description="Usual start time, 24-hour clock in quotes, e.g. '09:30'.")
    minutes: Minutes = Field(description="Total length of the session, in minutes.")
    roles: list[Role] = Field(min_length=1, description="Who does what.")
    preparation: list[Task] = Field(default_factory=list, description="Preparation tasks with lead times.")
    access: list[Text] = Field(default_factory=list, description="Access and language needs to plan for: "
                               "interpreters, childcare, food, transport, time of day, venue.")
    agenda: list[AgendaItem] = Field(min_length=1, description="The agenda, in order.")
    notes: list[Text] = Field(default_factory=list, description="Facilitator notes for the whole session.")
    follow_up: list[Task] = Field(default_factory=list, description="What happens after, including when "
                                  "results go back to participants.")
    handouts: list[Slug] = Field(default_factory=list, description="Ids of handouts to print for the room.")
    meets: Literal["in-person", "online", "hybrid"] = Field(
        "in-person", description="How people meet: 'in-person', 'online' (everyone on a video call) or "
        "'hybrid' (some in the room, some on a call).")
    next_session: Slug | None = Field(None, description="Id of the session plan for the next meeting, when "
                                      "this one is the first or a middle meeting of a series.")

    @field_validator("minutes")
    @classmethod
    def _ends_by_midnight(cls, minutes: int, info: ValidationInfo) -> int:
        # The agenda's clock times are printed within one day; past midnight they would wrap.
        start = info.data.get("start")
        problem = past_midnight(start, minutes) if start else None
        if problem:
            raise ValueError(f"the session {problem}. Start at {latest_start(minutes)} or earlier, "
                             "make it shorter, or split it into two sessions")
        return minutes

    @field_validator("agenda")
    @classmethod
    def _agenda_fills_session(cls, agenda: list[AgendaItem], info: ValidationInfo) -> list[AgendaItem]:
        total = sum(item.minutes for item in agenda)
        minutes = info.data.get("minutes")
        if minutes is not None and total != minutes:
            raise ValueError(f"the agenda adds up to {total} minutes but the session is {minutes} minutes. "
                             "Change an item's minutes or the session's minutes")
        return agenda

    # Below: the questions ToolBase answers for a tool, answered for a whole meeting. Most
    # answers come from the tools on the agenda, so they need the kit to look those up.

    @property
    def phases(self) -> list[str]:
        """Its one phase, as the list of phases every item has (the catalog and the book read it)."""
        return [self.phase]

    @property
    def tool_ids(self) -> list[str]:
        """The tools on its agenda, each once, in agenda order."""
        return list(dict.fromkeys(entry.tool for entry in self.agenda if entry.tool))

    def tools(self, kit: Kit) -> list[Item]:
        return [kit.items[tool_id] for tool_id in self.tool_ids]

    def handout_ids(self, kit: Kit) -> list[str]:
        """Every handout the meeting needs: its own, then its tools' in agenda order, each once."""
        return merged_handouts([self.handouts, *(tool.content.handouts for tool in self.tools(kit))])

    def summary(self, kit: Kit) -> Summary:
        """Its own phase; the buckets and sectors of the tools it uses; one length, as both min and max."""
        used = [tool.content for tool in self.tools(kit)]
        vocabulary = kit.vocabulary
        return Summary(self.phases, vocabulary.in_order("buckets", (b for tool in used for b in tool.buckets)),
                       vocabulary.in_order("sectors", (s for tool in used for s in tool.sectors)),
                       Range(min=self.minutes, max=self.minutes), self.group_size, self.tool_ids)

    def check_references(self, check: ReferenceCheck) -> None:
        """Hand its phase and every tool on its agenda to `check` (references.py)."""
        check.term(("phase",), self.phase, "phases")
        for index, entry in enumerate(self.agenda):
            if entry.tool:
                check.agenda_tool(index, entry.tool, entry.minutes, entry.version)
        for index, handout_id in enumerate(self.handouts):
            check.handout(("handouts", index), handout_id)
        if self.next_session is not None:
            check.next_session(("next_session",), self.next_session)

    def participant_sheets(self) -> list[tuple[str | None, list[str]]]:
        """None of its own: its run sheet is for the facilitator, and its tools' sheets are theirs."""
        return []

    def series_neighbours(self, kit: Kit) -> tuple[Item | None, Item | None]:
        """The sessions before and after this one in a series: the one naming it as `next_session`, and its own."""
        before = next((item for item in kit.items.values() if item.type.name == "session"
                       and item.content.next_session is not None
                       and kit.items.get(item.content.next_session) is not None
                       and kit.items[item.content.next_session].content is self), None)
        after = kit.items.get(self.next_session) if self.next_session else None
        return before, after

    def page_context(self, kit: Kit) -> dict:
        """Its site page and run-sheet show the agenda with clock times, what its tools need brought
        and the handouts to print for the room."""
        before, after = self.series_neighbours(kit)
        return {"agenda": agenda_rows(kit, self), "previous_session": before, "next_session": after,
                "materials": merged_materials(tool.content for tool in self.tools(kit)),
                "handouts": self.handout_ids(kit)}
