"""Fillable worksheets, read back as a PDF reader sees them: field names, types and labels,
the font typed text uses, file size, and filling a copy in."""

from __future__ import annotations

import io

from fontTools.ttLib import TTFont
from pypdf import PdfReader, PdfWriter

from tests.helpers import KIT_ROOT

MULTILINE = 1 << 12
MAX_FILLABLE_BYTES = 250 * 1024


def fields_of(path) -> dict[str, dict]:
    """Fields that hold a value (not the groups above them), by full name as readers show it."""
    return {name: field for name, field in PdfReader(path).get_fields().items() if "/FT" in field}


def fillable(built_site, item_id: str):
    return built_site / f"pdf/{item_id}-fillable-letter.pdf"


def test_every_tool_has_a_fillable_copy_in_the_kits_paper_and_sessions_have_none(catalog):
    for entry in catalog["items"]:
        has_fillable = "fillable-letter" in entry["pdfs"]
        assert has_fillable == (entry["type"] not in ("session", "handout")), entry["id"]  # nothing to fill in
        assert "fillable-a4" not in entry["pdfs"]


def test_an_activitys_fields_are_named_after_its_prompts(built_site):
    fields = fields_of(fillable(built_site, "stakeholder-map"))
    assert list(fields)[:4] == [
        "stakeholder-map.name",
        "stakeholder-map.date",
        "stakeholder-map.our-goal-in-one-line",
        "stakeholder-map.groups-nobody-in-the-room-knows-yet",
    ]
    # A table prompt: a field per cell, under the prompt, by row and column. Long labels are
    # cut after the last whole word within 64 characters.
    table = "stakeholder-map.our-plan-to-reach-each-group"
    assert list(fields)[4:6] == [f"{table}.row-1.group-or-person", f"{table}.row-1.what-we-will-ask"]
    assert len([name for name in fields if name.startswith(table)]) == 8 * 6
    assert fields[f"{table}.row-8.by-when"]["/TU"] == "By when, Row 8"


def test_every_written_prompt_is_a_multiline_text_field_labelled_with_the_prompt(built_site, kit):
    from generators.pdf.fields import FieldNames

    names = FieldNames()
    for item in kit.of_type("activity"):
        fields = fields_of(fillable(built_site, item.id))
        for sheet_index, sheet in enumerate(item.content.all_worksheets):
            for index, prompt in enumerate(sheet.prompts):
                if prompt.kind == "text":
                    field = fields[names.prompt(item, index, sheet_index)]
                    assert field["/TU"] == prompt.label and field["/FT"] == "/Tx" and field["/Ff"] & MULTILINE
        assert all(name.startswith(f"{item.id}.") for name in fields)
        assert fields[f"{item.id}.name"]["/FT"] == "/Tx"


def test_every_canvas_block_is_a_field_named_by_its_block_id(built_site, kit):
    fields = fields_of(fillable(built_site, "influence-interest-map"))
    assert fields["influence-interest-map.high-influence-high-interest"]["/TU"] == \
        "Can approve or stop it, and care a lot: decide with them"
    for item in kit.of_type("canvas"):
        fields = fields_of(fillable(built_site, item.id))
        for block in item.content.blocks:
            field = fields[f"{item.id}.{block.id}"]
            assert field["/FT"] == "/Tx" and field["/Ff"] & MULTILINE and field["/TU"] == block.heading


def test_every_checklist_answer_is_a_checkbox_named_by_section_question_and_answer(built_site, kit):
    fields = fields_of(fillable(built_site, "readiness-to-partner"))
    first = [name for name in fields if name.startswith("readiness-to-partner.why-we-would-partner-1.")]
    assert first == ["readiness-to-partner.why-we-would-partner-1.yes",
                     "readiness-to-partner.why-we-would-partner-1.partly",
                     "readiness-to-partner.why-we-would-partner-1.no",
                     "readiness-to-partner.why-we-would-partner-1.dont-know"]
    for item in kit.of_type("checklist"):
        fields = fields_of(fillable(built_site, item.id))
        boxes = {name: f for name, f in fields.items() if f["/FT"] == "/Btn"}
        questions = [q for section in item.content.sections for q in section.items]
        assert len(boxes) == sum(len(q.answers or item.content.answers) for q in questions), item.id
        for field in boxes.values():
            assert set(field["/_States_"]) == {"/on", "/Off"} and field["/V"] == "/Off"
        labels = {field["/TU"] for field in boxes.values()}
        assert all(f"{q.question} {a}" in labels for q in questions for a in (q.answers or item.content.answers))


def test_a_filled_in_copy_keeps_what_was_typed_and_ticked(built_site, tmp_path):
    writer = PdfWriter(clone_from=fillable(built_site, "readiness-to-partner"))
    questions = writer.pages[1]  # the participants' first page: name, date and the first questions
    writer.update_page_form_field_values(questions, {"readiness-to-partner.name": "Eastside Clinic",
                                                     "readiness-to-partner.why-we-would-partner-1.partly": "/on"},
                                         auto_regenerate=False)
    filled = tmp_path / "filled.pdf"
    writer.write(filled)
    fields = fields_of(filled)
    assert fields["readiness-to-partner.name"]["/V"] == "Eastside Clinic"
    assert fields["readiness-to-partner.why-we-would-partner-1.partly"]["/V"] == "/on"
    assert fields["readiness-to-partner.why-we-would-partner-1.yes"]["/V"] == "/Off"


def test_typed_text_uses_the_kits_whole_latin_font_and_the_file_stays_small(built_site, catalog):
    kit_font = TTFont(KIT_ROOT / "overrides/assets/fonts/atkinson-hyperlegible-latin-400-normal.woff2")
    letters = set(map(ord, "AaZz09éñ.,;:!?'\"()-"))
    for entry in catalog["items"]:
        if "fillable-letter" not in entry["pdfs"]:
            continue
        path = built_site / entry["pdfs"]["fillable-letter"]
        assert path.stat().st_size <= MAX_FILLABLE_BYTES, f"{path.name}: {path.stat().st_size} bytes"
        reader = PdfReader(path)
        widgets = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])]
        # A text field's default appearance, e.g. "/a1.0 gs /WJKLAQ 10 Tf", names its font before its size.
        appearance = next(w["/DA"] for w in widgets if w.get("/FT") == "/Tx").split()
        font_name = appearance[appearance.index("Tf") - 2]
        fonts = reader.trailer["/Root"]["/AcroForm"]["/DR"]["/Font"]
        descriptor = fonts[font_name]["/DescendantFonts"][0]["/FontDescriptor"]
        embedded = TTFont(io.BytesIO(descriptor["/FontFile2"].get_data()))
        assert embedded["maxp"].numGlyphs == kit_font["maxp"].numGlyphs, path.name
        assert letters <= set(embedded.getBestCmap()), path.name
