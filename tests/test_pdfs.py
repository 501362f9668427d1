"""PDF worksheets, read back: page size, title and steps in the text."""

from __future__ import annotations

import pdfplumber
import pytest
from pypdf import PdfReader

from conftest import KIT_ROOT

PAGE_SIZES = {"letter": (612.0, 792.0), "a4": (595.28, 841.89)}


def _flat(text: str) -> str:
    # Words joined by a hyphen may break across lines ("co-" / "leader"); extraction adds a space there.
    return " ".join(text.split()).replace("- ", "-")


def _text(path) -> str:
    with pdfplumber.open(path) as pdf:
        return _flat(" ".join(page.extract_text() or "" for page in pdf.pages))


def _item_ids():
    from generators.kit import load_kit

    return sorted(load_kit(KIT_ROOT).items)


@pytest.mark.parametrize("item_id", _item_ids())
def test_every_pdf_has_its_page_size_title_and_steps(built_site, catalog, kit, item_id):
    entry = next(e for e in catalog["items"] if e["id"] == item_id)
    item = kit.items[item_id]
    for variant, relative in entry["pdfs"].items():
        path = built_site / relative
        reader = PdfReader(path)
        portrait = sorted(PAGE_SIZES[variant.removeprefix("packet-")])
        for page in reader.pages:
            size = sorted((float(page.mediabox.width), float(page.mediabox.height)))
            assert size == pytest.approx(portrait, abs=0.5), f"{relative} page size {size}"
        text = _text(path)
        assert _flat(item.content.title) in text, relative
        if item.is_session:
            expected = [row_title for row_title in (a.title for a in item.content.agenda) if row_title]
        else:
            expected = [_flat(step.text) for step in item.content.steps]
        for words in expected:
            assert words in text, f"{relative} lacks: {words[:60]}"


def test_pdf_metadata_names_the_tool_and_language(built_site, catalog, kit):
    entry = next(e for e in catalog["items"] if e["type"] == "activity")
    reader = PdfReader(built_site / entry["pdfs"]["a4"])
    assert reader.metadata.title == entry["title"]
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert bool(reader.trailer["/Root"]["/MarkInfo"]["/Marked"])
