"""Pieces shared by every content type."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, NamedTuple

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    ValidationInfo,
    field_validator,
    model_validator,
)

if TYPE_CHECKING:
    from ..kit_data import Kit
    from ..references import ReferenceCheck



class _ForPeople:
    """Marks a type of text as words for people to read: the one place that says which fields a
    translation gives (generators/translations.py). Ids, numbers and vocabulary terms lack it."""

    def __repr__(self) -> str:
        return "FOR_PEOPLE"


FOR_PEOPLE = _ForPeople()

# One line of text: no line breaks, surrounding spaces trimmed.
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200,
                                        pattern=r"^[^\n]*$"), FOR_PEOPLE]
# A sentence or short paragraph.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000), FOR_PEOPLE]
# An address or a file path on one line (a web address, a logo's file): read by machines, never translated.
Address = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200, pattern=r"^[^\n]*$")]
# An identifier such as a tool id or a vocabulary term: lowercase words joined by hyphens.
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
Minutes = Annotated[int, Field(ge=1, le=600)]


class Strict(BaseModel):
    """Every model rejects unknown keys, so a misspelled field is never silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Range(Strict):
    """A span from a smallest to a largest value."""

    min: int = Field(ge=1, le=1000, description="The smallest value.")
    max: int = Field(ge=1, le=1000, description="The largest value.")

    @property
    def label(self) -> str:
        """'10' for a single value, '10–20' for a span: how pages print it."""
        return str(self.min) if self.min == self.max else f"{self.min}–{self.max}"

    @model_validator(mode="after")
    def _ordered(self):
        if self.max < self.min:
            raise ValueError(f"max ({self.max}) is smaller than min ({self.min}). "
                             "Swap them, or set both to the same number")
        return self


class Step(Strict):
    """One numbered step of a tool."""

    title: Line | None = Field(None, description="A short name for the step, shown in bold before its text.")
    minutes: Minutes = Field(description="How long the step takes, in minutes.")
    text: Text = Field(description="What the facilitator and the group do in this step.")


class Task(Strict):
    """A task before or after a meeting, with its lead time."""

    when: Line = Field(description="When it happens, in words, e.g. '3 weeks before' or 'within 2 weeks'.")
    days: int = Field(ge=0, le=365, description="The same in days (before the meeting for preparation, "
                      "after it for follow-up), used to sort the timeline and to date it on a plan.")
    task: Text = Field(description="What to do.")

    def __str__(self) -> str:
        # How a page or a sheet that lists preparation prints it.
        return f"{self.when}: {self.task}"


# A tool's preparation: a line of text, or a task with its lead time ('when', 'days', 'task'),
# which the meeting planner dates from the meeting's day.
PreparationEntry = Annotated[
    Annotated[Text, Tag("text")] | Annotated[Task, Tag("timed")],
    Discriminator(lambda value: "timed" if isinstance(value, (dict, Task)) else "text"),
]


def steps_fit_validator(whose: str = "the tool's"):
    """A validator on `steps`: their minutes must add up to a time inside the tool's `minutes` range.

    It runs on the field (not the whole model) so the error points at the steps' line.
    """

    def check(cls, steps: list[Step], info: ValidationInfo) -> list[Step]:
        minutes = info.data.get("minutes")
        total = sum(step.minutes for step in steps)
        if minutes is not None and not minutes.min <= total <= minutes.max:
            raise ValueError(f"the steps add up to {total} minutes, outside {whose} time of "
                             f"{minutes.min}-{minutes.max} minutes. Change the steps' minutes or {whose} minutes")
        return steps

    return field_validator("steps")(check)


class ShortVersion(Strict):
    """A shorter way to run a tool, for a meeting with less time: its own steps, checked like the full ones."""

    minutes: Range = Field(description="How long the short version takes, in minutes: min and max.")
    how: Text = Field(description="What the short version leaves out or does differently, and what the "
                      "group loses by it, so the facilitator can choose.")
    steps: list[Step] = Field(min_length=1, description="The short version's numbered steps, each with its minutes.")

    _steps_fit = steps_fit_validator("the short version's")

    @property
    def planned_minutes(self) -> int:
        """How long the short version takes as designed: the sum of its steps."""
        return sum(step.minutes for step in self.steps)


class SectorNote(Strict):
    """What one sector brings to a tool, and what to watch for when its people take part."""

    sector: Slug = Field(description="A sector the tool is tagged with (an id from the vocabulary).")
    brings: Text = Field(description="What people from this sector bring to the tool.")
    watch_for: Text = Field(description="What can go wrong with this sector at the table, and how to head it off.")


class Summary(NamedTuple):
    """What the catalog, its filters and the phase and bucket pages show of an item, whatever its type."""

    phases: list[str]
    buckets: list[str]
    sectors: list[str]
    # None for what takes no meeting time and suits any group: a handout is read, not run.
    minutes: Range | None
    group_size: Range | None
    tools: list[str] | None = None  # the tools it is built from, in order; None for a tool, which stands alone


# Fields that hold ids, settings or numbers, not words a reader reads.
_NOT_PROSE = frozenset({"id", "kind", "audience", "language", "row", "column", "row_span", "column_span"})


