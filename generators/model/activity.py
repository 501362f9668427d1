"""An integrator activity or facilitation method."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from pydantic import Field, ValidationInfo, field_validator, model_validator

from .common import Line, PreparationEntry, Step, Text, ToolBase, prose, steps_fit_validator
from .worksheet import Worksheet

if TYPE_CHECKING:
    from ..references import ReferenceCheck


class Activity(ToolBase):
    """An integrator activity or facilitation method, run with a group."""

    materials: list[Line] = Field(default_factory=list, description="What to bring.")
    preparation: list[PreparationEntry] = Field(
        default_factory=list, description="What to do before the meeting: a line of text, or a task with its "
        "lead time ('when', 'days' before the meeting, 'task'), which the meeting planner turns into a date.")
    steps: list[Step] = Field(min_length=1, description="Numbered steps, each with its minutes.")
    outputs: list[Text] = Field(default_factory=list, description="What the group has at the end.")
    worksheet: Worksheet | None = Field(None, description="The printable page participants fill in.")
    worksheets: list[Worksheet] | None = Field(
        None, min_length=2, description="Instead of 'worksheet': several participant pages, each for its "
        "own audience (for example one for partner staff, one for community members).")

    _steps_fit = steps_fit_validator()

    # On the field, so that the message points at the 'worksheets' line.
    @field_validator("worksheets")
    @classmethod
    def _worksheets_alone_and_apart(cls, worksheets: list[Worksheet] | None, info: ValidationInfo):
        if worksheets is not None and info.data.get("worksheet") is not None:
            raise ValueError("this activity has both 'worksheet' and 'worksheets'. Keep 'worksheets' for several "
                             "participant pages, or 'worksheet' for one")
        audiences = [sheet.audience for sheet in worksheets or []]
        if len(set(audiences)) < len(audiences):
            raise ValueError("two of the worksheets are for the same audience. Give each its own 'audience', "
                             "or join them into one")
        return worksheets

    @model_validator(mode="after")
    def _has_a_worksheet(self):
        if self.worksheet is None and self.worksheets is None:
            raise ValueError("'worksheet' is missing. Add a 'worksheet:' line: the printable page participants "
                             "fill in (or 'worksheets:', several pages, each for its own audience)")
        return self

    @property
    def all_worksheets(self) -> list[Worksheet]:
        """Its participant pages, in order: the one `worksheet`, or each of `worksheets`."""
        return [self.worksheet] if self.worksheet is not None else list(self.worksheets)

    # Which bookmark of its PDF (one per h1, counted from 0) starts its first participant sheet, one
    # sheet a bookmark from there: the facilitator side comes first (the site's previews, pdf/previews.py).
    first_sheet_bookmark: ClassVar[int] = 1

    def participant_sheets(self) -> list[tuple[str | None, list[str]]]:
        return [(sheet.audience, [self.title, *prose(sheet)]) for sheet in self.all_worksheets]

    def check_references(self, check: ReferenceCheck) -> None:
        super().check_references(check)
        field = "worksheet" if self.worksheet is not None else "worksheets"
        for index, sheet in enumerate(self.all_worksheets):
            if sheet.audience is not None:
                loc = (field, "audience") if field == "worksheet" else (field, index, "audience")
                check.term(loc, sheet.audience, "audiences")

    @property
    def what_to_bring(self) -> list[str]:
        return self.materials
