"""Live preview: the pages never wait for PDFs. They come back with the PDFs made last
time; the new PDFs are made in the background and the preview reloads once they change.
In a dirty preview (`make serve`) the pages an edit touched are rebuilt first and the rest
right after, and the preview then serves what a full build serves.
How fast is measured by `make bench` (h), not asserted here."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from pypdf import PdfReader

from benchmarks.bench import free_port, page_text
from generators.kit import load_kit
from generators.preview import BackgroundPdfs
from tests.helpers import VALID_ACTIVITY, page_urls


def test_pages_get_the_last_pdfs_at_once_and_new_ones_follow(one_tool_kit, tmp_path):
    ready = tmp_path / "ready"
    background = BackgroundPdfs(ready)
    kit = load_kit(one_tool_kit)
    assert background.pdfs(kit, page_urls(kit)) == {}, "the first pages come without waiting for any PDF"
    background.start()
    background.wait(300)
    first = background.latest
    assert {pdf.variant for pdf in first["quick-check-in"]} >= {"letter", "a4", "fillable-letter"}
    assert ready.is_file()

    ready.unlink()
    background.pdfs(kit, page_urls(kit))
    background.start()
    background.wait(300)
    assert not ready.exists(), "nothing changed, so no reload: the preview cannot loop"

    tool = one_tool_kit / "toolkit/activities/quick-check-in.yml"
    tool.write_text(VALID_ACTIVITY.replace("Quick check-in", "Quick check-out"), encoding="utf-8")
    kit = load_kit(one_tool_kit)
    assert background.pdfs(kit, page_urls(kit)) is first, "the edited page comes back with the PDFs made last time"
    background.start()
    background.wait(300)
    assert ready.is_file(), "new PDFs reload the preview"
    assert background.latest["quick-check-in"][0].path != first["quick-check-in"][0].path


def _pdf_text(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            reader = PdfReader(io.BytesIO(response.read()))
    except OSError:
        return ""
    return " ".join(page.extract_text() for page in reader.pages)


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_mkdocs_serve_shows_an_edit_then_its_pdfs(one_tool_kit):
    port = free_port()
    url = f"http://127.0.0.1:{port}/activities/quick-check-in/"
    server = subprocess.Popen([str(Path(sys.executable).parent / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=one_tool_kit, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert _wait_for(lambda: ".pdf" in page_text(url), 300), "the first PDFs reach the page"
        tool = one_tool_kit / "toolkit/activities/quick-check-in.yml"
        tool.write_text(VALID_ACTIVITY.replace("Ask one question", "Ask one short question"), encoding="utf-8")
        assert _wait_for(lambda: "Ask one short question" in page_text(url), 120), "the edit reaches the page"
        assert re.search(r'href="[^"]+\.pdf"', page_text(url)), "the page keeps offering the PDFs made before"
        pdf_url = f"http://127.0.0.1:{port}/pdf/quick-check-in-letter.pdf"
        assert _wait_for(lambda: "Ask one short question" in _pdf_text(pdf_url), 300), "then the new PDFs follow"
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=60)


@contextlib.contextmanager
def _serving(kit: Path, *options: str):
    """`mkdocs serve` on the kit; yields its address and the file its messages go to."""
    port = free_port()
    log = kit / f"serve-{port}.log"
    with log.open("w", encoding="utf-8") as messages:
        server = subprocess.Popen([str(Path(sys.executable).parent / "mkdocs"), "serve", *options,
                                   "-a", f"127.0.0.1:{port}"], cwd=kit, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                                  stdout=messages, stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{port}/"
            assert _wait_for(lambda: page_text(url), 120), "the preview starts"
            yield url, log
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=60)


def _site(url: str) -> tuple[dict[str, str], list[str]]:
    """Every page the preview lists in its sitemap, without the reload script and the port
    (they differ from one preview to the next), and the search index's entries."""
    pages = {}
    for address in re.findall(r"<loc>([^<]+)</loc>", page_text(url + "sitemap.xml")):
        text = re.sub(r"<script>\s*var livereload.*?</script>", "", page_text(address), flags=re.DOTALL)
        pages[address.removeprefix(url)] = text.replace(url, "/")
    index = json.loads(page_text(url + "search/search_index.json"))
    return pages, sorted(json.dumps(entry, sort_keys=True) for entry in index["docs"])


def test_a_dirty_preview_rebuilds_the_edited_pages_then_the_rest_and_ends_as_a_full_build(fixture_kit_copy):
    kit = fixture_kit_copy
    config = kit / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - toolkit ", "  - toolkit:\n      pdfs: false\n  #"),
                      encoding="utf-8")  # pages only: PDFs would add rebuilds of their own
    tool = kit / "toolkit/activities/quick-check-in.yml"
    with _serving(kit, "--dirty") as (url, log):
        other_tool = f"{url}activities/food-and-housing/"
        assert "Quick check-in" in page_text(other_tool)
        tool.write_text(tool.read_text(encoding="utf-8").replace("title: Quick check-in", "title: Quick round"),
                        encoding="utf-8")
        assert _wait_for(lambda: "Quick round" in page_text(other_tool), 60), \
            "the other tool's navigation shows the new title"
        assert "Quick check-in" not in page_text(other_tool)

        def builds() -> int:
            return log.read_text(encoding="utf-8").count("Documentation built in")

        assert _wait_for(lambda: builds() >= 3, 60), "the edited pages, then the pages whose navigation changed"
        time.sleep(2)  # a further rebuild would have started by now
        assert builds() == 3, "and no more: the preview does not loop"
        assert "dirty" not in log.read_text(encoding="utf-8"), "MkDocs's warning about dirty builds does not apply"
        dirty_pages, dirty_index = _site(url)
    with _serving(kit) as (url, _):
        full_pages, full_index = _site(url)
    assert len(full_pages) > 10
    assert dirty_pages == full_pages
    assert dirty_index == full_index, "the search index lists every page once, with its new text"
