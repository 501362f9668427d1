"""Wall posters: every canvas at a size a group can gather round and write on.

A poster is one sheet: the canvas's blocks with their guiding questions in small type
and the rest left open to write in. Two sizes, each in its metric and US form: A3 or
11 x 17 in for a table, A1 or 24 x 36 in for a wall. Type grows with the sheet, so a
poster reads the same from the same share of its width.
"""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from ..kit import Item, Kit
from .documents import print_context

MM_PER_POINT = 25.4 / 72
BASE_FONT_PT = 11        # the root font size on an A3 poster; poster.css sizes everything in rem
HEADER_REM, GAP_REM = 6.2, 0.4  # the header's height (a title and up to two lines of purpose) and the gap below it, as in poster.css


@dataclass(frozen=True)
class PosterSize:
    variant: str      # in file names and catalog.json: 'poster-<variant>'
    words_key: str    # its label in the UI words
    long_mm: float
    short_mm: float

    @property
    def scale(self) -> float:
        """How much larger than an A3 sheet, measured on the short side."""
        return self.short_mm / 297

    @property
    def margin_mm(self) -> float:
        return round(14 * self.scale, 1)

    def page_size(self, orientation: str) -> str:
        """The CSS @page size, e.g. '420mm 297mm' for a landscape A3 poster."""
        width, height = (self.long_mm, self.short_mm) if orientation == "landscape" else (self.short_mm, self.long_mm)
        return f"{width}mm {height}mm"

    def content_height_mm(self, orientation: str) -> float:
        height = self.short_mm if orientation == "landscape" else self.long_mm
        # Top and bottom margins; the bottom one is a little deeper for the footer.
        return round(height - 2.2 * self.margin_mm, 1)

    def font_pt(self, at_a3: float) -> float:
        return round(at_a3 * self.scale, 2)

    def grid_height_mm(self, orientation: str) -> float:
        """What the blocks get: the content height less the header and the gap below it."""
        rem_mm = self.font_pt(BASE_FONT_PT) * MM_PER_POINT
        return round(self.content_height_mm(orientation) - (HEADER_REM + GAP_REM) * rem_mm - 0.5, 1)


POSTER_SIZES = (
    PosterSize("a3", "poster_a3", 420, 297),
    PosterSize("11x17", "poster_11x17", 431.8, 279.4),
    PosterSize("a1", "poster_a1", 841, 594),
    PosterSize("24x36", "poster_24x36", 914.4, 609.6),
)


def poster_html(env: jinja2.Environment, kit: Kit, item: Item, size: PosterSize, page_url: str) -> str:
    return env.get_template("poster.html.j2").render(
        **print_context(kit, page_url, item.content.language, dated_by=[item]),
        item=item, tool=item.content, size=size, orientation=item.content.orientation, base_font_pt=BASE_FONT_PT,
        document_class=f"poster {item.content.orientation}",
    )
