"""PDFs joined from pieces: the card decks, the book's volumes and the meeting packets.

Each piece (a sheet of cards, a worksheet, a part's opening) is rendered and cached like any
PDF, and one piece serves every document that holds it: a worksheet's piece is its own PDF, a
section of the book and a part of each packet that uses it. A document with a front (the book's
cover and contents, a packet's cover, agenda and notes) has it rendered once the pieces' page
counts are known, as its contents list the pages where they begin; its page numbers are laid
over the joined pages. All documents of a build go through each step together, so the fronts
and the numbers render in parallel rounds and the joins run side by side in the workers.

A joined document is cached under a key made from its pieces' keys and a sample of its front,
so an unchanged kit opens nothing.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Protocol

from .. import __version__
from ..kit import Kit
from ..locale import ui_words
from ..paper import PAPERS
from . import joining
from .cache import is_intact, store
from .joining import Bookmark, join_tagged, landscape_pages
from .layout_memory import Layout, remember, remembered
from .numbering import page_numbers_htmls
from .renderer import Renderer
from .rendering import PdfJob

# A front whose page count changes with the page numbers it lists is rendered again; one more
# try is all a longer contents list ever needs, and this many is the most ever made.
FRONT_TRIES = 5


class Front(Protocol):
    """The pages a joined document opens with, which list where its pieces begin."""
    cover: bool  # its first page is a cover, and has no page number

    def first_guess(self, pieces: int) -> int:
        """How many pages the front may take, before it is rendered."""

    def html(self, front_pages: int, piece_pages: list[int]) -> str:
        """The front, given its own length and each piece's."""

    def bookmarks(self, front: bytes, front_pages: int, piece_pages: list[int]) -> list[Bookmark]:
        """The joined document's outline, given the rendered front."""


@dataclass
class JoinedDocument:
    """One joined PDF: what the site shows, and what it is joined from."""
    stem: str      # the start of its file name: the kit's, or the session's id
    variant: str   # e.g. 'book-letter', 'cards-2-a4', 'packet-letter'
    label: str
    source: str    # the file an error names
    pieces: list[PdfJob]
    paper_variant: str
    front: Front | None = None
    bookmarks: list[Bookmark] = field(default_factory=list)  # the outline of a document without a front
    filed_under: str = ""  # the item whose PDFs it is listed with; "" for the whole kit's

    def job(self, html: str, kind: str = "tagged") -> PdfJob:
        return PdfJob(self.stem, self.variant, self.label, self.source, html, kind)


@dataclass
class _Waiting:
    """A document not in the cache: its pieces' files and layouts, then its front once rendered."""
    document: JoinedDocument
    key: str
    pieces: list[Path]
    layouts: list[list[bool]]  # each piece's pages, True where landscape (for a document with a front)
    front_pages: int = 0
    remembered: Layout | None = None  # its layout when last joined
    front: Path | None = None
    front_layout: list[bool] = field(default_factory=list)

    @property
    def counts(self) -> list[int]:
        return [len(layout) for layout in self.layouts]


def build_joined(env, kit: Kit, documents: list[JoinedDocument], renderer: Renderer,
                 targets: list[Path] | None = None) -> list[Path]:
    """Each document joined, in the cache; their pieces must have been rendered already.
    `targets`: the documents' files in the cache, as start_fronts_early returned them."""
    if targets is None:
        targets = [_target(env, kit, document, renderer) for document in documents]
    found: dict[int, Path] = {}
    waiting: list[_Waiting] = []
    layouts: dict[Path, list[bool]] = {}  # a worksheet's piece is in the book and in several packets: opened once
    for index, (document, target) in enumerate(zip(documents, targets)):
        pieces = [renderer.cached_path(piece) for piece in document.pieces]
        key = target.stem
        renderer.used.add(target)
        if is_intact(target):
            found[index] = target
        elif document.front is None:  # a card deck: no contents, no page numbers, so no layouts either
            waiting.append(_Waiting(document, key, pieces, []))
        else:
            for path in pieces:
                if path not in layouts:
                    layouts[path] = landscape_pages(path.read_bytes())
            waiting.append(_Waiting(document, key, pieces, [layouts[path] for path in pieces],
                                    remembered=_remembered(kit, document, renderer)))
    with_front = [entry for entry in waiting if entry.document.front is not None]
    _render_fronts(with_front, renderer)
    for entry in with_front:
        remember(renderer.cache, kit.settings.language, entry.document.stem, entry.document.variant,
                 Layout(entry.front_layout, entry.layouts, [path.stem for path in entry.pieces]))
    joins = _joins(env, kit, waiting, renderer)
    joined = renderer.map_in_workers(_joined_bytes, joins)
    renderer.stop_workers()
    made = iter([store(renderer.cache, join.key, data) for join, data in zip(joins, joined)])
    return [found[index] if index in found else next(made) for index in range(len(documents))]


