"""An activity's worksheets: who each is for, and its prompts, each of one kind.

A prompt's `kind` says what shape the answer takes; a prompt without one is written text:
- text:      lines to write on;
- table:     named columns, and blank rows or rows with given labels;
- rating:    items rated on a labelled scale, with an optional comment column;
- checklist: items to tick;
- ranking:   options to put in order;
- choose:    pick up to a number of options (dot voting on paper).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Discriminator, Field, Tag, model_validator

from .common import Line, Slug, Strict, Text

PROMPT_KINDS = ("text", "table", "rating", "checklist", "ranking", "choose")


class PromptBase(Strict):
    label: Line = Field(description="The question or heading participants answer.")
    hint: Text | None = Field(None, description="A short example or nudge shown under the label.")


class TextPrompt(PromptBase):
    """A question answered in writing."""

    kind: Literal["text"] = Field("text", description="What shape the answer takes (leave out for written text).")
    lines: int = Field(4, ge=1, le=40, description="How many writing lines to leave for the answer.")


class TablePrompt(PromptBase):
    """A grid to fill in: a row per thing (a stakeholder, a partner), a column per question about it."""

    kind: Literal["table"] = Field(description="What shape the answer takes: 'table'.")
    columns: list[Line] = Field(min_length=1, max_length=8, description="The column headings, left to right.")
    rows: int | None = Field(None, ge=1, le=30, description="How many blank rows to leave (5 if neither "
                             "this nor row_labels is given).")
    row_labels: list[Line] | None = Field(None, min_length=1, max_length=30,
                                          description="Rows with given labels, one per line, instead of blank rows.")

    @model_validator(mode="after")
    def _blank_or_labelled(self):
        if self.rows is not None and self.row_labels is not None:
            raise ValueError("a table has either 'rows' (blank rows) or 'row_labels', not both. Remove one")
        return self

    @property
    def row_count(self) -> int:
        return len(self.row_labels) if self.row_labels else self.rows or 5


class RatingPrompt(PromptBase):
    """Items rated on one scale: a row per item, a column per point of the scale."""

    kind: Literal["rating"] = Field(description="What shape the answer takes: 'rating'.")
    items: list[Line] = Field(min_length=1, max_length=20, description="What is rated, one per line.")
    points: int | None = Field(None, ge=2, le=10, description="A numbered scale: how many points, from 1. "
                               "Give 'low' and 'high' with it.")
    low: Line | None = Field(None, description="What the lowest number means, for example 'Not at all'.")
    high: Line | None = Field(None, description="What the highest number means, for example 'Completely'.")
    scale: list[Line] | None = Field(None, min_length=2, max_length=7,
                                     description="Instead of numbers, a word for each point, lowest first "
                                     "(for example Disagree, Not sure, Agree).")
    comment: bool = Field(False, description="Whether each item gets a column for a short comment.")

    @model_validator(mode="after")
    def _one_scale(self):
        numbered = self.points is not None or self.low is not None or self.high is not None
        if numbered and self.scale is not None:
            raise ValueError("a rating has a numbered scale ('points', 'low', 'high') or a 'scale' of words, "
                             "not both. Remove one")
        if self.scale is None and None in (self.points, self.low, self.high):
            raise ValueError("a rating needs its scale: 'points' (how many, from 1), 'low' and 'high' (what "
                             "the ends mean), or a 'scale' with a word for each point")
        return self

    @property
    def scale_points(self) -> list[tuple[str, str | None]]:
        """Each point of the scale: what is ticked (a number or a word) and, at the ends of a
        numbered scale, what it means."""
        if self.scale is not None:
            return [(word, None) for word in self.scale]
        return [(str(number), self.low if number == 1 else self.high if number == self.points else None)
                for number in range(1, self.points + 1)]


class ChecklistPrompt(PromptBase):
    """Items to tick."""

    kind: Literal["checklist"] = Field(description="What shape the answer takes: 'checklist'.")
    items: list[Line] = Field(min_length=1, max_length=30, description="The items to tick, one per line.")


class RankingPrompt(PromptBase):
    """Options to put in order, 1 for the first."""

    kind: Literal["ranking"] = Field(description="What shape the answer takes: 'ranking'.")
    options: list[Line] = Field(min_length=2, max_length=12, description="The options to put in order.")


class ChoosePrompt(PromptBase):
    """Pick some of the options: a tick on a fillable sheet, a dot on paper."""

    kind: Literal["choose"] = Field(description="What shape the answer takes: 'choose'.")
    options: list[Line] = Field(min_length=2, max_length=20, description="The options to choose from.")
    pick: int = Field(1, ge=1, description="How many options each person may pick at most.")

    @model_validator(mode="after")
    def _pick_fits(self):
        if self.pick > len(self.options):
            raise ValueError(f"'pick' is {self.pick}, but there are only {len(self.options)} options. "
                             f"Use a number from 1 to {len(self.options)}, or add options")
        return self


def _kind_of(value) -> str:
    """The prompt's kind: written text unless it names another."""
    kind = value.get("kind", "text") if isinstance(value, dict) else getattr(value, "kind", "text")
    return kind if isinstance(kind, str) else ""


Prompt = Annotated[
    Annotated[TextPrompt, Tag("text")] | Annotated[TablePrompt, Tag("table")]
    | Annotated[RatingPrompt, Tag("rating")] | Annotated[ChecklistPrompt, Tag("checklist")]
    | Annotated[RankingPrompt, Tag("ranking")] | Annotated[ChoosePrompt, Tag("choose")],
    Discriminator(_kind_of),
]


class Worksheet(Strict):
    """A participant page of an activity."""

    audience: Slug | None = Field(None, description="Who fills it in: an id from the vocabulary's audiences. "
                                  "Leave it out for the first audience there (partner staff in the shipped kit).")
    intro: Text | None = Field(None, description="One or two sentences at the top of the worksheet.")
    prompts: list[Prompt] = Field(min_length=1, description="What participants answer, in order.")
