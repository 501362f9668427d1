"""The shipped kit's meeting packets, read back: contents page numbers, page counts, clock times.
`toolkit packet` on the fixture kit: tests/build/test_packets.py."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from generators.packet import session_packet
from tests.helpers import contents, page_texts, plus_minutes, read_page


@pytest.mark.parametrize("variant", ["packet-letter", "packet-a4"])
def test_session_packets_hold_cover_agenda_notes_and_every_worksheet(built_site, catalog, kit, variant):
    sessions = [e for e in catalog["items"] if e["type"] == "session"]
    assert sessions
    for entry in sessions:
        path = built_site / entry["pdfs"][variant]
        texts = page_texts(path)
        toc = contents(path)
        item = kit.items[entry["id"]]
        tool_ids = list(dict.fromkeys(a.tool for a in item.content.agenda if a.tool))
        handout_ids = [handout.id for handout in session_packet(kit, item).handouts]
        assert [title for title, _ in toc] == ["Agenda", "Facilitator notes",
                                               *(kit.items[i].content.title for i in tool_ids + handout_ids)]
        # Each contents entry points at the page where that part begins.
        assert toc[0][1] == 2, "the cover is one page"
        for title, page in toc[2:]:
            assert title in texts[page - 1][:300], f"contents say '{title}' starts on page {page}"
        assert item.content.title in texts[toc[0][1] - 1]
        assert "Roles" in texts[toc[1][1] - 1]
        # Each worksheet and handout takes as many pages in the packet as on its own.
        paper = variant.removeprefix("packet-")
        worksheet_pages = [len(PdfReader(built_site / f"pdf/{i}-{paper}.pdf").pages) for i in tool_ids + handout_ids]
        starts = [page for _, page in toc[2:]] + [len(texts) + 1]
        assert [b - a for a, b in zip(starts, starts[1:])] == worksheet_pages
        agenda_pages, notes_pages = toc[1][1] - toc[0][1], toc[2][1] - toc[1][1]
        assert len(texts) == 1 + agenda_pages + notes_pages + sum(worksheet_pages)


def test_session_packet_clock_times_follow_the_start_time(built_site, catalog, kit):
    entry = next(e for e in catalog["items"] if e["id"] == "strategic-focus")
    session = kit.items["strategic-focus"].content
    agenda_page = page_texts(built_site / entry["pdfs"]["packet-a4"])[1]
    elapsed = 0
    for item in session.agenda:
        expected = f"{plus_minutes(session.start, elapsed)}–{plus_minutes(session.start, elapsed + item.minutes)}"
        assert expected in agenda_page
        elapsed += item.minutes


def test_sessions_list_their_tools_and_packets_in_the_catalog(catalog, kit):
    for entry in (e for e in catalog["items"] if e["type"] == "session"):
        session = kit.items[entry["id"]].content
        assert entry["tools"] == list(dict.fromkeys(a.tool for a in session.agenda if a.tool))
        assert set(entry["pdfs"]) == {"letter", "a4", "packet-letter", "packet-a4"}


def test_session_page_merges_the_materials_of_its_tools(built_site, kit):
    page = read_page(built_site / "sessions/link-with-community-leaders/index.html")
    session = kit.items["link-with-community-leaders"].content
    materials = [m for a in session.agenda if a.tool for m in getattr(kit.items[a.tool].content, "materials", [])]
    assert materials and "What to bring" in page.headings
    for material in materials:
        assert " ".join(material.split()) in page.visible
