"""A canvas's blocks as table rows, for print.

WeasyPrint's CSS grid crashes on some spanned layouts, so a canvas prints as a
fixed-layout table: each block is a cell with rowspan/colspan, gaps are empty cells.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model.canvas import Block, Canvas


@dataclass(frozen=True)
class Cell:
    block: Block | None   # None for an empty part of the grid
    row_span: int = 1
    column_span: int = 1


def table_rows(canvas: Canvas) -> list[list[Cell]]:
    starts = {(b.row, b.column): b for b in canvas.blocks}
    covered = {(r, c) for b in canvas.blocks
               for r in range(b.row, b.row + b.row_span)
               for c in range(b.column, b.column + b.column_span)}
    rows = []
    for r in range(1, canvas.grid.rows + 1):
        cells = []
        for c in range(1, canvas.grid.columns + 1):
            if (r, c) in starts:
                block = starts[(r, c)]
                cells.append(Cell(block, block.row_span, block.column_span))
            elif (r, c) not in covered:
                cells.append(Cell(None))
        rows.append(cells)
    return rows
