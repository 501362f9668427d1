"""A canvas: a large sheet divided into blocks that a group fills in together."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, ValidationInfo, field_validator

from .common import Line, Slug, Step, Strict, Text, ToolBase, prose, steps_fit_validator


class Block(Strict):
    """One area of the canvas, placed on its grid."""

    id: Slug = Field(description="A short id for the block, unique in this canvas, e.g. 'long-term-outcomes'.")
    heading: Line = Field(description="The block's heading.")
    questions: list[Text] = Field(min_length=1, description="Guiding questions printed in the block.")
    row: int = Field(ge=1, le=8, description="Grid row where the block starts (1 is the top).")
    column: int = Field(ge=1, le=8, description="Grid column where the block starts (1 is the left).")
    row_span: int = Field(1, ge=1, le=8, description="How many rows the block covers.")
    column_span: int = Field(1, ge=1, le=8, description="How many columns the block covers.")


class Grid(Strict):
    """The size of the canvas grid."""

    rows: int = Field(ge=1, le=8, description="Number of rows.")
    columns: int = Field(ge=1, le=8, description="Number of columns.")


class Example(Strict):
    """A filled-in example that shows what good answers look like."""

    context: Text = Field(description="Who filled in the example and for what.")
    entries: dict[Slug, list[Text]] = Field(description="For each block id, the example's answers.")


class Canvas(ToolBase):
    """A canvas with blocks on a grid."""

    when_to_use: list[Text] = Field(min_length=1, description="Situations where this canvas helps.")
    orientation: Literal["landscape", "portrait"] = Field(description="How the printed sheet is turned.")
    grid: Grid = Field(description="How many rows and columns the blocks sit on.")
    blocks: list[Block] = Field(min_length=1, description="The canvas's blocks.")
    steps: list[Step] = Field(min_length=1, description="How to fill in the canvas, step by step.")
    example: Example | None = Field(None, description="An optional filled-in example.")

    _steps_fit = steps_fit_validator()

    # Which bookmark of its PDF (one per h1, counted from 0) is its participant sheet: the canvas itself
    # comes first, then how to use it (the site's previews, pdf/previews.py).
    first_sheet_bookmark: ClassVar[int] = 0

    def participant_sheets(self) -> list[tuple[str | None, list[str]]]:
        return [(None, [self.title, *prose(self.blocks)])]

    @field_validator("blocks")
    @classmethod
    def _layout(cls, blocks: list[Block], info: ValidationInfo) -> list[Block]:
        grid = info.data.get("grid")
        if grid is None:
            return blocks
        taken: dict[tuple[int, int], str] = {}
        for block in blocks:
            if block.row + block.row_span - 1 > grid.rows or block.column + block.column_span - 1 > grid.columns:
                raise ValueError(f"block '{block.id}' runs off the {grid.rows}x{grid.columns} grid. "
                                 "Make the grid bigger or move the block")
            for r in range(block.row, block.row + block.row_span):
                for c in range(block.column, block.column + block.column_span):
                    if (r, c) in taken:
                        raise ValueError(f"blocks '{taken[(r, c)]}' and '{block.id}' overlap at row {r}, "
                                         f"column {c}. Move one of them")
                    taken[(r, c)] = block.id
        ids = [b.id for b in blocks]
        if len(set(ids)) != len(ids):
            raise ValueError("two blocks share an id. Give each block its own id")
        return blocks

    @field_validator("example")
    @classmethod
    def _example_fills_real_blocks(cls, example: Example | None, info: ValidationInfo) -> Example | None:
        ids = [b.id for b in info.data.get("blocks") or []]
        if example and ids:
            unknown = sorted(set(example.entries) - set(ids))
            if unknown:
                raise ValueError(f"the example fills in blocks that do not exist: {', '.join(unknown)}. "
                                 f"Use block ids: {', '.join(ids)}")
        return example
