"""Every PDF of the shipped kit carries its branding and page furniture: logo, kit name,
organization, primary colour; a running header with the tool's title; "Page X of Y", the
content licence and a short link to the tool's page in the footer. A fork's own branding:
tests/build/test_print_branding.py."""

from __future__ import annotations

from tests.helpers import colour_of, flat, logo_on, read_pdf

PRIMARY = (11, 85, 99)                 # kit.yml's primary_colour, #0b5563


def worksheets(catalog):
    return [(entry, variant, path) for entry in catalog["items"] for variant, path in entry["pdfs"].items()
            if not variant.startswith("poster-")]


def test_every_page_has_the_header_and_footer(built_site, catalog, kit):
    for entry, variant, relative in worksheets(catalog):
        pages = read_pdf(built_site / relative)
        for number, page in enumerate(pages, start=1):
            for words in ("Partnership Toolkit", f"Page {number} of {len(pages)}",
                          "Partnership Toolkit contributors · Content licence: CC BY 4.0"):
                assert words in page.text, f"{relative} page {number} lacks '{words}'"
            assert logo_on(page), f"{relative} page {number} has no logo"
        if not variant.startswith("packet-"):  # a packet's header names each part instead
            assert all(flat(entry["title"]) in page.text for page in pages), relative


def test_titles_print_in_the_kits_primary_colour(built_site, kit):
    for item in kit.items.values():
        first = read_pdf(built_site / f"pdf/{item.id}-letter.pdf")[0]
        assert colour_of(first, item.content.title) == PRIMARY, item.id


def test_posters_and_cards_carry_the_kits_name_licence_and_logo(built_site, catalog):
    posters = [path for entry in catalog["items"] for variant, path in entry["pdfs"].items()
               if variant.startswith("poster-")]
    paths = posters + list(catalog["kit"]["pdfs"].values())
    for relative in paths:
        for page in read_pdf(built_site / relative):
            assert "Partnership Toolkit" in page.text and "Content licence: CC BY 4.0" in page.text, relative
            assert logo_on(page), relative
