"""The shipped kit's PDF worksheets, read back: page size, title and steps in the text. The
helpers that read a PDF once and look at what it shows are in tests/helpers.py."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from tests.helpers import PAGE_SIZES, flat, paper_of, shipped_item_ids, text_of


@pytest.mark.parametrize("item_id", shipped_item_ids())
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
        if item.type.is_handout:  # a handout prints its sections
            expected = [flat(section.heading) for section in item.content.sections]
        elif not item.type.is_tool:  # a session plan prints its agenda
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
