"""Render every PDF of the kit: worksheets per paper size, and a meeting packet per session.

PDFs are cached by a hash of their HTML and of every print asset, so unchanged ones
are reused. The rest are rendered in parallel, one worker process per core, each
importing WeasyPrint once.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..errors import KitInvalid, Problem
from ..kit import Kit
from ..locale import ui_words
from ..packet import session_packet
from ..paper import papers_in_order
from ..templating import print_environment
from .assets import ASSET_BASE_URL, AssetLookup, KitAssetFetcher, asset_folders
from .cache import cache_folder, cache_key, store
from .documents import packet_html, print_html

log = logging.getLogger("mkdocs.plugins.toolkit")

# Tagged PDFs carry headings and reading order for screen readers.
RENDER_OPTIONS = {"pdf_tags": True}


@dataclass(frozen=True)
class PdfJob:
    item_id: str
    variant: str   # 'letter', 'a4', 'packet-letter', 'packet-a4': the key in catalog.json's `pdfs`
    label: str     # shown on the download button
    source: str    # the YAML file, for error messages
    html: str


@dataclass(frozen=True)
class RenderedPdf:
    item_id: str
    variant: str
    label: str
    path: Path      # the cached file
    size: int


def render_pdf(html: str, lookup: AssetLookup) -> bytes:
    from weasyprint import HTML  # imported here: it takes about half a second

    document = HTML(string=html, base_url=ASSET_BASE_URL, url_fetcher=KitAssetFetcher(lookup))
    return document.write_pdf(**RENDER_OPTIONS)


def pdf_jobs(kit: Kit, page_urls: dict[str, str]) -> list[PdfJob]:
    env = print_environment(kit.root)
    words = ui_words(kit.settings.language)
    jobs = []
    for item in sorted(kit.items.values(), key=lambda i: i.id):
        for paper in papers_in_order(kit.settings.paper):
            label = words[paper.words_key]
            html = print_html(env, kit, item, paper, page_urls[item.id])
            jobs.append(PdfJob(item.id, paper.variant, label, item.source.shown_as, html))
        if item.is_session:
            packet = session_packet(kit, item)
            for paper in papers_in_order(kit.settings.paper):
                html = packet_html(env, kit, packet, paper, page_urls[item.id])
                jobs.append(PdfJob(item.id, f"packet-{paper.variant}",
                                   words["packet_download"].format(label=words[paper.words_key]),
                                   item.source.shown_as, html))
    return jobs


def build_pdfs(kit: Kit, page_urls: dict[str, str]) -> dict[str, list[RenderedPdf]]:
    """Every item's PDFs, keyed by item id."""
    started = time.monotonic()
    lookup = AssetLookup(asset_folders(kit.root))
    fingerprint = lookup.fingerprint()
    folder = cache_folder(kit.root)
    jobs = pdf_jobs(kit, page_urls)
    keys = [cache_key(job.html, fingerprint, RENDER_OPTIONS) for job in jobs]
    missing = {key: job for job, key in zip(jobs, keys) if not (folder / f"{key}.pdf").is_file()}
    for key, pdf in zip(missing, render_many(list(missing.values()), lookup)):
        store(folder, key, pdf)
    results: dict[str, list[RenderedPdf]] = {}
    for job, key in zip(jobs, keys):
        path = folder / f"{key}.pdf"
        results.setdefault(job.item_id, []).append(
            RenderedPdf(job.item_id, job.variant, job.label, path, path.stat().st_size))
    log.info("PDFs: %d rendered, %d from cache, of %d, in %.1f s",
             len(missing), len(jobs) - len(missing), len(jobs), time.monotonic() - started)
    return results


def render_many(jobs: list[PdfJob], lookup: AssetLookup) -> list[bytes]:
    """Render in parallel across cores; a single document is rendered here, without a pool."""
    htmls = [job.html for job in jobs]
    if len(htmls) <= 1:
        outcomes = [_render_or_error(html, lookup) for html in htmls]
    else:
        workers = min(os.cpu_count() or 1, len(htmls))
        context = multiprocessing.get_context("spawn")  # safe under `mkdocs serve`'s threads
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                                 initargs=([str(f) for f in lookup.folders],)) as pool:
            outcomes = list(pool.map(_render_in_worker, htmls))
    failures = [Problem(job.source, 0, 0, "", f"the {job.variant} PDF could not be made ({outcome}). "
                        "If you changed a print template or stylesheet in overrides/, undo that change; "
                        "otherwise report this with the file attached.")
                for job, outcome in zip(jobs, outcomes) if isinstance(outcome, str)]
    if failures:
        raise KitInvalid(failures)
    return outcomes


def _render_or_error(html: str, lookup: AssetLookup) -> bytes | str:
    try:
        return render_pdf(html, lookup)
    except Exception as error:  # WeasyPrint raises many kinds; the caller reports them per file
        return f"{type(error).__name__}: {error}"
    except BaseException as error:  # WeasyPrint's FatalURLFetchingError derives from BaseException
        if isinstance(error, (KeyboardInterrupt, SystemExit)):
            raise
        return f"{type(error).__name__}: {error}"


_worker_lookup: AssetLookup | None = None


def _start_worker(folders: list[str]) -> None:
    global _worker_lookup
    import weasyprint  # noqa: F401  (import once per worker, not once per document)

    _worker_lookup = AssetLookup([Path(f) for f in folders])


def _render_in_worker(html: str) -> bytes | str:
    return _render_or_error(html, _worker_lookup)
