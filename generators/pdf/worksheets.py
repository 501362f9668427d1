"""Render every tool's and session's PDFs, reusing cached ones that have not changed."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import KitInvalid, Problem
from ..kit import Item, Kit
from ..paper import Paper, papers_in_order
from ..templating import print_environment
from .assets import ASSET_BASE_URL, AssetLookup, KitAssetFetcher, asset_folders
from .cache import cache_folder, cache_key, store
from .documents import print_html

log = logging.getLogger("mkdocs.plugins.toolkit")

# Tagged PDFs carry headings and reading order for screen readers.
RENDER_OPTIONS = {"pdf_tags": True}


@dataclass(frozen=True)
class RenderedPdf:
    item_id: str
    paper: Paper
    path: Path      # the cached file
    size: int


def render_pdf(html: str, lookup: AssetLookup) -> bytes:
    from weasyprint import HTML  # imported here: it takes about half a second

    document = HTML(string=html, base_url=ASSET_BASE_URL, url_fetcher=KitAssetFetcher(lookup))
    return document.write_pdf(**RENDER_OPTIONS)


def build_pdfs(kit: Kit, page_urls: dict[str, str]) -> dict[str, list[RenderedPdf]]:
    """Every item's PDFs, one per paper size, keyed by item id."""
    started = time.monotonic()
    env = print_environment(kit.root)
    lookup = AssetLookup(asset_folders(kit.root))
    fingerprint = lookup.fingerprint()
    folder = cache_folder(kit.root)
    results: dict[str, list[RenderedPdf]] = {}
    rendered = reused = 0
    for item in sorted(kit.items.values(), key=lambda i: i.id):
        for paper in papers_in_order(kit.settings.paper):
            html = print_html(env, kit, item, paper, page_urls[item.id])
            key = cache_key(html, fingerprint, RENDER_OPTIONS)
            path = folder / f"{key}.pdf"
            if path.is_file():
                reused += 1
            else:
                path = store(folder, key, _render_or_explain(item, paper, html, lookup))
                rendered += 1
            results.setdefault(item.id, []).append(RenderedPdf(item.id, paper, path, path.stat().st_size))
    log.info("PDFs: %d rendered, %d from cache, of %d, in %.1f s",
             rendered, reused, rendered + reused, time.monotonic() - started)
    return results


def _render_or_explain(item: Item, paper: Paper, html: str, lookup: AssetLookup) -> bytes:
    try:
        return render_pdf(html, lookup)
    except Exception as error:  # WeasyPrint raises many kinds; the user needs the file and the cause
        raise KitInvalid([Problem(
            item.source.shown_as, 1, 1, "",
            f"the {paper.variant} PDF could not be made ({type(error).__name__}: {error}). "
            "If you changed a print template or stylesheet in overrides/, undo that change; "
            "otherwise report this with the file attached.")]) from None
