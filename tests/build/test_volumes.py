"""A big kit's book and card decks in volumes, read back from the PDFs: each volume has its own
cover naming it, contents, outline and page numbers, and stays tagged; and an edit to one tool
re-joins only the volumes that hold it, so its cost does not grow with the kit."""

from __future__ import annotations

import re

import pikepdf
from pypdf import PdfReader

from tests.helpers import ACTIVITIES_BY_PHASE, build_pdfs_counted

STEM = "partnership-toolkit"


def test_each_volume_reads_as_a_book_of_its_own_and_an_edit_rejoins_one(five_activities, caplog):
    with (five_activities / "kit.yml").open("a", encoding="utf-8") as settings:
        settings.write("volume_size: 2\n")
    _, _, _, before = build_pdfs_counted(five_activities, caplog)
    books = [before[f"{STEM}-book-{number}-letter"] for number in (1, 2, 3)]
    titles = []
    for number, (path, name) in enumerate(zip(books, ["Link (1 of 2)", "Link (2 of 2)", "Listen"]), start=1):
        reader = PdfReader(path)
        assert f"Volume {number} of 3: {name}" in reader.pages[0].extract_text()
        assert reader.metadata.title == f"Partnership Toolkit, Volume {number} of 3: {name}"
        # Numbered from its own cover: "Page 2 of N" on its second page.
        total = len(reader.pages)
        assert re.findall(r"Page \d+ of \d+", reader.pages[1].extract_text()) == [f"Page 2 of {total}"]
        (part,) = reader.outline[:1]
        assert part.title == name
        titles += [entry.title for entry in reader.outline[1]]
        with pikepdf.open(path) as joined:
            assert "/StructTreeRoot" in joined.Root and str(joined.Root.Lang) == "en"
    assert sorted(titles) == sorted(name.replace("-", " ").capitalize() for name in ACTIVITIES_BY_PHASE)
    decks = {paper: [before[f"{STEM}-cards-{number}-{paper}"] for number in (1, 2, 3)] for paper in ("letter", "a4")}
    assert [len(PdfReader(path).pages) for path in decks["letter"]] == [2, 2, 2]  # a sheet of fronts, one of backs

    changed = five_activities / "toolkit" / "activities" / "map-the-assets.yml"
    changed.write_text(changed.read_text(encoding="utf-8").replace("title: Map the assets", "title: Map our assets"),
                       encoding="utf-8")
    rendered, _, _, after = build_pdfs_counted(five_activities, caplog)
    # Its three worksheets, its card sheet in both papers, its volume's contents and its part's opening.
    assert rendered == 3 + 2 + 2
    kit_wide = {name for name in after if name.startswith(STEM)}
    assert {name for name in kit_wide if after[name] != before[name]} == {
        f"{STEM}-book-3-letter", f"{STEM}-cards-3-letter", f"{STEM}-cards-3-a4"}
    assert "Map our assets" in PdfReader(after[f"{STEM}-book-3-letter"]).pages[1].extract_text()
