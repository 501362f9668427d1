"""What WeasyPrint leaves short of PDF/UA-1, mended in every tagged PDF before it is written.

A WeasyPrint finisher: it runs on the PDF's objects after WeasyPrint has built them and
before they are written, so nothing is parsed or saved twice.

- Header cells. WeasyPrint links each data cell to its headers but writes no /Scope on the
  header cell, so a screen reader cannot tell a column header from a row header. The scope
  comes from the HTML (`<th scope="row">`); without one, a header in a row that also has
  data cells heads that row, and any other heads its column (as browsers read tables).
- Page margins. The running header and footer (the kit's name, page numbers) are laid out in
  page-margin boxes, which WeasyPrint marks as content but leaves out of the structure tree,
  so a screen reader can reach neither them nor the fact that they are page furniture. They
  are marked as pagination artifacts instead, as PDF/UA asks of running headers and footers.
- Radio groups (a rated item's points) are named after the item, not after their first button.
- Fonts of fillable PDFs. Form fields need the whole font (any letter can be typed), and for
  such a font WeasyPrint maps glyphs to text from the font's character map only. Glyphs the
  text shaper picked by other rules (the tabular figures of a numbered list's "1.", a
  ligature) then have no text, and a screen reader skips them. Their text, which WeasyPrint
  noted while laying out the page, is added to the map.
"""

from __future__ import annotations

import re

import pydyf

from .fields import nest_field_names

SCOPES = {"row": "/Row", "col": "/Column", "rowgroup": "/Row", "colgroup": "/Column"}
_MAPPED_CODE = re.compile(rb"^<([0-9a-fA-F]{4})>")


def tagged_finisher(document, pdf: pydyf.PDF) -> None:
    _scope_header_cells(document)
    _mark_margins_as_artifacts(pdf)
    _complete_form_font_text(document, pdf)


def fillable_finisher(document, pdf: pydyf.PDF) -> None:
    tagged_finisher(document, pdf)
    _name_radio_groups(document, pdf)
    nest_field_names(document, pdf)


def _name_radio_groups(document, pdf: pydyf.PDF) -> None:
    """A group of radio buttons (one rated item) is announced by the item's name, which the
    template gives each button as data-group-label; WeasyPrint names the group after its
    first button ('Leaders agree: 1')."""
    labels = {}
    for page in document.pages:
        for box in _boxes(page._page_box, "input"):
            if box.element.get("type") == "radio" and box.element.get("data-group-label"):
                labels[box.element.get("name")] = box.element.get("data-group-label")
    for field in pdf.objects:
        if isinstance(field, pydyf.Dictionary) and field.get("FT") == "/Btn" and "Kids" in field:
            label = labels.get(field["T"].string if hasattr(field.get("T"), "string") else None)
            if label:
                field["TU"] = pydyf.String(label)


def _scope_header_cells(document) -> None:
    for page in document.pages:
        for row in _boxes(page._page_box, "tr"):
            cells = [cell for cell in row.children if cell.element is not None]
            has_data = any(cell.element_tag == "td" for cell in cells)
            for cell in cells:
                element = getattr(cell, "mark", None)  # the cell's structure element, set by WeasyPrint
                if cell.element_tag != "th" or element is None:
                    continue
                declared = SCOPES.get(cell.element.attrib.get("scope", "").lower())
                element["A"]["Scope"] = declared or ("/Row" if has_data else "/Column")


def _boxes(box, tag: str):
    if box.element is not None and box.element_tag == tag:
        yield box
        return
    for child in getattr(box, "children", ()):
        yield from _boxes(child, tag)


def _object(pdf: pydyf.PDF, reference):
    return pdf.objects[_number(reference)]


def _number(reference) -> int:
    return int(reference.split()[0])


def _mark_margins_as_artifacts(pdf: pydyf.PDF) -> None:
    root = _object(pdf, pdf.catalog["StructTreeRoot"])
    in_tree: set[int] = set()
    waiting = list(root["K"])
    while waiting:
        number = _number(waiting.pop())
        if number not in in_tree:
            in_tree.add(number)
            waiting += [kid for kid in pdf.objects[number].get("K", []) if not isinstance(kid, int)]
    nums = _object(pdf, root["ParentTree"])["Nums"]
    for key, entries in zip(nums[::2], nums[1::2]):
        if not isinstance(entries, pydyf.Array) or key >= len(pdf.page_references):
            continue  # an annotation's entry, not a page's
        outside = {mcid for mcid, element in enumerate(entries) if _number(element) not in in_tree}
        if not outside:
            continue
        for mcid in outside:
            entries[mcid] = "null"
        content = _object(pdf, _object(pdf, pdf.page_references[key])["Contents"]).stream
        for index, item in enumerate(content):
            if isinstance(item, pydyf.Dictionary) and item.get("MCID") in outside:
                content[index - 1] = "/Artifact"
                content[index] = pydyf.Dictionary({"Type": "/Pagination"})


def _complete_form_font_text(document, pdf: pydyf.PDF) -> None:
    shaped = {font.name: font.to_unicode for font in document.fonts.values() if font.used_in_forms}
    if not shaped:
        return
    for font in pdf.objects:
        if not isinstance(font, pydyf.Dictionary) or "ToUnicode" not in font or font.get("BaseFont") not in shaped:
            continue
        cmap = pdf.objects[int(font["ToUnicode"].split()[0])]
        mapped = {int(match[1], 16) for line in cmap.stream if (match := _MAPPED_CODE.match(line))}
        missing = sorted((glyph, text) for glyph, text in shaped[font["BaseFont"]].items()
                         if glyph not in mapped and text)
        lines = []
        for start in range(0, len(missing), 100):  # a cmap block holds at most 100 entries
            batch = missing[start:start + 100]
            lines.append(f"{len(batch)} beginbfchar".encode())
            lines += [f"<{glyph:04x}> <{text.encode('utf-16-be').hex()}>".encode() for glyph, text in batch]
            lines.append(b"endbfchar")
        end = cmap.stream.index(b"endcmap")
        cmap.stream[end:end] = lines
