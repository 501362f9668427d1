"""An integrator activity or facilitation method."""

from __future__ import annotations

from pydantic import Field

from .common import Line, Step, Strict, Text, ToolBase, steps_fit_validator


class WorksheetPrompt(Strict):
    """Something participants write on the worksheet."""

    label: Line = Field(description="The question or heading participants answer.")
    hint: Text | None = Field(None, description="A short example or nudge shown under the label.")
    lines: int = Field(4, ge=1, le=40, description="How many writing lines to leave for the answer.")


class Worksheet(Strict):
    """The participant page of an activity."""

    intro: Text | None = Field(None, description="One or two sentences at the top of the worksheet.")
    prompts: list[WorksheetPrompt] = Field(min_length=1, description="What participants write, in order.")


class Activity(ToolBase):
    """An integrator activity or facilitation method, run with a group."""

    materials: list[Line] = Field(default_factory=list, description="What to bring.")
    preparation: list[Text] = Field(default_factory=list, description="What to do before the meeting.")
    steps: list[Step] = Field(min_length=1, description="Numbered steps, each with its minutes.")
    outputs: list[Text] = Field(default_factory=list, description="What the group has at the end.")
    worksheet: Worksheet = Field(description="The printable page participants fill in.")

    _steps_fit = steps_fit_validator()

    @property
    def what_to_bring(self) -> list[str]:
        return self.materials
