"""The whole kit as one book: a cover, contents with page numbers, then a part per phase.

Each part opens with the phase and holds its session plans, the tools and then the handouts
that start in it (an item listed under several phases is printed once, in its first). Every item is
printed exactly as its own worksheet. PDF bookmarks follow the same outline.

The book is rendered in pieces (each part's opening, each item) and joined, so a change
to one tool re-renders one piece; an item's piece is its worksheet's, rendered once for both.
Page numbers need the whole, so they come last: the contents are rendered once the pieces'
page counts are known, and the "page X of Y" footer is laid over the joined pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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

@dataclass(frozen=True)
class Part:
    phase: Term
    sessions: list[Item]
    tools: list[Item]
    handouts: list[Item]  # and whatever else is neither a meeting nor a tool

    @property
    def items(self) -> list[Item]:
        return [*self.sessions, *self.tools, *self.handouts]


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
            result.append(Part(phase, sessions, tools, handouts))
    return result


def section_htmls(env: jinja2.Environment, kit: Kit, paper: Paper, page_urls: dict[str, str]) -> list[str]:
    """The book after its front matter, in order: each part's opening, then its items."""
    sections = []
    for number, part in enumerate(parts(kit), start=1):
        sections.append(env.get_template("book_part.html.j2").render(
            **print_context(kit, "", None, unnumbered=True), paper=paper, part=part, number=number,
            document_class="book"))
        # Each item exactly as its own worksheet's piece (worksheets.py), so one render serves both.
        sections.extend(print_html(env, own_kit, own_kit.items[item.id], paper, page_urls[item.id], unnumbered=True)
                        for item in part.items for own_kit in [printing_kit(kit, item.id)])
    return sections


def contents(kit: Kit, front_pages: int, section_pages: list[int]) -> list[ContentsEntry]:
    """Each part and item with the page it begins on, given the pages each section takes."""
    phase_part = ui_words(kit.settings.language)["phase_part"]
    starts = iter(accumulate([front_pages, *section_pages[:-1]]))
    entries = []
    for number, part in enumerate(parts(kit), start=1):
        entry = ContentsEntry(phase_part.format(number=number, phase=part.phase.label), next(starts),
                              bookmark=part.phase.label)
        entry.children = [ContentsEntry(item.content.title, next(starts)) for item in part.items]
        entries.append(entry)
    return entries


def front_html(env: jinja2.Environment, kit: Kit, paper: Paper, entries: list[ContentsEntry]) -> str:
    """The cover and the contents."""
    return env.get_template("book_front.html.j2").render(
        **print_context(kit, "", None, dated_by=kit.items.values(), unnumbered=True),
        paper=paper, contents=entries,
        document_class="book")


def bookmarks(entries: list[ContentsEntry]) -> list[Bookmark]:
    """Each part's opening (by its phase's name), and under it each item."""
    return [Bookmark(entry.bookmark or entry.title, entry.page,
                     [Bookmark(child.title, child.page) for child in entry.children]) for entry in entries]
