"""Wall posters: every canvas at A3, 11 x 17 in, A1 and 24 x 36 in, with room to write."""

from __future__ import annotations

import pytest

from tests.helpers import MM, flat, read_pdf

# Long and short side in points, as print shops cut them.
POSTER_POINTS = {"a3": (1190.55, 841.89), "11x17": (1224.0, 792.0), "a1": (2383.94, 1683.78),
                 "24x36": (2592.0, 1728.0)}


def posters(catalog):
    return [(entry, variant.removeprefix("poster-"), path) for entry in catalog["items"]
            for variant, path in entry["pdfs"].items() if variant.startswith("poster-")]


def test_every_canvas_and_only_canvases_come_as_posters_in_four_sizes(catalog):
    for entry in catalog["items"]:
        sizes = sorted(v.removeprefix("poster-") for v in entry["pdfs"] if v.startswith("poster-"))
        assert sizes == (sorted(POSTER_POINTS) if entry["type"] == "canvas" else []), entry["id"]


def test_a_poster_is_one_sheet_of_its_size_with_every_block(built_site, catalog, kit):
    for entry, size, relative in posters(catalog):
        canvas = kit.items[entry["id"]].content
        pages = read_pdf(built_site / relative)
        assert len(pages) == 1, relative
        long_side, short_side = POSTER_POINTS[size]
        expected = (long_side, short_side) if canvas.orientation == "landscape" else (short_side, long_side)
        assert (pages[0].width, pages[0].height) == pytest.approx(expected, abs=0.5), relative
        for block in canvas.blocks:
            assert flat(block.heading) in pages[0].text
            assert all(flat(question) in pages[0].text for question in block.questions), block.id


def test_type_grows_with_the_poster(built_site):
    """The title takes the same share of the sheet's width on A3 as on A1."""
    def title_share(size):
        page = read_pdf(built_site / f"pdf/theory-of-change-poster-{size}.pdf")[0]
        title = "Sharedcross-sectortheoryofchange"
        chars = [c for c in page.chars if c.text.strip()]
        start = "".join(c.text for c in chars).index(title)
        return (chars[start + len(title) - 1].x1 - chars[start].x0) / page.width

    assert title_share("a1") == pytest.approx(title_share("a3"), rel=0.02)


def test_most_of_every_block_is_left_to_write_in(built_site, catalog, kit):
    """A block's heading and questions take at most a third of its height."""
    from generators.pdf.canvas_grid import placed_blocks
    from generators.pdf.posters import POSTER_SIZES

    for entry, size, relative in posters(catalog):
        canvas = kit.items[entry["id"]].content
        poster = next(s for s in POSTER_SIZES if s.variant == size)
        page = read_pdf(built_site / relative)[0]
        grid_height = poster.grid_height_mm(canvas.orientation) * MM
        chars = [c for c in page.chars if c.text.strip()]
        text = "".join(c.text for c in chars)
        for placed in placed_blocks(canvas):
            heading = "".join(placed.block.heading.split())
            last_question = "".join(placed.block.questions[-1].split())
            top = chars[text.index(heading)].top
            end = text.index(last_question, text.index(heading)) + len(last_question) - 1
            used = chars[end].bottom - top
            assert used < grid_height * placed.height / 100 / 3, f"{relative}: {placed.block.id}"
