"""The built site served on 127.0.0.1 under a sub-path, and headless Chromium to browse it.

Chromium is Debian's `chromium` package, driven by Playwright's Python package (its own
browser download cannot work offline). Every page a test opens records its traffic: a
request to any other host, a failed request, an error status or a JavaScript error fails
the test, so each browser test also checks that the site is self-contained.

The site is the one the whole test session builds (`built_site`). To rerun only these tests
against a site you have just built, set TOOLKIT_TEST_SITE to its folder.
"""

from __future__ import annotations

import functools
import json
import os
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.helpers import CHROMIUM, CHROMIUM_ARGS, LOCAL_HOST, SUB_PATH, SubPathHandler, Traffic


@pytest.fixture(scope="session")
def site_folder(request) -> Path:
    prebuilt = os.environ.get("TOOLKIT_TEST_SITE")
    if prebuilt:
        return Path(prebuilt).resolve()
    return request.getfixturevalue("built_site")


@pytest.fixture(scope="session")
def catalog(site_folder) -> dict:
    """catalog.json of the site the browser sees."""
    return json.loads((site_folder / "catalog.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def site_url(site_folder) -> str:
    server = ThreadingHTTPServer((LOCAL_HOST, 0), functools.partial(SubPathHandler, directory=str(site_folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://{LOCAL_HOST}:{server.server_port}{SUB_PATH}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def traffic() -> Traffic:
    return Traffic()


@pytest.fixture
def visit(browser, site_url, traffic):
    """visit('catalog/?phase=link') opens a page of the served site in a fresh browser context."""
    contexts = []

    def refuse_other_hosts(route):
        # Recorded by the 'request' listener first; refused so nothing leaves this machine.
        if urlsplit(route.request.url).hostname == LOCAL_HOST:
            route.continue_()
        else:
            route.abort()

    def open_page(path: str, *, javascript: bool = True):
        context = browser.new_context(java_script_enabled=javascript)
        contexts.append(context)
        context.route("**/*", refuse_other_hosts)
        page = context.new_page()
        traffic.watch(page)
        page.goto(site_url + path)
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert traffic.hosts <= {LOCAL_HOST}, f"requests left {LOCAL_HOST}: {sorted(traffic.hosts - {LOCAL_HOST})}"
    assert not traffic.problems, "\n".join(traffic.problems)
