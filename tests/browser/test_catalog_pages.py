"""A catalog in pages in a browser: choosing a filter on any page loads every card and filters
them all, on a served site and on a copy opened from a folder; the cards' links and "Add to my
meeting" buttons work on the cards loaded later. Built from the fixture kit with five cards a page."""

from __future__ import annotations

import functools
import threading
from http.server import ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from tests.helpers import LOCAL_HOST, SubPathHandler, SUB_PATH, copy_fixture_kit, run_toolkit

CARDS_PER_PAGE = 5


@pytest.fixture(scope="module")
def paged_kit(tmp_path_factory):
    kit = copy_fixture_kit(tmp_path_factory.mktemp("paged") / "kit")
    settings = kit / "kit.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + f"catalog_page_size: {CARDS_PER_PAGE}\n",
                        encoding="utf-8")
    for options in ([], ["--plain-folder", "--site-dir", "folder"]):
        result = run_toolkit(["build", "--no-pdfs", *options], cwd=kit)
        assert result.returncode == 0, result.stderr
    return kit


@pytest.fixture(scope="module")
def paged_url(paged_kit):
    server = ThreadingHTTPServer((LOCAL_HOST, 0), functools.partial(SubPathHandler, directory=str(paged_kit / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://{LOCAL_HOST}:{server.server_port}{SUB_PATH}"
    server.shutdown()
    server.server_close()


def _page(browser, url: str, problems: list[str]):
    context = browser.new_context()
    # Nothing leaves this machine: served from 127.0.0.1, or opened from a folder.
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        (f"http://{LOCAL_HOST}", "file:")) else route.abort())
    page = context.new_page()
    page.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.goto(url)
    return page


def test_a_filter_on_a_later_page_searches_every_page_and_its_cards_work(browser, paged_url):
    problems = []
    page = _page(browser, paged_url + "catalog/2/", problems)
    assert page.locator(".tk-card").count() == 1
    page.get_by_label("Activity").check()
    page.wait_for_function("document.querySelectorAll('.tk-card').length === 6")
    assert page.locator(".tk-card:visible").count() == 2  # the fixture kit's two activities
    assert "2 of 6" in page.locator(".tk-count").inner_text()
    assert page.locator("[data-tk-pager]").is_hidden()
    # A card loaded from the first page's cards keeps its link to the tool and its planner button.
    card = page.locator(".tk-card:visible").first
    card.locator("[data-tk-add]").click()
    expect(page.locator("[data-tk-plan-status]")).to_contain_text("1")
    card.locator(".tk-card__title a").click()
    page.wait_for_load_state()
    assert "/activities/" in page.url and page.locator("h1").count() == 1
    assert problems == []


def test_a_filtered_address_of_a_catalog_in_pages_shows_every_match(browser, paged_url):
    problems = []
    page = _page(browser, paged_url + "catalog/?type=activity", problems)
    page.wait_for_function("document.querySelectorAll('.tk-card').length === 6")
    assert page.locator(".tk-card:visible").count() == 2
    assert problems == []


def test_the_filters_of_a_catalog_in_pages_work_opened_from_a_folder(browser, paged_kit):
    problems = []
    page = _page(browser, (paged_kit / "folder" / "catalog" / "2.html").as_uri(), problems)
    page.get_by_label("Activity").check()
    page.wait_for_function("document.querySelectorAll('.tk-card').length === 6")
    assert page.locator(".tk-card:visible").count() == 2
    href = page.locator(".tk-card:visible .tk-card__title a").first.get_attribute("href")
    assert href.startswith("file:") and href.endswith(".html")
    assert problems == []
