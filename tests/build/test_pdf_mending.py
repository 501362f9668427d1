"""The mending of WeasyPrint's PDFs (generators/pdf/accessibility.py), on one small page that
has each problem: header cells (declared and implied scope), a running footer in the page
margin, and a numbered list in a fillable form, whose "1." uses glyphs the font's character
map does not name.

Each test also renders the page with WeasyPrint alone, to show the problem is still there:
if one of those assertions fails after a WeasyPrint upgrade, that part of the mending can go.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf
from page import validate_pdf

from generators.pdf.rendering import OPTIONS, render_pdf
from tests.helpers import structure_elements, unreachable_marked_content

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Mending</title>
<link rel="stylesheet" href="fonts.css">
<style>
  @page { size: A5; margin: 20mm 15mm; @bottom-center { content: "Running footer, page " counter(page); } }
  body { font-family: var(--fonts); }
</style></head>
<body>
<h1>Mending</h1>
<table>
  <thead><tr><th>Partner</th><th>Brings</th></tr></thead>
  <tbody>
    <tr><th scope="row">Clinic</th><td>Nurses</td></tr>
    <tr><th>Library</th><td>Rooms</td></tr>
  </tbody>
</table>
<ol><li>First step</li><li>Second step</li></ol>
<input name="mending.answer" title="Your answer">
</body></html>
"""


def _render(tmp_path: Path, lookup, kind: str, mended: bool = True) -> Path:
    path = tmp_path / f"{kind}-{'mended' if mended else 'bare'}.pdf"
    if mended:
        path.write_bytes(render_pdf(PAGE, lookup, kind))
    else:
        from weasyprint import HTML

        from generators.pdf.assets import ASSET_BASE_URL, KitAssetFetcher

        path.write_bytes(HTML(string=PAGE, base_url=ASSET_BASE_URL, url_fetcher=KitAssetFetcher(lookup))
                         .write_pdf(**OPTIONS[kind]))
    return path


def _scopes(path: Path) -> list[str | None]:
    with pikepdf.open(path) as pdf:
        return [str(element.A["/Scope"]) if "/Scope" in element.get("/A", {}) else None
                for element in structure_elements(pdf) if element.S == "/TH"]


def _rules_failed(path: Path) -> set[str]:
    return {failure.rule_id for failure in validate_pdf(str(path), profile="ua1").failures}


def test_header_cells_get_the_scope_the_html_gives_or_implies(tmp_path, asset_lookup):
    assert _scopes(_render(tmp_path, asset_lookup, "tagged")) == ["/Column", "/Column", "/Row", "/Row"]
    assert _scopes(_render(tmp_path, asset_lookup, "tagged", mended=False)) == [None] * 4


def test_the_running_footer_is_a_pagination_artifact(tmp_path, asset_lookup):
    mended = _render(tmp_path, asset_lookup, "tagged")
    assert unreachable_marked_content(mended) == []
    with pikepdf.open(mended) as pdf:
        content = pdf.pages[0].Contents.read_bytes()
    assert b"/Artifact <</Type /Pagination>> BDC" in content.replace(b"\n", b" ").replace(b"  ", b" ")
    assert unreachable_marked_content(_render(tmp_path, asset_lookup, "tagged", mended=False)) != []


def test_a_fillable_pdf_maps_every_glyph_it_shows_to_text(tmp_path, asset_lookup):
    assert "PDFUA1-FONT-UNICODE-MAPPING-001" in _rules_failed(_render(tmp_path, asset_lookup, "fillable", mended=False))
    mended = _render(tmp_path, asset_lookup, "fillable")
    assert _rules_failed(mended) == set()
    with pikepdf.open(mended) as pdf:
        assert [str(field.T) for field in pdf.Root.AcroForm.Fields] == ["mending"], "fields are still nested"
