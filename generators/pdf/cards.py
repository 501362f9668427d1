"""The activity card deck: every activity on a card, front and back, two cards a sheet.

A card is half a sheet: half-letter (8.5 x 5.5 in) on US Letter, A5 on A4. Each sheet
holds two cards one above the other, so the only cut is across the middle, at the same
place on every sheet, marked at both edges. Sheets alternate fronts and backs with the
backs in the same positions: printed double-sided, flipping on the long edge, each
card's back lands behind its front. Each sheet is rendered on its own and the deck is
joined from them (kit_documents.py). A big kit's deck comes in volumes, by phase (volumes.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from ..kit import Item, Kit
from ..paper import Paper
from .documents import print_context, short_link
from .joining import Bookmark
from .volumes import Share, in_volumes

CARDS_PER_SHEET = 2
MM_PER_POINT = 25.4 / 72
# Every card's content box, the same on both papers (as for worksheets): the smaller
# paper's card less a margin that clears printers' unprintable edges.
CONTENT_WIDTH_MM, CONTENT_HEIGHT_MM = 186.0, 118.0


@dataclass(frozen=True)
class CardSheet:
    paper: Paper

    @property
    def width_mm(self) -> float:
        return round(self.paper.points[0] * MM_PER_POINT, 2)

    @property
    def height_mm(self) -> float:
        return round(self.paper.points[1] * MM_PER_POINT, 2)

    @property
    def card_height_mm(self) -> float:
        """Where the cut falls: half the sheet."""
        return round(self.height_mm / CARDS_PER_SHEET, 2)

    @property
    def padding_mm(self) -> tuple[float, float]:
        """Top/bottom and left/right padding that leave each card the common content box."""
        return (round((self.card_height_mm - CONTENT_HEIGHT_MM) / 2, 2),
                round((self.width_mm - CONTENT_WIDTH_MM) / 2, 2))


def split_steps(steps: list) -> tuple[list, list]:
    """Steps for the back's two columns: as near half the text in each as whole steps allow.

    Cards set their columns themselves: CSS column balancing inside a fixed-height card
    costs WeasyPrint dozens of layout passes per card.
    """
    sizes = [len(step.text) + len(step.title or "") + 40 for step in steps]  # 40: a line's worth per item
    total, running = sum(sizes), 0
    for index, size in enumerate(sizes):
        if index and running + size / 2 > total / 2:  # the first column is never empty
            return steps[:index], steps[index:]
        running += size
    return steps, []


def sheets_of(items: list[Item]) -> list[list[Item]]:
    """The activities in groups of two, one group per sheet, in the order of their files' names.

    Not by title: a new title would move its card, and every sheet after the old or the new
    place would pair other cards and be rendered again. By file name, retitling a tool renders
    its own sheet only, and every language's deck has each card in the same place."""
    ordered = sorted(items, key=lambda item: item.id)
    return [ordered[i:i + CARDS_PER_SHEET] for i in range(0, len(ordered), CARDS_PER_SHEET)]


def decks(kit: Kit) -> list[list[Share[Item]]]:
    """The activities in decks: one deck, or above kit.yml's volume_size, a deck per phase (an
    activity's first), a long phase in several. In the order of their files' names, as on the
    sheets: by title, a retitled card would move to another deck and re-pair every sheet of both."""
    activities = sorted(kit.of_type("activity"), key=lambda item: item.id)
    return in_volumes([[item for item in activities if item.content.phases[0] == phase.id]
                       for phase in kit.vocabulary.phases], kit.settings.volume_size)


def deck_items(deck: list[Share[Item]]) -> list[Item]:
    return [item for share in deck for item in share.items]


def card_sheet_htmls(env: jinja2.Environment, kit: Kit, paper: Paper, page_urls: dict[str, str],
                     activities: list[Item]) -> list[str]:
    """A deck in pieces of one sheet (two cards, fronts then backs), joined after rendering:
    a change to one activity re-renders only its sheet."""
    template = env.get_template("cards.html.j2")
    return [template.render(**print_context(kit, "", None, dated_by=pair), sheet=CardSheet(paper), sheets=[pair],
                            document_class="card-deck",
                            link_for=lambda item: short_link(kit, page_urls[item.id]), split_steps=split_steps)
            for pair in sheets_of(activities)]


def card_bookmarks(activities: list[Item]) -> list[Bookmark]:
    """One bookmark per card, at its front; each sheet of fronts is followed by its backs."""
    return [Bookmark(item.content.title, 2 * sheet)
            for sheet, pair in enumerate(sheets_of(activities)) for item in pair]
