"""Worksheet prompts of every kind, read back from a built kit: tables, rating grids,
checklists, rankings and choices, on paper, as form fields and on the tool's page, and a
second worksheet for another audience."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from tests.helpers import (
    copy_kit_skeleton,
    pdf_ua_failures,
    read_pdf,
    run_toolkit,
    structure_elements,
)

TOOL = "who-is-at-the-table"
ACTIVITY = """\
title: Who is at the table
purpose: See who takes part, who is missing and how ready the group is
phases: [link]
buckets: [internal-champions]
sectors: [community, public-health]
minutes: {min: 30, max: 45}
group_size: {min: 4, max: 16}
difficulty: easy
steps:
  - title: Map
    minutes: 15
    text: Fill in the table of partners together, one row for each partner.
  - title: Rate
    minutes: 10
    text: Everyone rates how ready the group is alone, then the group compares.
  - title: Choose
    minutes: 10
    text: Each person picks two priorities; count the ticks and the dots.
worksheets:
  - audience: partner-staff
    prompts:
      - kind: table
        label: Partners and what they bring
        columns: [Partner, What they bring, Who to contact]
        rows: 6
      - kind: rating
        label: How ready are we
        items: [Leaders agree on the goal, Staff have time, We share data]
        points: 5
        low: Not at all
        high: Fully
        comment: true
      - kind: checklist
        label: Before we meet again
        items: [Send the notes, Invite the missing partners]
      - kind: ranking
        label: Put these in order of urgency
        options: [Housing, Food, Transport]
      - kind: choose
        label: Pick your top priorities
        options: [Housing, Food, Transport, Jobs]
        pick: 2
  - audience: community-members
    prompts:
      - kind: table
        label: Places people trust
        columns: [Place, Why people trust it]
        row_labels: [Church, Library, Corner store]
      - label: What would make you come to a meeting
        lines: 4
short:
  minutes: {min: 20, max: 20}
  how: Skip the ranking and the choice; fill in the table and the rating only.
  steps:
    - title: Map and rate
      minutes: 20
      text: Fill in the partners table together, then everyone rates how ready the group is.
distress_plan:
  - If naming who is missing brings up old hurts, pause and let people step out.
