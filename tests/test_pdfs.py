"""PDF worksheets, read back: page size, title and steps in the text; and the helpers the
other print tests share (test_print_*.py) to read a PDF once and look at what it shows."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from conftest import KIT_ROOT
from pypdf import PdfReader

MM = 72 / 25.4
PAGE_SIZES = {"letter": (612.0, 792.0), "a4": (595.28, 841.89)}


def flat(text: str) -> str:
    # Words joined by a hyphen may break across lines ("co-" / "leader"); extraction adds a space
    # there, and PDFium marks such a hyphen as U+FFFE.
    return " ".join(text.replace("\ufffe", "-").split()).replace("- ", "-")


@dataclass(frozen=True)
class Char:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    colour: tuple        # fill colour, 0-255 per channel


@dataclass(frozen=True)
class Shape:
    kind: str            # 'path' or 'image'
    x0: float
    top: float
    x1: float
    bottom: float
    stroke: tuple        # stroke colour, 0-255 per channel


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    text: str            # flattened, as a reader would copy it
    chars: tuple[Char, ...]
    shapes: tuple[Shape, ...]  # lines, paths and images: rules, boxes, crop marks, the logo

    @property
    def landscape(self) -> bool:
        return self.width > self.height


@cache
def read_pdf(path: Path) -> tuple[Page, ...]:
    """Every page of a PDF with its size, text and characters; each file is read once per test run.

    PDFium reads a page in milliseconds (pdfplumber takes a second or more), and gives the text
    in the order it is drawn, which is reading order.
    """
    pages = []
    document = pdfium.PdfDocument(path)
    for page in document:
        width, height = page.get_size()
        textpage = page.get_textpage()
        chars = []
        for index in range(textpage.count_chars()):
            left, bottom, right, top = textpage.get_charbox(index)
            red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
            pdfium_c.FPDFText_GetFillColor(textpage, index, red, green, blue, alpha)
            chars.append(Char(chr(pdfium_c.FPDFText_GetUnicode(textpage, index)), left, height - top, right,
                              height - bottom, (red.value, green.value, blue.value)))
        shapes = []
        for drawn in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE]):
            left, bottom, right, top = drawn.get_bounds()
            red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
            pdfium_c.FPDFPageObj_GetStrokeColor(drawn.raw, red, green, blue, alpha)
            kind = "image" if drawn.type == pdfium_c.FPDF_PAGEOBJ_IMAGE else "path"
            shapes.append(Shape(kind, left, height - top, right, height - bottom, (red.value, green.value, blue.value)))
        pages.append(Page(width, height, flat(textpage.get_text_range()), tuple(chars), tuple(shapes)))
    document.close()
    return tuple(pages)


def text_of(path: Path) -> str:
    return " ".join(page.text for page in read_pdf(path))


def paper_of(variant: str) -> str | None:
    """The paper of a variant: 'letter' for 'letter', 'fillable-letter', 'packet-letter'; None for posters."""
    paper = variant.rsplit("-", 1)[-1]
    return paper if paper in PAGE_SIZES else None


def _item_ids():
    from generators.kit import load_kit

    return sorted(load_kit(KIT_ROOT).items)


@pytest.mark.parametrize("item_id", _item_ids())
def test_every_pdf_has_its_page_size_title_and_steps(built_site, catalog, kit, item_id):
    entry = next(e for e in catalog["items"] if e["id"] == item_id)
    item = kit.items[item_id]
    paper_variants = {variant: path for variant, path in entry["pdfs"].items() if paper_of(variant)}
    assert {"letter", "a4"} <= set(paper_variants)
    for variant, relative in paper_variants.items():
        path = built_site / relative
        portrait = sorted(PAGE_SIZES[paper_of(variant)])
        for page in PdfReader(path).pages:
            size = sorted((float(page.mediabox.width), float(page.mediabox.height)))
            assert size == pytest.approx(portrait, abs=0.5), f"{relative} page size {size}"
        text = text_of(path)
        assert flat(item.content.title) in text, relative
        if item.is_session:
            expected = [row_title for row_title in (a.title for a in item.content.agenda) if row_title]
        else:
            expected = [flat(step.text) for step in item.content.steps]
        for words in expected:
            assert words in text, f"{relative} lacks: {words[:60]}"


def test_pdf_metadata_names_the_tool_and_language(built_site, catalog, kit):
    entry = next(e for e in catalog["items"] if e["type"] == "activity")
    reader = PdfReader(built_site / entry["pdfs"]["a4"])
    assert reader.metadata.title == entry["title"]
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert bool(reader.trailer["/Root"]["/MarkInfo"]["/Marked"])
