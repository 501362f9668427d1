"""Pieces shared by every content type."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationInfo, field_validator, model_validator

# One line of text: no line breaks, surrounding spaces trimmed.
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200,
                                        pattern=r"^[^\n]*$")]
# A sentence or short paragraph.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
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


def steps_fit_validator():
    """A validator on `steps`: their minutes must add up to a time inside the tool's `minutes` range.

    It runs on the field (not the whole model) so the error points at the steps' line.
    """

    def check(cls, steps: list[Step], info: ValidationInfo) -> list[Step]:
        minutes = info.data.get("minutes")
        total = sum(step.minutes for step in steps)
        if minutes is not None and not minutes.min <= total <= minutes.max:
            raise ValueError(f"the steps add up to {total} minutes, outside the tool's time of "
                             f"{minutes.min}-{minutes.max} minutes. Change the steps' minutes or the tool's minutes")
        return steps

    return field_validator("steps")(check)
