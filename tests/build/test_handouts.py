"""Handouts printed and built, on the fixture kit: each one's Letter and A4 PDFs (one or two
pages, PDF/UA-1, its table and lists tagged), the meeting packets that print it once after the
worksheets, the book, and its built page. What needs no rendering: tests/unit/test_handouts.py."""

from __future__ import annotations

import pikepdf
import pytest

from tests.helpers import (
    PAGE_SIZES,
    contents,
    page_texts,
    pdf_ua_failures,
    read_page,
    read_pdf,
    run_toolkit,
    structure_elements,
    text_of,
)

HANDOUT = "ground-rules-sheet"
# A sentence printed only on the handout, and its last heading: where it starts and that it ends.
ITS_SENTENCE = "What is shared here stays here unless the person agrees."
ITS_SECTIONS = ("Why we have them", "The rules", "When a rule is broken")
# The heading of every worksheet's participant page, as printed (upper case by the stylesheet).
WORKSHEET_SIDE = "FOR PARTICIPANTS"


@pytest.fixture
def pdfs(fixture_kit_pdfs) -> dict[str, object]:
    """Every PDF of the fixture kit by '<id>-<variant>' (built once for the session)."""
    return fixture_kit_pdfs


def _printed_once_after_the_worksheets(path) -> None:
    texts = page_texts(path)
    assert sum(text.count(ITS_SENTENCE) for text in texts) == 1, "the handout is printed once"
    handout_page = next(index for index, text in enumerate(texts) if ITS_SENTENCE in text)
    last_worksheet = max(index for index, text in enumerate(texts) if WORKSHEET_SIDE in text.upper())
    assert handout_page > last_worksheet, "the handout comes after the last worksheet"
    assert contents(path)[-1][0] == "Our ground rules"


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_a_handout_prints_on_one_or_two_pages_of_each_paper_and_passes_pdf_ua(pdfs, paper):
    assert {name.removeprefix(f"{HANDOUT}-") for name in pdfs if name.startswith(f"{HANDOUT}-")} == {"letter", "a4"}
    path = pdfs[f"{HANDOUT}-{paper}"]
    pages = read_pdf(path)
    assert 1 <= len(pages) <= 2
    assert {(round(page.width), round(page.height)) for page in pages} == {
        tuple(round(side) for side in PAGE_SIZES[paper])}
    text = text_of(path)
    for words in ("Our ground rules", "Written for: Partner staff, Community members", *ITS_SECTIONS, ITS_SENTENCE,
                  "What happens", "What anyone can do", "Jargon nobody explains", "Ask what the word means."):
        assert words in text, words
    assert pdf_ua_failures([path]) == []


def test_its_table_has_header_cells_for_its_columns_and_its_rules_are_a_list(pdfs):
    with pikepdf.open(pdfs[f"{HANDOUT}-letter"]) as pdf:
        kinds = [str(element.S) for element in structure_elements(pdf)]
        header_cells = [element for element in structure_elements(pdf) if element.S == "/TH"]
        assert kinds.count("/Table") == 1
        assert kinds.count("/TR") == 3  # the heading row and two rows
        assert kinds.count("/TD") == 4
        assert len(header_cells) == 2
        assert all(str(cell.A.Scope) == "/Column" for cell in header_cells)
        assert kinds.count("/L") == 2 and kinds.count("/LI") == 3 + 1  # the rules, and the credits
        headings = [kind for kind in kinds if kind in ("/H1", "/H2")]
        assert headings == ["/H1", "/H2", "/H2", "/H2", "/H2"]  # the title, three sections, the credits


def test_the_session_packet_prints_the_handout_once_after_the_last_worksheet(pdfs):
    for paper in ("letter", "a4"):
        path = pdfs[f"first-meeting-packet-{paper}"]
        _printed_once_after_the_worksheets(path)
    assert pdf_ua_failures([pdfs["first-meeting-packet-letter"]]) == []


def test_the_book_prints_the_handout_in_its_phase_after_the_tools(pdfs):
    book = next(path for name, path in pdfs.items() if "-book-" in name)
    texts = page_texts(book)
    assert sum(text.count(ITS_SENTENCE) for text in texts) == 1
    opening = next(text for text in texts if text.startswith("PHASE 1"))  # the first part's opening page
    assert opening.index("Tools") < opening.index("Handouts") < opening.index("Our ground rules")


def test_toolkit_packet_prints_a_handout_once_when_the_session_and_both_its_tools_name_it(fixture_kit_copy, tmp_path):
    quick = fixture_kit_copy / "toolkit/activities/quick-check-in.yml"
    quick.write_text(quick.read_text(encoding="utf-8") + f"handouts: [{HANDOUT}]\n", encoding="utf-8")
    for ids in (["first-meeting"], ["quick-check-in", "food-and-housing"]):
        output = tmp_path / f"{'-'.join(ids)}.pdf"
        result = run_toolkit(["packet", *ids, "--output", str(output)], cwd=fixture_kit_copy)
        assert result.returncode == 0, result.stderr
        _printed_once_after_the_worksheets(output)


def test_the_built_page_has_its_sections_and_a_table_with_column_headers(fixture_kit_root, tmp_path):
    site = tmp_path / "site"
    result = run_toolkit(["build", "--no-pdfs", "--site-dir", str(site)], cwd=fixture_kit_root)
    assert result.returncode == 0, result.stderr
    page = read_page(site / f"handouts/{HANDOUT}/index.html")
    assert page.headings == ["Our ground rules", *ITS_SECTIONS, "Credits"]
    html = (site / f"handouts/{HANDOUT}/index.html").read_text(encoding="utf-8")
    assert "<thead>\n<tr>\n<th>What happens</th>\n<th>What anyone can do</th>\n</tr>\n</thead>" in html
    assert "<td>Jargon nobody explains</td>\n<td>Ask what the word means.</td>" in html
    assert "<ol>\n<li>Speak for yourself, not for your organization.</li>" in html
    session = read_page(site / "sessions/first-meeting/index.html")
    assert "Handouts to print" in session.headings
    assert f"../../handouts/{HANDOUT}/" in session.links
