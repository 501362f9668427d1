"""Tool pages, search, printing and privacy in a browser."""

from __future__ import annotations

import re

from generators.text import human_size
from tests.helpers import SEARCHED_TOOL, WORD_FROM_ITS_STEPS, search


def test_search_finds_a_tool_by_a_word_from_its_steps(visit, kit, traffic):
    steps = " ".join(step.text for step in kit.items[SEARCHED_TOOL].content.steps).lower()
    assert WORD_FROM_ITS_STEPS in steps
    page = visit("")
    page.wait_for_load_state("networkidle")
    search(page, WORD_FROM_ITS_STEPS)
    result = page.locator(f'.md-search-result__item a[href*="activities/{SEARCHED_TOOL}/"]').first
    result.wait_for(state="visible")
    assert kit.items[SEARCHED_TOOL].content.title in result.inner_text()
    assert any(url.endswith("search/search_index.json") for url in traffic.urls)


def test_no_page_loads_the_search_index_or_its_worker_until_a_search_starts(visit, catalog, traffic):
    """The index grows with the kit: a reader who never searches never downloads it."""
    paths = ["", "catalog/", catalog["items"][0]["page"], "es/"]
    for path in paths:
        page = visit(path)
        page.wait_for_load_state("networkidle")
        page.mouse.move(10, 300)  # reading, scrolling and pointing are not searching
        page.mouse.wheel(0, 400)
        page.wait_for_timeout(300)
        assert not [url for url in traffic.urls if _is_search(url)], path
    page.keyboard.press("/")  # the theme's shortcut to the search box
    page.keyboard.type("community")
    page.locator(".md-search-result__item").first.wait_for()
    searched = [url for url in traffic.urls if _is_search(url)]
    assert any(url.endswith("es/search/search_index.json") for url in searched)
    assert any("/workers/search." in url for url in searched)


def _is_search(url: str) -> bool:
    """The search index, or the script of the worker that searches it."""
    return "/search/search_index." in url or "/workers/search." in url


def test_every_download_button_on_a_tool_page_gives_its_pdf_at_the_size_shown(visit, catalog):
    for item_id in ("stakeholder-map", "strategic-focus"):
        entry = next(e for e in catalog["items"] if e["id"] == item_id)
        page = visit(entry["page"])
        buttons = page.locator("a[download]")
        assert buttons.count() == len(entry["pdfs"])
        for index in range(buttons.count()):
            button = buttons.nth(index)
            response = page.request.get(page.url + button.get_attribute("href"))
            assert response.status == 200
            body = response.body()
            assert body.startswith(b"%PDF-"), button.get_attribute("href")
            assert f"(PDF, {human_size(len(body))})" in button.inner_text()


def test_a_tool_page_links_its_phases_and_buckets_to_their_pages(visit, kit):
    tool = kit.items["stakeholder-map"].content
    page = visit("activities/stakeholder-map/")
    summary = page.locator(".tk-summary")
    for bucket in tool.buckets:
        link = summary.get_by_role("link", name=kit.vocabulary.label("buckets", bucket), exact=True)
        link.click()
        assert page.get_by_role("heading", level=1).inner_text().rstrip("¶").strip() == \
            kit.vocabulary.label("buckets", bucket)
        assert page.get_by_role("link", name=tool.title).count() >= 1
        page.go_back()


def test_a_table_prompt_shows_its_column_headers_on_the_tool_page(visit, kit):
    """The stakeholder map's outreach plan is a table: a screen reader hears its columns as headers."""
    prompt = next(p for p in kit.items["stakeholder-map"].content.worksheet.prompts if p.kind == "table")
    page = visit("activities/stakeholder-map/")
    table = page.locator("article table").filter(has=page.get_by_role("columnheader", name=prompt.columns[0]))
    assert table.count() == 1
    headers = table.get_by_role("columnheader")
    assert [headers.nth(i).inner_text().strip() for i in range(headers.count())] == prompt.columns
    assert table.get_by_role("row").count() >= 2
    assert table.is_visible()


def test_printing_a_page_shows_the_content_without_navigation(visit):
    page = visit("activities/stakeholder-map/")
    assert page.locator(".md-sidebar--primary").is_visible()
    page.emulate_media(media="print")
    for navigation in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert not page.locator(navigation).is_visible(), navigation
    assert page.get_by_role("heading", level=2, name=re.compile("Steps")).is_visible()
    link = page.locator(".md-typeset .tk-summary a").first
    assert link.evaluate("a => getComputedStyle(a).color") == "rgb(0, 0, 0)"
    assert "underline" in link.evaluate("a => getComputedStyle(a).textDecorationLine")


def test_printing_the_catalog_prints_the_filtered_cards_without_the_controls(visit, catalog):
    page = visit("catalog/?type=canvas")
    page.emulate_media(media="print")
    assert not page.get_by_role("group", name="Type").is_visible()
    canvases = [entry for entry in catalog["items"] if entry["type"] == "canvas"]
    assert page.locator(".tk-card:visible").count() == len(canvases)


def test_browsing_the_site_never_leaves_127_0_0_1(visit, traffic, catalog):
    """Pages of every kind, the catalog's script, the font and the search index all come from the site."""
    paths = ["", "catalog/", "guide/", "phases/link/", "buckets/", "about/catalog/"]
    paths += [next(e["page"] for e in catalog["items"] if e["type"] == kind)
              for kind in ("activity", "canvas", "checklist", "session")]
    for path in paths:
        page = visit(path)
        page.wait_for_load_state("networkidle")
    search(page, "community")
    page.locator(".md-search-result__item").first.wait_for()
    fetched = " ".join(traffic.urls)
    for expected in ("catalog.js", ".woff2", "search_index.json", "toolkit.css"):
        assert expected in fetched, f"{expected} was never requested: the recording is not working"
    assert traffic.hosts == {"127.0.0.1"}
