"""A kit with many tools keeps every page small: a section of more than NAV_PAGES_LIMIT
tools lists only its index page in the navigation."""

from __future__ import annotations

from benchmarks.bench import synthetic_kit
from generators.site_files import NAV_PAGES_LIMIT
from tests.helpers import run_toolkit

MAX_PAGE_BYTES = 50_000


def test_a_section_of_many_tools_keeps_its_pages_small(fixture_kit_root, tmp_path, monkeypatch):
    kit = synthetic_kit(fixture_kit_root, tmp_path / "kit", NAV_PAGES_LIMIT + 5)
    result = run_toolkit(["build", "--no-pdfs"], cwd=kit)
    assert result.returncode == 0, result.stderr
    pages = sorted((kit / "site" / "activities").glob("generated-*/index.html"))
    assert len(pages) == NAV_PAGES_LIMIT + 5
    for page in pages[:3] + pages[-3:]:
        html = page.read_text(encoding="utf-8")
        assert len(html.encode()) <= MAX_PAGE_BYTES, page
        # At most the previous and next tool, in the footer; the navigation lists none.
        assert html.count('href="../generated-') <= 2, "other tools are not listed on each page"
    index = (kit / "site" / "activities" / "index.html").read_text(encoding="utf-8")
    assert all(f"generated-{n:04d}/" in index for n in range(1, NAV_PAGES_LIMIT + 6))
