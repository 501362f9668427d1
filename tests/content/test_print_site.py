"""The printouts are listed in catalog.json and linked from the site."""

from __future__ import annotations

from tests.helpers import read_page

KIT_PDFS = {"book-letter", "cards-letter", "cards-a4"}


def test_the_catalog_lists_the_whole_kit_pdfs_and_each_exists(built_site, catalog):
    assert set(catalog["kit"]["pdfs"]) == KIT_PDFS
    for variant, path in catalog["kit"]["pdfs"].items():
        assert path == f"pdf/partnership-toolkit-{variant}.pdf"
        assert (built_site / path).read_bytes()[:5] == b"%PDF-"


def test_the_print_page_links_the_book_the_cards_and_every_poster(built_site, catalog):
    page = read_page(built_site / "print" / "index.html")
    assert page.headings[:4] == ["Print the kit", "The whole kit", "Activity cards", "Wall posters"]
    for path in catalog["kit"]["pdfs"].values():
        assert f"../{path}" in page.links
    posters = [path for entry in catalog["items"] for variant, path in entry["pdfs"].items()
               if variant.startswith("poster-")]
    canvases = sum(entry["type"] == "canvas" for entry in catalog["items"])
    assert canvases >= 5 and len(posters) == 4 * canvases, "four poster sizes of every canvas"
    assert all(f"../{path}" in page.links for path in posters)
    assert "The whole kit as one book, US Letter (PDF," in page.visible


def test_a_canvas_page_offers_its_fillable_copy_and_posters(built_site):
    page = read_page(built_site / "canvases" / "theory-of-change" / "index.html")
    for variant in ("letter", "a4", "fillable-letter", "poster-a3", "poster-11x17", "poster-a1", "poster-24x36"):
        assert f"../../pdf/theory-of-change-{variant}.pdf" in page.links, variant
    for label in ("Fillable, US Letter", "Poster, A3", "Poster, 11 × 17 in", "Poster, A1", "Poster, 24 × 36 in"):
        assert label in page.visible
