"""A checklist: questions answered on a fixed scale, each with advice when the answer is not yet 'yes'."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from .common import Line, Step, Strict, Text, ToolBase, prose, steps_fit_validator

DEFAULT_ANSWERS = ["Yes", "Partly", "No", "Don't know"]


class Item(Strict):
    """One question of the checklist."""

    question: Text = Field(description="The question, answered with one of the answer options.")
    consider: Text = Field(description="If the answer is not 'yes': what to consider doing.")
    answers: list[Line] | None = Field(None, min_length=2, description="Answer options for this item only; "
                                       "leave out to use the checklist's options.")


class Section(Strict):
    """A group of related questions."""

    heading: Line = Field(description="The section's heading.")
    intro: Text | None = Field(None, description="A sentence on what this section checks.")
    items: list[Item] = Field(min_length=1, description="The section's questions.")


class Checklist(ToolBase):
    """A checklist with sections of questions."""

    when_to_use: list[Text] = Field(min_length=1, description="Situations where this checklist helps.")
    answers: list[Line] = Field(default_factory=lambda: list(DEFAULT_ANSWERS), min_length=2,
                                description="Answer options offered for every item.")
    steps: list[Step] = Field(min_length=1, description="How to work through the checklist, step by step.")
    sections: list[Section] = Field(min_length=1, description="The checklist's sections.")

    _steps_fit = steps_fit_validator()

    # Which bookmark of its PDF (one per h1, counted from 0) is its participant sheet: the facilitator
    # side comes first (the site's previews, pdf/previews.py).
    first_sheet_bookmark: ClassVar[int] = 1

    def participant_sheets(self) -> list[tuple[str | None, list[str]]]:
        return [(None, [self.title, *self.answers, *prose(self.sections)])]
