"""The list of every file of the site, made without PDFs and without a site engine: one page
and one catalog entry per YAML file, the index, phase, bucket, guide and hand-written pages,
the navigation and the settings from kit.yml. Checked on the fixture kit, in milliseconds."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html import escape

import pytest

from generators.content_types import CONTENT_TYPES
from generators.kit import content_files, load_kit
from generators.pdf.worksheets import KIT_DOCUMENTS, RenderedPdf
from generators.site_files import NAV_ORDER, page_url, relative_url, site_files

MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)\)")


def by_path(site) -> dict:
    return {file.path: file for file in site.files}


def nav_pages(entries) -> list[str]:
    """Every page the navigation lists, in order."""
    pages = []
    for entry in entries:
        if isinstance(entry, str):
            pages.append(entry)
        else:
            for children in entry.values():
                pages.extend(nav_pages(children))
    return pages


@pytest.fixture(scope="module")
def site(fixture_kit, fixture_kit_root):
    return site_files(fixture_kit, fixture_kit_root / "docs", pdfs=None)


def test_every_yaml_file_is_exactly_one_page_and_one_catalog_entry(site, fixture_kit, fixture_kit_root):
    files = by_path(site)
    sources = content_files(fixture_kit_root)
    assert sorted(path.stem for _, path in sources) == sorted(fixture_kit.items)
    for ctype, path in sources:
        assert f"{ctype.plural}/{path.stem}.md" in files, f"{path} has no page"
    catalog = json.loads(files["catalog.json"].text)
    assert sorted(entry["id"] for entry in catalog["items"]) == sorted(fixture_kit.items)
    for entry in catalog["items"]:
        item = fixture_kit.items[entry["id"]]
        assert entry["page"] == f"{item.type.plural}/{item.id}/"
        assert entry["title"] == item.content.title and entry["type"] == item.type.name
        assert entry["pdfs"] == {}, "a site without PDFs lists none"
    assert catalog["kit"]["pdfs"] == {}
    assert [entry["tools"] for entry in catalog["items"] if entry["type"] == "session"] == [
        ["quick-check-in", "food-and-housing"]]


def test_index_term_guide_and_hand_written_pages_are_all_there_once(site, fixture_kit):
    paths = [file.path for file in site.files]
    assert len(paths) == len(set(paths))
    expected = {"index.md", "catalog.md", "my-meeting.md", "print.md", "about/fields.md", "catalog.json",
                "guide/index.md", "guide/ground-rules.md", "about/add-your-own-tool.md", "about/catalog.md",
                "phases/index.md", "buckets/index.md"}
    expected |= {f"{ctype.plural}/index.md" for ctype in CONTENT_TYPES}
    expected |= {f"{kind}/{term.id}.md" for kind in ("phases", "buckets")
                 for term in getattr(fixture_kit.vocabulary, kind)}
    assert expected <= set(paths)
    assert not [path for path in paths if path.endswith(".pdf")], "no PDF without a PDF source"
    files = by_path(site)
    assert [path for path, file in files.items() if file.hand_written] == ["about/add-your-own-tool.md",
                                                                          "about/catalog.md"]
    assert files["guide/ground-rules.md"].source.read_text(encoding="utf-8").startswith("# Ground rules")


def test_each_phase_and_bucket_page_links_exactly_the_items_that_carry_it(site, fixture_kit):
    files = by_path(site)
    entries = json.loads(files["catalog.json"].text)["items"]
    for kind in ("phases", "buckets"):
        for term in getattr(fixture_kit.vocabulary, kind):
            text = files[f"{kind}/{term.id}.md"].text
            assert text.startswith(f"---\ntitle: {escape(term.label, quote=False)}\n---\n"), f"{kind}/{term.id}"
            linked = {link.split("/")[-1].removesuffix(".md") for link in MARKDOWN_LINK.findall(text)
                      if link.startswith("../") and not link.startswith("../catalog.md")}
            assert linked == {entry["id"] for entry in entries if term.id in entry[kind]}, f"{kind}/{term.id}"
    # A session carries the buckets of its tools.
    assert "first-meeting" in {link.split("/")[-1].removesuffix(".md")
                               for link in MARKDOWN_LINK.findall(files["buckets/advancing-equity.md"].text)}


def test_the_navigation_lists_every_page_once_in_the_kits_order(site):
    pages = nav_pages(site.nav)
    assert sorted(pages) == sorted(file.path for file in site.files if file.path.endswith(".md"))
    assert len(pages) == len(set(pages))
    sections = [entry if isinstance(entry, str) else next(iter(entry.values()))[0].split("/")[0]
                for entry in site.nav]
    assert sections == [name for name in NAV_ORDER if name in sections]
    assert sections[:4] == ["index.md", "catalog.md", "my-meeting.md", "guide"]


def test_text_is_escaped_in_the_front_matter_and_the_heading(site):
    page = by_path(site)["activities/food-and-housing.md"].text
    assert page.startswith("---\ntitle: Food &amp; housing &lt;first&gt; round\n")
    assert "\n# Food &amp; housing &lt;first&gt; round\n" in page
    assert "<first>" not in page


def test_a_session_page_has_its_agenda_times_and_the_materials_of_its_tools(site):
    page = by_path(site)["sessions/first-meeting.md"].text
    assert "| 18:00–18:10 | Welcome | 10 |" in page
    assert "| 18:10–18:25 | [Quick check\\-in](../activities/quick-check-in.md) | 15 |" in page
    assert ("| 18:25–18:35 | [Food &amp; housing &lt;first&gt; round](../activities/food-and-housing.md) "
            "([Short version](../activities/food-and-housing.md#short-version)) | 10 |") in page
    assert "| 18:35–18:45 | Close | 10 |" in page
    assert "## What to bring\n\n- Sticky notes\n- A wall chart with two columns\n" in page


def test_the_settings_come_from_kit_yml(site, fixture_kit):
    settings = fixture_kit.settings
    assert site.settings["site_name"] == settings.name
    assert site.settings["theme"] == {"language": "en", "direction": "ltr", "logo": "assets/logo.svg"}
    assert settings.organization in site.settings["copyright"]
    assert site.extra["toolkit_colours"]["primary"] == settings.primary_colour
    assert site.extra["toolkit_plain_folder"] is False


def test_without_directory_urls_every_address_ends_in_html(fixture_kit, fixture_kit_root):
    site = site_files(fixture_kit, fixture_kit_root / "docs", directory_urls=False, pdfs=None)
    catalog = json.loads(by_path(site)["catalog.json"].text)
    assert {entry["page"] for entry in catalog["items"]} == {
        f"{item.type.plural}/{item.id}.html" for item in fixture_kit.items.values()}
    assert site.extra["toolkit_plain_folder"] is True
    assert page_url("index.md", directory_urls=False) == "index.html"
    assert page_url("guide/index.md") == "guide/" and page_url("activities/data-walk.md") == "activities/data-walk/"
    assert relative_url("activities/data-walk/", "catalog/") == "../activities/data-walk/"


def test_the_pdf_source_gets_every_page_address_and_its_pdfs_are_listed(fixture_kit, fixture_kit_root, tmp_path):
    asked = {}
    made = tmp_path / "made.pdf"
    made.write_bytes(b"%PDF-1.7 stand-in")

    def pdfs(kit, urls):
        asked.update(urls)
        return {"quick-check-in": [RenderedPdf("quick-check-in", "letter", "US Letter", made, 2048)],
                KIT_DOCUMENTS: [RenderedPdf("partnership-toolkit", "book-letter", "The whole kit", made, 4096)]}

    site = site_files(fixture_kit, fixture_kit_root / "docs", pdfs=pdfs)
    assert asked == {item.id: f"{item.type.plural}/{item.id}/" for item in fixture_kit.items.values()}
    files = by_path(site)
    assert files["pdf/quick-check-in-letter.pdf"].source == made
    assert files["pdf/partnership-toolkit-book-letter.pdf"].source == made
    catalog = json.loads(files["catalog.json"].text)
    entry = next(entry for entry in catalog["items"] if entry["id"] == "quick-check-in")
    assert entry["pdfs"] == {"letter": "pdf/quick-check-in-letter.pdf"}
    assert catalog["kit"]["pdfs"] == {"book-letter": "pdf/partnership-toolkit-book-letter.pdf"}
    assert "../pdf/quick-check-in-letter.pdf" in files["activities/quick-check-in.md"].text


def test_a_site_template_in_the_kits_overrides_replaces_the_shipped_one(fixture_kit_copy):
    override = fixture_kit_copy / "overrides/toolkit/site/activity.md.j2"
    override.parent.mkdir(parents=True)
    override.write_text("# {{ tool.title }}\n\nA fork's own page.\n", encoding="utf-8")
    site = site_files(load_kit(fixture_kit_copy), fixture_kit_copy / "docs", pdfs=None)
    files = by_path(site)
    assert "\n# Quick check\\-in\n\nA fork's own page.\n" in files["activities/quick-check-in.md"].text
    assert "A fork's own page." not in files["canvases/hopes-and-worries.md"].text


def test_the_list_of_site_files_needs_no_site_engine():
    """Generation imports nothing from MkDocs or its theme: any engine can build what it makes."""
    script = ("import sys, generators.site_files, generators.generate, generators.build; "
              "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material', 'properdocs')))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_tool_page_shows_its_short_version_online_notes_distress_plan_and_sectors(site):
    page = by_path(site)["activities/food-and-housing.md"].text
    assert "## Short version \\(10 min\\) { #short-version }\n\nEach person names one need aloud" in page
    assert "1. **Write** (3 min). Each person writes the one need" in page
    assert "## Online or hybrid\n\n- Use a shared board with two columns" in page
    assert "## If someone becomes upset\n\n- If someone shares a need from their own home" in page
    assert "- **Community organizations and residents.** Brings: Needs that neighbours see before any agency does\\. Watch for: Being asked" in page
    # The full steps come first and stay whole.
    assert page.index("## Steps") < page.index("#short-version")


def test_a_session_page_says_how_people_meet(site):
    page = by_path(site)["sessions/first-meeting.md"].text
    assert "- **Meets:** In person\n" in page
    assert "## Part of a series" not in page


def test_a_worksheet_on_the_site_lists_the_meanings_of_the_glossary_words_it_uses(site):
    page = by_path(site)["activities/food-and-housing.md"].text
    assert "**Words on this sheet:**\n\n- **housing need:** A problem with a place to live" in page
    assert "Words on this sheet" not in by_path(site)["activities/quick-check-in.md"].text
