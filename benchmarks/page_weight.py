"""What a reader's browser downloads to open a page, before they do anything.

The built site is served on 127.0.0.1 and each page opened in headless Chromium (Debian's
`chromium`); every response the page asks for until the network is idle is counted. Text
(HTML, CSS, JavaScript, JSON, SVG) is counted at its gzip-compressed size, as any host
serves it; fonts and images as they are. Nothing is fetched from anywhere else: any other
host is refused.
"""

from __future__ import annotations

import functools
import gzip
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
HOST = "127.0.0.1"
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def transfer_bytes(content_type: str, body: bytes) -> int:
    """The bytes a host sends: text gzip-compressed, fonts and images as they are."""
    if content_type.startswith(COMPRESSED_TYPES):
        return len(gzip.compress(body, compresslevel=6))
    return len(body)


def page_weights(site: Path, paths: dict[str, str]) -> dict[str, dict]:
    """For each named page (a path in the site), the kilobytes and requests of its first load."""
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer((HOST, 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://{HOST}:{server.server_port}/"
    results = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for name, path in paths.items():
                context = browser.new_context()
                context.route("**/*", lambda route: route.continue_() if urlsplit(route.request.url).hostname == HOST
                              else route.abort())
                page = context.new_page()
                responses = []
                page.on("response", lambda response: responses.append(response))
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                total = sum(transfer_bytes(response.headers.get("content-type", ""), response.body())
                            for response in responses if response.ok)
                results[name] = {"path": path, "kb": round(total / 1024, 1), "requests": len(responses),
                                 "html_kb": round(transfer_bytes("text/html", (site / path / "index.html")
                                                                 .read_bytes()) / 1024, 1)}
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return results
