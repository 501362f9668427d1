"""Where each block of a canvas sits, in percent of the canvas grid.

Print documents place blocks absolutely from these numbers, so one template serves the
canvas worksheet and every poster size, and no block can push the grid onto a second
page (WeasyPrint's CSS grid crashes on some spanned layouts; tables grow with content).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.canvas import Block, Canvas


@dataclass(frozen=True)
class PlacedBlock:
    block: Block
    left: float     # percent of the grid's width
    top: float      # percent of the grid's height
    width: float
    height: float


def placed_blocks(canvas: Canvas) -> list[PlacedBlock]:
    """Every block with its place, in reading order: row by row, left to right."""
    column_width = 100 / canvas.grid.columns
    row_height = 100 / canvas.grid.rows
    return [
        PlacedBlock(block,
                    left=round((block.column - 1) * column_width, 4),
                    top=round((block.row - 1) * row_height, 4),
                    width=round(block.column_span * column_width, 4),
                    height=round(block.row_span * row_height, 4))
        for block in sorted(canvas.blocks, key=lambda b: (b.row, b.column))
    ]
