"""Every worksheet fits its paper as designed, read back from the built PDFs.

The intended pages per type:
- activity: the facilitator side on page 1, the participant side on page 2;
- canvas: the landscape sheet, a page on how to use it, and the filled-in example (if any);
- checklist: a facilitator page, then the questions on one sheet (one or two pages);
- session: the run-sheet on two pages.
Letter and A4 have the same pages (the layout is planned for one content box that fits
both), and the fillable copy has the same pages as the printed one.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

import pytest

from tests.helpers import MM, Char, flat, paper_of, read_pdf, shipped_item_ids

PRINTER_SAFE_EDGE = 7 * MM   # printers leave up to about 6 mm blank at each edge


def intended_pages(item) -> list[str]:
    """The orientation of each page the item's worksheet is meant to have."""
    content = item.content
    if item.type.name == "activity":  # written sheets only; see _activity_pages_fit for the others
        return ["portrait"] * (1 + len(content.all_worksheets))
    if item.type.name == "canvas":
        sheet = content.orientation
        return [sheet, "portrait", *([sheet] if content.example else [])]
    if item.type.name == "session":
        return ["portrait", "portrait"]
    raise AssertionError(item.type.name)


def _written_sheets_only(item) -> bool:
    return all(p.kind == "text" for sheet in item.content.all_worksheets for p in sheet.prompts)


def _activity_pages_fit(item, orientations: list[str], relative: str) -> None:
    """A sheet with tables, ratings or lists flows onto as many pages as it needs, turned to
    landscape when one of its tables has more than four columns."""
    sheets = item.content.all_worksheets
    assert orientations[0] == "portrait" and len(orientations) >= 1 + len(sheets), f"{relative}: {orientations}"
    wide = any(p.kind == "table" and len(p.columns) > 4 for sheet in sheets for p in sheet.prompts)
    assert ("landscape" in orientations) == wide, f"{relative}: {orientations}"


def worksheet_variants(entry: dict) -> dict[str, str]:
    return {variant: path for variant, path in entry["pdfs"].items()
            if paper_of(variant) and not variant.startswith("packet-")}


@pytest.mark.parametrize("item_id", shipped_item_ids())
def test_each_worksheet_has_the_pages_its_type_intends_on_every_paper(built_site, catalog, kit, item_id):
    item = kit.items[item_id]
    entry = next(e for e in catalog["items"] if e["id"] == item_id)
    counts = {}
    for variant, relative in worksheet_variants(entry).items():
        pages = read_pdf(built_site / relative)
        counts[variant] = len(pages)
        orientations = ["landscape" if page.landscape else "portrait" for page in pages]
        if item.type.name == "checklist":
            assert orientations in (["portrait"] * 2, ["portrait"] * 3), f"{relative}: {orientations}"
        elif item.type.name == "handout":  # one or two pages, as its content needs
            assert orientations in (["portrait"], ["portrait"] * 2), f"{relative}: {orientations}"
        elif item.type.name == "activity" and not _written_sheets_only(item):
            _activity_pages_fit(item, orientations, relative)
        else:
            assert orientations == intended_pages(item), relative
    assert len(set(counts.values())) == 1, f"Letter, A4 and fillable differ: {counts}"


def test_activity_sides_each_fill_one_page(built_site, catalog, kit):
    """The facilitator side is one page; each worksheet starts a page of its own (one that
    holds tables, ratings or lists may take more)."""
    for item in kit.of_type("activity"):
        facilitator, *participant = read_pdf(built_site / f"pdf/{item.id}-letter.pdf")
        assert facilitator.text.startswith("FOR THE FACILITATOR " + flat(item.content.title)), item.id
        assert flat(item.content.steps[-1].text) in facilitator.text
        for prompt in item.content.equity_prompts:
            assert flat(prompt) in facilitator.text, f"{item.id}: an equity prompt ran off the facilitator side"
        sheet_starts = [page for page in participant if page.text.startswith("FOR PARTICIPANTS")]
        assert participant[0].text.startswith("FOR PARTICIPANTS " if len(sheet_starts) == 1 else "FOR PARTICIPANTS"), \
            item.id
        assert len(sheet_starts) == len(item.content.all_worksheets), item.id
        text = " ".join(page.text for page in participant)
        for sheet in item.content.all_worksheets:
            for prompt in sheet.prompts:
                assert flat(prompt.label) in text, item.id
        if all(p.kind == "text" for sheet in item.content.all_worksheets for p in sheet.prompts):
            assert len(participant) == len(item.content.all_worksheets), f"{item.id}: a written sheet fills one page"


