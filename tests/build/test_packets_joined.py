"""A meeting packet is joined from its own pages (cover, agenda, notes) and the worksheets' and
handouts' own pieces (generators/pdf/packets.py): read back, its contents, outline and page
numbers agree, each worksheet's pages are the worksheet's own, and it stays one tagged
document; an edit to a tool it holds renders no packet again."""

from __future__ import annotations

import re

import pikepdf
from pypdf import PdfReader

from tests.helpers import build_pdfs_counted, contents, page_texts

SESSION = "first-meeting"
PIECES = ("quick-check-in", "food-and-housing", "ground-rules-sheet")  # its two tools, then its handout


def _without_numbers(text: str) -> str:
    return re.sub(r"Page \d+ of \d+", "", text)


def test_a_packet_is_its_own_pages_then_each_worksheet_as_printed_alone(fixture_kit_pdfs):
    pdfs = fixture_kit_pdfs
    packet = pdfs[f"{SESSION}-packet-letter"]
    texts = page_texts(packet)
    toc = contents(packet)
    assert [title for title, _ in toc][:2] == ["Agenda", "Facilitator notes"]
    starts = [page for _, page in toc[2:]]
    # Each worksheet takes the pages its own PDF has, with the same text but for the numbers.
    ends = [*starts[1:], len(texts) + 1]
    for piece, start, end in zip(PIECES, starts, ends, strict=True):
        alone = page_texts(pdfs[f"{piece}-letter"])
        assert end - start == len(alone)
        assert [_without_numbers(text) for text in texts[start - 1:end - 1]] == [
            _without_numbers(text) for text in alone]
    # Numbered as one document, from the cover.
    for number, text in enumerate(texts, start=1):
        assert re.findall(r"Page \d+ of \d+", text) == [f"Page {number} of {len(texts)}"]
    # The outline: the agenda (under the meeting's title), the notes, then each piece where the contents say.
    reader = PdfReader(packet)
    outline = [(entry.title, reader.get_destination_page_number(entry) + 1) for entry in reader.outline]
    assert [title for title, _ in outline] == ["First meeting", "Facilitator notes",
                                               *(title for title, _ in toc[2:])]
    assert [page for _, page in outline] == [page for _, page in toc]
    # The contents' lines are links to those pages.
    links = [annotation.get_object() for annotation in reader.pages[0].get("/Annots", [])]
    targets = sorted({reader.get_page_number(link["/A"]["/D"][0].get_object()) + 1
                      for link in links if "/A" in link and link["/A"].get("/S") == "/GoTo"})
    assert targets == starts
    with pikepdf.open(packet) as joined:
        (document,) = list(joined.Root.StructTreeRoot.K)
        assert [str(part.S) for part in document.K] == ["/Part"] * (1 + len(PIECES))
        assert str(joined.Root.Lang) == "en"


def test_an_edit_to_a_tool_renders_no_packet_that_holds_it(fixture_kit_copy_built, caplog):
    rendered, _, _, _ = build_pdfs_counted(fixture_kit_copy_built, caplog)
    assert rendered == 0
    tool = fixture_kit_copy_built / "toolkit" / "activities" / "quick-check-in.yml"
    tool.write_text(tool.read_text(encoding="utf-8").replace("Ask one question", "Ask one short question"),
                    encoding="utf-8")
    rendered, _, _, _ = build_pdfs_counted(fixture_kit_copy_built, caplog)
    # Its letter, A4 and fillable worksheets and its card sheet in both papers: the packets and the
    # book are joined again from those pieces, and their own pages stay as they were.
    assert rendered == 3 + 2
