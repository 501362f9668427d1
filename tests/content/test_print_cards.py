"""The activity card deck: every activity front and back, two cards a sheet, cut lines in
the same place on every sheet, backs behind their fronts when printed double-sided."""

from __future__ import annotations

import math

import pytest

from tests.helpers import MM, PAGE_SIZES, flat, read_pdf

CARD_SIZES_MM = {"letter": (215.9, 139.7), "a4": (210.0, 148.5)}  # half-letter and A5, long side across


@pytest.fixture(scope="module", params=["letter", "a4"])
def deck(request, built_site, catalog):
    return request.param, built_site / catalog["kit"]["pdfs"][f"cards-{request.param}"]


def test_every_activity_has_a_front_and_a_back_two_to_a_sheet(deck, kit):
    _, path = deck
    activities = sorted(kit.of_type("activity"), key=lambda item: item.id)  # the deck's order: cards.py
    pages = read_pdf(path)
    assert len(pages) == 2 * math.ceil(len(activities) / 2)
    for sheet, first in zip(range(0, len(pages), 2), range(0, len(activities), 2)):
        fronts, backs = pages[sheet].text, pages[sheet + 1].text
        for item in activities[first:first + 2]:
            assert flat(item.content.title) in fronts and flat(item.content.purpose) in fronts
            assert all(flat(material) in fronts for material in item.content.materials), item.id
            assert all(flat(step.text) in backs for step in item.content.steps), f"{item.id}: steps missing"


def test_sheets_are_the_paper_and_cards_are_half_a_sheet(deck):
    paper, path = deck
    width, height = CARD_SIZES_MM[paper]
    for page in read_pdf(path):
        assert (page.width, page.height) == pytest.approx(PAGE_SIZES[paper], abs=0.5)
        assert (page.width / MM, page.height / 2 / MM) == pytest.approx((width, height), abs=0.2)


def test_each_card_stays_on_its_half_clear_of_the_cut_and_the_edges(deck, kit):
    _, path = deck
    activities = sorted(kit.of_type("activity"), key=lambda item: item.id)  # the deck's order: cards.py
    for number, page in enumerate(read_pdf(path)):
        cut = page.height / 2
        top_card = [c for c in page.chars if c.text.strip() and c.top < cut]
        bottom_card = [c for c in page.chars if c.text.strip() and c.top >= cut]
        assert top_card and max(c.bottom for c in top_card) < cut - 6 * MM, f"sheet {number + 1}: top card"
        if bottom_card:
            assert min(c.top for c in bottom_card) > cut + 6 * MM, f"sheet {number + 1}: bottom card"
        assert all(8 * MM < c.x0 and c.x1 < page.width - 8 * MM and 8 * MM < c.top
                   and c.bottom < page.height - 8 * MM for c in top_card + bottom_card)
        # A card's back sits where its front is: the same title on the same half.
        first = activities[number // 2 * 2]
        assert "".join(first.content.title.split()) in "".join(c.text for c in top_card), f"sheet {number + 1}"


def crop_marks(path) -> list[list[tuple[float, float, float, float]]]:
    """Per sheet, the short strokes at its left and right edges: (left, right, top, bottom) in mm."""
    return [sorted((round(m.x0 / MM, 1), round(m.x1 / MM, 1), round(m.top / MM, 1), round(m.bottom / MM, 1))
                   for m in page.shapes
                   if m.x1 - m.x0 < 12 * MM and m.bottom - m.top < 1 * MM
                   and (m.x0 < 15 * MM or m.x1 > page.width - 15 * MM))
            for page in read_pdf(path)]


def test_cut_marks_are_at_the_same_place_on_every_sheet_at_the_cut(deck):
    paper, path = deck
    marks = crop_marks(path)
    assert len(marks[0]) == 2, f"one mark at each edge: {marks[0]}"
    assert all(page == marks[0] for page in marks), "the marks move between sheets"
    half = CARD_SIZES_MM[paper][1]
    for left, right, top, bottom in marks[0]:
        assert top - 0.3 <= half <= bottom + 0.3, f"a mark at {top}-{bottom} mm, the cut at {half} mm"
