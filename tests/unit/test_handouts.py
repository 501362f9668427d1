"""Handouts without rendering a PDF: the model, the page, the catalog, the references, which
handouts a packet prints and in what order, the book's parts and the `toolkit new` starter.
Their PDFs, packets and built pages: tests/build/test_handouts.py."""

from __future__ import annotations

import json
import re

import pytest

from generators.content_types import in_site_order
from generators.errors import KitInvalid
from generators.kit import load_kit
from generators.packet import packet_for_ids, session_packet
from generators.paper import PAPERS
from generators.pdf import book
from generators.pdf.documents import print_html
from generators.site_files import site_files
from generators.templating import print_environment
from tests.helpers import run_toolkit, validate_in_process

HANDOUT = "ground-rules-sheet"
NAME_TAGS = """\
title: Name tags
purpose: Help people learn each other's names
audience: [community-members]
phases: [link]
buckets: [internal-champions]
sectors: [community]
sections:
  - heading: How to wear it
    items: [Write the name you like to be called, Wear it where people can see it]
"""


@pytest.fixture(scope="module")
def files(fixture_kit, fixture_kit_root) -> dict[str, str]:
    site = site_files(fixture_kit, fixture_kit_root / "docs", pdfs=None)
    return {file.path: file.text for file in site.files}


def _add_handouts(kit_root, relative: str, handout_ids: list[str]) -> None:
    path = kit_root / relative
    path.write_text(path.read_text(encoding="utf-8") + f"handouts: [{', '.join(handout_ids)}]\n", encoding="utf-8")


def test_the_fixture_handout_has_no_time_or_group_size(fixture_kit):
    item = fixture_kit.items[HANDOUT]
    assert item.type.name == "handout" and not item.type.is_tool and not item.type.fillable
    summary = item.content.summary(fixture_kit)
    assert (summary.minutes, summary.group_size, summary.tools) == (None, None, None)
    assert summary.phases == ["link"] and summary.buckets == ["internal-champions", "advancing-equity"]


def test_its_page_shows_who_it_is_for_then_each_section_with_its_list_and_table(files):
    page = files[f"handouts/{HANDOUT}.md"]
    assert [line for line in page.splitlines() if line.startswith("#")] == [
        "# Our ground rules", "## Why we have them", "## The rules", "## When a rule is broken", "## Credits"]
    assert "- **Written for:** Partner staff, Community members\n" in page
    assert ("1. Speak for yourself, not for your organization\\.\n"
            "2. One person talks at a time; the facilitator keeps a queue\\.\n"
            "3. What is shared here stays here unless the person agrees\\.\n") in page
    assert ("| What happens | What anyone can do |\n|---|---|\n"
            "| Someone is cut off | Say: let them finish, please\\. |\n"
            "| Jargon nobody explains | Ask what the word means\\. |\n") in page


def test_catalog_json_lists_it_as_a_handout_with_no_time_or_group_size(files):
    entries = {entry["id"]: entry for entry in json.loads(files["catalog.json"])["items"]}
    assert entries[HANDOUT] == {
        "id": HANDOUT, "type": "handout", "title": "Our ground rules",
        "purpose": "Keep the rules the group agreed in view for the whole meeting", "phases": ["link"],
        "buckets": ["internal-champions", "advancing-equity"], "sectors": ["community", "public-health"],
        "minutes": None, "group_size": None, "page": f"handouts/{HANDOUT}/", "pdfs": {}}


def test_its_catalog_card_has_a_type_to_filter_by_and_nothing_for_the_time_and_size_filters(files):
    catalog = files["catalog.md"]
    assert '<input type="checkbox" name="type" value="handout"> Handout</label>' in catalog
    card = re.search(rf'<li class="tk-card" data-id="{HANDOUT}"[^>]*>.*?</li>', catalog, re.S)[0]
    assert 'data-type="handout"' in card
    assert "data-minutes" not in card and "data-people" not in card
    assert "<dt>Time</dt>" not in card and "<dt>Group size</dt>" not in card
    tool_card = re.search(r'<li class="tk-card" data-id="quick-check-in"[^>]*>', catalog)[0]
    assert 'data-minutes="10"' in tool_card and 'data-people-min="3"' in tool_card


def test_it_is_on_its_index_phase_and_bucket_pages_and_in_the_navigation(files, fixture_kit, fixture_kit_root):
    link = f"[Our ground rules]({HANDOUT}.md)"
    assert files["handouts/index.md"].startswith("# Handouts\n") and link in files["handouts/index.md"]
    for page in ("phases/link.md", "buckets/internal-champions.md", "buckets/advancing-equity.md"):
        text = files[page]
        assert f"## Handouts\n\n- [Our ground rules](../handouts/{HANDOUT}.md)" in text, page
    assert f"handouts/{HANDOUT}.md" not in files["phases/listen.md"]
    nav = site_files(fixture_kit, fixture_kit_root / "docs", pdfs=None).nav
    sections = [next(iter(entry)) for entry in nav if isinstance(entry, dict)]
    assert sections.index("Checklists") + 1 == sections.index("Handouts")
    assert {"Handouts": ["handouts/index.md", f"handouts/{HANDOUT}.md"]} in nav


