"""The kit-wide PDFs: the activity card deck in each paper, and the book in the kit's paper.

Both are rendered in pieces (a sheet of cards, a section of the book) that are cached
like any worksheet, then joined. A change to one tool re-renders its own pieces and
the book's contents, not the whole book: the pieces render in the same parallel round as
every other PDF, and joining takes a fraction of the rendering time. A joined document
is cached too, under a key made from its pieces' keys, so an unchanged kit opens nothing.
A big kit's book and decks come in volumes (volumes.py), so an edit re-joins one volume.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .. import __version__
from ..kit import Item, Kit
from ..locale import ui_words
from ..paper import PAPERS, papers_in_order
from . import book, joining
from .cache import is_intact, store
from .cards import card_bookmarks, card_sheet_htmls, deck_items, decks
from .joining import join_tagged, landscape_pages
from .numbering import page_numbers_htmls
from .rendering import PdfJob, Renderer
from .volumes import Share

# About this many lines of contents fit a page; the guess at the front matter's length
# saves rendering it twice, and a wrong guess is put right by rendering it again.
CONTENTS_LINES_PER_PAGE = 40


@dataclass
class KitDocument:
    """One joined PDF: what the catalog shows, and the pieces it is joined from."""
    stem: str
    variant: str
    label: str
    source: str
    pieces: list[PdfJob]
    paper_variant: str
    activities: list[Item] = field(default_factory=list)  # a card deck's cards
    volume: list[book.Part] | None = None  # a book's parts (or shares of parts)
    volume_title: str = ""  # on the cover of a book in volumes

    def job(self, html: str, kind: str = "tagged") -> PdfJob:
        return PdfJob(self.stem, self.variant, self.label, self.source, html, kind)


def kit_documents(env, kit: Kit, page_urls: dict[str, str], stem: str) -> list[KitDocument]:
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
            document = KitDocument(stem, _variant("cards", number, len(all_decks), paper.variant), label,
                                   "toolkit/activities", [], paper.variant, deck_items(deck))
            document.pieces = [document.job(html) for html in
                               card_sheet_htmls(env, kit, paper, page_urls, document.activities)]
            documents.append(document)
    # The book is long: one copy, in the kit's paper.
    paper = PAPERS[kit.settings.paper]
    volumes = book.volumes(kit) if kit.items else []
    for number, volume in enumerate(volumes, start=1):
        title = book.share_title(words, volume[0].phase.label, volume[0].share, volume[0].shares)
        label = (words["book_download"].format(label=words[paper.words_key]) if len(volumes) == 1 else
                 words["book_volume_download"].format(number=number, contents=title, label=words[paper.words_key]))
        document = KitDocument(stem, _variant("book", number, len(volumes), paper.variant), label, "kit.yml", [],
                               paper.variant, volume=volume, volume_title="" if len(volumes) == 1 else
                               words["book_volume"].format(number=number, count=len(volumes), contents=title))
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


def build_kit_documents(env, kit: Kit, documents: list[KitDocument], renderer: Renderer) -> list[Path]:
    """Each document joined, in the cache; their pieces must have been rendered already.

    Everything still to render (the book's contents and page numbers) is rendered first; then
    the documents are joined side by side, by the rendering workers when they are running.
    """
    plans = [_plan(env, kit, document, renderer) for document in documents]
    joins = [plan for plan in plans if isinstance(plan, Join)]
    joined = dict(zip((join.key for join in joins), renderer.map_in_workers(_joined_bytes, joins)))
    renderer.stop_workers()
    return [store(renderer.cache, plan.key, joined[plan.key]) if isinstance(plan, Join) else plan for plan in plans]


@dataclass(frozen=True)
class Join:
    """What joins one document: its pieces' files in order, its outline and its page numbers."""
    key: str
    pieces: list[Path]
    bookmarks: list[joining.Bookmark]
    numbers: list[Path] = field(default_factory=list)
    link_description: str = "Page {page}"


def _joined_bytes(join: Join) -> bytes:
    """The joined document (run in a process of its own when several are joined at once)."""
    return join_tagged([path.read_bytes() for path in join.pieces], join.bookmarks,
                       [path.read_bytes() for path in join.numbers], join.link_description)


def _plan(env, kit: Kit, document: KitDocument, renderer: Renderer) -> Path | Join:
    """Render what the document needs besides its pieces; return it if it is in the cache, or
    what joins it."""
    pieces = [renderer.cached_path(piece) for piece in document.pieces]
    is_book = document.variant.startswith("book-")
    paper = PAPERS[document.paper_variant]
    # The book's front matter and page numbers depend on the pieces' page counts, which
    # their keys fix, and on their templates, which these samples hold.
    front_shape = (book.front_html(env, kit, paper, document.volume,
                                   book.contents(kit, document.volume, 0, [0] * len(pieces)), document.volume_title)
                   + page_numbers_htmls(env, kit, paper, [False, False], cover=True)[0]) if is_book else ""
    key = _joined_key(document.variant, [path.stem for path in pieces], front_shape)
    target = renderer.cache / f"{key}.pdf"
    renderer.used.add(target)
    if is_intact(target):
        return target
    if not is_book:
        return Join(key, pieces, card_bookmarks(document.activities))
    # Each piece opened once: its page count and its pages' orientation.
    piece_pages = [landscape_pages(path.read_bytes()) for path in pieces]
    counts = [len(pages) for pages in piece_pages]
    lines = len(counts)  # one per part and per item, as many as the sections
    front_pages = 1 + max(1, -(-lines // CONTENTS_LINES_PER_PAGE))  # the cover, then the contents
    for _ in range(5):  # one more try is all a longer contents list ever needs
        entries = book.contents(kit, document.volume, front_pages, counts)
        front = renderer.paths([document.job(book.front_html(env, kit, paper, document.volume, entries,
                                                             document.volume_title))])[0]
        front_layout = landscape_pages(front.read_bytes())
        if len(front_layout) == front_pages:
            break
        front_pages = len(front_layout)
    landscape = [*front_layout, *(wide for pages in piece_pages for wide in pages)]
    numbers = renderer.paths([document.job(html, "overlay")
                              for html in page_numbers_htmls(env, kit, paper, landscape, cover=True)])
    return Join(key, [front, *pieces], book.bookmarks(entries), numbers,
                ui_words(kit.settings.language)["go_to_page"])


@cache
def _joining_code() -> str:
    """The code that joins is part of what shapes a joined PDF (read once, when first needed)."""
    return "".join(Path(module.__file__).read_text(encoding="utf-8") for module in (book, joining))


def _joined_key(variant: str, piece_keys: list[str], front_shape: str) -> str:
    digest = hashlib.sha256()
    for part in ("joined", __version__, _joining_code(), variant, front_shape, *piece_keys):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()
