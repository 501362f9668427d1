"""A big kit's catalog in pages (kit.yml's catalog_page_size): each page holds its share of the
cards in its HTML and links every other page, so without JavaScript a reader reaches every tool;
catalog/cards.js holds every card, for the filters to search them all."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

from generators.kit import load_kit
from generators.site_files import page_url, site_files
from generators.site_pages import page_path

CARD_LINK = re.compile(r'<h2 class="tk-card__title"[^>]*><a href="([^"]+)"')
PAGER = re.compile(r'<nav class="tk-pager".*?</nav>', re.S)
HREF = re.compile(r'href="([^"]+)"')
CARDS_SCRIPT_START = "window.__toolkitCatalogCards = "


def paged_site(kit_root, cards_per_page: int):
    settings = kit_root / "kit.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + f"catalog_page_size: {cards_per_page}\n",
                        encoding="utf-8")
    kit = load_kit(kit_root)
    return kit, site_files(kit, kit_root / "docs", pdfs=None)


def resolved(from_url: str, href: str) -> str:
    """A link on the page at `from_url` (an address of the site, such as catalog/2/), as an address."""
    return urljoin("http://site/" + from_url, href).removeprefix("http://site/")


def test_without_javascript_the_catalog_pages_link_each_other_and_reach_every_tool(fixture_kit_copy):
    kit, site = paged_site(fixture_kit_copy, 5)
    pages = {page_url(file.path): file.text for file in site.files if file.path.endswith(".md")}
    visited, waiting, reached = set(), ["catalog/"], []
    while waiting:
        url = waiting.pop()
        if url in visited:
            continue
        visited.add(url)
        html = pages[url]
        cards = [resolved(url, href) for href in CARD_LINK.findall(html)]
        assert 0 < len(cards) <= 5, url
        reached.extend(cards)
        waiting.extend(resolved(url, href) for href in HREF.findall(PAGER.search(html)[0]))
    assert visited == {"catalog/", "catalog/2/"}
    assert sorted(reached) == sorted(page_url(page_path(item)) for item in kit.items.values())
    assert 'aria-current="page">6<' in pages["catalog/2/"]
    assert "1–5 of 6 tools" in pages["catalog/"]


def test_the_cards_script_holds_every_card_with_links_from_the_first_page(fixture_kit_copy):
    kit, site = paged_site(fixture_kit_copy, 5)
    files = {file.path: file.text for file in site.files}
    script = files["catalog/cards.js"]
    assert script.startswith(CARDS_SCRIPT_START) and script.endswith(";\n")
    html = json.loads(script[len(CARDS_SCRIPT_START):-2])
    assert "</" not in script  # no card can end the script element early
    assert sorted(resolved("catalog/", href) for href in CARD_LINK.findall(html)) == sorted(
        page_url(page_path(item)) for item in kit.items.values())
    # The pages tell the filters where the cards are, and where their links start from.
    assert 'data-tk-cards="../cards.js" data-tk-cards-base="../"' in files["catalog/2.md"]
    assert 'data-tk-cards="cards.js" data-tk-cards-base="./"' in files["catalog.md"]


def test_the_later_pages_stay_out_of_the_navigation(fixture_kit_copy):
    _, site = paged_site(fixture_kit_copy, 5)
    assert "catalog/2.md" not in json.dumps(site.nav)
    assert "catalog.md" in site.nav


def test_a_kit_within_one_page_has_one_catalog_page_and_no_cards_script(fixture_kit_copy):
    _, site = paged_site(fixture_kit_copy, 6)
    paths = {file.path for file in site.files}
    assert "catalog/cards.js" not in paths and "catalog/2.md" not in paths
    catalog = next(file.text for file in site.files if file.path == "catalog.md")
    assert "tk-pager" not in catalog and "data-tk-cards" not in catalog
    assert "6 tools, session plans and handouts" in catalog