def test_the_session_and_the_tool_that_name_it_link_it_after_what_to_bring(files):
    listed = (f"## Handouts to print\n\n- [Our ground rules](../handouts/{HANDOUT}.md): "
              "Keep the rules the group agreed in view for the whole meeting\n")
    for page in ("sessions/first-meeting.md", "activities/food-and-housing.md"):
        text = files[page]
        assert listed in text, page
        assert text.index("## What to bring") < text.index("## Handouts to print"), page
    assert "Handouts to print" not in files["activities/quick-check-in.md"]


def test_its_print_body_has_header_cells_with_their_scope_and_a_numbered_list(fixture_kit):
    html = print_html(print_environment(fixture_kit.root), fixture_kit, fixture_kit.items[HANDOUT],
                      PAPERS["letter"], f"handouts/{HANDOUT}/")
    assert re.findall(r"<th[^>]*>([^<]*)</th>", html) == ["What happens", "What anyone can do"]
    assert html.count('<th scope="col">') == 2
    assert re.search(r"<ol><li>Speak for yourself.*?</li><li>One person.*?</li><li>What is shared.*?</li></ol>", html)
    assert html.index("<h1>Our ground rules</h1>") < html.index("<h2>Why we have them</h2>") \
        < html.index("<h2>The rules</h2>") < html.index("<h2>When a rule is broken</h2>")


def test_a_packet_prints_each_handout_once_in_the_order_first_named(fixture_kit_copy):
    (fixture_kit_copy / "toolkit/handouts/name-tags.yml").write_text(NAME_TAGS, encoding="utf-8")
    _add_handouts(fixture_kit_copy, "toolkit/activities/quick-check-in.yml", ["name-tags", HANDOUT])
    kit = load_kit(fixture_kit_copy)

    # The session's own first, then its tools' in agenda order; the session and both tools name HANDOUT.
    assert [h.id for h in session_packet(kit, kit.items["first-meeting"]).handouts] == [HANDOUT, "name-tags"]
    assert [h.id for h in packet_for_ids(kit, ["first-meeting"], None, None).handouts] == [HANDOUT, "name-tags"]
    assert [h.id for h in packet_for_ids(kit, ["quick-check-in", "food-and-housing"], None, None).handouts] == [
        "name-tags", HANDOUT]
    assert [h.id for h in packet_for_ids(kit, ["food-and-housing", "quick-check-in"], None, None).handouts] == [
        HANDOUT, "name-tags"]
    assert packet_for_ids(kit, ["hopes-and-worries"], None, None).handouts == []


def test_toolkit_packet_refuses_a_handout_id_and_says_how_handouts_get_in(fixture_kit):
    with pytest.raises(KitInvalid) as refused:
        packet_for_ids(fixture_kit, ["quick-check-in", HANDOUT], None, None)
    assert [str(problem) for problem in refused.value.problems] == [
        f"toolkit packet: '{HANDOUT}' is a handout, not a tool or a session plan. A packet prints the handouts "
        "its tools and session name under 'handouts:'; give their ids instead."]


def test_removing_a_handout_names_every_tool_and_session_that_asks_for_it(fixture_kit_copy, monkeypatch, capsys):
    (fixture_kit_copy / f"toolkit/handouts/{HANDOUT}.yml").unlink()
    code, out, err = validate_in_process(fixture_kit_copy, monkeypatch, capsys)
    assert (code, out) == (1, "")
    message = (f"handouts[1]: there is no handout with the id '{HANDOUT}'. "
               "A handout's id is its file name in toolkit/handouts/ without '.yml'.")
    assert err.splitlines() == [
        f"facilitation/sessions/first-meeting.yml:8:12: {message}",
        f"toolkit/activities/food-and-housing.yml:30:12: {message}",
        "2 problems found. Fix the lines above, then run the command again."]


def test_the_site_and_the_book_list_session_plans_then_tools_then_handouts(fixture_kit):
    assert [ctype.name for ctype in in_site_order()] == ["session", "activity", "canvas", "checklist", "handout"]
    link = next(part for part in book.parts(fixture_kit) if part.phase.id == "link")
    assert [item.id for item in link.handouts] == [HANDOUT]
    assert [item.id for item in link.items][0] == "first-meeting"
    assert [item.id for item in link.items][-1] == HANDOUT
    assert HANDOUT not in [item.id for part in book.parts(fixture_kit) for item in part.tools + part.sessions]


def test_new_handout_writes_a_valid_starter_whose_every_text_but_the_title_is_marked_todo(small_kit):
    result = run_toolkit(["new", "handout", "Welcome to the network"], cwd=small_kit)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Wrote toolkit/handouts/welcome-to-the-network.yml.")
    starter = (small_kit / "toolkit/handouts/welcome-to-the-network.yml").read_text(encoding="utf-8")
    assert starter.startswith("# yaml-language-server: $schema=../../schemas/handout.schema.json\n")
    handout = load_kit(small_kit).items["welcome-to-the-network"].content
    assert handout.title == "Welcome to the network"
    written = [handout.purpose, *handout.credits]
    for section in handout.sections:
        written += [section.heading, *section.text, *section.items]
        if section.table:
            written += [*section.table.columns, *(cell for row in section.table.rows for cell in row)]
    assert {bool(section.text) for section in handout.sections} == {True, False}, "the starter shows each part"
    assert any(section.table for section in handout.sections) and any(s.items for s in handout.sections)
    assert [text for text in written if not text.startswith("TODO")] == []
