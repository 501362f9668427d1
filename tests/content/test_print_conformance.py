"""Every PDF of the shipped kit passes an independent PDF/UA-1 checker (page-validation's
`ua1` profile), and what that checker does not look at is checked here: marked content a
screen reader can reach, the window title, form fields' spoken names, header cells' scope,
and the reading order of two-column pages."""

from __future__ import annotations

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from tests.helpers import (
    KIT_ROOT,
    marked_content,
    pdf_ua_failures,
    run_toolkit,
    structure_elements,
    unreachable_marked_content,
)


def all_pdfs(built_site) -> list:
    return sorted(built_site.rglob("*.pdf"))


def test_every_pdf_of_the_site_passes_the_pdf_ua_1_checker(built_site):
    pdfs = all_pdfs(built_site)
    assert len(pdfs) > 100
    assert pdf_ua_failures(pdfs) == []


def test_a_packet_made_with_the_toolkit_command_passes_the_checker(tmp_path):
    output = tmp_path / "packet.pdf"
    result = run_toolkit(["packet", "readiness-to-partner", "stakeholder-map", "partnership-framework",
                          "--start", "10:00", "--output", str(output)], cwd=KIT_ROOT)
    assert result.returncode == 0, result.stderr
    assert pdf_ua_failures([output]) == []
    assert unreachable_marked_content(output) == []


def test_every_page_s_marked_content_is_reachable_from_the_structure_tree(built_site):
    """Also in the book and the card decks, which are joined from separately rendered pieces.

    Every English PDF; of the Spanish ones, which the same templates make, every fourth and every
    joined one (the book, the decks): enough to catch what only Spanish text would break (its
    hyphens), for a quarter of the time."""
    english = [path for path in all_pdfs(built_site) if path.relative_to(built_site).parts[0] != "es"]
    spanish = sorted((built_site / "es/pdf").glob("*.pdf"))
    sample = [path for index, path in enumerate(spanish) if index % 4 == 0 or "-book-" in path.name
              or "-cards-" in path.name]
    assert len(english) > 200 and len(sample) > 50
    problems = [problem for path in [*english, *sample] for problem in unreachable_marked_content(path)]
    assert problems == []


def test_every_pdf_has_a_language_and_shows_its_title_as_the_window_title(built_site):
    for path in all_pdfs(built_site):
        with pikepdf.open(path) as pdf:
            language = "es" if path.relative_to(built_site).parts[0] == "es" else "en"
            assert str(pdf.Root.Lang) == language, path.name
            assert pdf.Root.ViewerPreferences.DisplayDocTitle is True, path.name
            assert str(pdf.docinfo.Title).strip(), path.name


def test_every_form_field_has_a_name_a_screen_reader_can_speak(built_site):
    fillable = [path for path in all_pdfs(built_site) if "fillable" in path.name]
    assert len(fillable) > 20
    unnamed = []
    for path in fillable:
        with pikepdf.open(path) as pdf:
            for field in _terminal_fields(pdf.Root.AcroForm.Fields):
                if not str(field.get("/TU", "")).strip():
                    unnamed.append(f"{path.name}: {field.get('/T')}")
    assert unnamed == []


def _terminal_fields(fields):
    for field in fields:
        if "/FT" in field or "/Kids" not in field:
            yield field
        else:
            yield from _terminal_fields(field.Kids)


def test_every_table_header_cell_has_a_scope(built_site):
    headers = unscoped = 0
    for path in all_pdfs(built_site):
        with pikepdf.open(path) as pdf:
            for element in structure_elements(pdf):
                if element.S == "/TH":
                    headers += 1
                    attributes = element.get("/A")
                    if attributes is None or "/Scope" not in attributes:
                        unscoped += 1
    assert headers > 50, "the checklists' answer columns and the sessions' agendas have header cells"
    assert unscoped == 0


def test_a_two_column_page_reads_the_left_column_before_the_right(built_site, kit):
    """The facilitator's side of an activity: steps in the left column, more in the right.
    Text wholly left of the middle must all come before text wholly right of it."""
    for item in kit.of_type("activity")[:6]:
        path = built_site / f"pdf/{item.id}-letter.pdf"
        sides = _column_sides_in_reading_order(path)
        assert "left" in sides and "right" in sides, item.id
        first_right = sides.index("right")
        assert "left" not in sides[first_right:], item.id


def _column_sides_in_reading_order(path) -> list[str]:
    document = pdfium.PdfDocument(path)
    page = document[0]
    middle = page.get_size()[0] / 2
    side_of_mcid = {}
    for text in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT]):
        mcid = pdfium_c.FPDFPageObj_GetMarkedContentID(text.raw)
        left, _, right, _ = text.get_bounds()
        if mcid >= 0 and (right < middle or left > middle):
            side_of_mcid[mcid] = "left" if right < middle else "right"
    document.close()
    with pikepdf.open(path) as pdf:
        first_page = pdf.pages[0].obj.objgen[0]
        order = [mcid for element in structure_elements(pdf) for page, mcid in marked_content(element)
                 if page == first_page]
    return [side_of_mcid[mcid] for mcid in order if mcid in side_of_mcid]

