"""A copy built with `toolkit build --plain-folder` works opened straight from the folder
(file://, no web server): links lead to pages, the catalog filters, search finds tools, and
the meeting planner plans, keeps and saves a meeting."""

from __future__ import annotations

import pytest
import yaml

from tests.helpers import KIT_ROOT, SEARCHED_TOOL, WORD_FROM_ITS_STEPS, run_toolkit, search


@pytest.fixture(scope="module")
def folder_copy(tmp_path_factory):
    site = tmp_path_factory.mktemp("folder") / "partnership-toolkit"
    # Without PDFs: this is about the pages; the PDFs are the same files in either build.
    result = run_toolkit(["build", "--no-pdfs", "--plain-folder", "--site-dir", str(site)], cwd=KIT_ROOT)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture
def open_file(browser):
    """Open a file of the copy; every request must stay on file:// and nothing may go wrong."""
    requests, problems, contexts = [], [], []

    def opened(path):
        context = browser.new_context()
        contexts.append(context)
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                      else route.abort())
        page = context.new_page()
        page.on("request", lambda request: requests.append(request.url))
        page.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))
        page.on("console", lambda message: message.type == "error" and problems.append(message.text))
        page.goto(path.as_uri())
        return page

    yield opened
    for context in contexts:
        context.close()
    assert [url for url in requests if not url.startswith(("file:", "data:", "blob:", "about:"))] == []
    assert not problems, "\n".join(problems)


def test_links_lead_from_the_home_page_to_the_catalog_and_a_tool(folder_copy, open_file, catalog):
    page = open_file(folder_copy / "index.html")
    page.locator("main a[href='catalog.html']").first.click()
    page.wait_for_url("**/catalog.html")
    page.wait_for_load_state("load")
    cards = page.locator(".tk-card")
    assert cards.count() == len(catalog["items"])
    first = catalog["items"][0]
    page.locator(f'.tk-card[data-id="{first["id"]}"] a').first.click()
    page.wait_for_url(f"**/{first['page'].rstrip('/')}.html")
    page.wait_for_load_state("load")
    assert page.locator("h1").first.inner_text().rstrip("¶") == first["title"]


def test_the_catalog_filters_from_the_folder(folder_copy, open_file, catalog):
    page = open_file(folder_copy / "catalog.html")
    page.wait_for_load_state("load")
    page.locator('input[name="type"][value="canvas"]').check()
    expected = sum(1 for entry in catalog["items"] if entry["type"] == "canvas")
    assert page.locator(".tk-card:visible").count() == expected


def test_search_finds_a_tool_from_the_folder(folder_copy, open_file):
    page = open_file(folder_copy / "index.html")
    page.wait_for_load_state("load")
    search(page, WORD_FROM_ITS_STEPS)
    result = page.locator(f'.md-search-result__item a[href*="activities/{SEARCHED_TOOL}.html"]').first
    result.wait_for(state="visible", timeout=15000)
    result.click()
    assert page.url.split("?")[0].endswith(f"activities/{SEARCHED_TOOL}.html")


def test_the_meeting_planner_from_the_folder(folder_copy, open_file, catalog, tmp_path):
    """Add two tools from their pages, plan on My meeting, reload, and save the session file: all on file://."""
    tools = [entry for entry in catalog["items"] if entry.get("short")][:2]
    page = open_file(folder_copy / f"{tools[0]['page'].rstrip('/')}.html")
    for count, tool in enumerate(tools, start=1):
        page.goto((folder_copy / f"{tool['page'].rstrip('/')}.html").as_uri())
        page.get_by_role("button", name="Add to my meeting").click()
        page.wait_for_function("text => document.querySelector('[data-tk-plan-status]').textContent.includes(text)",
                               arg=f"Items in your meeting: {count}.")
    page.get_by_role("link", name="My meeting").first.click()
    page.wait_for_selector("[data-tk-app]:not([hidden])")
    titles = page.locator(".tk-agenda__item h3")
    assert titles.all_inner_texts() == [tool["title"] for tool in tools]
    page.get_by_role("button", name=f"Move {tools[1]['title']} up").focus()
    page.keyboard.press("Enter")
    assert titles.all_inner_texts() == [tools[1]["title"], tools[0]["title"]]
    ends = 9 * 60 + tools[1]["steps_minutes"]
    assert page.locator(".tk-agenda__time").first.inner_text() == f"09:00–{ends // 60:02d}:{ends % 60:02d}"
    page.reload()
    page.wait_for_selector("[data-tk-app]:not([hidden])")
    assert page.locator(".tk-agenda__item h3").all_inner_texts() == [tools[1]["title"], tools[0]["title"]]
    with page.expect_download() as waiting:
        page.get_by_role("button", name="Download as a session file").click()
    saved = tmp_path / waiting.value.suggested_filename
    waiting.value.save_as(saved)
    session = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert [row["tool"] for row in session["agenda"]] == [tools[1]["id"], tools[0]["id"]]
    assert session["minutes"] == sum(tool["steps_minutes"] for tool in tools)


def test_the_language_link_works_from_the_folder(folder_copy, open_file):
    page = open_file(folder_copy / "activities" / f"{SEARCHED_TOOL}.html")
    page.get_by_role("link", name="Español").click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"/es/activities/{SEARCHED_TOOL}.html")
    assert page.locator("html").get_attribute("lang") == "es"
    page.get_by_role("link", name="English").click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"/partnership-toolkit/activities/{SEARCHED_TOOL}.html")
