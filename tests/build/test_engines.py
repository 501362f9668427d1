"""The site does not depend on one engine: `toolkit generate` writes every page as a real
file, and MkDocs, ProperDocs and Zensical each build all of them, with working PDF links.
Zensical runs no plugin and says nothing of pages a plugin would add, so these tests count."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from generators.output_safety import SITE_MARKER
from tests.helpers import run_toolkit

# The fixture kit's activities: one title with characters HTML must escape.
TITLES = {"quick-check-in": "Quick check-in", "food-and-housing": "Food & housing <first> round"}


@pytest.fixture(scope="module")
def generated(fixture_kit_root, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("generated") / "project"
    result = run_toolkit(["generate", str(folder)], cwd=fixture_kit_root)
    assert result.returncode == 0, result.stderr
    return folder


def markdown_pages(project: Path) -> set[str]:
    return {path.relative_to(project / "docs").as_posix() for path in (project / "docs").rglob("*.md")}


def html_page_for(markdown: str) -> str:
    """Where an engine publishes a Markdown page, with addresses ending in '/'."""
    stem = markdown.removesuffix(".md")
    return f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"


def built_pages(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("index.html")}


def test_generate_writes_every_page_the_mkdocs_plugin_publishes(fixture_kit_root, generated, tmp_path):
    pages = markdown_pages(generated)
    for expected in ("index.md", "catalog.md", "print.md", "activities/index.md", "activities/quick-check-in.md",
                     "activities/food-and-housing.md", "sessions/index.md", "guide/index.md",
                     "guide/ground-rules.md", "phases/index.md", "phases/link.md", "buckets/index.md",
                     "about/fields.md", "about/add-your-own-tool.md"):
        assert expected in pages
    site = tmp_path / "plugin-site"
    result = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-d", str(site)],
                            cwd=fixture_kit_root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert built_pages(site) - {"404.html"} == {html_page_for(page) for page in pages}
    assert {p.name for p in (generated / "docs/pdf").iterdir()} == {p.name for p in (site / "pdf").iterdir()}
    assert (generated / SITE_MARKER).is_file()
    assert "toolkit" not in (generated / "mkdocs.yml").read_text(encoding="utf-8").split("plugins:")[1].split(
        "markdown_extensions")[0], "the generated project needs no plugin of ours"


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs", "zensical"])
def test_every_engine_builds_every_page_with_its_title_and_working_pdf_links(engine, fixture_kit_root, generated,
                                                                            tmp_path):
    site = tmp_path / f"site-{engine}"
    result = run_toolkit(["build", "--engine", engine, "--site-dir", str(site)], cwd=fixture_kit_root)
    assert result.returncode == 0, result.stdout + result.stderr
    expected = {html_page_for(page) for page in markdown_pages(generated)}
    assert sorted(expected - built_pages(site)) == [], f"{engine} left pages out"
    for tool_id, title in TITLES.items():
        html = (site / "activities" / tool_id / "index.html").read_text(encoding="utf-8")
        escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert f"<title>{escaped} - " in html
        assert f">{escaped}</h1>" in html or f">{escaped}<a" in html
        links = re.findall(r'href="([^"]+\.pdf)"', html)
        assert len(links) >= 3
        for link in links:
            pdf = (site / "activities" / tool_id / link).resolve()
            assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF-"), link
    assert '<html lang="en" dir="ltr"' in (site / "index.html").read_text(encoding="utf-8")
    assert (site / SITE_MARKER).is_file()


def test_zensical_has_its_own_search_and_makes_no_plain_folder_copy(fixture_kit_root, tmp_path):
    """What differs with Zensical, as the README says: its search index is search.json, and
    the copy that opens from a plain folder needs MkDocs' search, so it is refused plainly."""
    site = tmp_path / "site"
    result = run_toolkit(["build", "--engine", "zensical", "--plain-folder", "--site-dir", str(site)],
                         cwd=fixture_kit_root)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "toolkit build --engine zensical: zensical cannot make the copy that opens from a plain folder (its "
        "search needs a web server). Leave out --plain-folder, or use --engine mkdocs or --engine properdocs.")
    assert not site.exists()
    assert run_toolkit(["build", "--no-pdfs", "--engine", "zensical", "--site-dir", str(site)],
                       cwd=fixture_kit_root).returncode == 0
    assert (site / "search.json").is_file() and not (site / "search" / "search_index.json").exists()


def test_generate_refuses_the_kits_own_folders(fixture_kit_root):
    result = run_toolkit(["generate", "docs"], cwd=fixture_kit_root)
    assert result.returncode == 1
    assert result.stderr.startswith(f"toolkit generate DIR: {(fixture_kit_root / 'docs').resolve()} is the kit's docs/ "
                                    "folder, which people write by hand.")


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_an_engine_that_stops_says_why_without_a_traceback(engine, one_tool_kit, tmp_path):
    guide = one_tool_kit / "facilitation/guide"
    guide.mkdir(parents=True)
    (guide / "index.md").write_text("# Guide\n\nSee [the missing page](nowhere.md).\n", encoding="utf-8")
    site = tmp_path / "site"
    result = run_toolkit(["build", "--no-pdfs", "--engine", engine, "--site-dir", str(site)], cwd=one_tool_kit)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "\x1b[" not in result.stderr
    assert "nowhere.md" in result.stderr, "the engine's own message names the broken link"
    assert result.stderr.endswith("the previous site was left as it was.\n"
                                  "1 problem found. Fix the lines above, then run the command again.\n")
    assert not site.exists()