def prose(value) -> list[str]:
    """Every text a reader sees in `value` (a model, a list, a dict or a text), in order; ids, numbers
    and switches are left out."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, BaseModel):
        return [text for name in type(value).model_fields if name not in _NOT_PROSE
                for text in prose(getattr(value, name))]
    if isinstance(value, dict):
        return [text for entry in value.values() for text in prose(entry)]
    if isinstance(value, (list, tuple)):
        return [text for entry in value for text in prose(entry)]
    return []


def merged_handouts(named: Iterable[list[str]]) -> list[str]:
    """Handout ids from several `handouts:` lists, each once, in the order first named."""
    return list(dict.fromkeys(handout_id for handout_ids in named for handout_id in handout_ids))


def merged_materials(tools: Iterable[ToolBase]) -> list[str]:
    """Every tool's materials, each named once (ignoring case), in the tools' order."""
    seen, merged = set(), []
    for tool in tools:
        for material in tool.what_to_bring:
            if material.lower() not in seen:
                seen.add(material.lower())
                merged.append(material)
    return merged


class ToolBase(Strict):
    """Fields every tool has, whatever its type."""

    language: Slug | None = Field(
        None, description="Language of this file's text, as a code such as 'en' or 'es'. "
        "Leave it out to use the kit's language.")
    title: Line = Field(description="The tool's name, as a facilitator would say it.")
    purpose: Line = Field(description="One line, phrased as what the user wants to do, "
                          "for example 'Map who holds power and who is missing'.")
    phases: list[Slug] = Field(min_length=1, description="Phases of the link, listen, co-create journey "
                               "where the tool fits (ids from the vocabulary).")
    buckets: list[Slug] = Field(min_length=1, description="Integrator buckets the tool supports "
                                "(ids from the vocabulary).")
    sectors: list[Slug] = Field(min_length=1, description="Sectors the tool is written for "
                                "(ids from the vocabulary).")
    minutes: Range = Field(description="How long the tool takes, in minutes: min and max.")
    group_size: Range = Field(description="How many people it works for: min and max.")
    difficulty: Slug = Field(description="How much facilitation experience it needs "
                             "(an id from the vocabulary).")
    tips: list[Text] = Field(default_factory=list, description="Facilitator tips: what helps the tool go well.")
    equity_prompts: list[Text] = Field(default_factory=list, description="Questions that keep equity "
                                       "and community power in view while using this tool.")
    related: list[Slug] = Field(default_factory=list, description="Ids of other tools to use "
                                "before, after or instead of this one.")
    credits: list[Text] = Field(default_factory=list, description="Where the tool's ideas come from.")
    handouts: list[Slug] = Field(default_factory=list, description="Ids of handouts to print for the room.")
    short: ShortVersion | None = Field(None, description="A short version for meetings with less time: what it "
                                       "leaves out, its minutes and its own steps. A session's agenda can name it.")
    sector_notes: list[SectorNote] = Field(default_factory=list, description="For each sector the tool is "
                                           "tagged with: what its people bring and what to watch for.")
    online: list[Text] = Field(default_factory=list, description="What changes when the group meets online "
                               "or in a hybrid room (some people there, some on a call).")
    distress_plan: list[Text] = Field(default_factory=list, description="For tools that touch harm, power or "
                                      "trauma: what to do if someone becomes upset, before, during and after.")

    # Below: what the catalog, the reference checks, packets and pages ask of any item. Session
    # answers the same questions in its own way, so no caller needs to know which type it holds.
    # They are methods and properties, not fields: the YAML files and the schemas stay as they are.

    if TYPE_CHECKING:
        # Every tool has steps; each model declares them, with a description in its own words.
        steps: list[Step]

    @property
    def planned_minutes(self) -> int:
        """How long the tool takes as designed: the sum of its steps (a packet of tools is timed by it)."""
        return sum(step.minutes for step in self.steps)

    def participant_sheets(self) -> list[tuple[str | None, list[str]]]:
        """What participants read on each printed sheet of it: (the sheet's audience or None, its texts).
        Its type says which sheets it has; the reading report and the glossary box read them."""
        return []

    def version_steps(self, version: str) -> list[Step]:
        """The steps of its 'full' or its 'short' version (callers check that a short one exists)."""
        return self.short.steps if version == "short" else self.steps

    @property
    def what_to_bring(self) -> list[str]:
        """The materials to gather for it: none unless its type lists some (Activity does)."""
        return []

    def summary(self, kit: Kit) -> Summary:
        """Its own phases, buckets and sectors as written, its time and group size."""
        return Summary(list(self.phases), list(self.buckets), list(self.sectors), self.minutes, self.group_size)

    def check_references(self, check: ReferenceCheck) -> None:
        """Hand every vocabulary term and every tool this file names to `check` (references.py)."""
        for vocabulary, terms in (("phases", self.phases), ("buckets", self.buckets), ("sectors", self.sectors)):
            for index, term in enumerate(terms):
                check.term((vocabulary, index), term, vocabulary)
        check.term(("difficulty",), self.difficulty, "difficulty")
        for index, tool_id in enumerate(self.related):
            check.related_tool(("related", index), tool_id)
        for index, handout_id in enumerate(self.handouts):
            check.handout(("handouts", index), handout_id)
        for index, note in enumerate(self.sector_notes):
            if note.sector not in self.sectors:
                check.problem(("sector_notes", index, "sector"),
                              f"'{note.sector}' is not one of this tool's sectors ({', '.join(self.sectors)}). "
                              "Add it to 'sectors:' or remove this note")
        if self.short is not None:
            short_total = self.short.planned_minutes
            if short_total >= self.planned_minutes:
                check.problem(("short", "steps"),
                              f"the short version's steps add up to {short_total} minutes, no shorter than the "
                              f"full steps ({self.planned_minutes} minutes). Cut steps or minutes from the short "
                              "version, or remove it")

    def page_context(self, kit: Kit) -> dict:
        """What its site page and print templates get besides the tool itself: a tool needs nothing more."""
        return {}