def _render_fronts(waiting: list[_Waiting], renderer: Renderer) -> None:
    """Every front, in parallel rounds: one round, and another for those whose guessed length was wrong.
    The first guess is the length the front had when last joined (as start_fronts_early guessed)."""
    for entry in waiting:
        entry.front_pages = (len(entry.remembered.front) if entry.remembered is not None
                             else entry.document.front.first_guess(len(entry.pieces)))
    todo = waiting
    for _ in range(FRONT_TRIES):
        if not todo:
            return
        jobs = [entry.document.job(entry.document.front.html(entry.front_pages, entry.counts)) for entry in todo]
        again = []
        for entry, path in zip(todo, renderer.paths(jobs)):
            entry.front, entry.front_layout = path, landscape_pages(path.read_bytes())
            if len(entry.front_layout) != entry.front_pages:
                entry.front_pages = len(entry.front_layout)
                again.append(entry)
        todo = again


def start_fronts_early(env, kit: Kit, documents: list[JoinedDocument], renderer: Renderer) -> list[Path]:
    """Start rendering, without waiting, the front and page numbers of each document the cache
    lacks, laid out with the page counts it had when last joined (layout_memory.py): they render
    beside the pieces, and the rounds after the pieces find them done. Call before the pieces'
    round, with the same renderer. Returns the documents' files in the cache, for build_joined."""
    targets = [_target(env, kit, document, renderer) for document in documents]
    jobs = []
    for document, target in zip(documents, targets):
        layout = _remembered(kit, document, renderer) if document.front is not None else None
        if layout is None or target.is_file():
            continue
        pieces = layout.pieces_guessed([renderer.key(piece) for piece in document.pieces])
        if pieces is None:
            continue
        jobs.append(document.job(document.front.html(len(layout.front), [len(pages) for pages in pieces])))
        landscape = [*layout.front, *(wide for pages in pieces for wide in pages)]
        jobs.extend(document.job(html, "overlay") for html in page_numbers_htmls(
            env, kit, PAPERS[document.paper_variant], landscape, cover=document.front.cover))
    renderer.start_early(jobs)
    return targets


def _remembered(kit: Kit, document: JoinedDocument, renderer: Renderer) -> Layout | None:
    """The document's layout when last joined, if it was."""
    return remembered(renderer.cache, kit.settings.language, document.stem, document.variant)


@dataclass(frozen=True)
class Join:
    """What joins one document: its pieces' files in order, its outline and its page numbers."""
    key: str
    pieces: list[Path]
    bookmarks: list[Bookmark]
    numbers: list[Path] = field(default_factory=list)
    link_description: str = "Page {page}"


def _joins(env, kit: Kit, waiting: list[_Waiting], renderer: Renderer) -> list[Join]:
    """What joins each waiting document, once the page numbers of those with a front are rendered
    (in one round)."""
    runs = {}
    for entry in waiting:
        front = entry.document.front
        if front is not None:
            landscape = [*entry.front_layout, *(wide for layout in entry.layouts for wide in layout)]
            runs[entry.key] = [entry.document.job(html, "overlay") for html in page_numbers_htmls(
                env, kit, PAPERS[entry.document.paper_variant], landscape, cover=front.cover)]
    numbers = iter(renderer.paths([run for entry_runs in runs.values() for run in entry_runs]))
    link_description = ui_words(kit.settings.language)["go_to_page"]
    joins = []
    for entry in waiting:
        front = entry.document.front
        if front is None:
            joins.append(Join(entry.key, entry.pieces, entry.document.bookmarks))
            continue
        joins.append(Join(entry.key, [entry.front, *entry.pieces],
                          front.bookmarks(entry.front.read_bytes(), entry.front_pages, entry.counts),
                          [next(numbers) for _ in runs[entry.key]], link_description))
    return joins


def _joined_bytes(join: Join) -> bytes:
    """The joined document (run in a process of its own when several are joined at once)."""
    return join_tagged([path.read_bytes() for path in join.pieces], join.bookmarks,
                       [path.read_bytes() for path in join.numbers], join.link_description)


def _target(env, kit: Kit, document: JoinedDocument, renderer: Renderer) -> Path:
    """The joined document's file in the cache (there or not)."""
    pieces = [renderer.cached_path(piece) for piece in document.pieces]
    key = _joined_key(document.variant, [path.stem for path in pieces], _front_shape(env, kit, document))
    return renderer.cache / f"{key}.pdf"


def _front_shape(env, kit: Kit, document: JoinedDocument) -> str:
    """What shapes the document besides its pieces: its front's template and words (a sample with
    no page numbers: the real ones follow from the pieces' page counts, which their keys fix), and
    its page numbers'; for a document without a front, its outline."""
    front = document.front
    if front is None:
        return repr([(mark.title, mark.page) for mark in document.bookmarks])
    paper = PAPERS[document.paper_variant]
    return (_module_code(type(front).__module__) + front.html(0, [0] * len(document.pieces))
            + page_numbers_htmls(env, kit, paper, [False, False], cover=front.cover)[0])


@cache
def _module_code(name: str) -> str:
    """A module's source, read once: the code that joins, or that lays out a front, is part of
    what shapes a joined PDF."""
    return Path(sys.modules[name].__file__).read_text(encoding="utf-8")


def _joining_code() -> str:
    return _module_code(joining.__name__) + _module_code(__name__)


def _joined_key(variant: str, piece_keys: list[str], front_shape: str) -> str:
    digest = hashlib.sha256()
    for part in ("joined", __version__, _joining_code(), variant, front_shape, *piece_keys):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()
