"""Every PDF embeds its fonts, subset to the letters it shows, and stays small enough to email."""

from __future__ import annotations

import ctypes
import io
import re
from itertools import pairwise

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from fontTools.ttLib import TTFont

from tests.helpers import KIT_ROOT

SUBSET_NAME = re.compile(r"^[A-Z]{6}\+Atkinson-Hyperlegible(-Bold|-Italic|-BoldItalic)?$")
MAX_WORKSHEET_BYTES = 80 * 1024
MAX_POSTER_BYTES = 80 * 1024


def embedded_fonts(path) -> dict[str, TTFont]:
    """Every font the PDF's text uses, by its name in the PDF, read from the embedded font file."""
    fonts = {}
    document = pdfium.PdfDocument(path)
    for page in document:
        for text in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT]):
            font = pdfium_c.FPDFTextObj_GetFont(text.raw)
            length = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
            name = ctypes.create_string_buffer(length)
            pdfium_c.FPDFFont_GetBaseFontName(font, name, length)
            if name.value in fonts:
                continue
            assert pdfium_c.FPDFFont_GetIsEmbedded(font), f"{path.name}: {name.value} is not embedded"
            size = ctypes.c_size_t()
            pdfium_c.FPDFFont_GetFontData(font, None, 0, ctypes.byref(size))
            data = (ctypes.c_ubyte * size.value)()
            pdfium_c.FPDFFont_GetFontData(font, data, size.value, ctypes.byref(size))
            fonts[name.value.decode()] = TTFont(io.BytesIO(bytes(data)), lazy=True)
    document.close()
    return fonts


def outlines(font: TTFont) -> int:
    """How many glyphs have an outline: a subset keeps only the letters it shows."""
    offsets = font["loca"]  # where each glyph's data starts; an empty glyph takes no bytes
    return sum(1 for start, end in pairwise(offsets) if end > start)


def test_printed_pdfs_embed_only_the_kits_font_subset_to_the_letters_used(built_site):
    kit_font = TTFont(KIT_ROOT / "overrides/assets/fonts/atkinson-hyperlegible-latin-400-normal.woff2")
    whole = sum(1 for name in kit_font.getGlyphOrder() if kit_font["glyf"][name].numberOfContours != 0)
    for path in sorted((built_site / "pdf").glob("*.pdf")):
        if "-fillable-" in path.name:
            continue  # fillable ones embed the whole font for typing: see test_print_forms.py
        fonts = embedded_fonts(path)
        assert fonts, path.name
        for name, font in fonts.items():
            assert SUBSET_NAME.match(name), f"{path.name}: {name} is not a subset of the kit's font"
            assert outlines(font) < whole, f"{path.name}: {name} carries the whole font"


def test_worksheets_and_posters_stay_small(built_site, catalog):
    for entry in catalog["items"]:
        for variant, relative in entry["pdfs"].items():
            size = (built_site / relative).stat().st_size
            if variant in ("letter", "a4"):
                assert size <= MAX_WORKSHEET_BYTES, f"{relative}: {size} bytes"
            elif variant.startswith("poster-"):
                assert size <= MAX_POSTER_BYTES, f"{relative}: {size} bytes"

