"""The whole kit as one book: a cover, contents with page numbers, then a part per phase.
A big kit's book comes in volumes, a phase or a share of one in each (volumes.py).

Each part opens with the phase and holds its session plans, the tools and then the handouts
that start in it (an item listed under several phases is printed once, in its first). Every item is
printed exactly as its own worksheet. PDF bookmarks follow the same outline.

The book is rendered in pieces (each part's opening, each item) and joined, so a change
to one tool re-renders one piece; an item's piece is its worksheet's, rendered once for both.
Page numbers need the whole, so they come last: the contents are rendered once the pieces'
page counts are known, and the "page X of Y" footer is laid over the joined pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import accumulate

import jinja2

from ..content_types import in_site_order
from ..kit import Item, Kit
from ..languages import printing_kit
from ..locale import ui_words
from ..model.vocabulary import Term
from ..paper import Paper
from .documents import print_context, print_html
from .joining import Bookmark, page_link
from .volumes import Share, in_volumes

# About this many lines of contents fit a page: the first guess at the front's length.
CONTENTS_LINES_PER_PAGE = 40


@dataclass(frozen=True)
class Part:
    phase: Term
    sessions: list[Item]
    tools: list[Item]
    handouts: list[Item]  # and whatever else is neither a meeting nor a tool
    number: int = 1  # its place in the whole book
    share: int = 1   # a long phase is printed in shares, one per volume: which one this is
    shares: int = 1

    @property
    def items(self) -> list[Item]:
        return [*self.sessions, *self.tools, *self.handouts]

    def title(self, words: dict) -> str:
        """'Phase 2: Listen', or 'Phase 2: Listen (2 of 3)' for a share of a long phase."""
        return share_title(words, words["phase_part"].format(number=self.number, phase=self.phase.label),
                           self.share, self.shares)


def share_title(words: dict, title: str, share: int, shares: int) -> str:
    return words["share_of"].format(title=title, number=share, count=shares) if shares > 1 else title


@dataclass
class ContentsEntry:
    title: str
    page: int  # zero-based page index in the book
    children: list[ContentsEntry] = field(default_factory=list)
    bookmark: str = ""  # the bookmark's title, when it differs from the contents line

    @property
    def number(self) -> int:
        """The page number printed in the contents and the footer."""
        return self.page + 1

    @property
    def link(self) -> str:
        return page_link(self.page)


def parts(kit: Kit) -> list[Part]:
    """One part per phase that has anything in it, in the vocabulary's order.

    Within a part: meetings first, then single tools, then handouts, each type in the site's order."""
    result = []
    for phase in kit.vocabulary.phases:
        starting = [item for ctype in in_site_order() for item in kit.of_type(ctype.name)
                    if item.content.phases[0] == phase.id]
        sessions = [item for item in starting if item.type.packets]
        tools = [item for item in starting if item.type.is_tool]
        handouts = [item for item in starting if not item.type.packets and not item.type.is_tool]
        if starting:
            result.append(Part(phase, sessions, tools, handouts, len(result) + 1))
    return result


def volumes(kit: Kit) -> list[list[Part]]:
    """The book's volumes, each its parts (or a share of one part): one volume for a kit of
    kit.yml's volume_size items or fewer."""
    whole = parts(kit)
    return [[_share_of(whole[share.group], share) for share in volume]
            for volume in in_volumes([part.items for part in whole], kit.settings.volume_size)]


def _share_of(part: Part, share: Share[Item]) -> Part:
    held = {item.id for item in share.items}
    return replace(part, sessions=[item for item in part.sessions if item.id in held],
                   tools=[item for item in part.tools if item.id in held],
                   handouts=[item for item in part.handouts if item.id in held],
                   share=share.number, shares=share.of)


def section_htmls(env: jinja2.Environment, kit: Kit, paper: Paper, page_urls: dict[str, str],
                  volume: list[Part]) -> list[str]:
    """A volume of the book after its front matter, in order: each part's opening, then its items."""
    sections = []
    for part in volume:
        sections.append(env.get_template("book_part.html.j2").render(
            **print_context(kit, "", None, unnumbered=True), paper=paper, part=part, number=part.number,
            document_class="book"))
        # Each item exactly as its own worksheet's piece (worksheets.py), so one render serves both.
        sections.extend(print_html(env, own_kit, own_kit.items[item.id], paper, page_urls[item.id], unnumbered=True)
                        for item in part.items for own_kit in [printing_kit(kit, item.id)])
    return sections


def contents(kit: Kit, volume: list[Part], front_pages: int, section_pages: list[int]) -> list[ContentsEntry]:
    """Each part of the volume and its items with the page it begins on, given the pages each
    section takes."""
    words = ui_words(kit.settings.language)
    starts = iter(accumulate([front_pages, *section_pages[:-1]]))
    entries = []
    for part in volume:
        entry = ContentsEntry(part.title(words), next(starts),
                              bookmark=share_title(words, part.phase.label, part.share, part.shares))
        entry.children = [ContentsEntry(item.content.title, next(starts)) for item in part.items]
        entries.append(entry)
    return entries


def front_html(env: jinja2.Environment, kit: Kit, paper: Paper, volume: list[Part], entries: list[ContentsEntry],
               volume_title: str = "") -> str:
    """The cover (naming the volume, when there are several) and the contents. Dated by the
    volume's own items, so that an edit elsewhere leaves it as it is."""
    return env.get_template("book_front.html.j2").render(
        **print_context(kit, "", None, dated_by=[item for part in volume for item in part.items], unnumbered=True),
        paper=paper, contents=entries, volume_title=volume_title,
        document_class="book")


def bookmarks(entries: list[ContentsEntry]) -> list[Bookmark]:
    """Each part's opening (by its phase's name), and under it each item."""
    return [Bookmark(entry.bookmark or entry.title, entry.page,
                     [Bookmark(child.title, child.page) for child in entry.children]) for entry in entries]


@dataclass(frozen=True)
class BookFront:
    """A volume's cover and contents, in front of its sections (joined.py)."""
    env: jinja2.Environment
    kit: Kit
    paper: Paper
    volume: list[Part]
    volume_title: str = ""
    cover = True

    def first_guess(self, pieces: int) -> int:
        return 1 + max(1, -(-pieces // CONTENTS_LINES_PER_PAGE))  # a line per part and per item

    def html(self, front_pages: int, piece_pages: list[int]) -> str:
        return front_html(self.env, self.kit, self.paper, self.volume,
                          contents(self.kit, self.volume, front_pages, piece_pages), self.volume_title)

    def bookmarks(self, front: bytes, front_pages: int, piece_pages: list[int]) -> list[Bookmark]:
        return bookmarks(contents(self.kit, self.volume, front_pages, piece_pages))
