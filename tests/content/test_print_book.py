"""The whole kit as one book: cover, contents with page numbers, a part per phase, bookmarks."""

from __future__ import annotations

import re
from functools import cache
from itertools import groupby

import pytest
from pypdf import PdfReader

from tests.helpers import PAGE_SIZES, flat, logo_on, read_pdf

TOOL_TYPES = ("activity", "canvas", "checklist")
CONTENTS_LINE = re.compile(r"^(.+?)\s*(?:\.\s*){3,}(\d+)$")


@pytest.fixture(scope="module")
def book(built_site, catalog):
    return built_site / catalog["kit"]["pdfs"]["book-letter"]


def expected_outline(kit) -> list[tuple[str, list[str]]]:
    """Each phase with its session plans, then the tools that start in it (activities, canvases,
    checklists), then its handouts, each group by title: the order the book promises."""
    outline = []
    for phase in kit.vocabulary.phases:
        sessions = [s.content.title for s in kit.of_type("session") if s.content.phase == phase.id]
        tools = [t.content.title for kind in TOOL_TYPES for t in kit.of_type(kind) if t.content.phases[0] == phase.id]
        handouts = [h.content.title for h in kit.of_type("handout") if h.content.phases[0] == phase.id]
        if sessions or tools or handouts:
            outline.append((phase.label, sessions + tools + handouts))
    return outline


@cache
def bookmarks(path) -> list[tuple[str, int, list[tuple[str, int]]]]:
    reader = PdfReader(path)
    tree, outline = [], reader.outline
    for index, entry in enumerate(outline):
        if isinstance(entry, list):
            continue
        children = outline[index + 1] if index + 1 < len(outline) and isinstance(outline[index + 1], list) else []
        tree.append((entry.title, reader.get_destination_page_number(entry) + 1,
                     [(child.title, reader.get_destination_page_number(child) + 1) for child in children]))
    return tree


def test_the_book_is_in_the_kits_paper_only(catalog):
    assert set(catalog["kit"]["pdfs"]) == {"book-letter", "cards-letter", "cards-a4"}


def test_bookmarks_group_every_tool_and_session_by_phase(book, kit):
    tree = bookmarks(book)
    assert [(phase, [title for title, _ in children]) for phase, _, children in tree] == expected_outline(kit)
    titles = [title for _, _, children in tree for title, _ in children]
    assert sorted(titles) == sorted(item.content.title for item in kit.items.values())


def test_each_bookmark_opens_the_page_where_its_part_or_tool_begins(book):
    pages = read_pdf(book)
    for phase, page, children in bookmarks(book):
        assert pages[page - 1].text.startswith("PHASE"), phase
        assert phase in pages[page - 1].text
        for title, child_page in children:
            assert flat(title) in pages[child_page - 1].text[:400], f"{title} is not on page {child_page}"


def test_the_contents_list_the_same_parts_and_page_numbers_as_the_bookmarks(book):
    reader = PdfReader(book)
    lines = [line.strip() for page in _contents_pages(reader, book) for line in page.extract_text().splitlines()]
    contents = [(m[1].strip(), int(m[2])) for line in lines if (m := CONTENTS_LINE.match(line))]
    expected = []
    for number, (phase, page, children) in enumerate(bookmarks(book), start=1):
        expected.extend([(f"Phase {number}: {phase}", page), *children])
    assert [(flat(title), page) for title, page in contents] == [(flat(title), page) for title, page in expected]

def _contents_pages(reader: PdfReader, book) -> list:
    """The pages between the cover and the first part, where the contents are."""
    first_part = bookmarks(book)[0][1]
    return reader.pages[1:first_part - 1]


def test_the_cover_names_the_kit_and_its_publisher_without_page_furniture(book, kit):
    cover = read_pdf(book)[0]
    settings = kit.settings
    for words in (settings.name, settings.tagline, settings.organization, settings.content_licence.name):
        assert flat(words) in cover.text
    assert not re.search(r"Page \d+ of", cover.text)
    assert logo_on(cover), "the cover shows the logo"


def test_every_page_is_letter_sized_and_numbered(book):
    pages = read_pdf(book)
    for number, page in enumerate(pages[1:], start=2):
        assert sorted((page.width, page.height)) == pytest.approx(sorted(PAGE_SIZES["letter"]), abs=0.5)
        assert re.findall(r"Page \d+ of \d+", page.text) == [f"Page {number} of {len(pages)}"]


def test_contents_entries_link_to_their_pages_and_say_where_they_go(book):
    reader = PdfReader(book)
    pages = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages, start=1)}
    expected = [page for _, page, children in bookmarks(book) for page in [page, *(p for _, p in children)]]
    links = [annotation.get_object() for page in _contents_pages(reader, book)
             for annotation in page.get("/Annots", [])]
    assert links and all(link["/A"]["/S"] == "/GoTo" for link in links)
    # A contents line may be clickable in several boxes (its title, its dotted leader): one entry each.
    targets = [page for page, _ in groupby(pages[link["/A"]["/D"][0].idnum] for link in links)]
    assert targets == expected
    assert all(str(link["/Contents"]) == f"Go to page {pages[link['/A']['/D'][0].idnum]}" for link in links)
