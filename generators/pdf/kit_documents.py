"""The kit-wide PDFs: the activity card deck in each paper, and the book in the kit's paper.

Both are joined from pieces (a sheet of cards; a part's opening, and each item's worksheet)
that are cached like any worksheet (joined.py). A change to one tool re-renders its own pieces
and the book's contents, not the whole book. A big kit's book and decks come in volumes
(volumes.py), so an edit re-joins one volume.
"""

from __future__ import annotations

from ..kit import Item, Kit
from ..locale import ui_words
from ..paper import PAPERS, papers_in_order
from . import book
from .cards import card_bookmarks, card_sheet_htmls, deck_items, decks
from .joined import JoinedDocument
from .volumes import Share


def kit_documents(env, kit: Kit, page_urls: dict[str, str], stem: str) -> list[JoinedDocument]:
    """The card decks in every paper, then the book in the kit's paper: each in volumes, for a
    big kit (volumes.py)."""
    words = ui_words(kit.settings.language)
    documents = []
    all_decks = decks(kit) if kit.of_type("activity") else []
    for paper in papers_in_order(kit.settings.paper):
        for number, deck in enumerate(all_decks, start=1):
            paper_label = words[paper.words_key]
            label = (words["cards_download"].format(label=paper_label) if len(all_decks) == 1 else
                     words["cards_volume_download"].format(contents=_deck_title(kit, words, deck), label=paper_label))
            activities = deck_items(deck)
            document = JoinedDocument(stem, _variant("cards", number, len(all_decks), paper.variant), label,
                                      "toolkit/activities", [], paper.variant, bookmarks=card_bookmarks(activities))
            document.pieces = [document.job(html) for html in card_sheet_htmls(env, kit, paper, page_urls, activities)]
            documents.append(document)
    # The book is long: one copy, in the kit's paper.
    paper = PAPERS[kit.settings.paper]
    volumes = book.volumes(kit) if kit.items else []
    for number, volume in enumerate(volumes, start=1):
        title = book.share_title(words, volume[0].phase.label, volume[0].share, volume[0].shares)
        label = (words["book_download"].format(label=words[paper.words_key]) if len(volumes) == 1 else
                 words["book_volume_download"].format(number=number, contents=title, label=words[paper.words_key]))
        volume_title = "" if len(volumes) == 1 else words["book_volume"].format(
            number=number, count=len(volumes), contents=title)
        document = JoinedDocument(stem, _variant("book", number, len(volumes), paper.variant), label, "kit.yml", [],
                                  paper.variant, book.BookFront(env, kit, paper, volume, volume_title))
        document.pieces = [document.job(html) for html in book.section_htmls(env, kit, paper, page_urls, volume)]
        documents.append(document)
    return documents


def _variant(kind: str, number: int, count: int, paper: str) -> str:
    """'book-letter' for a document in one volume, 'book-2-letter' for the second of several."""
    return f"{kind}-{paper}" if count == 1 else f"{kind}-{number}-{paper}"


def _deck_title(kit: Kit, words: dict, deck: list[Share[Item]]) -> str:
    """The phase a deck of a kit in volumes holds, e.g. 'Listen (2 of 3)'."""
    share = deck[0]
    return book.share_title(words, kit.vocabulary.phases[share.group].label, share.number, share.of)
