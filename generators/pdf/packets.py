"""Meeting packets, joined from pieces (joined.py): the packet's own pages (a cover with
contents, the agenda and the facilitator notes: packet.html.j2), then each tool's worksheet and
each handout exactly as its own PDF's piece, with page numbers laid over the whole.

A worksheet is rendered once for its own PDF, the book and every packet that holds it: a
packet costs the render of its own few pages, and an edit to a tool re-renders no packet that
uses it, only the contents of those whose page numbers move.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate

import jinja2

from ..kit import Item, Kit
from ..languages import printing_kit
from ..packet import Packet
from ..paper import Paper
from .documents import packet_html, print_html
from .joined import JoinedDocument
from .joining import Bookmark, outline_of

# A cover, the agenda and the notes: the first guess at a packet's own pages.
OWN_PAGES_GUESS = 3


def packet_pieces(packet: Packet) -> list[Item]:
    """What follows the packet's own pages: each worksheet, then each handout."""
    return [*packet.tools, *packet.handouts]


@dataclass(frozen=True)
class PacketFront:
    """A packet's own pages, in front of its worksheets and handouts."""
    env: jinja2.Environment
    kit: Kit
    packet: Packet
    paper: Paper
    page_url: str
    cover = False  # numbered from the cover, as the packet is read and handed out whole

    def first_guess(self, pieces: int) -> int:
        return OWN_PAGES_GUESS

    def html(self, front_pages: int, piece_pages: list[int]) -> str:
        return packet_html(self.env, self.kit, self.packet, self.paper, self.page_url,
                           _starts(front_pages, piece_pages))

    def bookmarks(self, front: bytes, front_pages: int, piece_pages: list[int]) -> list[Bookmark]:
        """The front's own (the agenda, the notes), then one per worksheet and handout."""
        return [*outline_of(front), *(Bookmark(item.content.title, start) for item, start in
                                      zip(packet_pieces(self.packet), _starts(front_pages, piece_pages)))]


def _starts(front_pages: int, piece_pages: list[int]) -> list[int]:
    """The page (from 0) where each piece begins."""
    return list(accumulate([front_pages, *piece_pages[:-1]]))[:len(piece_pages)]


def packet_document(env: jinja2.Environment, kit: Kit, packet: Packet, paper: Paper, page_url: str,
                    page_urls: dict[str, str], *, stem: str, label: str, source: str,
                    filed_under: str = "") -> JoinedDocument:
    """The packet as a document to join: its pieces are the worksheets' and handouts' own."""
    document = JoinedDocument(stem, f"packet-{paper.variant}", label, source, [], paper.variant,
                              PacketFront(env, kit, packet, paper, page_url), filed_under=filed_under)
    document.pieces = [document.job(print_html(env, own_kit, own_kit.items[item.id], paper, page_urls[item.id],
                                               unnumbered=True))
                       for item in packet_pieces(packet) for own_kit in [printing_kit(kit, item.id)]]
    return document
