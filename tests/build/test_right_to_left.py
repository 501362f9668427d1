"""kit.yml's `language` sets the site's language and direction, and the PDFs' ones.

Arabic needs a font with Arabic letters: the test copies DejaVu Sans (Debian's
fonts-dejavu-core) into a throwaway kit; without it the test is skipped, except in CI.
"""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pikepdf

from tests.helpers import (
    DEJAVU,
    add_font,
    pdf_ua_failures,
    run_toolkit,
    system_font,
    write_activity,
)

ARABIC_TITLE = "جولة تعارف سريعة"
ARABIC_PURPOSE = "ابدأ الاجتماع بحيث يتكلم الجميع مرة واحدة"


def set_language(kit: Path, language: str) -> None:
    settings = kit / "kit.yml"
    settings.write_text(re.sub(r"(?m)^language: .*$", f"language: {language}", settings.read_text(encoding="utf-8")),
                        encoding="utf-8")


def html_element(page: Path) -> str:
    return re.search(r"<html\b[^>]*>", page.read_text(encoding="utf-8"))[0]


def test_an_arabic_kit_builds_a_right_to_left_site_and_right_to_left_pdfs(small_kit, tmp_path):
    font = system_font(DEJAVU)
    set_language(small_kit, "ar")
    write_activity(small_kit, title=ARABIC_TITLE, purpose=ARABIC_PURPOSE)
    add_font(small_kit, font, bold=font.with_name("DejaVuSans-Bold.ttf"))
    site = tmp_path / "site"
    result = run_toolkit(["build", "--site-dir", str(site)], cwd=small_kit)
    assert result.returncode == 0, result.stderr

    for page in ("index.html", "activities/quick-check-in/index.html", "404.html"):
        assert html_element(site / page).startswith('<html lang="ar" dir="rtl"'), page
    tool_page = (site / "activities/quick-check-in/index.html").read_text(encoding="utf-8")
    assert '<body dir="rtl"' in tool_page and ARABIC_TITLE in tool_page

    pdf_path = site / "pdf/quick-check-in-letter.pdf"
    with pikepdf.open(pdf_path) as pdf:
        assert str(pdf.Root.Lang) == "ar"
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[0]
        words = page.extract_words()
    # The text comes out in the order it is laid on the page, left to right: each Arabic word
    # reversed, and the title's first word rightmost, against the right margin.
    heading = [word for word in words if word["text"][::-1] in ARABIC_TITLE.split() and word["top"] > 40]
    right_to_left = sorted(heading, key=lambda word: -word["x0"])
    assert [word["text"][::-1] for word in right_to_left] == ARABIC_TITLE.split()
    assert right_to_left[0]["x1"] > max(word["x1"] for word in words) - 2
    assert right_to_left[-1]["x0"] > page.width / 2

    # Arabic letters take a different shape at the start, middle and end of a word: glyphs the
    # font's character map does not name, which every PDF must still map to text.
    assert pdf_ua_failures(sorted((site / "pdf").glob("*.pdf"))) == []


def test_a_language_the_theme_has_no_words_for_still_builds_and_is_declared(small_kit, tmp_path, monkeypatch):
    write_activity(small_kit)
    for language, direction in (("ckb", "rtl"), ("xx", "ltr")):
        set_language(small_kit, language)
        site = tmp_path / language
        result = run_toolkit(["build", "--no-pdfs", "--site-dir", str(site)], cwd=small_kit)  # pages only
        assert result.returncode == 0, result.stderr
        assert html_element(site / "index.html") == f'<html lang="{language}" dir="{direction}" class="no-js">'
        assert f'<body dir="{direction}"' in (site / "index.html").read_text(encoding="utf-8")
