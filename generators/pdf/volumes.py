"""Long kit-wide PDFs in volumes: the book, and the activity card decks.

A kit of a few dozen items prints as one book and one deck in each paper. A bigger kit
would make each of them a file of hundreds of pages that every edit rewrites whole: joining
400 pieces takes about ten seconds however small the change. Above kit.yml's volume_size,
each phase gets volumes of its own, and a phase with more items than that is split into as
few volumes of near-equal length as hold it. An edit then re-joins the one volume that holds
the changed item, whatever the size of the kit; and a facilitator prints the phase they run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

Piece = TypeVar("Piece")


@dataclass(frozen=True)
class Share(Generic[Piece]):
    """The items of one phase (or of one share of a long phase) that one volume holds."""
    group: int      # which phase: its index among the groups given
    items: list[Piece]
    number: int     # its place among the phase's shares, from 1
    of: int         # how many shares the phase has


def in_volumes(groups: list[list[Piece]], size: int) -> list[list[Share[Piece]]]:
    """`groups` (each phase's items, in order) as volumes, each a list of shares.

    One volume holds everything while there are `size` items or fewer in all. Otherwise each
    group is a volume, or several when it holds more than `size`: a group is never split unless
    it must be, so a new item moves the boundaries of its own phase's volumes only."""
    if sum(len(group) for group in groups) <= size:
        return [[Share(index, group, 1, 1) for index, group in enumerate(groups) if group]]
    volumes = []
    for index, group in enumerate(groups):
        count = -(-len(group) // size)  # as few volumes as hold the group
        for number, chunk in enumerate(_near_equal(group, count), start=1):
            volumes.append([Share(index, chunk, number, count)])
    return volumes


def _near_equal(items: list[Piece], count: int) -> list[list[Piece]]:
    """`items` in `count` runs whose lengths differ by one at most, the longer ones first."""
    length, longer = divmod(len(items), count) if count else (0, 0)
    runs, start = [], 0
    for index in range(count):
        end = start + length + (1 if index < longer else 0)
        runs.append(items[start:end])
        start = end
    return runs
