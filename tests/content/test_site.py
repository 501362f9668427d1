"""The shipped kit's built site: one page and one catalog entry per YAML file, index pages, nothing
skipped. Building a small kit (text as written, a failed build, edit links): tests/build/test_site.py;
the list of files without a build: tests/unit/test_site_files.py."""

from __future__ import annotations

import re

from generators.content_types import CONTENT_TYPES
from generators.kit import content_files
from tests.helpers import KIT_ROOT, read_page

CATALOG_FIELDS = {"id", "type", "title", "purpose", "phases", "buckets", "sectors",
                  "minutes", "group_size", "page", "pdfs"}
# What the meeting planner reads, besides: of a tool, to put it on an agenda; of a session, to copy it.
TOOL_FIELDS = {"steps_minutes", "short", "materials", "preparation", "handouts"}
SESSION_FIELDS = {"tools", "start", "meets", "invite", "roles", "agenda", "preparation", "handouts"}


def test_every_yaml_file_is_exactly_one_catalog_entry_and_one_page(built_site, catalog):
    files = content_files(KIT_ROOT)
    ids = [entry["id"] for entry in catalog["items"]]
    assert sorted(ids) == sorted(path.stem for _, path in files)
    assert len(ids) == len(set(ids))
    for ctype, path in files:
        page = built_site / ctype.plural / path.stem / "index.html"
        assert page.is_file(), f"{path} has no page"


def test_catalog_entries_have_the_documented_fields(catalog, kit):
    for entry in catalog["items"]:
        item = kit.items[entry["id"]]
        expected = CATALOG_FIELDS | (SESSION_FIELDS if entry["type"] == "session"
                                     else TOOL_FIELDS if item.type.is_tool else set())
        # The site is built with PDFs, so every item with participant sheets has their pictures.
        expected |= {"previews"} if kit.items[entry["id"]].content.participant_sheets() else set()
        assert set(entry) == expected, entry["id"]
        item = kit.items[entry["id"]]
        assert entry["title"] == item.content.title
        assert entry["type"] == item.type.name
        assert entry["page"] == f"{item.type.plural}/{item.id}/"
        expected = {"letter", "a4"} | ({"packet-letter", "packet-a4"} if entry["type"] == "session"
                                       else set() if entry["type"] == "handout" else {"fillable-letter"})
        if entry["type"] == "canvas":
            expected |= {"poster-a3", "poster-11x17", "poster-a1", "poster-24x36"}
        assert set(entry["pdfs"]) == expected
        # A handout takes no meeting time and suits any group: both are null.
        assert (entry["minutes"] is None) == (entry["group_size"] is None) == (entry["type"] == "handout")
        assert entry["minutes"] is None or entry["minutes"]["min"] <= entry["minutes"]["max"]


def test_catalog_pages_and_pdfs_exist_in_the_site(built_site, catalog):
    for entry in catalog["items"]:
        assert (built_site / entry["page"] / "index.html").is_file()
        for path in entry["pdfs"].values():
            assert (built_site / path).read_bytes()[:5] == b"%PDF-"
        for preview in entry.get("previews", []):
            assert (built_site / preview["small"]).is_file() and (built_site / preview["large"]).is_file()


def test_a_tool_page_shows_its_content_and_links_its_pdfs(built_site, kit):
    item = kit.items["stakeholder-map"]
    page = read_page(built_site / "activities" / "stakeholder-map" / "index.html")
    assert page.headings[0] == item.content.title
    for heading in ("Steps", "Facilitator tips", "Equity prompts", "What participants write", "Related tools"):
        assert heading in page.headings
    for step in item.content.steps:
        assert " ".join(step.text.split()) in page.visible
    assert "../../pdf/stakeholder-map-letter.pdf" in page.links
    assert "../../pdf/stakeholder-map-a4.pdf" in page.links
    assert re.search(r"US Letter \(PDF, \d+ KB\)", page.visible)


def test_each_content_type_has_an_index_page_listing_its_items(built_site, kit):
    for ctype in CONTENT_TYPES:
        page = read_page(built_site / ctype.plural / "index.html")
        assert page.headings[0] == ctype.title
        listed = {link.strip("/").split("/")[-1] for link in page.links if not link.startswith("#")}
        assert {item.id for item in kit.of_type(ctype.name)} <= listed


# --- The website's generated navigation pages, edit links and page weight ---

PAGE_BUDGET = 50 * 1024  # a tool page's HTML, in bytes: quick on a slow phone connection


def test_every_item_page_is_at_most_50_kb_of_html(built_site, catalog):
    sizes = {entry["page"]: (built_site / entry["page"] / "index.html").stat().st_size for entry in catalog["items"]}
    too_big = {page: size for page, size in sizes.items() if size > PAGE_BUDGET}
    assert not too_big, f"pages over {PAGE_BUDGET} bytes: {too_big}"


def _listed_items(page) -> set[str]:
    return {link.rstrip("/").split("/")[-1] for link in page.links
            if link.startswith("../../") and link.split("/")[2] in {c.plural for c in CONTENT_TYPES}}


def test_each_phase_and_bucket_page_lists_exactly_the_items_that_carry_it(built_site, catalog, kit):
    for kind in ("phases", "buckets"):
        overview = read_page(built_site / kind / "index.html")
        for term in getattr(kit.vocabulary, kind):
            assert term.label in overview.headings
            page = read_page(built_site / kind / term.id / "index.html")
            assert page.headings[0] == term.label
            assert term.description in page.visible
            assert _listed_items(page) == {e["id"] for e in catalog["items"] if term.id in e[kind]}, term.id


def test_the_home_page_shows_the_journey_and_every_bucket_from_the_vocabulary(built_site, kit, catalog):
    home = read_page(built_site / "index.html")
    assert home.headings[0] == kit.settings.name
    assert "I want to…" in home.headings
    journey = " → ".join(term.label for term in kit.vocabulary.phases)
    assert f"The journey: {journey}" in home.headings
    for kind in ("phases", "buckets"):
        for term in getattr(kit.vocabulary, kind):
            assert f"{kind}/{term.id}/" in home.links
            assert term.description in home.visible
    assert "catalog/?type=session" in home.links
    assert "guide/where-to-start/" in home.links
    assert f"Browse all {len(catalog['items'])} tools, session plans and handouts" in home.visible


def test_a_tool_page_describes_itself_with_its_purpose(built_site, kit):
    html = (built_site / "activities" / "stakeholder-map" / "index.html").read_text(encoding="utf-8")
    purpose = kit.items["stakeholder-map"].content.purpose
    assert f'<meta name="description" content="{purpose}">' in html


def test_no_edit_link_without_a_repository_url(built_site, kit):
    assert kit.settings.repository_url is None
    page = read_page(built_site / "activities" / "stakeholder-map" / "index.html")
    assert "Edit this tool's file" not in page.visible