def test_activity_writing_space_follows_the_lines_each_prompt_asks_for(built_site, kit):
    """A sheet of written prompts is shared out by `lines`: a 6-line prompt gets about twice a 3-line one's space."""
    item = next(item for item in kit.of_type("activity") if item.content.worksheet and _written_sheets_only(item)
                and len({p.lines for p in item.content.worksheet.prompts}) > 1)
    page = read_pdf(built_site / f"pdf/{item.id}-letter.pdf")[1]
    labels = [flat(p.label) for p in item.content.worksheet.prompts]
    tops = [_top_of(page, label) for label in labels] + [page.height - 18 * MM]
    spaces = [b - a for a, b in pairwise(tops)]
    lines = [p.lines for p in item.content.worksheet.prompts]
    smallest, largest = lines.index(min(lines)), lines.index(max(lines))
    assert spaces[largest] > spaces[smallest] * 1.5, (item.id, lines, spaces)


def _top_of(page, words: str) -> float:
    """Where a line of text starts on the page: the top of the first character of `words`."""
    chars = [c for c in page.chars if c.text.strip()]
    index = "".join(c.text for c in chars).find("".join(words.split()))
    assert index >= 0, words
    return chars[index].top


def test_checklist_questions_are_for_participants_and_none_is_split(built_site, kit):
    for item in kit.of_type("checklist"):
        facilitator, *questions = read_pdf(built_site / f"pdf/{item.id}-letter.pdf")
        assert facilitator.text.startswith("FOR THE FACILITATOR"), item.id
        assert questions[0].text.startswith("FOR PARTICIPANTS"), item.id
        for section in item.content.sections:
            for question in section.items:
                on = [i for i, page in enumerate(questions) if flat(question.question) in page.text]
                assert len(on) == 1, f"{item.id}: '{question.question[:40]}' is split or missing"


def test_canvas_sheets_show_every_block_and_the_example(built_site, kit):
    for item in kit.of_type("canvas"):
        sheet, guide, *example = read_pdf(built_site / f"pdf/{item.id}-a4.pdf")
        for block in item.content.blocks:
            assert flat(block.heading) in sheet.text
            assert all(flat(question) in sheet.text for question in block.questions), block.id
        assert "How to use it" in guide.text
        if item.content.example:
            entries = [flat(e) for values in item.content.example.entries.values() for e in values]
            assert all(entry in example[0].text for entry in entries), item.id


def _printed_pdfs(catalog) -> list[tuple[str, str]]:
    return [(entry["id"], path) for entry in catalog["items"] for path in worksheet_variants(entry).values()]


def test_nothing_is_clipped_at_the_paper_edges(built_site, catalog):
    """Every character sits well inside the sheet, where every printer prints."""
    for item_id, relative in _printed_pdfs(catalog):
        for number, page in enumerate(read_pdf(built_site / relative), start=1):
            outside = [c.text for c in page.chars
                       if c.x0 < PRINTER_SAFE_EDGE or c.top < PRINTER_SAFE_EDGE
                       or c.x1 > page.width - PRINTER_SAFE_EDGE or c.bottom > page.height - PRINTER_SAFE_EDGE]
            assert not outside, f"{relative} page {number}: '{''.join(outside)[:40]}' is at the edge"


def test_no_text_runs_into_other_text(built_site, catalog):
    """Overflowing text (a block's questions, a long label, the footer) shows as characters on top of others."""
    for item_id, relative in _printed_pdfs(catalog):
        for number, page in enumerate(read_pdf(built_site / relative), start=1):
            clash = overlapping_characters(page.chars)
            assert clash is None, f"{relative} page {number}: '{clash[0]}' overlaps '{clash[1]}'"


def overlapping_characters(chars, cell: float = 12.0):
    """The first two characters whose boxes overlap by more than a sliver, or None."""
    def shrunk(c):
        # Glyph boxes of neighbouring letters and lines touch; only a real overlap counts.
        dx, dy = (c.x1 - c.x0) * 0.2, (c.bottom - c.top) * 0.25
        return c.x0 + dx, c.top + dy, c.x1 - dx, c.bottom - dy

    grid = defaultdict(list)
    for char in chars:
        if not char.text.strip():
            continue
        x0, top, x1, bottom = box = shrunk(char)
        for gx in range(int(x0 // cell), int(x1 // cell) + 1):
            for gy in range(int(top // cell), int(bottom // cell) + 1):
                for other, other_box in grid[gx, gy]:
                    if box[0] < other_box[2] and other_box[0] < box[2] and box[1] < other_box[3] \
                            and other_box[1] < box[3]:
                        return other.text, char.text
                grid[gx, gy].append((char, box))
    return None


def test_overlap_check_finds_text_printed_on_text():
    line = [Char(letter, 10 + 6 * i, 100, 16 + 6 * i, 110, ()) for i, letter in enumerate("Steps")]
    assert overlapping_characters(line) is None
    assert overlapping_characters(line + [Char("x", 22, 102, 28, 112, ())]) == ("e", "x")
