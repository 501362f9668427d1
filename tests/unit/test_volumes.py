"""A big kit's book and card decks in volumes (generators/pdf/volumes.py): one volume while the
kit is small; above kit.yml's volume_size, a volume per phase and a long phase in near-equal
shares, every item in exactly one volume; and an item added to one phase moves no other
phase's volumes. Checked on the documents' HTML and labels; test_volumes in tests/build reads
the PDFs back."""

from __future__ import annotations

import pytest

from generators.kit import load_kit
from generators.pdf.kit_documents import kit_documents
from generators.pdf.volumes import in_volumes
from generators.templating import print_environment
from tests.helpers import ACTIVITIES_BY_PHASE as ACTIVITIES
from tests.helpers import page_urls


def test_a_kit_within_the_size_is_one_volume_of_every_phase():
    volumes = in_volumes([["a", "b"], [], ["c"]], 3)
    assert len(volumes) == 1
    assert [(share.group, share.items, share.number, share.of) for share in volumes[0]] == [
        (0, ["a", "b"], 1, 1), (2, ["c"], 1, 1)]


def test_a_bigger_kit_has_a_volume_per_phase_and_a_long_phase_in_near_equal_shares():
    volumes = in_volumes([list("abcdefg"), ["h"], []], 3)
    assert [[(share.group, share.items, share.number, share.of) for share in volume] for volume in volumes] == [
        [(0, ["a", "b", "c"], 1, 3)], [(0, ["d", "e"], 2, 3)], [(0, ["f", "g"], 3, 3)], [(1, ["h"], 1, 1)]]


def test_an_item_added_to_one_phase_moves_no_other_phase_volume():
    before = in_volumes([list("abcdef"), list("xyz")], 4)
    after = in_volumes([list("abcdefg"), list("xyz")], 4)
    assert before[-1] == after[-1] and before[-1][0].items == ["x", "y", "z"]


@pytest.mark.parametrize("size,count", [(2, 1), (5, 1), (7, 3)])
def test_every_item_is_in_exactly_one_volume(size, count):
    groups = [[f"{group}-{n}" for n in range(size * group)] for group in range(4)]
    volumes = in_volumes(groups, count)
    held = [item for volume in volumes for share in volume for item in share.items]
    assert held == [item for group in groups for item in group]
    assert all(len(share.items) <= count for volume in volumes for share in volume)


def documents_of(kit_root, volume_size: int | None):
    if volume_size is not None:
        with (kit_root / "kit.yml").open("a", encoding="utf-8") as settings:
            settings.write(f"volume_size: {volume_size}\n")
    kit = load_kit(kit_root)
    return kit, kit_documents(print_environment(kit.root), kit, page_urls(kit), "kit")


def test_a_small_kit_keeps_one_book_and_one_deck_in_each_paper(five_activities):
    _, documents = documents_of(five_activities, None)
    assert [document.variant for document in documents] == ["cards-letter", "cards-a4", "book-letter"]
    book = documents[-1]
    assert book.front.volume_title == "" and book.label == "The whole kit as one book, US Letter"
    assert len(book.pieces) == 2 + len(ACTIVITIES)  # each phase's opening, each activity


def test_above_the_size_the_book_and_decks_come_in_volumes_by_phase(five_activities):
    kit, documents = documents_of(five_activities, 2)
    assert [document.variant for document in documents] == [
        "cards-1-letter", "cards-2-letter", "cards-3-letter", "cards-1-a4", "cards-2-a4", "cards-3-a4",
        "book-1-letter", "book-2-letter", "book-3-letter"]
    books = documents[-3:]
    assert [book.front.volume_title for book in books] == [
        "Volume 1 of 3: Link (1 of 2)", "Volume 2 of 3: Link (2 of 2)", "Volume 3 of 3: Listen"]
    assert books[1].label == "The book, volume 2: Link (2 of 2), US Letter"
    assert documents[0].label == "Activity cards, Link (1 of 2), US Letter"
    # Every activity in one volume of the book and one deck of each paper; decks pair cards by file name.
    in_books = [item.id for book in books for part in book.front.volume for item in part.items]
    assert sorted(in_books) == sorted(ACTIVITIES)
    assert [[mark.title for mark in deck.bookmarks] for deck in documents[:3]] == [
        ["Closing round", "Name the risk"], ["Opening round"], ["Hear the residents", "Map the assets"]]
    # Each volume opens its share of the phase, which says where it stands.
    opening = books[1].pieces[0].html
    assert "This phase is printed in 2 volumes. This is number 2." in opening
    assert "Phase 1: Link (2 of 2)" in opening
    assert kit.items["opening-round"].content.title in opening


def test_a_volume_in_spanish_names_itself_in_spanish(five_activities):
    text = (five_activities / "kit.yml").read_text(encoding="utf-8")
    (five_activities / "kit.yml").write_text(text.replace("language: en", "language: es"), encoding="utf-8")
    _, documents = documents_of(five_activities, 2)
    assert documents[-1].front.volume_title == "Volumen 3 de 3: Listen"
    assert documents[-3].label.startswith("El libro, volumen 1: Link (1 de 2), ")


def test_the_print_page_says_the_book_and_cards_come_in_volumes_and_links_each(five_activities):
    from generators.pdf.print_page import render_print_page
    from generators.site_pages import Download

    _, documents = documents_of(five_activities, 2)
    kit = load_kit(five_activities)
    downloads = {document.variant: Download(document.label, f"pdf/kit-{document.variant}.pdf", "1 MB")
                 for document in documents}
    page = render_print_page(kit, downloads, []).replace("\\", "")  # Markdown's escapes aside
    assert "it comes in 3 volumes, one for each phase" in page
    assert "The cards come in decks, one for each phase" in page
    for document in documents:
        assert f"{document.label} (PDF, 1 MB)](pdf/kit-{document.variant}.pdf)" in page
    single = render_print_page(kit, {"book-letter": Download("The whole kit as one book", "pdf/b.pdf", "1 MB"),
                                      "cards-letter": Download("Activity cards", "pdf/c.pdf", "1 MB")}, [])
    assert "volumes" not in single and "decks, one for each phase" not in single
    # A paragraph of its own, then the buttons in a paragraph of theirs.
    assert "Link, Listen, Co\\-create.\nThe PDF's bookmarks follow the same outline.\n\n[The whole kit" in single


def test_a_retitled_activity_stays_in_its_deck_and_the_other_cards_keep_their_sheets(five_activities):
    """Decks split a long phase by file name: a new title that sorts first moves no card."""
    _, before = documents_of(five_activities, 2)
    tool = five_activities / "toolkit" / "activities" / "opening-round.yml"
    tool.write_text(tool.read_text(encoding="utf-8").replace("title: Opening round", "title: A first round"),
                    encoding="utf-8")
    _, after = documents_of(five_activities, None)  # kit.yml already holds volume_size: 2
    decks_before = [document.pieces for document in before if document.variant.startswith("cards-")]
    decks_after = [document.pieces for document in after if document.variant.startswith("cards-")]
    changed = [(deck, sheet) for deck, (old, new) in enumerate(zip(decks_before, decks_after))
               for sheet, (a, b) in enumerate(zip(old, new, strict=True)) if a.html != b.html]
    assert changed == [(1, 0), (4, 0)], "only the retitled card's own sheet, in each paper"
