"""Every PDF is tagged PDF/UA-1 for screen readers: language, title, headings, reading order."""

from __future__ import annotations

import ctypes
import re
from html import escape

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdf import PdfReader

from generators.plain_words import glossary_on
from tests.helpers import flat, read_pdf


def all_pdfs(built_site) -> list:
    return sorted((built_site / "pdf").glob("*.pdf"))


def structure_types(reader: PdfReader) -> list[str]:
    """The structure elements' types (H1, H2, P, Figure...) in document order."""
    found = []

    def walk(element):
        element = element.get_object()
        if isinstance(element, dict) and "/S" in element:
            found.append(str(element["/S"])[1:])
        kids = element.get("/K") if isinstance(element, dict) else None
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            if hasattr(kid, "get_object") and isinstance(kid.get_object(), dict):
                walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def pdfium_text(function, document) -> str:
    """A UTF-16 string from a PDFium getter that fills a buffer (the language, a metadata entry)."""
    length = function(document, None, 0)
    buffer = (ctypes.c_ushort * (length // 2))()
    function(document, buffer, length)
    return bytes(buffer)[:-2].decode("utf-16-le")


def pdf_title(document) -> str:
    return pdfium_text(lambda doc, buffer, length: pdfium_c.FPDF_GetMetaText(doc, b"Title", buffer, length),
                       document.raw)


def test_every_pdf_is_tagged_with_its_language_and_title(built_site, catalog):
    titles = {path.split("/")[-1]: entry["title"] for entry in catalog["items"] for path in entry["pdfs"].values()}
    for path in all_pdfs(built_site):
        document = pdfium.PdfDocument(path)
        assert pdfium_c.FPDFCatalog_IsTagged(document.raw), path.name
        assert pdfium_text(pdfium_c.FPDFCatalog_GetLanguage, document.raw) == "en", path.name
        title = pdf_title(document)
        assert title and title == titles.get(path.name, title), path.name
        document.close()


def test_each_kind_of_pdf_declares_pdf_ua_1_and_shows_its_title(built_site, catalog):
    kinds = {"letter", "fillable-letter", "poster-a3", "packet-a4"}
    samples = [path for entry in catalog["items"] for variant, path in entry["pdfs"].items()
               if variant in kinds and entry["id"] in ("theory-of-change", "strategic-focus")]
    for relative in samples + [catalog["kit"]["pdfs"]["cards-a4"]]:
        reader = PdfReader(built_site / relative)
        root = reader.trailer["/Root"]
        assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root, relative
        assert root["/ViewerPreferences"]["/DisplayDocTitle"], relative
        assert reader.pdf_header == "%PDF-1.7"
        xmp = root["/Metadata"].get_data().decode()
        assert re.search(r'pdfuaid:part="?1', xmp), f"{relative} does not claim PDF/UA-1"
        assert f"<rdf:li xml:lang=\"x-default\">{escape(reader.metadata.title)}</rdf:li>" in xmp, relative


def test_the_kit_wide_pdfs_are_titled_after_the_kit(built_site, catalog):
    for variant, relative in catalog["kit"]["pdfs"].items():
        title = pdf_title(pdfium.PdfDocument(built_site / relative))
        expected = "Partnership Toolkit" if variant.startswith("book") else "Partnership Toolkit: Activity cards"
        assert title == expected


def test_an_activity_has_a_heading_per_side_and_per_section(built_site, kit):
    item = kit.items["stakeholder-map"]
    types = structure_types(PdfReader(built_site / "pdf/stakeholder-map-letter.pdf"))
    headings = [t for t in types if re.fullmatch(r"H\d", t)]
    # In print order: the steps, then what the facilitator needs in the room (the short version, the
    # plan for distress), then the rest; each sheet ends with the meanings of its glossary words.
    sections = ["steps", "short", "distress_plan", "preparation", "materials", "outputs", "tips", "equity_prompts"]
    present = [name for name in sections if getattr(item.content, name)]
    glossary = kit.vocabulary.glossary
    sheets = [["H1", *["H2"] * len(sheet.prompts), *(["H2"] if glossary_on(texts, glossary) else [])]
              for sheet, (_, texts) in zip(item.content.all_worksheets, item.content.participant_sheets())]
    assert headings == ["H1", *["H2"] * len(present), *(heading for sheet in sheets for heading in sheet)]
    assert "Figure" not in types, "the logo in the page header is decoration, outside the reading order"


def test_reading_order_follows_the_worksheet(built_site, kit):
    """Text comes out in the order a person reads it: title, steps in order, then the prompts in order."""
    for item in kit.of_type("activity"):
        facilitator, *participant = (page.text for page in read_pdf(built_site / f"pdf/{item.id}-a4.pdf"))
        steps = [facilitator.index(flat(step.text)) for step in item.content.steps]
        assert steps == sorted(steps) and facilitator.index(flat(item.content.title)) < steps[0], item.id
        participant_text = " ".join(participant)
        prompts = [participant_text.index(flat(p.label)) for sheet in item.content.all_worksheets for p in sheet.prompts]
        assert prompts == sorted(prompts), item.id


def test_fillable_fields_are_tagged_as_form_fields(built_site):
    types = structure_types(PdfReader(built_site / "pdf/readiness-to-partner-fillable-letter.pdf"))
    assert types.count("Form") >= 4 * 19 + 2
