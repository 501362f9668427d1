"""The shipped kit in Spanish: every item has a Spanish page and Spanish PDFs, read back; the
translations are complete and current (tests/unit/test_translations.py runs the strict check)."""

from __future__ import annotations

import json
import re
from html import unescape

import pikepdf
import pytest

from generators.languages import kit_in
from tests.helpers import page_texts


@pytest.fixture(scope="module")
def spanish(kit):
    return kit_in(kit, "es")


@pytest.fixture(scope="module")
def spanish_catalog(built_site) -> dict:
    return json.loads((built_site / "es/catalog.json").read_text(encoding="utf-8"))


def test_every_item_has_a_spanish_page_in_spanish(built_site, kit, spanish, spanish_catalog):
    assert spanish.untranslated == {}
    assert {entry["id"] for entry in spanish_catalog["items"]} == set(kit.items)
    for entry in spanish_catalog["items"]:
        html = (built_site / "es" / entry["page"] / "index.html").read_text(encoding="utf-8")
        title = spanish.items[entry["id"]].content.title
        assert '<html lang="es"' in html, entry["page"]
        assert entry["title"] == title
        heading = re.search(r'<h1[^>]*>(.*?)<a class="headerlink"', html, re.DOTALL)
        assert heading and unescape(heading[1]).strip() == title, entry["page"]
        assert "tk-translation-notice" not in html


def test_every_spanish_pdf_is_tagged_spanish_and_reads_in_spanish(built_site, kit, spanish, spanish_catalog):
    checked = 0
    for entry in spanish_catalog["items"]:
        english_title = kit.items[entry["id"]].content.title
        title = spanish.items[entry["id"]].content.title
        for variant, path in entry["pdfs"].items():
            pdf_path = built_site / "es" / path
            with pikepdf.open(pdf_path) as pdf:
                assert str(pdf.Root.Lang) == "es", path
            text = " ".join(page_texts(pdf_path)[:2])
            # Titles may break across lines (a hyphen, or a line of its own): compare words.
            words = " ".join(re.findall(r"\w+", text))
            assert " ".join(re.findall(r"\w+", title)) in words, path
            if english_title != title:
                assert " ".join(re.findall(r"\w+", english_title)) not in words, path
            checked += 1
    assert checked >= 200
    for variant, path in spanish_catalog["kit"]["pdfs"].items():
        with pikepdf.open(built_site / "es" / path) as pdf:
            assert str(pdf.Root.Lang) == "es", path


def test_a_spanish_poster_stays_on_one_page(built_site):
    posters = sorted((built_site / "es/pdf").glob("*-poster-*.pdf"))
    assert posters
    for path in posters:
        assert len(page_texts(path)) == 1, path.name


def test_the_spanish_home_index_and_print_pages_and_navigation_are_in_spanish(built_site):
    home = (built_site / "es/index.html").read_text(encoding="utf-8")
    assert "Ver por tipo" in home and "Browse by type" not in home and "This kit is for" not in home
    printing = (built_site / "es/print/index.html").read_text(encoding="utf-8")
    assert "Esta página reúne" in printing and "This page gathers" not in printing
    activities = (built_site / "es/activities/index.html").read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>Actividades", activities)
    # The navigation's sections, on any page.
    assert "Planes de sesión" in activities and "Session plans" not in activities