"""
WIDE = ACTIVITY.replace("title: Who is at the table", "title: A wide table").replace(
    "columns: [Partner, What they bring, Who to contact]",
    "columns: [Partner, What they bring, Who to contact, Phone, Best time, Notes]")
LONG = ACTIVITY.replace("title: Who is at the table", "title: A long table").replace("rows: 6", "rows: 30")
RADIO = 1 << 15


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    kit = copy_kit_skeleton(tmp_path_factory.mktemp("prompts") / "kit")
    (kit / "toolkit/activities").mkdir(parents=True)
    (kit / f"toolkit/activities/{TOOL}.yml").write_text(ACTIVITY, encoding="utf-8")
    (kit / "toolkit/activities/a-wide-table.yml").write_text(WIDE, encoding="utf-8")
    (kit / "toolkit/activities/a-long-table.yml").write_text(LONG, encoding="utf-8")
    site = kit.parent / "site"
    result = run_toolkit(["build", "--site-dir", str(site)], cwd=kit)
    assert result.returncode == 0, result.stderr
    return site


def _fields(path: Path) -> dict[str, dict]:
    return {name: field for name, field in PdfReader(path).get_fields().items() if "/FT" in field}


def _cells(table) -> list[list[tuple[str, str]]]:
    """A structure tree Table's rows: each cell's type (/TH or /TD) and its /Scope (None for none)."""
    rows = []
    for element in _descendants(table):
        if element.S == "/TR":
            rows.append([(str(cell.S), cell.get("/A", {}).get("/Scope")) for cell in _kids(element)
                         if cell.get("/S") in ("/TH", "/TD")])
    return rows


def _kids(element) -> list:
    kids = element.get("/K")
    kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    return [kid for kid in kids if isinstance(kid, pikepdf.Dictionary) and "/S" in kid]


def _descendants(element):
    for kid in _kids(element):
        yield kid
        yield from _descendants(kid)


def test_every_pdf_passes_the_pdf_ua_1_checker(site):
    assert pdf_ua_failures(sorted((site / "pdf").glob("*.pdf"))) == []


def test_a_table_prompt_has_header_cells_and_its_rows(site):
    with pikepdf.open(site / f"pdf/{TOOL}-letter.pdf") as pdf:
        tables = [element for element in structure_elements(pdf) if element.S == "/Table"]
        partners, rating, places = (_cells(table) for table in tables)
    assert partners[0] == [("/TH", "/Column")] * 3
    assert partners[1:] == [[("/TD", None)] * 3] * 6, "six blank rows of three cells"
    assert places[1:] == [[("/TH", "/Row"), ("/TD", None), ("/TD", None)]] * 3, "given rows head their row"
    assert [cell for cell, _ in rating[0]] == ["/TH"] * 7 and len(rating) == 4
    text = " ".join(page.text for page in read_pdf(site / f"pdf/{TOOL}-letter.pdf"))
    assert "Partner What they bring Who to contact" in text
    assert re.search(r"1 Not at all 2 3 4 5 Fully Comment", text)


def test_a_rating_grid_is_a_radio_group_per_item_with_a_button_per_point(site):
    fields = PdfReader(site / f"pdf/{TOOL}-fillable-letter.pdf").get_fields()
    base = f"{TOOL}.how-ready-are-we"
    groups = {name: field for name, field in fields.items()
              if name.startswith(base) and field.get("/FT") == "/Btn" and field.get("/Ff", 0) & RADIO}
    assert list(groups) == [f"{base}.leaders-agree-on-the-goal", f"{base}.staff-have-time", f"{base}.we-share-data"]
    assert [group["/TU"] for group in groups.values()] == ["Leaders agree on the goal", "Staff have time",
                                                           "We share data"]
    with pikepdf.open(site / f"pdf/{TOOL}-fillable-letter.pdf") as pdf:
        group = next(field for field in pdf.Root.AcroForm.Fields[0].Kids if str(field.T) == "how-ready-are-we")
        first = group.Kids[0]
        assert [str(option) for option in first.Opt] == ["1", "2", "3", "4", "5"]
        assert [str(button.TU) for button in first.Kids][:2] == ["Leaders agree on the goal: 1 (Not at all)",
                                                                "Leaders agree on the goal: 2"]
    comments = _fields(site / f"pdf/{TOOL}-fillable-letter.pdf")
    assert comments[f"{base}.staff-have-time-comment"]["/TU"] == "Comment: Staff have time"


def test_checklists_and_choices_are_check_boxes_and_a_ranking_numbers_each_option(site):
    fields = _fields(site / f"pdf/{TOOL}-fillable-letter.pdf")
    ticks = {name: field["/TU"] for name, field in fields.items() if field["/FT"] == "/Btn"
             and not field.get("/Ff", 0) & RADIO and not name.startswith(f"{TOOL}.how-ready")}
    assert ticks == {
        f"{TOOL}.before-we-meet-again.send-the-notes": "Send the notes",
        f"{TOOL}.before-we-meet-again.invite-the-missing-partners": "Invite the missing partners",
        **{f"{TOOL}.pick-your-top-priorities.{option.lower()}": option
           for option in ("Housing", "Food", "Transport", "Jobs")},
    }
    ranks = {name: field["/TU"] for name, field in fields.items() if name.startswith(f"{TOOL}.put-these")}
    assert ranks == {f"{TOOL}.put-these-in-order-of-urgency.{option.lower()}": f"Rank of {option}"
                     for option in ("Housing", "Food", "Transport")}
    assert all(fields[name]["/FT"] == "/Tx" for name in ranks)
    text = " ".join(page.text for page in read_pdf(site / f"pdf/{TOOL}-letter.pdf"))
    assert "Tick up to 2 options" in text and "Write 1 next to the option you would put first" in text


def test_each_worksheet_prints_on_its_own_for_its_audience(site):
    pages = read_pdf(site / f"pdf/{TOOL}-a4.pdf")
    starts = [page.text for page in pages if page.text.startswith("FOR PARTICIPANTS")]
    assert [text.split(" Who is at the table")[0] for text in starts] == [
        "FOR PARTICIPANTS · PARTNER STAFF", "FOR PARTICIPANTS · COMMUNITY MEMBERS"]
    fields = _fields(site / f"pdf/{TOOL}-fillable-letter.pdf")
    assert f"{TOOL}.community-members.places-people-trust.church.place" in fields
    assert fields[f"{TOOL}.community-members.what-would-make-you-come-to-a-meeting"]["/TU"] == \
        "What would make you come to a meeting"


def test_a_table_too_wide_for_a_portrait_page_turns_its_sheet_to_landscape(site):
    sizes = [(page.width, page.height) for page in read_pdf(site / "pdf/a-wide-table-letter.pdf")]
    assert sizes[0] == (612.0, 792.0), "the facilitator side stays portrait"
    assert sizes[1] == (792.0, 612.0)
    narrow = [(page.width, page.height) for page in read_pdf(site / f"pdf/{TOOL}-letter.pdf")]
    assert set(narrow) == {(612.0, 792.0)}


def test_the_tool_page_shows_each_prompt_in_its_shape(site):
    html = (site / f"activities/{TOOL}/index.html").read_text(encoding="utf-8")
    article = html[html.index('id="what-participants-write"'):]
    assert re.search(r"<th>Partner</th>\s*<th>What they bring</th>\s*<th>Who to contact</th>", article)
    assert re.search(r"<th[^>]*>1 \(Not at all\)</th>", article)
    assert re.search(r"<td>Church</td>", article)
    assert "<li>Invite the missing partners</li>" in article
    assert "Tick up to 2 options" in article
    assert article.index("Worksheet: Partner staff") < article.index("Worksheet: Community members")


def test_a_long_table_breaks_between_rows_and_repeats_its_header_row(site):
    pages = read_pdf(site / "pdf/a-long-table-letter.pdf")
    with_rows = [page.text for page in pages[1:] if "Partner What they bring Who to contact" in page.text]
    assert len(with_rows) >= 2, "the table runs onto a second page, header row first"
    assert pdf_ua_failures([site / "pdf/a-long-table-letter.pdf"]) == []


def test_a_sheet_prints_the_meanings_of_the_glossary_words_it_uses_and_only_those(site):
    facilitator, *pages = read_pdf(site / f"pdf/{TOOL}-letter.pdf")
    staff = " ".join(page.text for page in pages if "Places people trust" not in page.text)
    community = next(page.text for page in pages if "Places people trust" in page.text)
    assert re.search(r"words on this sheet urgency: How soon something must be done\.", staff, re.I)
    assert not re.search(r"words on this sheet", community, re.I)


def test_the_facilitator_side_prints_the_short_version_and_the_distress_plan(site):
    facilitator = read_pdf(site / f"pdf/{TOOL}-letter.pdf")[0].text
    assert re.search(r"short version \(20 min\) Skip the ranking", facilitator, re.I)
    assert "20 min Map and rate. Fill in the partners table together" in facilitator
    assert re.search(r"if someone becomes upset If naming who is missing", facilitator, re.I)
