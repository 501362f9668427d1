"""Measure the built site with Lighthouse, served from 127.0.0.1 under a sub-path.

    make lighthouse            (or: python scripts/lighthouse.py site [--desktop])

Serves site/ with gzip, as a static host would, runs Lighthouse (from npm, pinned below)
in Debian's Chromium on the home page, the catalog and a page of every type, and prints
each page's four scores and its Core Web Vitals as one JSON document. A measurement,
not a test: scores move with the machine's load, so run it on an idle machine.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

LIGHTHOUSE = "lighthouse@12.8.2"
CHROMIUM = "/usr/bin/chromium"
SUB_PATH = "/partnership-toolkit/"
PAGES = {"home": "", "catalog": "catalog/", "activity": "activities/stakeholder-map/",
         "canvas": "canvases/theory-of-change/", "checklist": "checklists/equity-impact-assessment/",
         "session": "sessions/listen-to-the-community/", "guide": "guide/"}
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
           "cumulative-layout-shift", "speed-index")


class GzipSubPathHandler(SimpleHTTPRequestHandler):
    """Serves the site under SUB_PATH, text compressed with gzip as static hosts do."""

    def translate_path(self, path: str) -> str:
        relative = path.split("?", 1)[0][len(SUB_PATH):] if path.startswith(SUB_PATH) else "missing"
        return super().translate_path("/" + relative)

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESSED or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)

    def log_message(self, format, *args):
        pass


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def measure(url: str, desktop: bool) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        command = ["npx", "--yes", LIGHTHOUSE, url, "--quiet", "--output=json", f"--output-path={report}",
                   "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                   "--disable-component-update --disable-sync --no-first-run"]
        if desktop:
            command.append("--preset=desktop")
        subprocess.run(command, env={"CHROME_PATH": CHROMIUM, "PATH": "/usr/bin:/bin:/usr/local/bin"},
                       check=True, capture_output=True, timeout=600)
        result = json.loads(report.read_text(encoding="utf-8"))
    return {"scores": {name: round(category["score"] * 100) for name, category in result["categories"].items()},
            **{metric: result["audits"][metric]["displayValue"].replace("\xa0", " ") for metric in METRICS}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site")
    parser.add_argument("--desktop", action="store_true", help="desktop preset (default: mobile)")
    args = parser.parse_args()
    handler = functools.partial(GzipSubPathHandler, directory=str(Path(args.site).resolve()))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}{SUB_PATH}"
    try:
        results = {name: measure(base + path, args.desktop) for name, path in PAGES.items()}
    finally:
        server.shutdown()
    print(json.dumps({"preset": "desktop" if args.desktop else "mobile", "pages": results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
