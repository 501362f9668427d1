"""A handout: a one- or two-page reference sheet for the room, read rather than run.

It is not a tool: it has no steps, time, group size or difficulty. Tools and session plans
name the handouts they need (`handouts:`), and a meeting packet prints each one once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from pydantic import (
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from .common import Line, Slug, Strict, Summary, Text, prose

if TYPE_CHECKING:
    from ..kit_data import Kit
    from ..references import ReferenceCheck


class Table(Strict):
    """A small table: headed columns and rows of cells."""

    columns: list[Line] = Field(min_length=1, max_length=6, description="The column headings, left to right "
                                "(at most 6: more do not fit across a printed page).")
    rows: list[list[Text]] = Field(min_length=1, description="The table's rows, top to bottom; each row is a "
                                   "list with one cell per column, in the columns' order.")

    @field_validator("rows")
    @classmethod
    def _one_cell_per_column(cls, rows: list[list[str]], info: ValidationInfo) -> list[list[str]]:
        columns = info.data.get("columns")
        if columns is None:  # the columns have a problem of their own, reported on their line
            return rows
        # Raised as a ValidationError with each row's index, so every short or long row is
        # reported on its own line of the file, not all of them on the line of `rows:`.
        wrong = [InitErrorDetails(type=PydanticCustomError(
                     "value_error", f"this row has {_counted(len(row), 'cell')} but the table has "
                     f"{_counted(len(columns), 'column')} ({', '.join(columns)}). Give every row one cell "
                     "per column, in the columns' order"), loc=(index,), input=row)
                 for index, row in enumerate(rows) if len(row) != len(columns)]
        if wrong:
            raise ValidationError.from_exception_data(cls.__name__, wrong)
        return rows


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


class Section(Strict):
    """One headed part of the handout: paragraphs, a list, a table, or several of these in that order."""

    heading: Line = Field(description="The section's heading.")
    text: list[Text] = Field(default_factory=list, description="Paragraphs, in order.")
    items: list[Text] = Field(default_factory=list, description="Points shown as a list after the paragraphs.")
    numbered: bool = Field(False, description="Number the list's points (true) instead of bulleting them "
                           "(false), for steps taken in order.")
    table: Table | None = Field(None, description="A table shown after the list.")

    @model_validator(mode="after")
    def _has_content(self):
        if not (self.text or self.items or self.table):
            raise ValueError(f"the section '{self.heading}' has nothing under its heading. Add 'text:' "
                             "(paragraphs), 'items:' (a list) or 'table:', or remove the section")
        return self


class Handout(Strict):
    """A reference sheet of one or two pages for everyone in the room."""

    language: Slug | None = Field(
        None, description="Language of this file's text, as a code such as 'en' or 'es'. "
        "Leave it out to use the kit's language.")
    title: Line = Field(description="The handout's name, as it is printed at the top.")
    purpose: Line = Field(description="One line on what the handout helps people do, "
                          "for example 'Keep our ground rules in view'.")
    audience: list[Slug] = Field(min_length=1, description="Who it is written for (ids from the vocabulary's "
                                 "audiences).")
    phases: list[Slug] = Field(min_length=1, description="Phases of the link, listen, co-create journey "
                               "where the handout is used (ids from the vocabulary).")
    buckets: list[Slug] = Field(min_length=1, description="Integrator buckets the handout supports "
                                "(ids from the vocabulary).")
    sectors: list[Slug] = Field(min_length=1, description="Sectors the handout is written for "
                                "(ids from the vocabulary).")
    sections: list[Section] = Field(min_length=1, description="The handout's sections, in order.")
    credits: list[Text] = Field(default_factory=list, description="Where the handout's content comes from.")
    related: list[Slug] = Field(default_factory=list, description="Ids of tools to use with this handout.")

    # Which bookmark of its PDF (one per h1, counted from 0) is its sheet: the handout is the whole PDF
    # (the site's previews, pdf/previews.py).
    first_sheet_bookmark: ClassVar[int] = 0

    # Below: the questions ToolBase answers for a tool, answered for a sheet that is read, not run.

    def participant_sheets(self) -> list[tuple[str | None, list[str]]]:
        """The handout is one sheet, read by everyone it is written for."""
        return [(None, [self.title, self.purpose, *prose(self.sections)])]

    def summary(self, kit: Kit) -> Summary:
        """Its phases, buckets and sectors as written; no time or group size, as it takes neither."""
        return Summary(list(self.phases), list(self.buckets), list(self.sectors), None, None)

    def check_references(self, check: ReferenceCheck) -> None:
        """Hand every vocabulary term and every tool this file names to `check` (references.py)."""
        for vocabulary, field, terms in (("phases", "phases", self.phases), ("buckets", "buckets", self.buckets),
                                         ("sectors", "sectors", self.sectors), ("audiences", "audience", self.audience)):
            for index, term in enumerate(terms):
                check.term((field, index), term, vocabulary)
        for index, tool_id in enumerate(self.related):
            check.related_tool(("related", index), tool_id)

    def page_context(self, kit: Kit) -> dict:
        """Its page and print templates need nothing beyond the handout itself."""
        return {}
